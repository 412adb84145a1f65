"""CHG and FUND-05 — written notice before any change to an arrangement (W 5.1, 7.2, 8.5; H)."""

from __future__ import annotations

from collections.abc import Iterator

from forms_app.policy.dates import long_date
from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, blank, check, org_name, same_org

KIND = "change_notice"
_COMMISSIONERS = ("local_authority", "icb")


def _late(day: object, notice: object) -> bool:
    return day is None or (notice is not None and day > notice)


@check("FUND-05", KIND)
def no_change_alone(ctx: Context) -> Iterator[Finding]:
    d = ctx.data
    review, consulted = d.get("joint_review") or {}, d.get("other_party_consulted") or {}
    change = d.get("change") or {}
    alone = _late(review.get("date"), d.get("issued_on")) or \
        _late(consulted.get("date"), d.get("issued_on"))
    forced = consulted.get("agrees") is False and change.get("proposed_effective_date")
    if alone or forced:
        yield ctx.finding("FUND-05", "",
                          f"{org_name(d.get('issued_by'), 'One party')} cannot change "
                          f"{ctx.name}'s arrangement alone: a joint review, consultation with the "
                          "other commissioner and written notice come first, and if they disagree "
                          "the current funding stays while the dispute is resolved.")


@check("CHG-01", KIND)
def joint_review_first(ctx: Context) -> Iterator[Finding]:
    review = ctx.data.get("joint_review") or {}
    if _late(review.get("date"), ctx.data.get("issued_on")):
        yield ctx.finding("CHG-01", "/joint_review" if not review else "/joint_review/date",
                          f"A joint review of {ctx.name}'s needs must take place on or before the "
                          "notice date.")


@check("CHG-02", KIND)
def other_party_consulted(ctx: Context) -> Iterator[Finding]:
    consulted = ctx.data.get("other_party_consulted") or {}
    if _late(consulted.get("date"), ctx.data.get("issued_on")):
        yield ctx.finding("CHG-02", "/other_party_consulted" if not consulted
                          else "/other_party_consulted/date",
                          "The other commissioner must be consulted on or before the notice date.")
        return
    consulted_org, issuer = consulted.get("organisation"), ctx.data.get("issued_by") or {}
    if not consulted_org:
        yield ctx.finding("CHG-02", "/other_party_consulted/organisation",
                          "Name the other commissioner who was consulted.")
        return
    kind = consulted_org.get("type")
    if same_org(consulted_org, issuer) or (kind in _COMMISSIONERS and kind == issuer.get("type")):
        yield ctx.finding("CHG-02", "/other_party_consulted/organisation",
                          "The organisation consulted must be the other commissioner (the council "
                          "for an ICB's notice, the ICB for a council's), not the one issuing the "
                          "notice.")


@check("CHG-03", KIND)
def disagreement_keeps_arrangement(ctx: Context) -> Iterator[Finding]:
    consulted = ctx.data.get("other_party_consulted") or {}
    if consulted.get("agrees") is not False:
        return
    change = ctx.data.get("change") or {}
    if change.get("proposed_effective_date") is not None:
        yield ctx.finding("CHG-03", "/change/proposed_effective_date",
                          f"{org_name(consulted.get('organisation'), 'The other commissioner')} "
                          "disagrees, so the current arrangement continues: set no effective "
                          "date.")
    if blank(change.get("current_arrangement")):
        yield ctx.finding("CHG-03", "/change/current_arrangement",
                          "State the current arrangement, which continues while the dispute is "
                          "resolved.")
    if blank(ctx.data.get("dispute_reference")):
        yield ctx.finding("CHG-03", "/dispute_reference",
                          "Name the dispute started because the other commissioner disagrees.")


@check("CHG-04", KIND)
def not_backdated(ctx: Context) -> Iterator[Finding]:
    effective = (ctx.data.get("change") or {}).get("proposed_effective_date")
    issued = ctx.data.get("issued_on")
    if effective and issued and effective < issued:
        yield ctx.finding("CHG-04", "/change/proposed_effective_date",
                          f"The change cannot take effect on {long_date(effective)}, before the "
                          f"notice of {long_date(issued)}: changes are never backdated.")


@check("CHG-05", KIND)
def person_format(ctx: Context) -> Iterator[Finding]:
    wanted = (ctx.person.get("communication") or {}).get("format")
    given = ctx.data.get("format")
    if wanted and given != wanted:
        yield ctx.finding("CHG-05", "/format",
                          f"{ctx.name}'s recorded format is {wanted.replace('_', ' ')}; produce "
                          f"the notice in it (not {str(given).replace('_', ' ')}).")


@check("CHG-06", KIND)
def issued_in_writing_by_proposer(ctx: Context) -> Iterator[Finding]:
    issuer = ctx.data.get("issued_by")
    if not issuer or issuer.get("type") not in _COMMISSIONERS:
        yield ctx.finding("CHG-06", "/issued_by",
                          "The notice is issued in writing by the council or ICB proposing the "
                          "change: name it.")
    elif ctx.data.get("issued_on") is None:
        yield ctx.finding("CHG-06", "/issued_on", "Give the date the notice is issued.")
