"""The letters the person receives, in the format recorded for them (CHG-05): the change
notice letter and the discharge letter."""

from __future__ import annotations

import copy
import io

import pdfplumber
import pytest
from docs_helpers import docx_text, html_text, pdf_text
from docx import Document
from test_person_support import HOSTILE, checked, example, points, with_format

from forms_app.documents.render import context, render


def _text(doc: dict) -> str:
    return " ".join(p["text"] + " " + " ".join(r["text"] for r in p["detail"] or [])
                    for p in points(doc))


def _min_pt(pdf: bytes) -> float:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return min(round(c["size"], 1) for page in document.pages for c in page.chars
                   if c["text"].strip() and c["size"] < 60)


LETTERS = [("change_notice", "change_notice"), ("discharge_letter", "discharge_decision")]


@pytest.mark.parametrize(("fmt", "layout"), [
    ("easy_read", "easy_read"), ("large_print", "large_print"), ("standard", "standard"),
    ("braille", "standard"), ("audio", "standard"), ("bsl_video", "standard")])
@pytest.mark.parametrize(("document", "kind"), LETTERS)
def test_chg_05_letter_is_laid_out_in_the_persons_recorded_format(document, kind, fmt,
                                                                   layout) -> None:
    result = checked(with_format(example(kind), fmt))
    doc = context(document, result, "standard")  # whatever is asked, the person's format wins
    assert doc["layout"] == layout
    html = render(document, result, "html", "standard").decode()
    assert f'class="person {layout.replace("_", "-")}' in html


@pytest.mark.parametrize(("fmt", "words"), [
    ("braille", "in braille"), ("audio", "as audio"), ("bsl_video", "in British Sign Language")])
def test_chg_05_formats_we_cannot_print_get_a_visible_note(fmt, words) -> None:
    result = checked(with_format(example("change_notice"), fmt))
    pdf = pdf_text(render("change_notice", result, "pdf"))
    assert f"You asked for information {words}." in pdf
    assert "We are getting" in pdf


@pytest.mark.parametrize(("fmt", "smallest"), [("easy_read", 16), ("large_print", 18)])
@pytest.mark.parametrize(("document", "kind"), LETTERS)
def test_chg_05_letter_pdf_type_size_follows_the_format(document, kind, fmt, smallest) -> None:
    pdf = render(document, checked(with_format(example(kind), fmt)), "pdf")
    assert _min_pt(pdf) >= smallest


@pytest.mark.parametrize(("document", "kind"), LETTERS)
def test_chg_05_word_letter_uses_the_persons_layout(document, kind) -> None:
    easy = Document(io.BytesIO(render(document, checked(example(kind)), "docx")))
    assert easy.inline_shapes, "easy read Word letter has pictures"
    assert all(s._inline.docPr.get("descr") for s in easy.inline_shapes)
    plain = render(document, checked(with_format(example(kind), "standard")), "docx")
    assert len(Document(io.BytesIO(plain)).inline_shapes) < len(easy.inline_shapes)


def test_change_letter_says_what_when_why_and_who_was_asked() -> None:
    text = _text(context("change_notice", checked(example("change_notice"))))
    for wanted in ("We want to give you less of a service.",
                   "Community nurse visits reduce from twice to once a week.",
                   "Now you get: Two visits a week.", "After the change: One visit a week.",
                   "The change starts on Monday 10 May 2027.",
                   "We looked at your needs again on 29 March 2027.",
                   "We asked Worcestershire County Council on 1 April 2027.",
                   "They agree with the change.",
                   "This letter is from NHS Herefordshire and Worcestershire Integrated Care"):
        assert wanted in text


def test_chg_03_fund_05_when_the_other_side_disagrees_nothing_changes() -> None:
    raw = example("change_notice")
    raw["other_party_consulted"]["agrees"] = False
    raw["change"]["proposed_effective_date"] = None
    raw["dispute_reference"] = "DSP-2027-0042"
    text = _text(context("change_notice", checked(raw)))
    assert "Nothing changes for now. Your aftercare carries on as it is." in text
    assert "Worcestershire County Council does not agree with this change." in text
    assert "Our reference for this is DSP-2027-0042." in text
    assert "The change starts" not in text


def test_disch_01_discharge_letter_says_both_agreed_and_why() -> None:
    doc = context("discharge_letter", checked(example("discharge_decision")))
    text = _text(doc)
    assert doc["title"] == "Your section 117 aftercare is ending"
    for wanted in ("On 20 May 2029 we decided your aftercare will end.",
                   "Worcestershire County Council agreed.",
                   "Herefordshire and Worcestershire Health and Care NHS Trust agreed too.",
                   "You do not need aftercare services to stay well.",
                   "Alex has lived independently for two years",
                   "We had a review about this on 6 May 2029.",
                   "You told us you agree.",
                   "Dr Omar Khan, Responsible Clinician."):
        assert wanted in text


def test_disp_05_discharge_letter_says_how_to_object_to_the_packs_panel() -> None:
    text = _text(context("discharge_letter", checked(example("discharge_decision"))))
    assert "You can object." in text
    assert "The Section 117 Panel will look at the decision again." in text
    assert "If you still do not agree, you can complain." in text
    assert "Step 4: Then you can ask an Ombudsman to look at it." in text


def test_disch_01_without_both_agreeing_the_letter_says_aftercare_carries_on() -> None:
    raw = example("discharge_decision")
    raw["la_view"] = "disagree"
    doc = context("discharge_letter", checked(raw))
    assert doc["title"] == "Your section 117 aftercare carries on"
    assert "will end" not in _text(doc)
    assert doc["meta"]["draft"]  # DISCH-01 blocks sign-off: the letter is marked DRAFT


def test_disch_08_an_objection_reviewed_by_the_panel_is_reported() -> None:
    raw = example("discharge_decision")
    raw["person_view"] = "objects"
    raw["panel"] = {"date": "2029-05-13", "outcome": "ratified"}
    text = _text(context("discharge_letter", checked(raw)))
    assert "You told us you do not agree." in text
    assert "The Section 117 Panel looked at the decision on 13 May 2029." in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize(("document", "kind", "field"), [
    ("change_notice", "change_notice", ("change", "description")),
    ("discharge_letter", "discharge_decision", ("rationale",))])
def test_hostile_text_in_letters_is_printed_literally(document, kind, field, fmt) -> None:
    raw = copy.deepcopy(example(kind))
    target = raw
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = HOSTILE
    data = render(document, checked(raw), fmt)
    text = {"pdf": pdf_text, "docx": docx_text, "html": html_text}[fmt](data)
    assert HOSTILE in text
