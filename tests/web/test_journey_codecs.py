"""How typed answers become JSON values: nothing typed is ever thrown away."""

from __future__ import annotations

import pytest

from forms_app.web.forms.codecs import decode, encode
from forms_app.web.forms.spec import Leaf

MONEY = Leaf("x", "x", "money")
DATE = Leaf("x", "x", "date")
NUMBER = Leaf("x", "x", "number")
YES_NO = Leaf("x", "x", "yes_no")
TEXT = Leaf("x", "x", "textarea")


@pytest.mark.parametrize(("leaf", "typed", "stored"), [
    (MONEY, "1125.00", 112500),          # pounds and pence
    (MONEY, "£1,125", 112500),           # a pound sign and a thousands comma are fine
    (MONEY, "0.5", 50),
    (MONEY, "12.345", "12.345"),         # not an amount: kept as typed, SCHEMA reports it
    (MONEY, "  ", None),                 # blank is no answer
    (DATE, {"day": "5", "month": "1", "year": "2026"}, "2026-01-05"),
    (DATE, {"day": "31", "month": "2", "year": "2026"}, "2026-02-31"),  # kept; not real
    (DATE, {"day": "x", "month": "1", "year": "2026"}, "2026-1-x"),     # kept as typed
    (DATE, {"day": "", "month": "", "year": ""}, None),
    (NUMBER, "60", 60),
    (NUMBER, "sixty", "sixty"),
    (YES_NO, "yes", True),
    (YES_NO, "no", False),
    (YES_NO, None, None),                # unanswered stays unanswered, never "No"
    (TEXT, "line one\r\nline two ", "line one\nline two"),  # browsers send CRLF
])
def test_decode(leaf, typed, stored):
    assert decode(leaf, typed) == stored


@pytest.mark.parametrize(("leaf", "stored"), [
    (MONEY, 112500), (MONEY, 5), (DATE, "2026-01-05"), (DATE, "2026-02-31"), (NUMBER, 40),
    (YES_NO, True), (YES_NO, False), (YES_NO, None),
])
def test_what_is_shown_reads_back_as_what_was_stored(leaf, stored):
    assert decode(leaf, encode(leaf, stored)) == stored
