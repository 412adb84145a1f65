"""Every example renders to DOCX, PDF and HTML, and each shows the form's substance."""

from __future__ import annotations

from datetime import date

import pytest
from docs_helpers import (
    EXAMPLE_FILES,
    docx_text,
    expected_strings,
    html_text,
    load_example,
    pdf_text,
    rule_ids,
)

from forms_app.documents import registry
from forms_app.documents.checklist import KIND_RULES
from forms_app.documents.context import PROFESSIONAL as _OURS
from forms_app.documents.render import context as render_context
from forms_app.documents.render import render
from forms_app.documents.signoff import SignOff
from forms_app.policy.catalogue import RULES

READERS = {"pdf": pdf_text, "docx": docx_text, "html": html_text}

OURS = {d.name for d in _OURS}
# The person-facing documents (rights_leaflet, discharge_letter, change_notice) have their
# own tests (test_person_*); these cover the professional document of every other example.
PROFESSIONAL = [(path.name, doc) for path in EXAMPLE_FILES
                for doc in registry.documents_for_kind(load_example(path.name)["kind"])
                if doc in OURS]


def _signoff(raw: dict) -> SignOff:
    return SignOff("S117-TEST-0001", 3, "f" * 64, date(2026, 3, 19))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize(("example", "document"), PROFESSIONAL)
def test_every_example_renders_with_its_substance(check, example, document, fmt) -> None:
    raw = load_example(example)
    result = check(raw)
    data = render(document, result, fmt, signoff=_signoff(raw))
    text = READERS[fmt](data)
    for wanted in expected_strings(raw):
        assert wanted in text, f"{wanted!r} missing from {document}.{fmt}"
    assert "Compliance checklist" in text
    kind_rules = {r for r in RULES if r.startswith(KIND_RULES[result.kind])}
    assert kind_rules <= rule_ids(text)
    assert "Sign-off" in text
    assert "S117-TEST-0001" in text
    assert "f" * 64 in text.replace(" ", "")


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_complete_form_signed_off_has_no_draft_mark(check, fmt) -> None:
    raw = load_example("funding_agreement.json")
    text = READERS[fmt](render("funding_agreement", check(raw), fmt, signoff=_signoff(raw)))
    assert "DRAFT" not in text
    assert "Signed off on 19 March 2026" in text
    assert "Tom Reed" in text
    assert "Dr Ann Hale" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_fund_11_missing_signature_renders_draft_mark(check, fmt) -> None:
    raw = load_example("funding_agreement.json")
    raw["signatures"] = raw["signatures"][:1]
    result = check(raw)
    assert result.missing_signatures
    text = READERS[fmt](render("funding_agreement", result, fmt, signoff=_signoff(raw)))
    assert "DRAFT — not signed off" in text
    assert "Signatures still needed: Integrated care board" in text


def test_no_signoff_given_is_a_draft(check) -> None:
    text = html_text(render("aftercare_plan", check(load_example("aftercare_plan.json")), "html"))
    assert "DRAFT — not signed off" in text
    assert "This document has not been signed off." in text


def test_money_and_dates_written_for_people(check) -> None:
    raw = load_example("funding_agreement.json")
    text = html_text(render("funding_agreement", check(raw), "html"))
    assert "£1,335.00" in text
    assert "£801.00" in text
    assert "£534.00" in text
    assert "19 March 2026" in text
    assert "2026-03-19" not in text


def test_large_print_variant_uses_large_print_layouts(check) -> None:
    raw = load_example("aftercare_plan.json")
    html = render("aftercare_plan", check(raw), "html", variant="large_print").decode()
    assert 'class="large-print' in html
    docx = render("aftercare_plan", check(raw), "docx", variant="large_print")
    assert "Alex Morgan" in docx_text(docx)


def test_unknown_document_or_wrong_kind_is_refused(check) -> None:
    result = check(load_example("aftercare_plan.json"))
    with pytest.raises(registry.UnknownDocument):
        render("no_such_document", result, "pdf")
    with pytest.raises(registry.UnknownDocument):
        render("funding_agreement", result, "html")
    with pytest.raises(registry.UnknownDocument):
        render("aftercare_plan", result, "html", variant="easy_read")


def test_documents_for_kind_follows_the_contract_table() -> None:
    assert registry.documents_for_kind("aftercare_plan") == ["aftercare_plan", "rights_leaflet"]
    assert registry.documents_for_kind("discharge_decision") == [
        "discharge_decision", "discharge_letter"]
    assert registry.documents_for_kind("register_entry") == ["register_extract"]
    assert registry.documents_for_kind("responsibility") == ["responsibility_statement"]
    assert registry.documents_for_kind("change_notice") == ["change_notice"]


def test_draft_without_signatures_still_names_both_organisations(check) -> None:
    raw = load_example("leave_funding_agreement.json")
    raw["signatures"] = []
    text = html_text(render("leave_funding_agreement", check(raw), "html"))
    assert "Worcestershire County Council" in text
    assert "NHS Herefordshire and Worcestershire Integrated Care Board" in text
    assert "Signatures still needed: Local authority, Integrated care board." in text
    assert "Worcestershire joint section 117 policy" in text


def test_plan_01_checklist_shows_the_broken_rule_as_not_met(check) -> None:
    raw = load_example("aftercare_plan.json")
    raw["plan"]["named_practitioner"] = None
    result = check(raw)
    finding = next(f for f in result.findings if f.rule == "PLAN-01")
    model = render_context("aftercare_plan", result)
    row = next(r for r in model["checklist"]["rows"] if r["rule"] == "PLAN-01")
    assert (row["result"], row["message"]) == ("Not met", finding.message)
    assert next(r for r in model["checklist"]["rows"] if r["rule"] == "PLAN-05")["result"] == "Met"
    assert model["meta"]["draft"]
    assert ("Not yet met: PLAN-01 (a named practitioner is recorded with a way to contact "
            "them).") in model["meta"]["draft_reasons"]
    text = pdf_text(render("aftercare_plan", result, "pdf"))
    assert "DRAFT — not signed off" in text
    assert "Not met" in text


@pytest.mark.parametrize(("example", "document"), PROFESSIONAL)
def test_context_is_plain_json_data(check, example, document) -> None:
    """Documents never see ORM objects or dates: the context survives a JSON round trip."""
    import json

    model = render_context(document, check(load_example(example)))
    assert json.loads(json.dumps(model)) == model


def test_templates_refuse_a_missing_value(check) -> None:
    """StrictUndefined: a context without a value the template uses fails, never prints ''."""
    from jinja2 import UndefinedError

    from forms_app.documents.html import render_html

    model = render_context("aftercare_plan", check(load_example("aftercare_plan.json")))
    del model["subtitle"]
    with pytest.raises(UndefinedError):
        render_html("aftercare_plan.html", model)
    from forms_app.documents.docx import render_docx

    with pytest.raises(UndefinedError):
        render_docx(registry.get("aftercare_plan").docx_path("standard"), model)


def test_every_contract_kind_yields_registered_documents() -> None:
    from forms_app.contract.schemas import KINDS

    for kind in KINDS:
        names = registry.documents_for_kind(kind)
        assert names
        for name in names:
            assert kind in registry.get(name).kinds
    with pytest.raises(registry.UnknownDocument):
        registry.documents_for_kind("not_a_kind")
