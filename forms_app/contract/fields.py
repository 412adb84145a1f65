"""Field types for the form contract: the input hygiene every kind shares.

Text rules (why: text ends up in Word and PDF documents, where a C0 control character
becomes a page break, a new paragraph or an unreadable file):

- Single-line fields (``line(...)``) refuse every C0 control character
  ``\\x00``-``\\x1f``, DEL ``\\x7f``, the C1 controls ``\\x80``-``\\x9f``,
  lone surrogates and the non-characters ``\\ufffe``/``\\uffff``.
- Multi-line fields (``narrative(...)``, ``multiline=True``) allow ``\\n`` and ``\\t``
  and nothing else from that set. They are the texts people write in a text area: views,
  explanations, best-interests record, rationale, readmission risk, other services, dispute
  grounds, need and service descriptions, change descriptions and arrangements, the
  delegation's ``what`` and register notes. Everything else (names, roles, codes, ids,
  references, providers, hospitals, destinations, phone, email) is single-line.
  ``\\r`` is refused: callers that take text from a browser normalise ``\\r\\n`` to
  ``\\n`` first.

Every text field has a stated maximum length (the constants below). Integers are strict:
``12.7``, ``"12"`` and ``true`` are refused. Dates are ISO ``YYYY-MM-DD`` only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from marshmallow import ValidationError, fields, validate

from forms_app.policy import nhs_number

CODE_MAX = 20  # ONS GSS / ODS codes, ids like "N1"
NAME_MAX = 200  # names, roles, providers, hospitals, references, contact details
DESCRIPTION_MAX = 2000  # one-paragraph descriptions
NARRATIVE_MAX = 5000  # rationale, views, grounds, records: long multi-line text
LANGUAGE_MAX = 35  # a BCP 47 tag
MAX_PENCE = 10_000_000_000  # £100m: far above any weekly cost, refuses absurd numbers
# Dates a form can hold: wide enough for any birth or review, narrow enough that date
# arithmetic (review due dates, working days) never overflows at year 9999.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)

_FORBIDDEN_SINGLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FORBIDDEN_MULTI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATE_PATTERN = "^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$"  # JSON Schema: years 1900-2199
_BCP47 = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_NHS = re.compile(r"[0-9]{10}")

# JSON Schema patterns equivalent to the checks above (used by the generator).
SINGLE_LINE_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f\\ufffe\\uffff]*$"
MULTILINE_PATTERN = "^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\ufffe\\uffff]*$"

_REQUIRED_MESSAGES = {
    "required": "This field is required.",
    "null": "This field may not be null.",
}


def _presence(required: bool, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Required fields refuse null; optional ones default to None (the rule reports)."""
    merged = {"error_messages": dict(_REQUIRED_MESSAGES), **kwargs}
    if required:
        return {"required": True, "allow_none": False, **merged}
    return {"required": False, "allow_none": True, "load_default": None, **merged}


class Text(fields.String):
    """A string with a length cap and no control characters."""

    def __init__(self, *, max_length: int, multiline: bool = False, **kwargs: Any) -> None:
        self.max_length = max_length
        self.multiline = multiline
        validators = [validate.Length(max=max_length, error="Must be at most {max} characters.")]
        super().__init__(validate=validators + list(kwargs.pop("validate", [])), **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        forbidden = _FORBIDDEN_MULTI if self.multiline else _FORBIDDEN_SINGLE
        found = forbidden.search(text)
        if found:
            allowed = " (only new lines and tabs are allowed)" if self.multiline else ""
            raise ValidationError(
                f"Contains a control character U+{ord(found.group()):04X}{allowed}."
            )
        return text


class Choice(fields.String):
    """A value from a closed vocabulary (contract.md, 'Closed vocabularies')."""

    def __init__(self, choices: Sequence[str], **kwargs: Any) -> None:
        self.choices = tuple(choices)
        message = "Must be one of: " + ", ".join(self.choices) + "."
        super().__init__(validate=validate.OneOf(self.choices, error=message), **kwargs)


class StrictInteger(fields.Integer):
    """An integer that refuses floats, numeric strings and booleans."""

    default_error_messages = {"invalid": "Must be a whole number (an integer, not text)."}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(strict=True, **kwargs)

    def _validated(self, value: Any) -> int:
        if isinstance(value, bool):  # bool is an int subclass: refuse it explicitly
            raise self.make_error("invalid")
        return super()._validated(value)


class StrictBoolean(fields.Boolean):
    """Only JSON true/false: no 1, "yes" or "on"."""

    default_error_messages = {"invalid": "Must be true or false."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if value is True or value is False:
            return value
        raise self.make_error("invalid")


class IsoDate(fields.Date):
    """A real calendar date written ``YYYY-MM-DD`` (a ``datetime.date`` is also taken)."""

    default_error_messages = {
        "invalid": "Must be a date written YYYY-MM-DD.",
        "unreal": "Not a real date.",
        "range": "Must be a date from 1900-01-01 to 2199-12-31.",
    }

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dt.date:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            day = value
        elif not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise self.make_error("invalid")
        else:
            try:
                day = dt.date.fromisoformat(value)
            except ValueError as exc:
                raise self.make_error("unreal") from exc
        if not MIN_DATE <= day <= MAX_DATE:
            raise self.make_error("range")
        return day


class NhsNumber(fields.String):
    """Ten digits whose last is the Modulus 11 check digit of the first nine."""

    default_error_messages = {
        "format": "An NHS number is 10 digits with no spaces.",
        "check": "Not a valid NHS number (the check digit does not match).",
    }

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not _NHS.fullmatch(text):
            raise self.make_error("format")
        if not nhs_number.is_valid(text):
            raise self.make_error("check")
        return text


class LanguageTag(fields.String):
    """A BCP 47 language tag such as ``en``, ``pl`` or ``pa-Guru-IN``."""

    default_error_messages = {"format": "Must be a BCP 47 language tag such as en or pl."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > LANGUAGE_MAX or not _BCP47.fullmatch(text):
            raise self.make_error("format")
        return text


class ListOf(fields.List):
    """A list; null reads as the empty list so the engine always sees a list."""

    def __init__(self, inner: fields.Field, *, max_items: int = 200, **kwargs: Any) -> None:
        self.max_items = max_items
        limit = validate.Length(max=max_items, error="At most {max} items.")
        super().__init__(inner, validate=limit, **kwargs)

    def deserialize(self, value: Any, attr: str | None = None, data: Any = None, **kwargs: Any):
        return [] if value is None else super().deserialize(value, attr, data, **kwargs)


class Tagged(fields.Field):
    """An object whose ``type`` picks its schema (the responsibility events)."""

    default_error_messages = {"invalid": "Must be an object with a type."}

    def __init__(self, schemas: Mapping[str, type], **kwargs: Any) -> None:
        self.schemas = {name: cls() for name, cls in schemas.items()}
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dict:
        if not isinstance(value, Mapping):
            raise self.make_error("invalid")
        tag = value.get("type")
        if not isinstance(tag, str) or tag not in self.schemas:
            raise ValidationError({"type": ["Must be one of: " + ", ".join(self.schemas) + "."]})
        return self.schemas[tag].load(value)

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        return self.schemas[value["type"]].dump(value)


# Factories: `required=False` makes a field nullable with a None default, for the fields
# whose absence a rule reports (contract.md); required ones are identity or structure.


def line(max_length: int = NAME_MAX, *, required: bool = True) -> Text:
    return Text(max_length=max_length, **_presence(required, {}))


def narrative(max_length: int = NARRATIVE_MAX, *, required: bool = False) -> Text:
    return Text(max_length=max_length, multiline=True, **_presence(required, {}))


def choice(choices: Sequence[str], *, required: bool = True) -> Choice:
    return Choice(choices, **_presence(required, {}))


def date(*, required: bool = True) -> IsoDate:
    return IsoDate(**_presence(required, {}))


def flag(*, required: bool = False) -> StrictBoolean:
    return StrictBoolean(**_presence(required, {}))


def pence(*, required: bool = True) -> StrictInteger:
    bounds = validate.Range(min=0, max=MAX_PENCE, error="Must be between {min} and {max} pence.")
    return StrictInteger(validate=bounds, **_presence(required, {}))


def percent(*, required: bool = True) -> StrictInteger:
    bounds = validate.Range(min=0, max=100, error="Must be a whole percent from 0 to 100.")
    return StrictInteger(validate=bounds, **_presence(required, {}))


def nested(schema: type, *, required: bool = True) -> fields.Nested:
    return fields.Nested(schema, **_presence(required, {}))


def many(inner: fields.Field | type, *, max_items: int = 200) -> ListOf:
    """A list of values or nested objects, never required: missing or null is []."""
    item = fields.Nested(inner) if isinstance(inner, type) else inner
    return ListOf(item, max_items=max_items, load_default=list, required=False, allow_none=True)
