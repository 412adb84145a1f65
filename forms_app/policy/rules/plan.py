"""PLAN-01 to PLAN-08 — the person, their practitioner, rights and views (W 5, 6, 7)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, blank, check, entries, ptr
from forms_app.policy.vocabulary import CHILD_PLAN_TYPES, RIGHTS_COVERS

KIND = "aftercare_plan"
PLAN_WORDS = {"ehcp": "Education, Health and Care Plan", "care_act_support_plan": "Care Act "
              "support plan", "cpa": "care programme approach plan", "chc": "NHS Continuing "
              "Healthcare plan", "child_in_need": "child in need plan", "child_protection":
              "child protection plan", "looked_after": "looked-after child care plan",
              "pathway_plan": "leaving care pathway plan", "early_help": "early help plan"}
_COVER_WORDS = {"rights": "their s117 rights", "discharge_process": "the discharge process",
                "complaints": "how to complain"}


def plan_of(ctx: Context) -> Mapping[str, Any]:
    return ctx.data.get("plan") or {}


def is_child(ctx: Context) -> bool:
    age = ctx.age_on(plan_of(ctx).get("plan_date") or ctx.today)
    return age is not None and age < 18


@check("PLAN-01", KIND)
def named_practitioner(ctx: Context) -> Iterator[Finding]:
    np = plan_of(ctx).get("named_practitioner")
    if not np:
        yield ctx.finding("PLAN-01", "/plan/named_practitioner",
                          f"Record {ctx.name}'s named practitioner: the person with overall "
                          "responsibility for the aftercare plan.")
        return
    for key, words in (("name", "name"), ("role", "role"), ("organisation", "organisation")):
        if blank(np.get(key)) or (key == "organisation" and blank(np[key].get("name"))):
            yield ctx.finding("PLAN-01", ptr("plan", "named_practitioner", key),
                              f"Give the named practitioner's {words}.")
    if blank(np.get("phone")) and blank(np.get("email")):
        yield ctx.finding("PLAN-01", "/plan/named_practitioner/phone",
                          f"Give a phone number or email so {ctx.name} can contact their named "
                          "practitioner.")


@check("PLAN-02", KIND)
def needs_marked_s117_qualify(ctx: Context) -> Iterator[Finding]:
    for i, need in entries(plan_of(ctx), "needs"):
        both = bool(need.get("arises_from_mental_disorder")) and \
            bool(need.get("reduces_relapse_risk"))
        label = need.get("id") or f"need {i + 1}"
        if need.get("s117") and not both:
            yield ctx.finding("PLAN-02", ptr("plan", "needs", i, "s117"),
                              f"Need {label} is marked s117 but it must both arise from "
                              f"{ctx.name}'s mental disorder and reduce the risk of deterioration "
                              "or readmission; otherwise meet it under other law (e.g. the Care "
                              "Act).")
        elif both and not need.get("s117"):
            yield ctx.finding("PLAN-02", ptr("plan", "needs", i, "s117"),
                              f"Need {label} arises from {ctx.name}'s mental disorder and reduces "
                              "the risk of readmission, but is not marked s117: check it.",
                              severity="warning")


@check("PLAN-03", KIND)
def s117_needs_are_met(ctx: Context) -> Iterator[Finding]:
    plan = plan_of(ctx)
    met = {n for _, s in entries(plan, "services") for n in s.get("meets_needs") or []}
    for i, need in entries(plan, "needs"):
        if need.get("s117") and need.get("id") not in met:
            yield ctx.finding("PLAN-03", ptr("plan", "needs", i),
                              f"s117 need {need.get('id') or i + 1} has no service or intervention "
                              "in the plan to meet it.")


@check("PLAN-04", KIND)
def other_plans_referenced(ctx: Context) -> Iterator[Finding]:
    others = entries(plan_of(ctx), "other_plans")
    for i, other in others:
        if other.get("applies") and blank(other.get("reference")):
            yield ctx.finding("PLAN-04", ptr("plan", "other_plans", i, "reference"),
                              f"Give the reference of {ctx.name}'s "
                              f"{PLAN_WORDS.get(other.get('type'), 'other plan')} so the plans "
                              "can refer to each other.")
    yield from _known_plans_referenced(ctx, others)
    if is_child(ctx):
        stated = {o.get("type") for _, o in others if o.get("applies") is not None}
        for plan_type in CHILD_PLAN_TYPES:
            if plan_type not in stated:
                yield ctx.finding("PLAN-04", "/plan/other_plans",
                                  f"{ctx.name} is under 18: say whether a "
                                  f"{PLAN_WORDS[plan_type]} applies.")


def _known_plans_referenced(ctx: Context,
                            others: list[tuple[int, Mapping[str, Any]]]) -> Iterator[Finding]:
    """An EHCP the child block records is a plan the person has: it must be referenced."""
    has_ehcp = (plan_of(ctx).get("child") or {}).get("has_ehcp")
    if has_ehcp and not any(o.get("type") == "ehcp" and o.get("applies") for _, o in others):
        yield ctx.finding("PLAN-04", "/plan/other_plans",
                          f"{ctx.name} has an Education, Health and Care Plan: reference it among "
                          "the other plans (type ehcp).")


@check("PLAN-05", KIND)
def rights_information_given(ctx: Context) -> Iterator[Finding]:
    info = plan_of(ctx).get("rights_information")
    if not info:
        yield ctx.finding("PLAN-05", "/plan/rights_information",
                          f"Record that {ctx.name} was given accessible information on their s117 "
                          "rights, the discharge process and how to complain.")
        return
    covers = set(info.get("covers") or [])
    for topic in RIGHTS_COVERS:
        if topic not in covers:
            yield ctx.finding("PLAN-05", "/plan/rights_information/covers",
                              f"The information given to {ctx.name} must also explain "
                              f"{_COVER_WORDS[topic]}.")
    for key in ("given_on", "format"):
        if info.get(key) is None:
            yield ctx.finding("PLAN-05", ptr("plan", "rights_information", key),
                              f"Record the {'date' if key == 'given_on' else 'format'} in which "
                              f"{ctx.name} was given their rights information.")
    wanted = (ctx.person.get("communication") or {}).get("format")
    if info.get("format") and wanted and info["format"] != wanted:
        yield ctx.finding("PLAN-05", "/plan/rights_information/format",
                          f"{ctx.name}'s recorded format is {wanted.replace('_', ' ')}, but the "
                          f"information was given as {info['format'].replace('_', ' ')}.")


@check("PLAN-06", KIND)
def views_recorded(ctx: Context) -> Iterator[Finding]:
    plan = plan_of(ctx)
    if blank(plan.get("person_views")):
        yield ctx.finding("PLAN-06", "/plan/person_views",
                          f"Record {ctx.name}'s own views on their aftercare.")
    if plan.get("person_agrees") is False and blank(plan.get("disagreement_explanation")):
        yield ctx.finding("PLAN-06", "/plan/disagreement_explanation",
                          f"The plan goes against {ctx.name}'s wishes: record how the decision and "
                          "the authority for it were explained to them.")


@check("PLAN-07", KIND)
def advocacy(ctx: Context) -> Iterator[Finding]:
    plan = plan_of(ctx)
    if plan.get("imha_informed") is not True:
        yield ctx.finding("PLAN-07", "/plan/imha_informed",
                          f"Tell {ctx.name} of their right to an Independent Mental Health "
                          "Advocate (IMHA) and record it.")
    rep = ctx.person.get("representative")
    if plan.get("capacity") == "lacks_capacity" and not rep and not plan.get("imca_involved"):
        yield ctx.finding("PLAN-07", "/plan/imca_involved",
                          f"{ctx.name} lacks capacity and has nobody independent to represent "
                          "them: an Independent Mental Capacity Advocate (IMCA) must be involved.")


@check("PLAN-08", KIND)
def best_interests(ctx: Context) -> Iterator[Finding]:
    plan = plan_of(ctx)
    if plan.get("capacity") == "lacks_capacity" and blank(plan.get("best_interests_record")):
        yield ctx.finding("PLAN-08", "/plan/best_interests_record",
                          f"{ctx.name} lacks capacity for this decision: record the best-interests "
                          "decision (Mental Capacity Act 2005).")
