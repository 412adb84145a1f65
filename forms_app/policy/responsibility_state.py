"""The state carried while walking a responsibility history, and the simple event handlers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from forms_app.policy import national
from forms_app.policy.dates import long_date

_RESIDENCE_KEYS = ("ordinary_residence_la", "gp_practice_icb", "usual_residence_icb")


def org(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The contract's organisation object {code, name, type}."""
    if not value:
        return None
    return {"code": value.get("code"), "name": value.get("name"), "type": value.get("type")}


def org_words(value: Mapping[str, Any] | None) -> str:
    if not value:
        return "an unrecorded body"
    return str(value.get("name") or value.get("code"))


@dataclass
class Body:
    """One side's answer: the organisation, the RESP rule that decided it, and why."""

    organisation: dict[str, Any] | None
    rule: str
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"organisation": self.organisation, "rule": self.rule, "reasons": list(self.reasons)}


@dataclass
class State:
    name: str
    born: date | None
    residence: dict[str, Any] = field(default_factory=dict)
    residence_before: dict[str, Any] = field(default_factory=dict)
    ever_qualified: bool = False
    entitled: bool = False
    ended: bool = False
    in_hospital: bool = False
    qualifying_stay: bool = False
    on_cto: bool = False
    detention: dict[str, Any] | None = None
    la: Body | None = None
    icb: Body | None = None
    icb_pending: bool = False
    transition_done: bool = False
    care_placement: dict[str, Any] | None = None
    accommodation: dict[str, Any] | None = None
    la_05_note: str | None = None
    as_of: date | None = None  # the day the answer is given for: words follow the law then

    def nhs_word(self, day: date | None = None) -> str:
        """'CCG' or 'ICB': what NHS commissioners were called on ``day`` (default: as_of)."""
        day = day or self.as_of
        return national.body_word(day) if day else "ICB"

    def update_residence(self, event: Mapping[str, Any]) -> None:
        for key in _RESIDENCE_KEYS:
            if key in event:
                self.residence[key] = event.get(key)

    def note_both(self, text: str) -> None:
        for body in (self.la, self.icb):
            if body is not None:
                body.reasons.append(text)


def _code(value: Mapping[str, Any] | None) -> Any:
    return (value or {}).get("code")


def _stays_after_leaving(st: State, day: date, verb: str, area: Mapping[str, Any] | None,
                        noun: str = "move", into: str = "to") -> None:
    """RESP-LA-02 (W 4.3.3, 17.1): moving to, or being placed in, another council's area after
    leaving hospital does not change the responsible council; nor does it move the ICB.

    ``verb`` is "moved" or "was placed … by …", ``into`` the word before the new area;
    ``noun`` names the event in the ICB's reason.
    """
    if not st.entitled or st.in_hospital or st.la is None:
        return
    if st.la.organisation is not None:
        here = org_words(st.la.organisation)
        if area and _code(area) == _code(st.la.organisation):
            st.la.reasons.append(
                f"{st.name} {verb} within {here}'s area on {long_date(day)}: the responsible "
                f"local authority is unchanged, {here}.")
        else:
            where = f"{org_words(area)}'s area" if area else "an area not recorded"
            st.la.reasons.append(
                f"{st.name} {verb} {into} {where} on {long_date(day)}, after leaving hospital; "
                "a move to or placement in another area after discharge does not change the "
                f"responsible local authority, so {here} stays responsible (RESP-LA-02).")
            if st.la.rule == "RESP-LA-01":
                st.la.rule = "RESP-LA-02"
    if st.icb is not None and st.icb.organisation is not None:
        st.icb.reasons.append(
            f"The {noun} on {long_date(day)} does not change the {st.nhs_word(day)} responsible "
            f"for s117 aftercare: {org_words(st.icb.organisation)} stays responsible.")


def moved(st: State, event: Mapping[str, Any]) -> None:
    st.update_residence(event)
    st.accommodation = None  # a move of their own ends any council placement being followed
    _stays_after_leaving(st, event["date"], "moved", event.get("ordinary_residence_la"))


def cto_started(st: State, event: Mapping[str, Any]) -> None:
    st.on_cto = True


def cto_ended(st: State, event: Mapping[str, Any]) -> None:
    st.on_cto = False


def s117_discharged(st: State, event: Mapping[str, Any]) -> None:
    if not st.entitled:
        return
    st.entitled, st.ended, st.icb_pending = False, True, False
    st.note_both(f"{st.name} was jointly discharged from s117 aftercare on "
                 f"{long_date(event['date'])}; a later qualifying detention would start a new "
                 "entitlement. The last responsible body is shown.")


def care_placement(st: State, event: Mapping[str, Any]) -> None:
    if event.get("placed_under") == "children_act_1989":
        st.care_placement = dict(event)
    if event.get("ordinary_residence_la"):
        st.residence["ordinary_residence_la"] = event["ordinary_residence_la"]
    by = org_words(event.get("placing_la")) if event.get("placing_la") else "a council"
    _stays_after_leaving(st, event["date"], f"was placed under the Children Act 1989 by {by}",
                         event.get("ordinary_residence_la"), "placement", "in")


def accommodation_placement(st: State, event: Mapping[str, Any]) -> None:
    st.accommodation = dict(event)
    if event.get("ordinary_residence_la"):
        st.residence["ordinary_residence_la"] = event["ordinary_residence_la"]
    by = org_words(event.get("placing_la")) if event.get("placing_la") else "a council"
    _stays_after_leaving(st, event["date"], f"was placed in accommodation by {by}",
                         event.get("ordinary_residence_la"), "placement", "in")
