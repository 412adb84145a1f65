"""How values are written in documents: dates, money, yes/no, closed vocabularies.

One place for every word a document prints about a value, so the Word and PDF versions
cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from forms_app.policy.money import format_gbp as policy_format_gbp

NOT_RECORDED = "Not recorded"


def format_date(value: date | str | None) -> str:
    """``18 March 2026``; ``Not recorded`` for a missing date."""
    if value is None or value == "":
        return NOT_RECORDED
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.date()
    return f"{value.day} {value:%B %Y}"


def format_gbp(pence: int | None) -> str:
    """``£1,234.56`` from integer pence (negative as ``-£1.00``)."""
    if pence is None:
        return NOT_RECORDED
    return policy_format_gbp(pence)


def yes_no(value: bool | None) -> str:
    if value is None:
        return NOT_RECORDED
    return "Yes" if value else "No"


def text(value: Any) -> str:
    """A free-text value as printed: empty or missing becomes ``Not recorded``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return NOT_RECORDED
    return str(value)


def org_name(org: Mapping[str, Any] | None) -> str:
    if not org:
        return NOT_RECORDED
    return f"{org['name']} ({org['code']})"


def percent(value: float | int | None) -> str:
    if value is None:
        return NOT_RECORDED
    return f"{value:g}%"


def language_name(tag: str | None) -> str:
    """``English`` for ``en``, ``Punjabi (Arabic, Pakistan)`` for ``pa-Arab-PK``: a reader
    knows languages by name, not by BCP 47 tag. A tag Babel does not know prints as given."""
    from babel import Locale, UnknownLocaleError

    if not tag:
        return NOT_RECORDED
    try:
        return Locale.parse(tag, sep="-").get_display_name("en_GB") or tag
    except (ValueError, TypeError, UnknownLocaleError):
        return tag
