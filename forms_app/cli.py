"""The ``s117`` command (contract.md, "The command").

Every subcommand is a small ``add_<name>(subparsers)`` function listed in COMMANDS; its
handler takes the parsed arguments and returns the exit code. Output is one JSON document
on stdout, written only once it is complete; messages for people go to stderr.

Exit codes: 0 valid / answered; 1 the form has error findings (SCHEMA included);
2 the command could not run: input not JSON, file missing or unreadable, unknown pack,
bad arguments, or ``s117 responsible`` given a form whose kind is not ``responsibility``
(a usage error, not a finding: the form may be valid, it is just the wrong command).

The DOCUMENTS helper adds ``render`` and ``verify``: either append ``add_render`` /
``add_verify`` to COMMANDS, or provide ``forms_app.documents.commands.register(subparsers)``,
which is picked up when it exists. Handlers may raise ``CommandError`` (exit 2),
``InputError`` or ``PackError`` for a one-line message.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from marshmallow import ValidationError

from forms_app.contract import json_schema
from forms_app.contract.check import check_form, jsonable
from forms_app.contract.fields import IsoDate
from forms_app.contract.jsonio import InputError, dumps, read_json_file
from forms_app.policy.packs import PackError

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2


class CommandError(Exception):
    """The command cannot run; the message is one line for people (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting (one-line messages)."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.partition(" ")[2]  # "" for the top level, else e.g. "validate"
        raise CommandError(f"{command}: {message}" if command else message)


def emit(document: Any) -> None:
    """Write one JSON document to stdout as UTF-8, whole or not at all."""
    data = dumps(jsonable(document)).encode("utf-8")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def say(message: str) -> None:
    """A one-line message for people, on stderr."""
    print(" ".join(str(message).split()), file=sys.stderr)


def iso_date(text: str) -> dt.date:
    """argparse type for ``--as-of YYYY-MM-DD`` (the same rule as dates in forms)."""
    try:
        return IsoDate().deserialize(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {' '.join(exc.messages)}") from None


# --- validate -------------------------------------------------------------------------


def add_validate(subparsers: Any) -> None:
    cmd = subparsers.add_parser("validate", help="check a form against the contract and rules")
    cmd.add_argument("file", metavar="FILE", help="the form, as JSON (- for stdin)")
    cmd.add_argument("--policy", metavar="PACK", help="policy pack (overrides the form's)")
    cmd.set_defaults(handler=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    result = check_form(read_json_file(args.file), args.policy)
    emit(result.as_json())
    return EXIT_OK if result.valid else EXIT_INVALID


# --- responsible ----------------------------------------------------------------------


def add_responsible(subparsers: Any) -> None:
    cmd = subparsers.add_parser("responsible", help="name the responsible council and ICB")
    cmd.add_argument("file", metavar="FILE", help="a responsibility form, as JSON")
    cmd.add_argument("--as-of", type=iso_date, metavar="DATE", help="decide as on this date")
    cmd.set_defaults(handler=run_responsible)


def run_responsible(args: argparse.Namespace) -> int:
    raw = read_json_file(args.file)
    kind = raw.get("kind") if isinstance(raw, Mapping) else None
    if kind != "responsibility":
        shown = kind if isinstance(kind, str) and kind.isidentifier() else "not a form"
        raise CommandError(
            f"{args.file}: kind is {shown!r}; s117 responsible needs a responsibility form"
        )
    result = check_form(raw)
    if result.data is None:
        emit(result.as_json())
        return EXIT_INVALID
    from forms_app.policy.responsibility import decide  # the engine's calculator

    emit(decide(result.data, args.as_of or result.data.get("as_of")))
    return EXIT_OK


# --- schemas --------------------------------------------------------------------------


def add_schemas(subparsers: Any) -> None:
    cmd = subparsers.add_parser("schemas", help="write (or --check) schemas/<kind>.schema.json")
    cmd.add_argument("--check", action="store_true", help="exit 1 if any file is stale")
    cmd.add_argument("--dir", type=Path, default=None, help="default: the repository's schemas/")
    cmd.set_defaults(handler=run_schemas)


def run_schemas(args: argparse.Namespace) -> int:
    directory = args.dir or json_schema.default_dir()
    if args.check:
        stale = json_schema.stale(directory)
        emit({"directory": str(directory), "stale": stale})
        if stale:
            say(f"stale JSON Schema in {directory}: {', '.join(stale)}; run: s117 schemas")
        return EXIT_INVALID if stale else EXIT_OK
    written = json_schema.write_all(directory)
    emit({"directory": str(directory), "written": [path.name for path in written]})
    return EXIT_OK


# --- registry -------------------------------------------------------------------------

COMMANDS: list[Callable[[Any], None]] = [add_validate, add_responsible, add_schemas]


def _add_document_commands(subparsers: Any) -> None:
    """``render`` and ``verify`` come from the documents package once it provides them."""
    try:
        commands = importlib.import_module("forms_app.documents.commands")
    except ModuleNotFoundError as exc:
        if exc.name in ("forms_app.documents", "forms_app.documents.commands"):
            return
        raise
    commands.register(subparsers)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="s117", description="Section 117 aftercare forms: check and decide.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(subparsers)
    _add_document_commands(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; never lets a traceback out (any failure is one line, exit 2)."""
    try:
        args = build_parser().parse_args(argv)
        return args.handler(args)
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except (CommandError, InputError, PackError) as exc:
        say(f"s117: {exc}")
    except KeyboardInterrupt:
        say("s117: interrupted")
    except Exception as exc:  # the command's promise: no traceback, ever
        say(f"s117: internal error ({type(exc).__name__}): {exc}")
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
