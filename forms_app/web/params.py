"""Numbers from URLs, query strings and forms, bounded so that no input becomes a 500.

PostgreSQL's ``integer`` stops at 2**31 - 1 and SQLite's at 2**63 - 1, and Python refuses
to parse an integer of more than 4,300 digits: an id, page or version outside these
bounds is "not found" or "not a number" to the service, never an error from below.
"""

from __future__ import annotations

from typing import Any

from werkzeug.routing import IntegerConverter, Map

MAX_ID = 2**31 - 1
MAX_PAGE = 100_000


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: a database id, 1 to ``MAX_ID`` (else 404)."""

    def __init__(self, url_map: Map, fixed_digits: int = 0, min: int | None = 1,
                 max: int | None = MAX_ID, signed: bool = False) -> None:
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def bounded_int(raw: Any, maximum: int = MAX_ID) -> int | None:
    """The whole number 0..``maximum`` that ``raw`` spells, else None (never raises)."""
    text = str(raw if raw is not None else "").strip()
    if not text.isdigit() or not text.isascii() or len(text) > len(str(maximum)):
        return None
    value = int(text)
    return value if value <= maximum else None


def read_version(raw: Any) -> int:
    """The lock_version a page was rendered with; -1 (which matches no record) when it is
    missing or not a number, so the save or signature meets a conflict, never a guess."""
    value = bounded_int(raw)
    return -1 if value is None else value


def page_number(raw: Any) -> int:
    """A page of a paged list: 1 unless ``raw`` is a page number up to ``MAX_PAGE``."""
    return max(1, bounded_int(raw, MAX_PAGE) or 1)
