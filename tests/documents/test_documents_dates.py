"""A document is dated from its form, never from the day it is rendered: rendering is a
pure function of the data."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from docs_helpers import EXAMPLE_FILES, check_form, docx_text, html_text, load_example

from forms_app.documents import registry
from forms_app.documents.context import PROFESSIONAL
from forms_app.documents.formatting import format_date
from forms_app.documents.render import render

OURS = {d.name for d in PROFESSIONAL}
CASES = [(path.name, document) for path in EXAMPLE_FILES
         for document in registry.documents_for_kind(load_example(path.name)["kind"])
         if document in OURS]
# The date each example's document must carry: its issue, decision or agreement date.
DATED = {"aftercare_plan.json": "18 March 2026", "aftercare_plan_child.json": "18 March 2026",
         "funding_agreement.json": "19 March 2026", "funding_agreement_harrow.json":
         "7 October 2026", "leave_funding_agreement.json": "16 February 2026",
         "discharge_decision.json": "20 May 2029", "dispute_notice.json": "1 September 2026",
         "register_entry.json": "26 March 2026", "responsibility.json": "22 November 2026"}


@pytest.mark.parametrize(("example", "document"), CASES)
def test_rendering_on_another_day_gives_the_same_document(example, document) -> None:
    result = check_form(load_example(example))
    with time_machine.travel(date(2031, 1, 2), tick=False):
        later = render(document, result, "html")
    with time_machine.travel(date(2035, 7, 9), tick=False):
        much_later = render(document, result, "html")
    assert later == much_later
    for day in (date(2031, 1, 2), date(2035, 7, 9)):
        assert format_date(day) not in html_text(later)


@pytest.mark.parametrize(("example", "document"), CASES)
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_document_dated_from_the_form(example, document, fmt) -> None:
    read = html_text if fmt == "html" else docx_text
    text = read(render(document, check_form(load_example(example)), fmt))
    assert f"Document dated {DATED[example]}." in text
    assert "· dated" not in text


def test_without_a_form_date_the_last_signature_dates_it() -> None:
    raw = load_example("leave_funding_agreement.json")
    raw["prior_agreement"] = None
    signed = max(s["signed_on"] for s in raw["signatures"])
    text = html_text(render("leave_funding_agreement", check_form(raw), "html"))
    assert f"Document dated {format_date(signed)}." in text
