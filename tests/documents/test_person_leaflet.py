"""The rights leaflet: personalised from the person's own plan, every idea the policy asks
for, the pack's review numbers, a child's and a Harrow person's versions, hostile text."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from docs_helpers import docx_text, html_text, pdf_text
from test_person_support import HOSTILE, checked, example, harrow_plan, model, points, rendered

from forms_app.documents.person import facts
from forms_app.documents.render import context, render
from forms_app.policy.packs import load_pack


def _all_text(doc: dict) -> str:
    return " ".join(p["text"] + " " + " ".join(r["text"] for r in p["detail"] or [])
                    for p in points(doc))


def test_plan_01_leaflet_names_the_person_their_worker_and_how_to_reach_them() -> None:
    text = _all_text(model("adult"))
    for wanted in ("This leaflet is for Alex.", "Priya Shah is your named worker.",
                   "Phone: 01905 000000", "Email: priya.shah@example.nhs.uk",
                   "Herefordshire and Worcestershire Health and Care NHS Trust",
                   "You can share it with Jo Morgan"):
        assert wanted in text


def test_leaflet_names_their_council_icb_services_and_next_review() -> None:
    text = _all_text(model("adult"))
    assert "Worcestershire County Council plans your aftercare" in text
    assert "NHS Herefordshire and Worcestershire Integrated Care Board pays" in text
    assert "A place to live with the right support." in text
    assert "Supported living placement with 24-hour staff (from Severn Supported Living)" in text
    assert "Help with your medicine." in text
    assert "GP diabetes clinic" not in text  # not an s117 service
    assert "Your next review is on Monday 15 June 2026." in text


def test_plan_09_plan_10_leaflet_says_aftercare_and_its_accommodation_are_free() -> None:
    text = _all_text(model("adult"))
    assert "Your aftercare is free. You do not pay for it." in text
    assert "If aftercare gives you a place to live, that is free too." in text


@pytest.mark.parametrize(("section", "wanted"), [
    ("about", "Aftercare means help and support after you leave hospital."),
    ("say", "we will tell you why"),
    ("advocacy", "You have a right to an IMHA."),
    ("advocacy", "an IMCA can help"),
    ("saying_no", "Saying no does not end your right to aftercare."),
    ("saying_no", "You can change your mind later."),
    ("how_long", "Aftercare lasts as long as you need it."),
    ("reviews", "You can ask for a review at any time."),
    ("ending", "The council and the NHS must both agree on this."),
    ("ending", "It can not end while you are on a community treatment order."),
    ("ending", "It will not end just because you said no."),
    ("ending", "It will not end just because time has passed."),
    ("ending", "They will talk with you before they decide."),
    ("choices", "you can choose where to live"),
    ("choices", "This is a top-up."),
    ("choices", "A direct payment is money from the council"),
    ("choices", "A personal health budget is money from the NHS"),
    ("complain", "Step 4: Then you can ask an Ombudsman to look at it."),
    ("complain", "the Local Government and Social Care Ombudsman."),
    ("complain", "the Parliamentary and Health Service Ombudsman."),
])
def test_plan_05_leaflet_explains_each_right_one_idea_at_a_time(section, wanted) -> None:
    sections = {s["id"]: " ".join(p["text"] for p in s["points"])
                for s in model("adult")["sections"]}
    assert wanted in sections[section]


def test_review_01_review_02_numbers_come_from_the_pack(monkeypatch) -> None:
    text = _all_text(model("adult"))
    assert "within 3 months of leaving hospital" in text
    assert "at least every 12 months" in text
    real = load_pack("worcestershire")
    changed = dataclasses.replace(real, review=dataclasses.replace(
        real.review, first_within_months=1, interval_months=6))
    monkeypatch.setattr(facts, "load_pack", lambda name: changed)
    text = _all_text(context("rights_leaflet", checked(example("aftercare_plan")), "easy_read"))
    assert "within 1 month of leaving hospital" in text
    assert "at least every 6 months" in text


def test_next_review_falls_back_to_the_computed_due_date() -> None:
    raw = example("aftercare_plan")
    raw["plan"]["next_review_date"] = None
    result = checked(raw)
    text = _all_text(context("rights_leaflet", result, "easy_read"))
    due = facts.as_date(result.computed["next_review_due"])
    assert f"Your next review is on {due:%A} {due.day} {due:%B %Y}." in text


def test_elig_03_child_leaflet_speaks_to_the_young_person_and_their_parent() -> None:
    doc = model("child")
    text = _all_text(doc)
    assert "This leaflet is for Riley." in text
    assert "It is also for your parent or carer, Dana Evans." in text
    assert "Parents and carers: you can come to meetings and reviews." in text
    assert "school or college" in text
    assert "It works with your education, health and care plan." in text
    assert "young_person" in {s["id"] for s in doc["sections"]}


def test_plan_11_child_leaflet_says_choice_of_accommodation_is_18_and_over() -> None:
    assert "Choosing where to live is for people aged 18 or over." in _all_text(model("child"))
    adult = _all_text(model("adult"))
    assert "18 or over" not in adult
    assert "parent or carer" not in adult


def test_harrow_person_gets_harrows_bodies() -> None:
    text = _all_text(model("harrow"))
    assert "London Borough of Harrow plans your aftercare" in text
    assert "NHS North West London Integrated Care Board pays" in text
    assert "Central and North West London NHS Foundation Trust" in text
    assert "Worcestershire" not in text
    pdf = pdf_text(rendered("harrow", "pdf"))
    assert "London Borough of Harrow" in pdf
    assert "Worcestershire" not in pdf


def test_harrow_fixture_is_a_valid_harrow_plan() -> None:
    result = checked(harrow_plan())
    assert result.policy == "harrow"
    assert result.valid, [f for f in result.findings if f.severity == "error"]


def test_plan_18_a_person_on_a_cto_is_told_so() -> None:
    raw = example("aftercare_plan")
    raw["cto"] = {"start_date": "2026-03-20"}
    result = checked(raw)
    assert result.data["cto"]
    text = _all_text(context("rights_leaflet", result, "easy_read"))
    assert "You are on a community treatment order now." in text


def test_plan_06_the_reason_a_plan_goes_against_their_wishes_is_given() -> None:
    assert "not what you wanted" not in _all_text(model("adult"))
    raw = example("aftercare_plan")
    raw["plan"]["person_agrees"] = False
    raw["plan"]["disagreement_explanation"] = "Staffed housing first; your own flat later."
    text = _all_text(context("rights_leaflet", checked(raw), "easy_read"))
    assert "Some of your plan is not what you wanted. This is why. Staffed housing first; " \
        "your own flat later." in text


def test_plan_07_an_imca_already_involved_is_mentioned() -> None:
    raw = example("aftercare_plan")
    raw["plan"]["imca_involved"] = True
    text = _all_text(context("rights_leaflet", checked(raw), "easy_read"))
    assert "You have an IMCA helping you now." in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("variant", ["easy_read", "large_print", "standard"])
@pytest.mark.parametrize("form", ["adult", "child", "harrow"])
def test_leaflet_renders_in_every_format_and_variant(form, variant, fmt) -> None:
    data = rendered(form, fmt, variant)
    text = {"pdf": pdf_text, "docx": docx_text, "html": html_text}[fmt](data)
    name = {"adult": "Alex", "child": "Riley", "harrow": "Alex"}[form]
    assert f"This leaflet is for {name}" in text
    assert "Priya Shah" in text
    assert "OpenMoji" in text
    assert "CC BY-SA 4.0" in text


def _hostile_plan() -> dict:
    raw = copy.deepcopy(example("aftercare_plan"))
    raw["person"]["preferred_name"] = HOSTILE
    raw["plan"]["named_practitioner"]["name"] = "**Pat** " + HOSTILE
    raw["plan"]["services"][0]["description"] = HOSTILE
    return raw


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_hostile_text_from_the_form_is_printed_literally(fmt) -> None:
    data = render("rights_leaflet", checked(_hostile_plan()), fmt, "easy_read")
    text = {"pdf": pdf_text, "docx": docx_text, "html": html_text}[fmt](data)
    assert "{{ 7*7 }} <script>alert(1)</script> & Sons" in text
    assert "**Pat**" in text  # a value's stars are not the catalogue's bold markers
    assert HOSTILE.replace("{{ 7*7 }}", "49") not in text  # never evaluated as a template
    if fmt == "html":
        assert b"<script>" not in data
        assert b"&lt;script&gt;" in data


def test_word_leaflet_carries_title_language_and_picture_alt_text() -> None:
    import io

    from docx import Document

    document = Document(io.BytesIO(rendered("adult", "docx")))
    assert document.core_properties.title == "Your section 117 aftercare"
    assert document.core_properties.language == "en-GB"
    alts = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert len(alts) == len(points(model("adult")))
    assert all(alts)
