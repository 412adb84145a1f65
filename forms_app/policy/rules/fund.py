"""FUND — funding agreements between council and ICB (W 8, Annex 2; H)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from forms_app.policy.dates import long_date
from forms_app.policy.findings import Finding
from forms_app.policy.packs import Split
from forms_app.policy.rules.base import Context, check, entries, ptr, same_org, signatures_of
from forms_app.policy.rules.funding_maths import expected_split, form_split

KIND = "funding_agreement"
_PARTIES = (("local_authority", "council", "responsible_la"), ("icb", "ICB", "responsible_icb"))


def _words(split: Split) -> str:
    return f"{split.local_authority_percent}% council, {split.icb_percent}% ICB"


def is_retrospective(data: Mapping[str, Any]) -> bool:
    """Charges start before the agreement date (FUND-03, FUND-10).

    An effective date or ``charges_from`` before ``agreed_on`` is retrospective. A
    retrospective block that gives no start date (or the agreement has no date) still
    declares retrospective charges; a block that is all null, or whose charges start on or
    after the agreement, does not.
    """
    agreed, effective = data.get("agreed_on"), data.get("effective_from")
    retro = data.get("retrospective") or {}
    charges = retro.get("charges_from")
    if agreed is not None and any(d is not None and d < agreed for d in (effective, charges)):
        return True
    declared = any(v is not None for v in retro.values())
    return declared and (charges is None or agreed is None)


@check("FUND-01", KIND)
def default_split(ctx: Context) -> Iterator[Finding]:
    # The split the pack expects for this record: its default split, or (Harrow) the
    # historic split for records agreed before the matrix began.
    basis, default = ctx.data.get("basis"), expected_split(ctx)
    if default is None:
        return
    if basis == "needs_matrix" and ctx.pack.funding.basis == "fixed_split":
        yield ctx.finding("FUND-01", "/basis",
                          f"This policy's default split is {_words(default)}; a split worked out "
                          "another way is an agreed variation (basis agreed_variation).")
    split = form_split(ctx.data)
    if basis == "policy_default" and default and split and split != default:
        yield ctx.finding("FUND-01", "/split",
                          f"The policy default is {_words(default)}, but this agreement says "
                          f"{_words(split)}. Use basis agreed_variation for a different split.")


@check("FUND-02", KIND)
def variation_signed_by_both(ctx: Context) -> Iterator[Finding]:
    if ctx.data.get("basis") != "agreed_variation":
        return
    if form_split(ctx.data) is None:
        yield ctx.finding("FUND-02", "/split", "Record the split the council and ICB agreed.")
    for party, words, _ in _PARTIES:
        if not any(s.get("signed_on") for s in signatures_of(ctx.data, party)):
            yield ctx.finding("FUND-02", "/signatures",
                              f"A variation from the default split must be signed by the {words}.")


def _notice_dates(ctx: Context, retro: Mapping[str, Any]) -> Iterator[Finding]:
    agreed = ctx.data.get("agreed_on")
    notified, acknowledged = retro.get("notified_on"), retro.get("acknowledged_on")
    for key, day, words in (("notified_on", notified, "written notification"),
                            ("acknowledged_on", acknowledged, "written acknowledgement")):
        if day is None or (agreed is not None and day >= agreed):
            yield ctx.finding("FUND-03", ptr("retrospective", key),
                              f"Retrospective charges need a {words} dated before the agreement"
                              f"{' of ' + long_date(agreed) if agreed else ''}.")
    if notified and acknowledged and acknowledged < notified:
        yield ctx.finding("FUND-03", "/retrospective/acknowledged_on",
                          "The written acknowledgement must follow the written notification.")


@check("FUND-03", KIND)
def retrospective_notice(ctx: Context) -> Iterator[Finding]:
    if ctx.pack.funding.backdating != "with_written_acknowledgement":
        return
    if not is_retrospective(ctx.data):
        return
    retro = ctx.data.get("retrospective")
    if not retro:
        yield ctx.finding("FUND-03", "/retrospective",
                          "Charges start before the agreement date: record the written "
                          "notification and written acknowledgement of the retrospective charges.")
        return
    yield from _notice_dates(ctx, retro)


def _historic_allowed(ctx: Context) -> bool:
    historic, agreed = ctx.pack.funding.historic_split, ctx.data.get("agreed_on")
    return bool(historic and historic.before and agreed and agreed < historic.before
                and ctx.data.get("basis") == "policy_default")


@check("FUND-04", KIND)
def needs_matrix(ctx: Context) -> Iterator[Finding]:
    basis = ctx.data.get("basis")
    if ctx.pack.funding.basis == "needs_matrix" and basis != "needs_matrix" \
            and not _historic_allowed(ctx):
        yield ctx.finding("FUND-04", "/basis",
                          f"{ctx.pack.title} splits funding by the needs matrix: no other basis "
                          "is accepted.")
    if basis != "needs_matrix":
        return
    for i, svc in entries(ctx.data, "services"):
        share = svc.get("health_share_percent")
        if share is None or not 0 <= share <= 100:
            yield ctx.finding("FUND-04", ptr("services", i, "health_share_percent"),
                              f"Give the health share (0 to 100%) of "
                              f"'{svc.get('description') or svc.get('id')}' from the needs matrix.")


@check("FUND-07", KIND)
def default_only_between_own_bodies(ctx: Context) -> Iterator[Finding]:
    if ctx.data.get("basis") != "policy_default" or ctx.pack.funding.default_split is None:
        return
    for (_, words, key), own in zip(_PARTIES, (ctx.pack.council, ctx.pack.icb), strict=True):
        body = ctx.data.get(key)
        if body and not same_org(body, own.as_dict()):
            yield ctx.finding("FUND-07", ptr(key),
                              f"The default split holds only between {ctx.pack.council.name} and "
                              f"{ctx.pack.icb.name}; with {body.get('name')} as the {words} this "
                              "needs its own arrangement (basis agreed_variation).")


@check("FUND-09", KIND)
def panel_ratified(ctx: Context) -> Iterator[Finding]:
    if not ctx.pack.funding.panel_ratification:
        return
    panel, name = ctx.data.get("panel"), ctx.pack.disputes.panel
    if not panel:
        yield ctx.finding("FUND-09", "/panel",
                          f"The {name} must ratify this agreement before sign-off: record the "
                          "panel date and outcome.")
        return
    if panel.get("outcome") != "ratified":
        yield ctx.finding("FUND-09", "/panel/outcome",
                          f"The {name} has not ratified this agreement, so it cannot be signed "
                          "off.")
    signed = [s.get("signed_on") for _, s in entries(ctx.data, "signatures") if s.get("signed_on")]
    day: date | None = panel.get("date")
    if day is None:
        yield ctx.finding("FUND-09", "/panel/date", f"Record the date of the {name}.")
    elif signed and day > max(signed):
        yield ctx.finding("FUND-09", "/panel/date",
                          f"The {name} met on {long_date(day)}, after the agreement was signed; "
                          "ratification comes before sign-off.")


@check("FUND-10", KIND)
def never_backdated(ctx: Context) -> Iterator[Finding]:
    if ctx.pack.funding.backdating != "never" or not is_retrospective(ctx.data):
        return
    agreed, effective = ctx.data.get("agreed_on"), ctx.data.get("effective_from")
    if is_retrospective({**ctx.data, "effective_from": None}):  # the block's own charges
        yield ctx.finding("FUND-10", "/retrospective",
                          "Under this policy a new split is never backdated: retrospective "
                          "charges are not allowed.")
    if agreed and effective and effective < agreed:
        yield ctx.finding("FUND-10", "/effective_from",
                          f"A new split takes effect from its review date ({long_date(agreed)}) "
                          f"and is never backdated to {long_date(effective)}.")


@check("FUND-11", KIND)
def signed_by_both(ctx: Context) -> Iterator[Finding]:
    for party, words, key in _PARTIES:
        signed = [(i, s) for i, s in entries(ctx.data, "signatures")
                  if s.get("party") == party and s.get("signed_on")]
        if not signed:
            yield ctx.finding("FUND-11", "/signatures",
                              f"The {words} has not signed this funding agreement.")
        body = ctx.data.get(key)
        for i, sig in signed:
            if body and sig.get("organisation") and not same_org(sig["organisation"], body):
                yield ctx.finding("FUND-11", ptr("signatures", i, "organisation"),
                                  f"The {words} signature is from "
                                  f"{sig['organisation'].get('name')}, not the responsible "
                                  f"{words}, {body.get('name')}.")
