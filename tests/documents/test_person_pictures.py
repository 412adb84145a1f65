"""Each picture fits its point, and its alt text says the point, not the drawing."""

from __future__ import annotations

import pytest
from test_person_support import FORMS, model, points

from forms_app.documents.person.icons import ICONS

# What the reviewer found, as (words of the point, picture it must not have).
MISFITS = [
    ("stay well", "1F6E1"),  # a shield
    ("on your side", "2705"),  # a tick for "independent"
    ("There is no time limit", "1F6AB"),  # a no-entry sign beside a reassurance
    ("It will not end just because", "1F6AB"),
    ("It cannot end while", "1F6AB"),
]
DRAWINGS = ("A shield", "A tick", "A question mark", "A no entry sign", "A council building",
            "A hospital building", "A health worker", "An hourglass", "A calendar")


def _hexcode(point: dict) -> str:
    return point["icon"]["src"].rsplit("/", 1)[1].removesuffix(".svg")


@pytest.mark.parametrize("form", sorted(FORMS))
def test_no_picture_contradicts_its_point(form) -> None:
    for point in points(model(form)):
        for words, hexcode in MISFITS:
            if words in point["text"]:
                assert _hexcode(point) != hexcode, point["text"]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_no_entry_signs_only_mark_real_limits(form) -> None:
    for point in points(model(form)):
        if _hexcode(point) == ICONS["not_allowed"][0]:
            assert "cannot pay" in point["text"], point["text"]


def test_the_question_mark_is_gone_and_why_is_a_thinking_face() -> None:
    assert "2753" not in {hexcode for hexcode, _alt in ICONS.values()}
    why = next(s for s in model("discharge")["sections"] if s["id"] == "why")
    assert why["icon"]["src"].endswith("1F914.svg")


@pytest.mark.parametrize("form", sorted(FORMS))
def test_organisations_get_their_own_kind_of_picture(form) -> None:
    council, nhs = ICONS["council"][0], ICONS["nhs"][0]
    for point in points(model(form)):
        if point["text"].startswith(("They work for", "This letter is from")):
            org = point["text"].split(" for ", 1)[-1].split(" from ", 1)[-1]
            want = council if "Council" in org or "Borough" in org else nhs
            assert _hexcode(point) == want, point["text"]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_alt_text_says_the_point_not_the_drawing(form) -> None:
    alts = [p["icon"]["alt"] for p in points(model(form))]
    assert not set(alts) & set(DRAWINGS)
    by_text = {p["text"]: p["icon"]["alt"] for p in points(model(form))}
    expected = {"It helps you to stay well and out of hospital.": "Feeling well",
                "There is no time limit.": "No time limit",
                "It will not end just because you said no.": "Not because you said no",
                "Saying no does not end your right to aftercare.": "Your right stays"}
    for text, alt in expected.items():
        if text in by_text:
            assert by_text[text] == alt
