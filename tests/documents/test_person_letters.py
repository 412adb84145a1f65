"""The letters the person receives: the change notice letter and the discharge letter, each
with a named contact and how to reach them, the reply-by date, no staff-only text, and
Harrow's bodies for a Harrow person."""

from __future__ import annotations

import copy

import pytest
from docs_helpers import docx_text, pdf_text
from test_person_support import (
    HARROW_COUNCIL,
    HARROW_ICB,
    HOSTILE,
    VARIANTS,
    all_text,
    checked,
    example,
    model,
    page_blocks,
    rendered,
)

from forms_app.documents.person.facts import reply_by
from forms_app.documents.render import context, render

READERS = {"pdf": pdf_text, "docx": docx_text, "html": lambda data: " ".join(page_blocks(data))}


def _contact(doc: dict) -> str:
    return " ".join(p["text"] for p in doc["contact"]["points"])


def _letter(kind: str, raw: dict | None = None, variant: str | None = None) -> dict:
    document = {"change_notice": "change_notice", "discharge_decision": "discharge_letter"}[kind]
    return context(document, checked(raw or example(kind)), variant)


# Who to contact, and how

def test_change_letter_names_who_to_contact_with_phone_email_and_address() -> None:
    contact = _contact(model("change"))
    for wanted in ("This letter is from NHS Herefordshire and Worcestershire Integrated Care "
                   "Board.", "If you have a question, contact Mental Health Commissioning Team.",
                   "Phone: 01632 960217", "Email: section117@hw-icb.example",
                   "Write to: Kirkham House, John Comyn Drive, Worcester WR3 7NS",
                   "Website: herefordshireandworcestershire.icb.nhs.uk"):
        assert wanted in contact
    assert model("change")["letter"]["address"] == "Kirkham House, John Comyn Drive, " \
        "Worcester WR3 7NS"


def test_discharge_letter_names_a_signatory_and_how_to_reach_them() -> None:
    contact = _contact(model("discharge"))
    for wanted in ("Your contact is Priya Shah.", "Job: Social worker.",
                   "They work for Worcestershire County Council.", "Phone: 01632 960117",
                   "Email: adultsocialcare@worcestershire.example",
                   "Write to: County Hall, Spetchley Road, Worcester WR5 2NP"):
        assert wanted in contact
    text = all_text(model("discharge"))
    assert "To object, tell Priya Shah." in text
    assert "We looked at other help you can get. Ask Priya Shah about it." in text


def test_a_contact_the_pack_does_not_know_is_backed_by_the_packs_council() -> None:
    raw = example("discharge_decision")
    raw["signatures"][0]["organisation"] = {"code": "X1", "name": "Elsewhere Council",
                                            "type": "local_authority"}
    contact = _contact(_letter("discharge_decision", raw))
    assert "They work for Elsewhere Council." in contact
    assert "You can also contact Adult Social Care at Worcestershire County Council." in contact
    assert "Phone: 01632 960117" in contact


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("form", ["change", "discharge"])
def test_every_format_prints_the_phone_number(form, fmt) -> None:
    phone = {"change": "01632 960217", "discharge": "01632 960117"}[form]
    for variant in VARIANTS:
        assert phone in READERS[fmt](rendered(form, fmt, variant)), variant


# The reply-by date (W 8.5)

def test_change_letter_asks_for_views_by_a_date_and_says_how() -> None:
    text = all_text(model("change"))
    assert "Please tell us by Monday 26 April 2027." in text  # 14 days after 12 April
    assert "You can phone, email or write. The details are in Who to contact." in text


@pytest.mark.parametrize(("issued", "effective", "due"), [
    ("2027-04-12", "2027-05-10", "2027-04-26"),  # 14 days after the letter
    ("2027-04-12", "2027-04-20", "2027-04-19"),  # never on or after the change starts
    ("2027-04-12", None, "2027-04-26"),
    ("2027-04-12", "2027-04-13", None),  # no day left between letter and change
    ("2027-04-12", "2027-04-12", None),
])
def test_reply_by_is_before_the_change_starts(issued, effective, due) -> None:
    found = reply_by(issued, effective)
    assert (found.isoformat() if found else None) == due


def test_without_a_reply_date_the_letter_asks_for_views_as_soon_as_possible() -> None:
    raw = example("change_notice")
    raw["change"]["proposed_effective_date"] = "2027-04-13"
    text = all_text(_letter("change_notice", raw))
    assert "Please tell us as soon as you can." in text
    assert "Please tell us by" not in text


# What the letters say

def test_change_letter_says_what_when_and_who_was_asked() -> None:
    text = all_text(model("change"))
    for wanted in ("We want to give you less of a service.",
                   "Now you get: Two visits a week.", "After the change: One visit a week.",
                   "The change starts on Monday 10 May 2027.",
                   "We looked at your needs again on 29 March 2027.",
                   "We asked Worcestershire County Council on 1 April 2027.",
                   "They agree with the change."):
        assert wanted in text


def test_chg_03_fund_05_when_the_other_side_disagrees_nothing_changes() -> None:
    raw = example("change_notice")
    raw["other_party_consulted"]["agrees"] = False
    raw["change"]["proposed_effective_date"] = None
    raw["dispute_reference"] = "DSP-2027-0042"
    text = all_text(_letter("change_notice", raw))
    assert "Nothing changes for now. Your aftercare carries on as it is." in text
    assert "Worcestershire County Council does not agree with this change." in text
    assert "Our reference for this is DSP-2027-0042." in text
    assert "The change starts" not in text


def test_disch_01_discharge_letter_says_both_agreed_and_why() -> None:
    doc = model("discharge")
    text = all_text(doc)
    assert doc["title"] == "Your section 117 aftercare is ending"
    for wanted in ("On 20 May 2029 we decided your aftercare will end.",
                   "Worcestershire County Council agreed.",
                   "Herefordshire and Worcestershire Health and Care NHS Trust agreed too.",
                   "You do not need aftercare services to stay well.",
                   "We had a review about this on 6 May 2029.", "You told us you agree."):
        assert wanted in text
    assert doc["letter"]["signatory"] == "Priya Shah, Dr Omar Khan"


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_letters_never_print_text_staff_wrote_for_staff(variant, fmt) -> None:
    discharge = READERS[fmt](rendered("discharge", fmt, variant))
    for staff in ("Alex has lived independently", "Care Act assessment offered and declined",
                  "relapse signature"):
        assert staff not in discharge
    change = READERS[fmt](rendered("change", fmt, variant))
    assert "Community nurse visits reduce" not in change


def test_a_discharge_letter_ending_care_does_not_say_a_complaint_keeps_it() -> None:
    ending = all_text(model("discharge"))
    assert "will not stop your care" not in ending
    assert "You will not be treated worse for complaining." in ending
    raw = example("discharge_decision")
    raw["la_view"] = "disagree"
    carries_on = all_text(_letter("discharge_decision", raw))
    assert "Making a complaint will not stop your care." in carries_on


def test_disp_05_discharge_letter_says_how_to_object_to_the_packs_panel() -> None:
    text = all_text(model("discharge"))
    assert "You can object. This means you tell us you do not agree." in text
    assert "The Section 117 Panel will look at the decision again." in text
    assert "If you still do not agree, you can complain." in text
    assert "Step 4: Then you can ask an Ombudsman to look at it." in text


def test_disch_01_without_both_agreeing_the_letter_says_aftercare_carries_on() -> None:
    raw = example("discharge_decision")
    raw["la_view"] = "disagree"
    doc = _letter("discharge_decision", raw)
    assert doc["title"] == "Your section 117 aftercare carries on"
    assert "will end" not in all_text(doc)
    assert doc["meta"]["draft"]  # DISCH-01 blocks sign-off: the letter is marked DRAFT


def test_disch_08_an_objection_reviewed_by_the_panel_is_reported() -> None:
    raw = example("discharge_decision")
    raw["person_view"] = "objects"
    raw["panel"] = {"date": "2029-05-13", "outcome": "ratified"}
    text = all_text(_letter("discharge_decision", raw))
    assert "You told us you do not agree." in text
    assert "The Section 117 Panel looked at the decision on 13 May 2029." in text


def test_letters_are_dated_as_made_on_their_own_date() -> None:
    assert model("change")["back"]["made_for"] == "Made for Alex on 12 April 2027."
    assert model("discharge")["back"]["made_for"] == "Made for Alex on 20 May 2029."


# A Harrow person's letters

@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_harrow_discharge_letter_names_harrows_council_icb_and_contact(fmt) -> None:
    text = READERS[fmt](rendered("harrow_discharge", fmt, "standard"))
    for wanted in ("Dear Jamal", "Your contact is Seth Mills.", f"{HARROW_COUNCIL} agreed.",
                   f"Complain to {HARROW_COUNCIL}.", f"Or complain to {HARROW_ICB}.",
                   "Phone: 020 7946 0117", "The S117 Panel will look at the decision again."):
        assert wanted in text, wanted
    assert "Worcester" not in text
    assert "Herefordshire" not in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_harrow_change_letter_names_harrows_council_icb_and_contact(fmt) -> None:
    text = READERS[fmt](rendered("harrow_change", fmt, "standard"))
    for wanted in ("Dear Jamal", f"This letter is from {HARROW_ICB}.",
                   f"We asked {HARROW_COUNCIL} on 1 April 2027.",
                   f"Complain to {HARROW_COUNCIL}.", "Phone: 020 7946 0217",
                   "Email: section117@nwl-icb.example"):
        assert wanted in text, wanted
    assert "Worcester" not in text
    assert "Herefordshire" not in text


# Hostile text

@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize(("document", "kind", "field"), [
    ("change_notice", "change_notice", ("change", "proposed_arrangement")),
    ("discharge_letter", "discharge_decision", ("person", "preferred_name"))])
def test_hostile_text_in_letters_is_printed_literally(document, kind, field, fmt) -> None:
    raw = copy.deepcopy(example(kind))
    target = raw
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = HOSTILE
    data = render(document, checked(raw), fmt)
    assert HOSTILE in READERS[fmt](data)
