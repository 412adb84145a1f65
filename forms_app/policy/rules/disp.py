"""DISP (with RESP-LA-04 and RESP-NHS-08) — disputes never stop care (W 4.1, 4.3.4, 4.4.8, 8.5,
15, 16.8)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from forms_app.policy.dates import long_date
from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, check, org_name, same_org

KIND = "dispute_notice"
_ICB_ROUTE = ("local", "director", "ics", "nhs_england_arbitration")
_OBJECTION_ROUTE = ("panel", "complaints", "ombudsman")


def _interim(ctx: Context) -> Mapping[str, Any]:
    return ctx.data.get("interim") or {}


def interim_la(interim: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """RESP-LA-04: the council meeting needs on the day, else where the person is present."""
    return interim.get("currently_meeting_needs") or interim.get("person_present_in")


def _type(ctx: Context) -> str | None:
    return ctx.data.get("dispute_type")


def _at(ctx: Context, key: str) -> str:
    """Pointer to an interim field, or to ``/interim`` when the whole block is missing."""
    return f"/interim/{key}" if ctx.data.get("interim") else "/interim"


def _parties(ctx: Context) -> list[Mapping[str, Any]]:
    """The bodies in dispute: the one raising it and those it is raised against."""
    against = [o for o in ctx.data.get("raised_against") or [] if isinstance(o, Mapping)]
    return [o for o in [ctx.data.get("raised_by"), *against] if o]


@check("DISP-01", KIND)
def care_continues(ctx: Context) -> Iterator[Finding]:
    if ctx.data.get("care_continues") is not True:
        yield ctx.finding("DISP-01", "/care_continues",
                          f"{ctx.name}'s care must continue while the dispute runs: no assessment, "
                          "care or treatment is refused or delayed because of it.")


@check("RESP-LA-04", KIND)
def la_interim_rule(ctx: Context) -> Iterator[Finding]:
    if _type(ctx) != "la_ordinary_residence":
        return
    lead = interim_la(_interim(ctx))
    raised = ctx.data.get("raised_on")
    on = f" on {long_date(raised)}" if raised else ""
    if lead:
        yield ctx.finding("RESP-LA-04", "/interim/lead",
                          f"{org_name(lead)} was meeting {ctx.name}'s needs (or is where they are "
                          f"living){on}, so it keeps doing so until the dispute is resolved.")


@check("DISP-02", KIND)
def la_dispute(ctx: Context) -> Iterator[Finding]:
    if _type(ctx) != "la_ordinary_residence":
        return
    interim = _interim(ctx)
    expected, lead = interim_la(interim), interim.get("lead")
    if not lead:
        yield ctx.finding("DISP-02", _at(ctx, "lead"),
                          "Name the council that leads while the dispute is resolved.")
    elif expected and not same_org(lead, expected):
        yield ctx.finding("DISP-02", "/interim/lead",
                          f"The interim lead must be {org_name(expected)}: the council meeting "
                          f"{ctx.name}'s needs when the dispute arose (else where they live or "
                          "are present).")
    elif lead.get("type") not in (None, "local_authority"):
        yield ctx.finding("DISP-02", "/interim/lead", "The interim lead must be a council.")
    if ctx.data.get("escalation_stage") in ("ics", "nhs_england_arbitration"):
        yield ctx.finding("DISP-02", "/escalation_stage",
                          "Disputes between councils follow the Care and Support (Disputes "
                          "between Local Authorities) Regulations 2014, not the NHS route.")


@check("RESP-NHS-08", KIND)
def icb_interim_rule(ctx: Context) -> Iterator[Finding]:
    if _type(ctx) == "icb_responsibility":
        yield ctx.finding("RESP-NHS-08", "/interim",
                          f"One ICB leads {ctx.name}'s assessment and care, costs are shared "
                          "jointly until the dispute is resolved, and the ICB found not "
                          "responsible is then reimbursed.")


@check("DISP-03", KIND)
def icb_dispute(ctx: Context) -> Iterator[Finding]:
    if _type(ctx) != "icb_responsibility":
        return
    interim = _interim(ctx)
    lead = interim.get("lead")
    if not lead or lead.get("type") not in (None, "icb"):
        yield ctx.finding("DISP-03", _at(ctx, "lead"),
                          "Name one ICB to lead assessment and arranging care while the dispute "
                          "is resolved.")
    elif not any(same_org(lead, party) for party in _parties(ctx)):
        yield ctx.finding("DISP-03", "/interim/lead",
                          f"{org_name(lead)} is not party to the dispute: one of the ICBs in "
                          "dispute takes the lead (W 4.4.8).")
    if interim.get("funding") != "joint_pending":
        yield ctx.finding("DISP-03", _at(ctx, "funding"),
                          "Between ICBs, costs are funded jointly until the dispute is resolved.")
    if ctx.data.get("escalation_stage") not in _ICB_ROUTE:
        yield ctx.finding("DISP-03", "/escalation_stage",
                          "ICB disputes escalate in order: local director, then ICS director or "
                          "executive, then NHS England arbitration.")


@check("DISP-04", KIND)
def funding_stays(ctx: Context) -> Iterator[Finding]:
    if _type(ctx) == "funding_split" and _interim(ctx).get("funding") != "continue_current":
        yield ctx.finding("DISP-04", _at(ctx, "funding"),
                          f"The current funding of {ctx.name}'s care stays in place until the "
                          "dispute is resolved.")


@check("DISP-05", KIND)
def objection_to_panel(ctx: Context) -> Iterator[Finding]:
    if _type(ctx) == "discharge_objection" and \
            ctx.data.get("escalation_stage") not in _OBJECTION_ROUTE:
        yield ctx.finding("DISP-05", "/escalation_stage",
                          f"An objection to discharge goes to the {ctx.pack.disputes.panel} first, "
                          "then to the complaints procedure.")
