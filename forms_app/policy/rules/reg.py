"""REG and OUT-01 — the s117 register kept whole and on time (W 17.2, 19)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from forms_app.policy.dates import add_working_days, long_date
from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, blank, check, entries, ptr
from forms_app.policy.vocabulary import QUALIFYING_SECTIONS

KIND = "register_entry"


def _events(ctx: Context) -> list[tuple[int, Mapping[str, Any]]]:
    return entries(ctx.data, "events")


def record_due(ctx: Context, event: Mapping[str, Any]) -> date | None:
    notice = event.get("notice_received_on")
    if notice is None:
        return None
    return add_working_days(notice, ctx.pack.register.update_within_working_days, ctx.pack.calendar)


def on_time(ctx: Context, event: Mapping[str, Any]) -> bool | None:
    """True/False once recorded; None while unrecorded and not yet overdue."""
    due, recorded = record_due(ctx, event), event.get("recorded_on")
    if due is None:
        return None
    if recorded is None:
        return None if ctx.today <= due else False
    return recorded <= due


def register_computed(ctx: Context) -> dict[str, Any]:
    events = []
    for _, event in _events(ctx):
        due = record_due(ctx, event)
        events.append({"type": event.get("type"), "record_due": due.isoformat() if due else None,
                       "on_time": on_time(ctx, event)})
    return {"events": events}


@check("REG-01", KIND)
def on_register_from_admission(ctx: Context) -> Iterator[Finding]:
    detention = ctx.data.get("qualifying_detention") or {}
    if str(detention.get("section")) not in QUALIFYING_SECTIONS:
        return
    start = detention.get("start_date")
    admitted = [e for _, e in _events(ctx) if e.get("type") == "admitted"]
    if not admitted:
        yield ctx.finding("REG-01", "/events",
                          f"{ctx.name} was admitted under a qualifying section"
                          f"{' on ' + long_date(start) if start else ''}: the register must show "
                          "them from admission (add the admitted event).")
    elif start and all(e.get("date") != start for e in admitted):
        yield ctx.finding("REG-01", "/events",
                          f"The admitted event must be dated {long_date(start)}, the start of the "
                          "qualifying detention.")


@check("REG-02", KIND)
def recorded_in_time(ctx: Context) -> Iterator[Finding]:
    days = ctx.pack.register.update_within_working_days
    for i, event in _events(ctx):
        due = record_due(ctx, event)
        if due is None:
            yield ctx.finding("REG-02", ptr("events", i, "notice_received_on"),
                              "Record when notice of this change was received.")
        elif on_time(ctx, event) is False:
            recorded = event.get("recorded_on")
            when = f"was recorded on {long_date(recorded)}" if recorded else "is not recorded yet"
            yield ctx.finding("REG-02", ptr("events", i, "recorded_on"),
                              f"This {str(event.get('type')).replace('_', ' ')} change {when}; it "
                              f"had to be on the register within {days} working days of notice, "
                              f"by {long_date(due)}.")


@check("REG-03", KIND)
def end_and_transfer_recorded(ctx: Context) -> Iterator[Finding]:
    status, ended = ctx.data.get("status"), ctx.data.get("ended_on")
    types = {e.get("type") for _, e in _events(ctx)}
    if (status == "ended" or "s117_ended" in types) and ended is None:
        yield ctx.finding("REG-03", "/ended_on",
                          f"Record the date {ctx.name}'s s117 aftercare ended.")
    if ended is not None and "s117_ended" not in types:
        yield ctx.finding("REG-03", "/events", "Add the s117 ended event to the register.")
    ended_events = [e["date"] for _, e in _events(ctx)
                    if e.get("type") == "s117_ended" and e.get("date")]
    if ended is not None and ended_events and ended not in ended_events:
        yield ctx.finding("REG-03", "/ended_on",
                          f"The end date {long_date(ended)} does not match the s117 ended event "
                          f"of {long_date(ended_events[-1])}: record the date s117 ended.")
    if ended is not None and status not in ("ended", None):
        yield ctx.finding("REG-03", "/status", "Aftercare has an end date, so the status is ended.")
    for i, event in _events(ctx):
        if event.get("type") == "responsibility_transferred" and not event.get("to"):
            yield ctx.finding("REG-03", ptr("events", i, "to"),
                              "Name the body responsibility was transferred to.")
    if status == "transferred" and "responsibility_transferred" not in types:
        yield ctx.finding("REG-03", "/events",
                          "Record the transfer of responsibility (a responsibility transferred "
                          "event).")


@check("OUT-01", KIND)
def delegation_in_writing(ctx: Context) -> Iterator[Finding]:
    deleg = ctx.data.get("delegation")
    if not deleg:
        return
    if not deleg.get("to"):
        yield ctx.finding("OUT-01", "/delegation/to",
                          "Name the area responsibilities are delegated to.")
    if blank(deleg.get("what")):
        yield ctx.finding("OUT-01", "/delegation/what",
                          "Set out in writing which responsibilities are delegated.")
    if deleg.get("agreed_in_writing") is not True:
        yield ctx.finding("OUT-01", "/delegation/agreed_in_writing",
                          "The delegation must be agreed in writing.")
    if deleg.get("agreed_on") is None:
        yield ctx.finding("OUT-01", "/delegation/agreed_on", "Record the date it was agreed.")
