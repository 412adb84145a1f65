"""Who is responsible for a person's s117 aftercare: the council and the ICB (RESP rules).

``decide`` walks the person's history in date order under the law in force on each date
(national.toml) and names each body with the rule that decided it and reasons in words.
Precedence (contract.md): council LA-03 over LA-02 over LA-01; ICB NHS-05, then the
1 September 2020 transition rules NHS-02/03/04, then NHS-06, then NHS-01.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from forms_app.policy import national
from forms_app.policy import responsibility_state as events
from forms_app.policy.dates import eighteenth_birthday, long_date
from forms_app.policy.responsibility_state import Body, State, org, org_words
from forms_app.policy.vocabulary import QUALIFYING_SECTIONS

_KEEPS_THROUGH_DETENTIONS = ("RESP-NHS-02", "RESP-NHS-03", "RESP-NHS-04", "RESP-NHS-05")
_CCG_NAME = re.compile(r"\bCCG\b|clinical commissioning group", re.IGNORECASE)

# Events on the same day, whatever order they were listed in: a CTO ends before a discharge
# from s117 (DISCH-02), a discharge from s117 before a new detention that day (a new
# entitlement), leaving hospital before a move, a placement or a CTO that day (RESP-LA-02).
# A detention and leaving hospital on one day keep the order they were given in.
_SAME_DAY_ORDER = {"cto_ended": 0, "s117_discharged": 1, "detained": 2, "left_hospital": 2,
                   "cto_started": 3, "moved": 3, "care_placement": 3,
                   "accommodation_placement": 3}


def originating_icb(event: Mapping[str, Any], name: str,
                    day: date | None = None) -> tuple[dict | None, str]:
    """The originating ICB (a CCG before 1 July 2022): GP practice (even temporary), else
    usual residence. ``day`` picks the word for the body."""
    word = national.body_word(day) if day else "ICB"
    if event.get("gp_practice_icb"):
        return org(event["gp_practice_icb"]), (f"the {word} of the GP practice {name} is "
                                                "registered with")
    if event.get("usual_residence_icb"):
        return org(event["usual_residence_icb"]), (f"the {word} where {name} usually lives "
                                                   "(not registered with a GP practice)")
    return None, ""


def _nhs_body_words(st: State, body: Mapping[str, Any] | None, since: date) -> str:
    """The body's name, saying where a CCG's responsibility went when ICBs replaced CCGs
    (1 July 2022), if that happened between ``since`` and the day of the answer."""
    name = org_words(body)
    change = national.law("ccg_to_icb")
    if st.as_of is None or not change.in_force_on(st.as_of) or change.in_force_on(since):
        return name
    if _CCG_NAME.search(name):
        return (f"{name} — a clinical commissioning group, replaced by its successor integrated "
                f"care board on {long_date(change.in_force_from)} ({change.citation}), which now "
                "holds this responsibility")
    return (f"{name} (successor to the clinical commissioning group responsible on "
            f"{long_date(since)}: ICBs replaced CCGs on {long_date(change.in_force_from)}, "
            f"{change.citation})")


def _successor_note(st: State) -> str:
    """'(now its successor ICB)' once CCGs have been replaced on the day of the answer."""
    if st.as_of is not None and national.law("ccg_to_icb").in_force_on(st.as_of):
        return " (now its successor ICB)"
    return ""


def _deemed_la(st: State, event: Mapping[str, Any]) -> tuple[dict | None, str | None]:
    """RESP-LA-05 (MHA 2025 s46): a council's specified-accommodation placement elsewhere keeps
    the person ordinarily resident in the placing council's area — once commenced."""
    st.la_05_note = None  # a note about an earlier placement no longer applies
    place = _deemable(st)
    if place is None:
        return None, None
    s46 = national.law("mha_2025_s46")
    if not s46.in_force_on(event["date"]):
        st.la_05_note = _la_05_pending(st, place)
        return None, None
    return org(place["placing_la"]), (
        f"{st.name} was placed in specified accommodation by {org_words(place['placing_la'])} on "
        f"{long_date(place['date'])}; under MHA 2025 s46 (in force from "
        f"{long_date(s46.in_force_from)}) they stay ordinarily resident in its area (RESP-LA-05).")


def _deemable(st: State) -> dict[str, Any] | None:
    """The council's specified-accommodation placement in another area, if one is followed."""
    place = st.accommodation
    if not place or not place.get("specified_accommodation") or not place.get("placing_la"):
        return None
    if (place.get("ordinary_residence_la") or {}).get("code") == place["placing_la"].get("code"):
        return None
    return place


def _la_05_pending(st: State, place: Mapping[str, Any]) -> str:
    return (f"{org_words(place['placing_la'])} placed {st.name} in specified accommodation in "
            f"{org_words(place.get('ordinary_residence_la'))}'s area on "
            f"{long_date(place['date'])}; the deeming rule of MHA 2025 s46 (RESP-LA-05) would keep "
            "them ordinarily resident in the placing council's area, but it is not yet "
            "commenced: pending, so it is not applied.")


def _la_for(st: State, event: Mapping[str, Any], rule: str,
            why: Callable[[str], str]) -> Body:
    """The council for a new or renewed entitlement; ``why`` words the reason given its name.

    A function rather than a format string: the reason holds the person's name, which is
    user text and may contain braces.
    """
    deemed, reason = _deemed_la(st, event)
    if deemed is not None and reason:
        return Body(deemed, "RESP-LA-05", [reason])
    la = org(event.get("ordinary_residence_la") or st.residence_before.get("ordinary_residence_la"))
    if la is None:
        return Body(None, "RESP-00", [
            f"The history does not say where {st.name} was ordinarily resident before the "
            f"detention of {long_date(event['date'])}, so the council cannot be named yet "
            "(RESP-00: no care may be refused or delayed meanwhile)."])
    return Body(la, rule, [why(org_words(la))])


def _new_entitlement(st: State, event: Mapping[str, Any]) -> None:
    day, section = event["date"], event.get("section")
    st.entitled, st.ended = True, False
    st.la = _la_for(st, event, "RESP-LA-01", lambda la: (
        f"{st.name} was ordinarily resident in {la}'s area immediately before the "
        f"qualifying detention under section {section} that began on {long_date(day)}, "
        f"so {la} is responsible (RESP-LA-01)."))
    transition = national.who_pays_transition()
    if day < transition:
        st.icb = Body(None, "", [])
        st.icb_pending = True  # decided by the transition rules as the walk reaches 1 Sep 2020
        return
    st.icb_pending = False
    icb, how = originating_icb(event, st.name, day)
    word = national.body_word(day)
    if icb is None:
        st.icb = Body(None, "RESP-00", [
            f"Neither a GP practice nor a usual residence is recorded at the detention of "
            f"{long_date(day)}, so the ICB cannot be named yet (RESP-00: no care may be refused "
            "or delayed meanwhile)."])
        return
    st.icb = Body(icb, "RESP-NHS-01", [
        f"The qualifying detention began on {long_date(day)}, after the "
        f"{long_date(transition)} 'Who Pays?' transition, and {st.name} was not already receiving "
        f"aftercare, so the originating {word} is responsible: {how}, "
        f"{_nhs_body_words(st, icb, day)} (RESP-NHS-01)."])


def _redetained(st: State, event: Mapping[str, Any]) -> None:
    day, section = event["date"], event.get("section")
    previous = st.la
    st.la = _la_for(st, event, "RESP-LA-03", lambda la: (
        f"{st.name} was detained again under section {section} on {long_date(day)} "
        "before being discharged from s117, so the council of ordinary residence "
        f"immediately before that detention, {la}, becomes responsible (RESP-LA-03)."))
    if previous and st.la.rule == "RESP-LA-03":
        st.la.reasons[:0] = previous.reasons
    if st.icb is None or st.icb_pending:
        return
    holder = (org_words(st.icb.organisation) if st.icb.organisation is not None
              else f"the {st.nhs_word(day)} responsible for the entitlement (not yet named)")
    note = (f"The new detention of {long_date(day)} came before discharge from s117, so NHS "
            f"responsibility does not move: {holder} stays responsible (RESP-NHS-06).")
    st.icb.reasons.append(note)
    if st.icb.rule not in _KEEPS_THROUGH_DETENTIONS and st.icb.rule != "RESP-00":
        st.icb.rule = "RESP-NHS-06"


def detained(st: State, event: Mapping[str, Any]) -> None:
    # Where the detention does not say, the last recorded residence is the one "immediately
    # before" it.
    st.residence_before = dict(st.residence)
    st.update_residence(event)
    st.in_hospital = True
    section = str(event.get("section"))
    if section not in QUALIFYING_SECTIONS:
        if st.entitled:
            st.note_both(f"The detention under section {section} that began on "
                         f"{long_date(event['date'])} is not a qualifying detention: it gives no "
                         "entitlement and does not move responsibility.")
        return
    st.ever_qualified = True
    if st.qualifying_stay:  # a new section during the same stay: not a re-detention
        return
    st.qualifying_stay, st.detention = True, dict(event)
    if st.entitled:
        _redetained(st, event)
    else:
        _new_entitlement(st, event)
    if st.on_cto:  # detained again under a qualifying section: the CTO (if not ended) is over
        st.on_cto = False
        st.note_both(f"The community treatment order ended when {st.name} was detained again on "
                     f"{long_date(event['date'])}.")


def left_hospital(st: State, event: Mapping[str, Any]) -> None:
    if st.qualifying_stay:
        check_nhs_05(st, event["date"])
    st.in_hospital = st.qualifying_stay = False


def _out_of_area(place: Mapping[str, Any], det: Mapping[str, Any]) -> bool:
    """Placed outside the placing council's area — or, where the placement records the child's
    ordinary residence as the placing council's own (Children Act 1989 s105(6)), registered
    or living under another ICB than the originating one when detained."""
    placing = (place.get("placing_la") or {}).get("code")
    area = (place.get("ordinary_residence_la") or {}).get("code")
    if placing != area:
        return True
    there, _ = originating_icb(det, "")
    origin = (place.get("originating_icb") or {}).get("code")
    return bool(there and origin and there.get("code") != origin)


def check_nhs_05(st: State, until: date) -> None:
    """RESP-NHS-05: placed out of area as a child under the Children Act 1989 after the
    transition, then detained, and still detained on the 18th birthday."""
    place, det = st.care_placement, st.detention
    if not (place and det and st.born and st.qualifying_stay):
        return
    birthday, transition = eighteenth_birthday(st.born), national.who_pays_transition()
    if place["date"] < transition or place["date"] >= birthday or not _out_of_area(place, det):
        return
    if not (place["date"] <= det["date"] < birthday <= until) or not place.get("originating_icb"):
        return
    icb = org(place["originating_icb"])
    st.icb = Body(icb, "RESP-NHS-05", [
        f"{st.name} was placed out of area under the Children Act 1989 on "
        f"{long_date(place['date'])}, after the {long_date(transition)} transition, then detained "
        f"on {long_date(det['date'])} and still detained on their 18th birthday "
        f"({long_date(birthday)}), so the originating {national.body_word(place['date'])} at "
        f"the time of the placement, {_nhs_body_words(st, icb, place['date'])}, is responsible "
        "(RESP-NHS-05)."])
    st.icb_pending = False


def _transition_body(st: State, day: date, provisional: bool, ended: bool = False) -> Body:
    """RESP-NHS-02/03/04: who holds an entitlement that began before 1 September 2020."""
    det = st.detention or {}
    transition = national.who_pays_transition()
    when = (f"On {long_date(day)}, before the {long_date(transition)} 'Who Pays?' transition,"
            if provisional else f"At the {long_date(transition)} 'Who Pays?' transition")
    kept = "from that date the rule keeps it responsible" if provisional else "it stays responsible"
    now = _successor_note(st)
    funder = det.get("funding_icb") or {}
    nhse = det.get("hospital_funded_by") == "nhs_england" or funder.get("type") == "nhs_england"
    if st.qualifying_stay and nhse:
        icb, how = originating_icb(det, st.name, det["date"])
        if icb is None:
            return Body(None, "RESP-00", [
                f"{when} {st.name} was detained in a hospital funded by NHS England, but neither a "
                f"GP practice nor a usual residence is recorded at the start of that detention on "
                f"{long_date(det['date'])}, so the ICB cannot be named yet (RESP-NHS-04; RESP-00: "
                "no care may be refused or delayed meanwhile)."])
        return Body(icb, "RESP-NHS-04", [
            f"{when} {st.name} was detained in a hospital funded by NHS England, so the CCG of "
            f"registration (else usual residence) at the start of that detention on "
            f"{long_date(det['date'])} is responsible: {how}, {org_words(icb)}{now}; {kept} "
            "until discharge from s117 (RESP-NHS-04)."])
    icb = org(det.get("funding_icb"))
    if not st.qualifying_stay and funder.get("type") == "nhs_england":
        # left hospital, and the aftercare (not only the bed) is recorded as NHS England's
        return Body(None, "RESP-00", [
            f"{when} {st.name}'s aftercare is recorded as funded by NHS England, not by a clinical "
            "commissioning group, so the transition rule for CCG-funded aftercare (RESP-NHS-02) "
            "does not name the ICB; it cannot be named from the history yet (RESP-00: no care "
            "may be refused or delayed meanwhile)."])
    if st.qualifying_stay:
        return Body(icb, "RESP-NHS-03", [
            f"{when} {st.name} was detained in a hospital funded by {org_words(icb)}, a clinical "
            f"commissioning group then, so that CCG{now} is responsible for the detention and the "
            f"aftercare; {kept} until discharge from s117 (RESP-NHS-03)."])
    if ended:
        return Body(icb, "RESP-NHS-02", [
            f"{st.name}'s aftercare ended on {long_date(day)}, before the "
            f"{long_date(transition)} 'Who Pays?' transition; it was funded by {org_words(icb)}, a "
            f"clinical commissioning group then{now}, which is shown as the last responsible body "
            "(the transition rule for CCG-funded aftercare, RESP-NHS-02, is the nearest)."])
    return Body(icb, "RESP-NHS-02", [
        f"{when} {st.name} had left hospital and was receiving s117 aftercare funded by "
        f"{org_words(icb)}, a clinical commissioning group then, so that CCG{now} is responsible "
        f"through any later detentions; {kept} until discharge from s117 (RESP-NHS-02)."])


def apply_transition(st: State, day: date, provisional: bool = False,
                     ended: bool = False) -> None:
    if st.icb_pending and st.entitled:
        body = _transition_body(st, day, provisional, ended)
        if body.organisation is None and body.rule != "RESP-00":
            body = Body(None, "RESP-00", [f"The CCG funding {st.name}'s care at the "
                                          "'Who Pays?' transition is not recorded, so the ICB "
                                          "cannot be named yet (RESP-00: no care may be refused "
                                          "or delayed meanwhile)."])
        st.icb = body
        st.icb_pending = provisional
    st.transition_done = not provisional


def s117_discharged(st: State, event: Mapping[str, Any]) -> None:
    """A joint discharge ends the entitlement — but never while on a CTO (DISCH-02)."""
    if st.entitled and st.on_cto:
        st.note_both(f"A discharge from s117 is recorded on {long_date(event['date'])} while "
                     f"{st.name} was on a community treatment order; aftercare cannot end during "
                     "a CTO (DISCH-02), so the entitlement continues.")
        return
    if st.icb_pending:  # ended before the transition: the CCG funding it stays on record
        apply_transition(st, event["date"], provisional=True, ended=True)
    events.s117_discharged(st, event)


_HANDLERS = {
    "detained": detained, "left_hospital": left_hospital, "moved": events.moved,
    "cto_started": events.cto_started, "cto_ended": events.cto_ended,
    "s117_discharged": s117_discharged, "care_placement": events.care_placement,
    "accommodation_placement": events.accommodation_placement,
}


def _status(st: State) -> str:
    if not st.ever_qualified:
        return "not_eligible"
    if not st.entitled:
        return "ended"
    return "detained" if st.in_hospital else "aftercare"


def _closing_notes(st: State) -> None:
    s46 = national.law("mha_2025_s46")
    if st.la is not None:
        placed = _deemable(st)
        if st.la_05_note:
            st.la.reasons.append(st.la_05_note)
        elif placed is not None and s46.pending:
            st.la.reasons.append(_la_05_pending(st, placed))
        elif s46.pending:
            st.la.reasons.append("MHA 2025 s46 (RESP-LA-05, the Care Act deeming rule for "
                                 "specified accommodation) is not yet commenced: pending.")
    other, how = originating_icb(st.residence, st.name)
    if st.icb is not None and other is not None:
        st.icb.reasons.append(
            f"For health needs other than s117 aftercare (CHC, FNC, physical health) the "
            f"{st.nhs_word()} follows GP registration, else usual residence: now "
            f"{org_words(other)} (RESP-NHS-07).")


def _in_order(event: Mapping[str, Any]) -> tuple[date, int]:
    """Date order; on one day the natural order of _SAME_DAY_ORDER, else as listed."""
    return event["date"], _SAME_DAY_ORDER.get(str(event.get("type")), 2)


def decide(data: Mapping[str, Any], as_of: date | None = None) -> dict[str, Any]:
    """The `s117 responsible` answer for a responsibility form, as it stood on ``as_of``."""
    as_of = as_of or data.get("as_of") or date.today()
    person = data.get("person") or {}
    st = State(name=person.get("preferred_name") or person.get("given_name") or "The person",
               born=person.get("date_of_birth"), as_of=as_of)
    transition = national.who_pays_transition()
    dated = [e for e in data.get("events") or [] if e and e.get("date") and e["date"] <= as_of]
    for event in sorted(dated, key=_in_order):
        if not st.transition_done and event["date"] >= transition:
            apply_transition(st, transition)
        handler = _HANDLERS.get(str(event.get("type")))
        if handler is not None:
            handler(st, event)
    if not st.transition_done:
        apply_transition(st, min(as_of, transition), provisional=as_of < transition)
    check_nhs_05(st, as_of)
    if not st.ever_qualified:
        return {"eligible": False, "status": "not_eligible", "local_authority": None, "icb": None}
    _closing_notes(st)
    return {"eligible": True, "status": _status(st),
            "local_authority": st.la.as_dict() if st.la else None,
            "icb": st.icb.as_dict() if st.icb else None}
