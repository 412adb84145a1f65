"""marshmallow error messages -> SCHEMA findings, one per field, with JSON pointers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from forms_app.policy.findings import Finding

SCHEMA_RULE = "SCHEMA"
SCHEMA_CITATION = "contract.md"
_KEY_SHOWN_MAX = 60  # an unknown key is echoed in the pointer; keep hostile keys short


def schema_finding(field: str, message: str) -> Finding:
    """A SCHEMA finding: a shape or type error that no policy rule speaks of."""
    return Finding(SCHEMA_RULE, "error", field, message, SCHEMA_CITATION)


def findings_from_messages(messages: Any) -> list[Finding]:
    """Flatten marshmallow's nested error messages into findings sorted by pointer."""
    found = [
        schema_finding(pointer, f"{_label(parts)}: {text}")
        for pointer, parts, text in _walk(messages, "", ())
    ]
    return sorted(found, key=lambda finding: finding.field)


def _walk(messages: Any, pointer: str, parts: tuple[str, ...]) -> Iterator[tuple]:
    if isinstance(messages, Mapping):
        for key, sub in messages.items():
            if key == "_schema":
                yield from _walk(sub, pointer, parts)
            else:
                name = _safe_key(key)
                yield from _walk(sub, f"{pointer}/{_escape(name)}", (*parts, name))
    elif isinstance(messages, list | tuple):
        for item in messages:
            yield from _walk(item, pointer, parts)
    else:
        yield pointer, parts, str(messages)


def _safe_key(key: Any) -> str:
    """A key as text with control characters and lone surrogates escaped, shortened."""
    text = str(key)
    if not text.isprintable() or any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("unicode_escape", "backslashreplace").decode("ascii")
    return text if len(text) <= _KEY_SHOWN_MAX else text[:_KEY_SHOWN_MAX] + "…"


def _escape(token: str) -> str:
    """RFC 6901: '~' becomes '~0' and '/' becomes '~1'."""
    return token.replace("~", "~0").replace("/", "~1")


def _label(parts: tuple[str, ...]) -> str:
    """``plan.needs[2].s117`` for people; "The form" for the whole document."""
    if not parts:
        return "The form"
    label = ""
    for part in parts:
        label += f"[{part}]" if part.isdigit() else (f".{part}" if label else part)
    return label
