"""Reading form files and writing the command's JSON, strictly.

A form file is UTF-8 JSON of at most MAX_BYTES. Duplicate keys, NaN/Infinity and
nesting deeper than Python can parse are refused as "not JSON" (InputError): each would
otherwise let two readers of one file see different forms.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

MAX_BYTES = 5 * 1024 * 1024


class InputError(Exception):
    """The input cannot be read as a form file; the message is one line for people."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"duplicate key {key[:60]!r} in one object")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise InputError(f"{name} is not a JSON number")


def parse_json(text: str | bytes, source: str = "input") -> Any:
    """Parse strict JSON; raise InputError naming the source on any failure."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except InputError as exc:
        raise InputError(f"{source} is not valid JSON: {exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{source} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        raise InputError(f"{source} is not valid JSON: {detail}") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{source} is not valid JSON: {type(exc).__name__}") from None


def without_annotations(value: Any) -> Any:
    """``value`` with every ``_``-prefixed key (an annotation) removed, at every depth, and
    dates as ISO text: what is stored or fingerprinted is exactly the form."""
    if isinstance(value, Mapping):
        return {k: without_annotations(v) for k, v in value.items()
                if not str(k).startswith("_")}
    if isinstance(value, list | tuple):
        return [without_annotations(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def read_json_file(path: str | Path) -> Any:
    """Read a form file (``-`` is stdin); InputError (one line) when missing, unreadable,
    too big or not JSON."""
    source = str(path)
    try:
        if source == "-":
            source = "standard input"
            content = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                content = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or type(exc).__name__})") from None
    if len(content) > MAX_BYTES:
        raise InputError(f"{source}: larger than {MAX_BYTES} bytes")
    return parse_json(content, source)


def dumps(document: Any) -> str:
    """The command's output text: one JSON document, UTF-8 as is, two-space indent."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
