"""Answers as a person types them <-> values in the JSON shape.

Decoding never throws an answer away: text that is not a date or an amount is kept as
text, so the draft stores it and the schema reports it as a SCHEMA finding beside the field.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from forms_app.web.forms.spec import Leaf

_AMOUNT = re.compile(r"[0-9]{1,15}(\.[0-9]{1,2})?")
# Python will not parse an integer of over 4,300 digits: longer runs stay text (SCHEMA).
_DIGITS = re.compile(r"[0-9]{1,18}")
_DAY_MONTH, _YEAR = re.compile(r"[0-9]{1,2}"), re.compile(r"[0-9]{1,4}")


def decode(leaf: Leaf, value: Any) -> Any:
    """The JSON value for what the person entered."""
    kind = leaf.kind
    if kind == "date":
        return _decode_date(value or {})
    if kind == "checkboxes":
        return [str(item) for item in (value or [])]
    if kind == "yes_no":
        return {"yes": True, "no": False}.get(value or "")
    text = _clean(value)
    if text is None:
        return None
    if kind == "money":
        return _decode_money(text)
    if kind == "number":
        return int(text) if _DIGITS.fullmatch(text) else text
    return text


def encode(leaf: Leaf, value: Any) -> Any:
    """What the form shows for a JSON value (the inverse of :func:`decode`)."""
    kind = leaf.kind
    if kind == "date":
        return _encode_date(value)
    if kind == "checkboxes":
        return list(value) if isinstance(value, list) else []
    if kind == "yes_no":
        return {True: "yes", False: "no"}.get(value) if isinstance(value, bool) else None
    if value is None:
        return ""
    if kind == "money" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value // 100}.{value % 100:02d}"
    return str(value)


def display(leaf: Leaf, value: Any, labels: dict[str, str]) -> str:
    """The answer as a sentence fragment for the check-answers page."""
    from forms_app.web.forms.labels import format_date, format_money, label_for

    if value is None or value == [] or value == "":
        return "Not answered"
    if leaf.kind == "yes_no" and isinstance(value, bool):
        return "Yes" if value else "No"
    if leaf.kind == "money" and isinstance(value, int):
        return format_money(value)
    if leaf.kind == "date" and isinstance(value, str):
        return format_date(value)
    if isinstance(value, list):
        return ", ".join(labels.get(str(item), label_for(str(item))) for item in value)
    if leaf.kind in ("radios", "select"):
        return labels.get(str(value), label_for(str(value)))
    return str(value)


def _clean(value: Any) -> str | None:
    """Trimmed text with browser line endings made Unix; blank is no answer."""
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _decode_money(text: str) -> int | str:
    plain = text.replace("£", "").replace(",", "").replace(" ", "")
    if not _AMOUNT.fullmatch(plain):
        return text
    return int(Decimal(plain) * 100)


def _decode_date(parts: dict[str, Any]) -> str | None:
    day, month, year = (str(parts.get(key) or "").strip() for key in ("day", "month", "year"))
    if not (day or month or year):
        return None
    if _DAY_MONTH.fullmatch(day) and _DAY_MONTH.fullmatch(month) and _YEAR.fullmatch(year):
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    return f"{year}-{month}-{day}"


def _encode_date(value: Any) -> dict[str, str]:
    if not isinstance(value, str) or not value:
        return {"day": "", "month": "", "year": ""}
    pieces = value.split("-")
    if len(pieces) != 3:
        return {"day": "", "month": "", "year": value}
    year, month, day = pieces
    return {"day": day, "month": month, "year": year}
