"""A child's leaflet (aftercare_plan_child.json: Riley, 15): every "you" is Riley, adult-only
rights are left out rather than contradicted, and what is said to the parent is in a box
of its own (W 6.2, 6.4, 6.5, 12.1, 13.2; MCA 2005 s2(5): an IMCA only from 16)."""

from __future__ import annotations

import pytest
from docs_helpers import docx_text, pdf_text
from test_person_support import all_text, checked, example, model, rendered

from forms_app.documents.render import context

# Said to adults only: choosing where to live, top-ups, direct payments, care homes,
# Care Act advocacy; and the sentence that contradicted the choice of where to live.
ADULT_ONLY = ("you can choose where to live", "Choosing where to live is for people aged",
              "top-up", "direct payment", "care home", "taking part in planning your care",
              "take part in planning your care")
NOT_UNDER_16 = ("IMCA", "Independent Mental Capacity Advocate")


def _outside_parent_box(doc: dict) -> str:
    parts = list(doc["intro"]) + list(doc["contact"]["points"])
    for section in doc["sections"]:
        if not section["box"]:
            parts += section["points"]
    return " ".join(p["text"] for p in parts)


def _parent_box(doc: dict) -> dict:
    return next(s for s in doc["sections"] if s["box"])


@pytest.mark.parametrize("variant", ["easy_read", "large_print", "standard"])
def test_adult_only_and_contradictory_points_are_absent_for_a_child(variant) -> None:
    text = all_text(model("child", variant))
    for words in ADULT_ONLY + NOT_UNDER_16:
        assert words not in text, words
    adult = all_text(model("adult", variant))
    for words in ("you can choose where to live", "top-up", "direct payment", "care home",
                  "IMCA"):
        assert words in adult, words  # the same words do appear for an adult


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_printed_child_leaflet_has_none_of_the_adult_only_points(fmt) -> None:
    text = {"pdf": pdf_text, "docx": docx_text}[fmt](rendered("child", fmt))
    for words in ("you can choose where to live", "aged 18 or over", "direct payment",
                  "care home", "IMCA", "for your child"):
        assert words not in text, words


def test_child_gets_the_young_persons_version_of_where_they_live() -> None:
    text = all_text(model("child"))
    assert "If aftercare gives you a place to live, we will plan it with you." in text
    assert "Your parent or carer will help to plan it too." in text
    assert "When you turn 18, you may be able to choose where you live." in text
    assert "Your aftercare should help you keep up with school or college." in text
    assert "It works with your education, health and care plan." in text
    assert "Before you turn 18, we will talk with you about adult services." in text


def test_child_is_told_which_advocates_they_can_have() -> None:
    text = all_text(model("child"))
    assert "An IMHA is an Independent Mental Health Advocate." in text
    assert "After you leave hospital, you can have a different advocate." in text
    assert "To get an advocate, ask Priya Shah." in text


def test_elig_03_lines_for_the_parent_are_in_a_labelled_box_naming_the_child() -> None:
    doc = model("child")
    box = _parent_box(doc)
    assert box["heading"] == "For your parent or carer"
    said = [p["text"] for p in box["points"]]
    assert said[0] == "This part is for Dana Evans."
    assert "You can come to meetings and reviews with Riley." in said
    assert "You can ask for a review for Riley at any time." in said
    assert "You can ask for an advocate for Riley." in said
    assert "You can ask about a personal health budget for Riley." in said
    # Outside the box every "you" is Riley: nothing speaks of "your child".
    assert "your child" not in _outside_parent_box(doc).lower()
    assert "It is also for your parent or carer, Dana Evans." in _outside_parent_box(doc)


def test_the_parent_box_is_framed_in_every_format() -> None:
    html = rendered("child", "html").decode()
    assert 'class="topic box" id="carer" aria-labelledby="carer-heading"' in html
    assert "For your parent or carer" in pdf_text(rendered("child", "pdf"))
    assert "For your parent or carer" in docx_text(rendered("child", "docx"))


def test_adults_have_no_parent_box() -> None:
    doc = model("adult")
    assert not any(s["box"] for s in doc["sections"])
    assert "parent or carer" not in all_text(doc)


def test_a_16_year_old_can_have_an_imca_but_keeps_the_childs_choices() -> None:
    raw = example("aftercare_plan_child")
    raw["person"]["date_of_birth"] = "2009-09-03"  # 16 on the plan date
    text = all_text(context("rights_leaflet", checked(raw), "easy_read"))
    assert "An IMCA is an Independent Mental Capacity Advocate." in text
    assert "you can choose where to live" not in text
    assert "direct payment" not in text


def test_an_eighteen_year_old_gets_the_adult_leaflet() -> None:
    raw = example("aftercare_plan_child")
    raw["person"]["date_of_birth"] = "2008-03-18"  # 18 on the plan date
    doc = context("rights_leaflet", checked(raw), "easy_read")
    assert "you can choose where to live" in all_text(doc)
    assert not any(s["box"] for s in doc["sections"])
