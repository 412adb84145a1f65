"""The state carried while walking a responsibility history, and the simple event handlers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

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

    def update_residence(self, event: Mapping[str, Any]) -> None:
        for key in _RESIDENCE_KEYS:
            if key in event:
                self.residence[key] = event.get(key)

    def note_both(self, text: str) -> None:
        for body in (self.la, self.icb):
            if body is not None:
                body.reasons.append(text)


def moved(st: State, event: Mapping[str, Any]) -> None:
    st.update_residence(event)
    st.accommodation = None  # a move of their own ends any council placement being followed
    if not st.entitled or st.in_hospital or st.la is None:
        return
    new_area = org_words(event.get("ordinary_residence_la"))
    if st.la.organisation is not None:
        st.la.reasons.append(
            f"{st.name} moved to {new_area}'s area on {long_date(event['date'])}, after leaving "
            "hospital; a move after discharge does not change the responsible local authority, "
            f"so {org_words(st.la.organisation)} stays responsible (RESP-LA-02).")
        if st.la.rule == "RESP-LA-01":
            st.la.rule = "RESP-LA-02"
    if st.icb is not None and st.icb.organisation is not None:
        st.icb.reasons.append(
            f"The move on {long_date(event['date'])} does not change the ICB responsible for s117 "
            f"aftercare: {org_words(st.icb.organisation)} stays responsible.")


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


def accommodation_placement(st: State, event: Mapping[str, Any]) -> None:
    st.accommodation = dict(event)
    if event.get("ordinary_residence_la"):
        st.residence["ordinary_residence_la"] = event["ordinary_residence_la"]
