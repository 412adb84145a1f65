"""RESP findings for the `responsibility` kind, read off the computed answer (see
responsibility.py, which decides; these only report)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from forms_app.policy import vocabulary as v
from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, check, entries, ptr

KIND = "responsibility"
_SIDES = (("local_authority", "council", "ordinary_residence_la"),
          ("icb", "ICB", "gp_practice_icb"))


def _reason_for(body: Mapping[str, Any], rule_id: str) -> str | None:
    mentions = [r for r in body.get("reasons") or [] if f"({rule_id}" in r or f"{rule_id})" in r]
    return mentions[-1] if mentions else None


def _last_qualifying_detention(ctx: Context) -> int | None:
    """The detention the current entitlement rests on (a section 2 or 136 decides nothing)."""
    found = None
    for i, event in entries(ctx.data, "events"):
        if event and event.get("type") == "detained" and (
                event.get("section") in v.QUALIFYING_SECTIONS):
            found = i
    return found


@check("RESP-00", KIND)
def responsibility_uncertain(ctx: Context) -> Iterator[Finding]:
    answer = ctx.computed
    for side, words, key in _SIDES:
        body = answer.get(side) or {}
        if body.get("rule") == "RESP-00":
            i = _last_qualifying_detention(ctx)
            yield ctx.finding("RESP-00", ptr("events", i, key) if i is not None else "/events",
                              f"The responsible {words} cannot be named from {ctx.name}'s history. "
                              "No assessment, care or treatment may be refused or delayed while "
                              "this is settled.")


@check("RESP-LA-01", KIND)
def deciding_rules(ctx: Context) -> Iterator[Finding]:
    """Report, as information, the rule that named each body and the law it applied."""
    for side, _, _ in _SIDES:
        body = ctx.computed.get(side) or {}
        rule_id = body.get("rule")
        if not rule_id or rule_id == "RESP-00":
            continue
        reason = _reason_for(body, rule_id) or (body.get("reasons") or [""])[0]
        yield ctx.finding(rule_id, "", reason)
    for side, rule_id in (("local_authority", "RESP-LA-05"), ("icb", "RESP-NHS-07")):
        body = ctx.computed.get(side) or {}
        reason = _reason_for(body, rule_id)
        if reason and body.get("rule") != rule_id:
            yield ctx.finding(rule_id, "", reason)
