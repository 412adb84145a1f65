"""The easy-read words themselves, measured on the page (PLAN-05, CHG-05; W 5.1, 7.2).

For each easy-read document (adult, child and Harrow leaflets; both letters, for
Worcestershire and Harrow people) everything a reader meets on the rendered page is
measured: headings, greetings, the letter head, every point, the contact box and the back
page. The whole must score at least 80 on Flesch reading ease and no sentence may be over
15 words. Every point carries a picture with alt text. Staff wording never reaches easy read.
"""

from __future__ import annotations

import re

import pytest
from test_person_support import (
    FORMS,
    model,
    page_blocks,
    page_sentences,
    points,
    rendered,
    textstat_offline,
)

from forms_app.documents.person import i18n

EASY_READ_FORMS = sorted(FORMS)


@pytest.fixture(scope="module")
def textstat():
    return textstat_offline()


def _measured(form: str) -> list[str]:
    return page_sentences(rendered(form, "html", "easy_read"))


@pytest.mark.parametrize("form", EASY_READ_FORMS)
def test_plan_05_the_whole_easy_read_page_scores_80_or_more_on_flesch(textstat, form) -> None:
    text = " ".join(s if s[-1] in ".?!:," else s + "." for s in _measured(form))
    score = textstat.flesch_reading_ease(text)
    assert score >= 80, f"{form}: Flesch reading ease {score:.1f} < 80"


@pytest.mark.parametrize("form", EASY_READ_FORMS)
def test_plan_05_no_sentence_on_the_easy_read_page_is_over_15_words(textstat, form) -> None:
    long = [(n, s) for s in _measured(form) if (n := textstat.lexicon_count(s)) > 15]
    assert not long, long


@pytest.mark.parametrize("form", ["adult", "change"])
def test_the_measure_covers_the_back_page_greeting_and_contact_box(form) -> None:
    """What used to escape measurement is on the page and so in the measure."""
    measured = " ".join(_measured(form))
    assert "You can ask for this in other formats." in measured
    assert "For example: easy read, large print, braille, audio or sign language." in measured
    assert "Who to contact" in measured
    if form == "change":
        assert "Dear Alex," in measured
        assert "Yours sincerely," in measured


def test_the_long_sentence_the_reviewer_found_would_fail(textstat) -> None:
    sentence = ("You can ask for this in easy read, large print, braille, audio, British Sign "
                "Language or another language.")
    assert textstat.lexicon_count(sentence) > 15


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


STAFF_WORDING = {
    "adult": ("Supported living placement", "Community mental health nurse visits",
              "Alex wants to live near"),
    "child": ("Family support worker", "Riley and their mother need", "Alex wants"),
    "discharge": ("Alex has lived independently", "Care Act assessment offered",
                  "Low: no admissions"),
    "change": ("Community nurse visits reduce",),
}


@pytest.mark.parametrize("form", sorted(STAFF_WORDING))
def test_easy_read_prints_no_free_text_written_for_professionals(form) -> None:
    page = " ".join(page_blocks(rendered(form, "html", "easy_read")))
    for staff in STAFF_WORDING[form]:
        assert staff not in page


def test_cannot_is_one_word_everywhere() -> None:
    po = (i18n.CATALOGUE_DIR / "en_GB" / "LC_MESSAGES" / "messages.po").read_text()
    assert not re.search(r"\bcan not\b", po, re.IGNORECASE)


def test_imha_and_imca_are_spelled_out_and_explained() -> None:
    text = " ".join(p["text"] for p in points(model("adult")))
    assert "An IMHA is an Independent Mental Health Advocate." in text
    assert "An IMCA is an Independent Mental Capacity Advocate." in text
    assert "An IMCA helps people who cannot decide some big things for themselves." in text


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
