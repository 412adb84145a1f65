"""The rights leaflet: personalised from the person's own plan, every idea the policy asks
for, the pack's review numbers, a Harrow person's version, hostile text."""

from __future__ import annotations

import copy
import dataclasses
import io

import pytest
from docs_helpers import docx_text, html_text, pdf_text
from docx import Document
from test_person_support import (
    HARROW_COUNCIL,
    HARROW_ICB,
    HOSTILE,
    all_text,
    checked,
    example,
    harrow_plan,
    model,
    points,
    rendered,
)

from forms_app.documents.person import facts
from forms_app.documents.render import context, render
from forms_app.policy.packs import load_pack


def _leaflet(raw: dict, variant: str = "easy_read") -> str:
    return all_text(context("rights_leaflet", checked(raw), variant))


def test_plan_01_leaflet_names_the_person_their_worker_and_how_to_reach_them() -> None:
    text = all_text(model("adult"))
    for wanted in ("This leaflet is for Alex.", "Priya Shah is your named worker.",
                   "Job: Care coordinator (social worker).", "Phone: 01905 000000",
                   "Email: priya.shah@example.nhs.uk",
                   "They work for Herefordshire and Worcestershire Health and Care NHS Trust.",
                   "Website: www.hacw.nhs.uk",  # the trust's, from the pack
                   "You can share it with Jo Morgan"):
        assert wanted in text


def test_leaflet_names_their_council_icb_services_and_next_review() -> None:
    text = all_text(model("adult"))
    assert "Worcestershire County Council plans your aftercare" in text
    assert "NHS Herefordshire and Worcestershire Integrated Care Board pays" in text
    assert "A place to live with the right support. Severn Supported Living gives you this " \
        "help." in text
    assert "Help with your medicine." in text
    assert "GP diabetes clinic" not in text  # not an s117 service
    assert "Your next review is on Monday 15 June 2026." in text


def test_easy_read_names_services_from_fields_not_the_staff_description() -> None:
    """Easy read says what each service is from its need and provider; the description
    staff typed appears only in the other layouts, marked as the plan's wording."""
    easy = all_text(model("adult", "easy_read"))
    assert "Supported living placement" not in easy
    standard = all_text(model("adult", "standard"))
    assert "In your plan: Supported living placement with 24-hour staff." in standard


def test_a_service_paid_as_a_direct_payment_says_so() -> None:
    raw = example("aftercare_plan")
    raw["plan"]["services"][1]["delivery"] = "direct_payment"
    assert "You get this as a direct payment." in _leaflet(raw)


def test_plan_09_plan_10_leaflet_says_aftercare_and_its_accommodation_are_free() -> None:
    text = all_text(model("adult"))
    assert "Your aftercare is free. You do not pay for it." in text
    assert "If aftercare gives you a place to live, that is free too." in text


@pytest.mark.parametrize(("section", "wanted"), [
    ("about", "Aftercare means help and support after you leave hospital."),
    ("say", "we will tell you why"),
    ("advocacy", "An IMHA is an Independent Mental Health Advocate."),
    ("advocacy", "An IMHA helps people who are kept in hospital under the Mental Health Act."),
    ("advocacy", "After you leave hospital, you can have a different advocate."),
    ("advocacy", "Is it hard for you to take part in planning your care? Ask for an advocate."),
    ("advocacy", "An IMCA is an Independent Mental Capacity Advocate."),
    ("advocacy", "An IMCA helps people who cannot decide some big things for themselves."),
    ("saying_no", "Saying no does not end your right to aftercare."),
    ("saying_no", "You can change your mind later."),
    ("how_long", "Aftercare lasts as long as you need it."),
    ("reviews", "You can ask for a review at any time."),
    ("ending", "The council and the NHS must both agree on this."),
    ("ending", "It cannot end while you are on a community treatment order."),
    ("ending", "It will not end just because you said no."),
    ("ending", "It will not end just because time has passed."),
    ("ending", "They will talk with you before they decide."),
    ("choices", "you can choose where to live"),
    ("choices", "This is a top-up."),
    ("choices", "A direct payment is money from the council"),
    ("choices", "It cannot pay for a care home you live in for good."),
    ("choices", "A personal health budget is money from the NHS"),
    ("complain", "Step 4: Then you can ask an Ombudsman to look at it."),
    ("complain", "the Local Government and Social Care Ombudsman."),
    ("complain", "the Parliamentary and Health Service Ombudsman."),
    ("complain", "Making a complaint will not stop your care."),
])
def test_plan_05_leaflet_explains_each_right_one_idea_at_a_time(section, wanted) -> None:
    sections = {s["id"]: " ".join(p["text"] for p in s["points"])
                for s in model("adult")["sections"]}
    assert wanted in sections[section]


def test_imha_is_not_promised_after_hospital_without_a_cto() -> None:
    """MHA s130A-C: an IMHA is for detained patients and people on a CTO or conditional
    discharge, so a person leaving hospital without a CTO is not told they have one."""
    text = all_text(model("adult"))
    assert "right to an IMHA" not in text
    assert "still have an IMHA" not in text
    raw = example("aftercare_plan")
    raw["cto"] = {"start_date": "2026-03-20"}
    on_cto = _leaflet(raw)
    assert "You are on a community treatment order. So you can still have an IMHA." in on_cto
    assert "different advocate" not in on_cto


def test_review_01_review_02_numbers_come_from_the_pack(monkeypatch) -> None:
    text = all_text(model("adult"))
    assert "within 3 months of leaving hospital" in text
    assert "at least every 12 months" in text
    real = load_pack("worcestershire")
    changed = dataclasses.replace(real, review=dataclasses.replace(
        real.review, first_within_months=1, interval_months=6))
    monkeypatch.setattr(facts, "load_pack", lambda name: changed)
    text = _leaflet(example("aftercare_plan"))
    assert "within 1 month of leaving hospital" in text
    assert "at least every 6 months" in text


def test_next_review_falls_back_to_the_computed_due_date() -> None:
    raw = example("aftercare_plan")
    raw["plan"]["next_review_date"] = None
    result = checked(raw)
    text = all_text(context("rights_leaflet", result, "easy_read"))
    due = facts.as_date(result.computed["next_review_due"])
    assert f"Your next review is on {due:%A} {due.day} {due:%B %Y}." in text


def test_harrow_person_gets_harrows_bodies_and_contacts_in_every_format() -> None:
    text = all_text(model("harrow"))
    assert "This leaflet is for Jamal." in text
    assert f"{HARROW_COUNCIL} plans your aftercare" in text
    assert f"{HARROW_ICB} pays for the NHS part." in text
    assert f"Or complain to {HARROW_ICB}." in text
    assert "They work for Central and North West London NHS Foundation Trust." in text
    assert "Phone: 020 7946 0999" in text
    assert "Website: www.cnwl.nhs.uk" in text  # the Harrow pack's trust
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text), ("html", html_text)):
        printed = read(rendered("harrow", fmt))
        for wanted in (HARROW_COUNCIL, HARROW_ICB):
            assert wanted in printed, fmt
        for elsewhere in ("Worcester", "Herefordshire"):
            assert elsewhere not in printed, fmt


def test_harrow_fixture_is_a_valid_harrow_plan() -> None:
    result = checked(harrow_plan())
    assert result.policy == "harrow"
    assert result.valid, [f for f in result.findings if f.severity == "error"]
    assert result.data["person"]["given_name"] == "Jamal"  # funding_agreement_harrow's person


def test_plan_18_a_person_on_a_cto_is_told_so() -> None:
    raw = example("aftercare_plan")
    raw["cto"] = {"start_date": "2026-03-20"}
    assert "You are on a community treatment order now." in _leaflet(raw)


def test_plan_06_the_reason_a_plan_goes_against_their_wishes_is_given() -> None:
    assert "not what you wanted" not in all_text(model("adult"))
    raw = example("aftercare_plan")
    raw["plan"]["person_agrees"] = False
    raw["plan"]["disagreement_explanation"] = "Staffed housing first; your own flat later."
    easy = _leaflet(raw)
    assert "Some of your plan is not what you wanted. Priya Shah will tell you why." in easy
    assert "Staffed housing first" not in easy  # staff wording stays out of easy read
    standard = _leaflet(raw, "standard")
    assert "What we wrote: Staffed housing first; your own flat later." in standard


def test_plan_07_an_imca_already_involved_is_mentioned() -> None:
    raw = example("aftercare_plan")
    raw["plan"]["imca_involved"] = True
    assert "You have an IMCA helping you now." in _leaflet(raw)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("variant", ["easy_read", "large_print", "standard"])
@pytest.mark.parametrize("form", ["adult", "child", "harrow"])
def test_leaflet_renders_in_every_format_and_variant(form, variant, fmt) -> None:
    data = rendered(form, fmt, variant)
    text = {"pdf": pdf_text, "docx": docx_text, "html": html_text}[fmt](data)
    name = {"adult": "Alex", "child": "Riley", "harrow": "Jamal"}[form]
    assert f"This leaflet is for {name}" in text
    assert "Priya Shah" in text
    assert "OpenMoji" in text
    assert "CC BY-SA 4.0" in text


def _hostile_plan() -> dict:
    raw = copy.deepcopy(example("aftercare_plan"))
    raw["person"]["preferred_name"] = HOSTILE
    raw["plan"]["named_practitioner"]["name"] = "**Pat** " + HOSTILE
    raw["plan"]["services"][0]["provider"] = HOSTILE
    raw["plan"]["services"][1]["description"] = HOSTILE
    return raw


@pytest.mark.parametrize("variant", ["easy_read", "standard"])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_hostile_text_from_the_form_is_printed_literally(fmt, variant) -> None:
    data = render("rights_leaflet", checked(_hostile_plan()), fmt, variant)
    text = {"pdf": pdf_text, "docx": docx_text, "html": html_text}[fmt](data)
    assert "{{ 7*7 }} <script>alert(1)</script> & Sons" in text
    assert "**Pat**" in text  # a value's stars are not the catalogue's bold markers
    assert HOSTILE.replace("{{ 7*7 }}", "49") not in text  # never evaluated as a template
    if fmt == "html":
        assert b"<script>" not in data
        assert b"&lt;script&gt;" in data


def test_word_leaflet_carries_title_language_and_each_pictures_own_alt_text() -> None:
    document = Document(io.BytesIO(rendered("adult", "docx")))
    assert document.core_properties.title == "Your section 117 aftercare"
    assert document.core_properties.language == "en-GB"
    alts = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert alts == [p["icon"]["alt"] for p in points(model("adult"))]
