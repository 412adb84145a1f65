"""PLAN-09 to PLAN-18 and FUND-06 — services, money, accommodation, children (W 5-13)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, check, entries, ptr
from forms_app.policy.rules.plan import KIND, is_child, plan_of

_TWELVE_WEEKS = timedelta(weeks=12)


def services(ctx: Context) -> list[tuple[int, Mapping[str, Any]]]:
    return entries(plan_of(ctx), "services")


def s117_need_ids(ctx: Context) -> set[str]:
    return {n.get("id") for _, n in entries(plan_of(ctx), "needs") if n.get("s117")}


def meets_s117_need(ctx: Context, service: Mapping[str, Any]) -> bool:
    return bool(s117_need_ids(ctx) & set(service.get("meets_needs") or []))


def label(service: Mapping[str, Any], i: int) -> str:
    return str(service.get("description") or service.get("id") or f"service {i + 1}")


@check("PLAN-09", KIND)
def no_charge_for_s117(ctx: Context) -> Iterator[Finding]:
    for i, svc in services(ctx):
        if svc.get("charged_to_person") and (svc.get("funding_route") == "s117"
                                             or meets_s117_need(ctx, svc)):
            yield ctx.finding("PLAN-09", ptr("plan", "services", i, "charged_to_person"),
                              f"'{label(svc, i)}' is s117 aftercare, so {ctx.name} must not be "
                              "charged for it; a Care Act financial assessment covers only "
                              "non-s117 services.")
        elif svc.get("funding_route") == "self_funded" and meets_s117_need(ctx, svc):
            yield ctx.finding("PLAN-09", ptr("plan", "services", i, "funding_route"),
                              f"'{label(svc, i)}' meets an s117 need, so {ctx.name} cannot be "
                              "asked to pay for it.")


@check("PLAN-10", KIND)
def accommodation_free(ctx: Context) -> Iterator[Finding]:
    for i, svc in services(ctx):
        acc = svc.get("accommodation")
        if not acc or svc.get("funding_route") != "s117":
            continue
        if svc.get("charged_to_person"):
            yield ctx.finding("PLAN-10", ptr("plan", "services", i, "charged_to_person"),
                              f"Accommodation provided to {ctx.name} as aftercare must not be "
                              "charged for.")
        if not acc.get("free_of_charge_stated"):
            yield ctx.finding("PLAN-10", ptr("plan", "services", i, "accommodation",
                                             "free_of_charge_stated"),
                              f"Accommodation provided to {ctx.name} as aftercare is free: the "
                              "plan must say so.")
        if acc.get("type") == "general_needs":
            yield ctx.finding("PLAN-10", ptr("plan", "services", i, "accommodation", "type"),
                              "General-needs housing is funded under s117 here: tell the "
                              "accommodation apart from the aftercare services provided in it.",
                              severity="warning")


@check("PLAN-11", KIND)
def choice_and_top_up(ctx: Context) -> Iterator[Finding]:
    for i, svc in services(ctx):
        acc = svc.get("accommodation") or {}
        base = ("plan", "services", i, "accommodation")
        if acc.get("preferred_by_person") and is_child(ctx):
            yield ctx.finding("PLAN-11", ptr(*base, "preferred_by_person"),
                              f"{ctx.name} is under 18: choice of accommodation under the 2014 "
                              "Choice of Accommodation Regulations needs the person to be 18 or "
                              "over.")
        top_up = acc.get("top_up")
        if not top_up:
            continue
        if not acc.get("preferred_by_person"):
            yield ctx.finding("PLAN-11", ptr(*base, "top_up"),
                              "A top-up is paid only for accommodation the person prefers that "
                              "costs more than what was commissioned.")
        if not (top_up.get("weekly_amount_pence") or 0) > 0:
            yield ctx.finding("PLAN-11", ptr(*base, "top_up", "weekly_amount_pence"),
                              "A top-up is only for the extra cost of dearer preferred "
                              "accommodation: record the weekly difference.")
        if top_up.get("sustainable_for_likely_duration") is not True:
            yield ctx.finding("PLAN-11", ptr(*base, "top_up", "sustainable_for_likely_duration"),
                              "Record that the top-up can be paid for the likely length of the "
                              "placement before agreeing it.")


@check("PLAN-12", KIND)
def no_direct_payment_for_residential(ctx: Context) -> Iterator[Finding]:
    for i, svc in services(ctx):
        acc = svc.get("accommodation") or {}
        if svc.get("delivery") == "direct_payment" and acc.get("permanent_residential"):
            yield ctx.finding("PLAN-12", ptr("plan", "services", i, "delivery"),
                              f"'{label(svc, i)}' is permanent residential accommodation: a direct "
                              "payment cannot pay for it.")


@check("PLAN-13", KIND)
def budgets_match_funder(ctx: Context) -> Iterator[Finding]:
    for i, svc in services(ctx):
        delivery, route = svc.get("delivery"), svc.get("funding_route")
        if delivery == "personal_health_budget" and route not in ("s117", "chc", "fnc"):
            yield ctx.finding("PLAN-13", ptr("plan", "services", i, "delivery"),
                              f"A personal health budget is for NHS-funded parts of {ctx.name}'s "
                              f"care, but '{label(svc, i)}' is funded as {route}.")
        elif delivery == "integrated_budget" and route != "s117":
            yield ctx.finding("PLAN-13", ptr("plan", "services", i, "delivery"),
                              "An integrated budget combines council and ICB funding; "
                              f"'{label(svc, i)}' is not jointly funded.")


def _mental_disorder_need_ids(ctx: Context) -> set[str]:
    return {n.get("id") for _, n in entries(plan_of(ctx), "needs")
            if n.get("arises_from_mental_disorder")}


@check("PLAN-14", KIND)
def no_chc_for_s117(ctx: Context) -> Iterator[Finding]:
    """W 9.2, 9.3: never CHC for an s117 need, and CHC only for needs unrelated to the disorder."""
    related = _mental_disorder_need_ids(ctx)
    for i, svc in services(ctx):
        if svc.get("funding_route") != "chc":
            continue
        met = set(svc.get("meets_needs") or [])
        if meets_s117_need(ctx, svc):
            yield ctx.finding("PLAN-14", ptr("plan", "services", i, "funding_route"),
                              f"'{label(svc, i)}' meets an s117 need, so it is provided under "
                              "s117, not NHS Continuing Healthcare; CHC is only for physical needs "
                              "unrelated to the mental disorder.")
        elif met & related:
            yield ctx.finding("PLAN-14", ptr("plan", "services", i, "funding_route"),
                              f"'{label(svc, i)}' meets a need arising from {ctx.name}'s mental "
                              "disorder: NHS Continuing Healthcare is only for physical health "
                              "needs unrelated to it.")


@check("PLAN-15", KIND)
def nursing_care(ctx: Context) -> Iterator[Finding]:
    for i, svc in services(ctx):
        acc = svc.get("accommodation") or {}
        if svc.get("funding_route") == "fnc" or acc.get("type") == "nursing_home":
            yield ctx.finding("PLAN-15", ptr("plan", "services", i),
                              f"NHS-funded nursing care is available to {ctx.name} on the same "
                              "criteria as anyone in a nursing home.")


def _spells(ctx: Context) -> list[tuple[date, date]]:
    """Consecutive periods in hospital under detention, as (start, end).

    Back-to-back detentions (a section 2 followed by a section 3) are one spell: W 6.1 counts
    "12 consecutive weeks" in hospital, whatever the section. An open detention runs to today.
    """
    periods = sorted((det["start_date"], det.get("end_date") or ctx.today)
                     for _, det in entries(ctx.data, "detentions") if det.get("start_date"))
    spells: list[tuple[date, date]] = []
    for start, end in periods:
        if spells and start <= spells[-1][1] + timedelta(days=1):
            spells[-1] = (spells[-1][0], max(spells[-1][1], end))
        else:
            spells.append((start, end))
    return spells


def _child_spells(ctx: Context) -> list[tuple[date, date]]:
    """Spells that began while the person was under 18 (the s85 duty arises on detention)."""
    return [(start, end) for start, end in _spells(ctx)
            if (age := ctx.age_on(start)) is not None and age < 18]


def _long_child_detention(ctx: Context) -> bool:
    return any(end - start >= _TWELVE_WEEKS for start, end in _child_spells(ctx))


def child_rules_apply(ctx: Context) -> bool:
    """PLAN-16 speaks of the form: a child at the plan date, or a child when detained."""
    return is_child(ctx) or bool(_child_spells(ctx))


@check("PLAN-16", KIND)
def child_notifications(ctx: Context) -> Iterator[Finding]:
    """W 6.1, 6.4: judged for a child at the plan date or a child when detained."""
    child_now, long_stay = is_child(ctx), _long_child_detention(ctx)
    if not child_rules_apply(ctx):
        return
    child = plan_of(ctx).get("child")
    if not child:
        if child_now or long_stay:
            yield ctx.finding("PLAN-16", "/plan/child",
                              f"{ctx.name} is or was detained as a child under 18: record whether "
                              "the detention is likely to last 12 weeks or more, the s85 "
                              "notification and any EHCP.")
        return
    if (child.get("detention_likely_12_weeks_or_more") or long_stay) \
            and child.get("s85_notified_on") is None:
        yield ctx.finding("PLAN-16", "/plan/child/s85_notified_on",
                          f"{ctx.name}'s detention as a child is likely to last 12 weeks or more: "
                          "record the date the responsible local authority was notified "
                          "(Children Act 1989 s85).")
    if child.get("has_ehcp") and child.get("ehcp_la_informed") is not True:
        yield ctx.finding("PLAN-16", "/plan/child/ehcp_la_informed",
                          f"{ctx.name} has an EHCP: the local authority that maintains it must be "
                          "told.")


@check("PLAN-17", KIND)
def refusal_keeps_entitlement(ctx: Context) -> Iterator[Finding]:
    for i, svc in services(ctx):
        if svc.get("refused_by_person"):
            yield ctx.finding("PLAN-17", ptr("plan", "services", i),
                              f"{ctx.name} has refused '{label(svc, i)}'. This does not end their "
                              "entitlement; the named practitioner keeps in contact and they can "
                              "accept services later.")


@check("PLAN-18", KIND)
def cto_aftercare(ctx: Context) -> Iterator[Finding]:
    if ctx.data.get("cto"):
        yield ctx.finding("PLAN-18", "/cto",
                          f"{ctx.name} is on a CTO: aftercare is provided for the whole of the "
                          "CTO.")


@check("FUND-06", KIND)
def top_up_difference(ctx: Context) -> Iterator[Finding]:
    for i, svc in services(ctx):
        if (svc.get("accommodation") or {}).get("top_up"):
            yield ctx.finding("FUND-06", ptr("plan", "services", i, "accommodation", "top_up"),
                              f"{ctx.name} chose dearer accommodation: the person or a third party "
                              "pays the difference, never the s117 budget.")
