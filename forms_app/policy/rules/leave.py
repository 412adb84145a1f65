"""LEAVE — funding section 17 leave (W 2.2, 8.4, Annex 2 A2.4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from forms_app.policy.dates import long_date
from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, check, ptr, section_words, signatures_of
from forms_app.policy.vocabulary import QUALIFYING_SECTIONS

KIND = "leave_funding_agreement"
_FUNDER_WORDS = {"icb": "the ICB", "local_authority": "the council", "joint": "the council and ICB"}
# Places meant to become where the person lives long-term (A2.4 "residential placement").
_PLACEMENTS = ("residential_placement", "supported_accommodation")


def _before(day: date | None, start: date | None) -> bool:
    return day is not None and (start is None or day < start)


def _start(ctx: Context) -> date | None:
    return (ctx.data.get("leave") or {}).get("start_date")


@check("LEAVE-01", KIND)
def default_funder(ctx: Context) -> Iterator[Finding]:
    funder, default = ctx.data.get("funder"), ctx.pack.leave.default_funder
    if funder == default or funder is None:
        return
    prior = ctx.data.get("prior_agreement") or {}
    if not _before(prior.get("agreed_on"), _start(ctx)):
        yield ctx.finding("LEAVE-01", "/prior_agreement/agreed_on" if prior else "/prior_agreement",
                          f"Section 17 leave is funded by {_FUNDER_WORDS[default]} unless the "
                          f"council agreed another arrangement before the leave starts; record "
                          f"that agreement for funding by {_FUNDER_WORDS.get(funder, funder)}.")


@check("LEAVE-02", KIND)
def long_term_placement_agreed(ctx: Context) -> Iterator[Finding]:
    leave = ctx.data.get("leave") or {}
    # An intended long-term placement whose type is not recorded is taken to be one.
    placement = leave.get("destination_type") in (*_PLACEMENTS, None)
    if not (leave.get("intended_long_term_placement") and placement):
        return
    start, prior = leave.get("start_date"), ctx.data.get("prior_agreement") or {}
    when = f"before the leave starts on {long_date(start)}" if start else "before the leave starts"
    if not _before(prior.get("agreed_on"), start):
        yield ctx.finding("LEAVE-02", "/prior_agreement/agreed_on" if prior else "/prior_agreement",
                          f"{ctx.name}'s leave is to their intended long-term placement: council "
                          f"and ICB must agree the funding {when}.")
    if prior and prior.get("placement_suitable") is not True:
        yield ctx.finding("LEAVE-02", "/prior_agreement/placement_suitable",
                          f"Council and ICB must agree the placement is suitable for {ctx.name} "
                          f"{when}.")
    for party, words in (("local_authority", "council"), ("icb", "ICB")):
        if not any(_before(s.get("signed_on"), start) for s in signatures_of(ctx.data, party)):
            yield ctx.finding("LEAVE-02", "/signatures",
                              f"The {words} must sign the agreement {when}.")


@check("LEAVE-03", KIND)
def told_before_discharge_leave(ctx: Context) -> Iterator[Finding]:
    if not (ctx.data.get("leave") or {}).get("expected_to_result_in_discharge"):
        return
    start = _start(ctx)
    for key, words in (("council_informed_on", "council"), ("icb_informed_on", "ICB")):
        if not _before(ctx.data.get(key), start):
            yield ctx.finding("LEAVE-03", ptr(key),
                              f"This leave is expected to lead to {ctx.name}'s discharge: the "
                              f"{words} must be told before it starts.")


@check("LEAVE-04", KIND)
def qualifying_section(ctx: Context) -> Iterator[Finding]:
    section = (ctx.data.get("detention") or {}).get("section")
    if section is not None and str(section) not in QUALIFYING_SECTIONS:
        yield ctx.finding("LEAVE-04", "/detention/section",
                          f"{ctx.name} is detained under {section_words(section)}, which does not "
                          "qualify for s117: s117 arrangements do not apply during this leave.")
