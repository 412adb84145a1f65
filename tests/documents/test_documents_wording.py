"""Words printed for readers: no internal jargon, language names, sentence case, each rule
once, a draft that says what is missing, one health-side organisation throughout."""

from __future__ import annotations

import pytest
from docs_helpers import EXAMPLE_FILES, check_form, html_text, load_example

from forms_app.documents import registry
from forms_app.documents.context import PROFESSIONAL
from forms_app.documents.formatting import language_name
from forms_app.documents.render import context, render
from forms_app.documents.wording import mid_sentence

OURS = {d.name for d in PROFESSIONAL}
CASES = [(path.name, document) for path in EXAMPLE_FILES
         for document in registry.documents_for_kind(load_example(path.name)["kind"])
         if document in OURS]
JARGON = ("pack", "the decider", "version draft", "language en", "BCP 47")


@pytest.mark.parametrize(("example", "document"), CASES)
def test_no_internal_jargon_is_printed(example, document) -> None:
    text = html_text(render(document, check_form(load_example(example)), "html"))
    for word in JARGON:
        assert word not in text, word


@pytest.mark.parametrize(("tag", "name"), [("en", "English"), ("cy", "Welsh"),
                                           ("pa-Arab-PK", "Punjabi (Arabic, Pakistan)"),
                                           ("pl", "Polish"), ("xx-unknown", "xx-unknown"),
                                           (None, "Not recorded")])
def test_language_printed_by_name(tag, name) -> None:
    assert language_name(tag) == name


def test_person_box_names_language_and_representative_in_sentence_case() -> None:
    raw = load_example("funding_agreement.json")
    raw["person"]["communication"].update(language="pl", interpreter_needed=True)
    fields = {f["label"]: f["value"] for f in context(
        "funding_agreement", check_form(raw))["person"]["fields"]}
    assert fields["Communication format"] == "Easy read"
    assert fields["Language"] == "Polish; needs an interpreter"
    assert fields["Representative"] == "Jo Morgan (sister, nearest relative)"


def test_mid_sentence_keeps_proper_nouns() -> None:
    assert mid_sentence("Nearest relative") == "nearest relative"
    assert mid_sentence("Court of Protection deputy") == "Court of Protection deputy"
    assert mid_sentence("NHS-funded nursing care") == "NHS-funded nursing care"
    assert mid_sentence("IMCA involved") == "IMCA involved"


def test_review_03_text_printed_once_in_the_discharge_decision() -> None:
    result = check_form(load_example("discharge_decision.json"))
    message = next(f.message for f in result.findings if f.rule == "REVIEW-03")
    text = html_text(render("discharge_decision", result, "html"))
    assert text.count(message) == 1
    row = next(r for r in context("discharge_decision", result)["checklist"]["rows"]
               if r["rule"] == "REVIEW-03")
    assert row["title"] != row["message"]


def test_draft_box_names_each_unmet_rule_by_its_title() -> None:
    raw = load_example("funding_agreement.json")
    raw["signatures"] = raw["signatures"][:1]
    meta = context("funding_agreement", check_form(raw))["meta"]
    assert meta["draft_reasons"][0] == (
        "Not yet met: FUND-11 (every funding agreement is signed by both parties).")
    assert meta["version_label"] == "unnumbered draft"
    text = html_text(render("funding_agreement", check_form(raw), "html"))
    assert "unnumbered draft" in text
    assert "version draft" not in text


def _health_side(raw: dict) -> tuple[str, str]:
    model = context("discharge_decision", check_form(raw))
    fields = {f["label"]: f["value"] for s in model["sections"] for f in s["fields"]}
    return model["parties"][1]["name"], fields["Responsible integrated care board"]


def test_discharge_decision_names_the_same_health_side_signed_or_draft() -> None:
    """The letterhead shows the health side's organisation (the trust where the responsible
    clinician decides), signed or not; the responsible ICB is named separately."""
    signed = load_example("discharge_decision.json")
    draft = load_example("discharge_decision.json")
    draft["signatures"] = draft["signatures"][:1]
    trust = "Herefordshire and Worcestershire Health and Care NHS Trust"
    icb = "NHS Herefordshire and Worcestershire Integrated Care Board (QGH)"
    assert _health_side(signed)[0] == _health_side(draft)[0] == trust
    assert _health_side(signed)[1].startswith(icb)
    assert _health_side(draft)[1].startswith(icb)
