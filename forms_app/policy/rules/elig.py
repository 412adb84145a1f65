"""ELIG — who is entitled to s117 aftercare (W 1.1, 2.2, 3.3, 5.5)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from forms_app.policy.dates import long_date
from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, check, entries, ptr, section_words
from forms_app.policy.vocabulary import QUALIFYING_SECTIONS

_QUALIFYING_TEXT = "section 3, 37, 45A, 47 or 48"


def qualifying_detentions(data: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    """(index, detention) for each detention under a treatment section, in form order."""
    return [(i, d) for i, d in entries(data, "detentions")
            if d and str(d.get("section")) in QUALIFYING_SECTIONS]


@check("ELIG-01", "aftercare_plan")
def plan_needs_qualifying_detention(ctx: Context) -> Iterator[Finding]:
    detentions = ctx.data.get("detentions") or []
    if qualifying_detentions(ctx.data):
        return
    if not detentions:
        yield ctx.finding("ELIG-01", "/detentions",
                          f"No detention is recorded for {ctx.name}. Aftercare under s117 needs "
                          f"a detention under {_QUALIFYING_TEXT}.")
        return
    last = len(detentions) - 1
    yield ctx.finding("ELIG-01", ptr("detentions", last, "section"),
                      f"{ctx.name} has not been detained under {_QUALIFYING_TEXT}, so there is no "
                      "right to s117 aftercare. Sections 2, 4, 5, 35, 36, 38, 135 and 136, and "
                      "informal admission, give none.")


@check("ELIG-01", "register_entry")
def register_needs_qualifying_detention(ctx: Context) -> Iterator[Finding]:
    detention = ctx.data.get("qualifying_detention")
    if not detention:
        yield ctx.finding("ELIG-01", "/qualifying_detention",
                          f"Record the detention that gives {ctx.name} the right to s117 "
                          f"aftercare: one under {_QUALIFYING_TEXT}.")
        return
    section = detention.get("section")
    if str(section) not in QUALIFYING_SECTIONS:
        yield ctx.finding("ELIG-01", "/qualifying_detention/section",
                          f"A detention under {section_words(section)} gives {ctx.name} no right "
                          f"to s117 aftercare; only {_QUALIFYING_TEXT} do.")


@check("ELIG-02", "aftercare_plan")
def entitlement_begins_on_leaving(ctx: Context) -> Iterator[Finding]:
    plan = ctx.data.get("plan") or {}
    left = plan.get("left_hospital_on")
    if ctx.data.get("cto"):
        yield ctx.finding("ELIG-02", "/cto",
                          f"{ctx.name} is on a community treatment order: s117 aftercare applies "
                          "from leaving hospital, for people on a CTO as for anyone else.")
    for i, det in qualifying_detentions(ctx.data):
        end = det.get("end_date")
        if end is None:
            yield ctx.finding("ELIG-02", ptr("detentions", i, "end_date"),
                              f"{ctx.name} is still detained: entitlement begins when the "
                              "detention ends and they leave hospital (section 17 leave included).")
        elif left is not None and end < left:
            yield ctx.finding("ELIG-02", "/plan/left_hospital_on",
                              f"{ctx.name} stayed in hospital informally after the detention ended "
                              f"on {long_date(end)}; they are entitled to aftercare from leaving "
                              f"hospital on {long_date(left)}.")


@check("ELIG-03", "aftercare_plan")
def children_are_covered(ctx: Context) -> Iterator[Finding]:
    plan = ctx.data.get("plan") or {}
    age = ctx.age_on(plan.get("plan_date") or ctx.today)
    if age is not None and age < 18:
        yield ctx.finding("ELIG-03", "/person/date_of_birth",
                          f"{ctx.name} is {age}: s117 aftercare covers children and young "
                          "people exactly as it covers adults.")


@check("ELIG-01", "responsibility")
def history_without_qualifying_detention(ctx: Context) -> Iterator[Finding]:
    """Not being eligible is an answer here, not a fault in the form: reported as information."""
    if ctx.computed.get("eligible") is False:
        yield ctx.finding("ELIG-01", "/events",
                          f"{ctx.name}'s history has no detention under {_QUALIFYING_TEXT}, so "
                          "there is no right to s117 aftercare and no responsible body.",
                          severity="info")
