"""The easy-read words themselves, measured (PLAN-05, CHG-05; W 5.1, 7.2).

For each easy-read document (adult, child and Harrow leaflets, both letters) the wording the
person reads — every point, personalised with their names and dates — must score at least
80 on Flesch reading ease, have no sentence over 15 words, and every point must carry a
picture with alt text. Text typed into the form by staff (a service's description, the
reasons in a decision) is shown separately as "what we wrote" and is not our wording.
"""

from __future__ import annotations

import pytest
from test_person_support import FORMS, model, points, sentences, textstat_offline

EASY_READ_FORMS = sorted(FORMS)


@pytest.fixture(scope="module")
def textstat():
    return textstat_offline()


def _wording(form: str) -> list[str]:
    return [p["text"] for p in points(model(form, "easy_read"))]


@pytest.mark.parametrize("form", EASY_READ_FORMS)
def test_plan_05_easy_read_scores_80_or_more_on_flesch(textstat, form) -> None:
    text = " ".join(_wording(form))
    score = textstat.flesch_reading_ease(text)
    assert score >= 80, f"{form}: Flesch reading ease {score:.1f} < 80"


@pytest.mark.parametrize("form", EASY_READ_FORMS)
def test_plan_05_no_easy_read_sentence_is_over_15_words(textstat, form) -> None:
    long = [(n, s) for text in _wording(form) for s in sentences(text)
            if (n := textstat.lexicon_count(s)) > 15]
    assert not long, long


@pytest.mark.parametrize("form", EASY_READ_FORMS)
def test_plan_05_every_point_has_a_picture_with_alt_text(form) -> None:
    for point in points(model(form, "easy_read")):
        picture = point["icon"]
        assert picture["alt"].strip(), point["text"]
        assert picture["src"].startswith("s117-asset:icons/openmoji/")
        assert picture["png"].endswith(".png")


@pytest.mark.parametrize("form", EASY_READ_FORMS)
def test_plan_05_key_words_are_bold(form) -> None:
    """Most points carry at least one bold key word (the catalogue's **markers**)."""
    found = points(model(form, "easy_read"))
    bold = [p for p in found if any(r["bold"] for r in p["runs"])]
    assert len(bold) >= len(found) * 0.6


def test_textstat_counts_syllables_from_the_installed_dictionary(textstat) -> None:
    """The offline dictionary is really used: a word pyphen splits badly counts right."""
    assert textstat.syllable_count("aftercare") == 3
    assert textstat.syllable_count("the council agrees") == 5
    assert textstat.flesch_reading_ease("The cat sat on the mat.") > 100


def test_a_hard_text_fails_the_same_measure(textstat) -> None:
    """The threshold can fail: official wording from the policy scores far below 80."""
    policy = ("Where accommodation is provided to an adult as an aftercare service it must not "
              "be charged for and this must be made clear in the aftercare plan. Commissioners "
              "will need to distinguish between the physical offer of accommodation and the "
              "section 117 aftercare services in place at that accommodation.")
    assert textstat.flesch_reading_ease(policy) < 60
