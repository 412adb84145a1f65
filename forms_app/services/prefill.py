"""A new form's first answers, from what the case already knows.

The person, detentions and responsible bodies come from the case; where the case has a
``responsibility`` form, the responsibility calculator names the council and ICB with its
reasons (shown on the start page). A new funding agreement takes the services of the
latest signed-off aftercare plan; a new version of any form starts from the last one.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from forms_app.contract.check import check_form
from forms_app.models import Case, FormRecord, User
from forms_app.policy.responsibility import decide
from forms_app.store.db import db


@dataclass
class Prefill:
    data: dict[str, Any]
    reasons: dict[str, Any] = field(default_factory=dict)  # responsibility: {la, icb}
    source: FormRecord | None = None


def latest(case: Case, kind: str, statuses: tuple[str, ...] | None = None) -> FormRecord | None:
    stmt = select(FormRecord).where(FormRecord.case_id == case.id, FormRecord.kind == kind)
    if statuses:
        stmt = stmt.where(FormRecord.status.in_(statuses))
    return db.session.scalar(stmt.order_by(FormRecord.version.desc()).limit(1))


def prefill(case: Case, kind: str, user: User) -> Prefill:
    """The starting answers for a new form of ``kind`` on ``case``."""
    previous = latest(case, kind)
    if previous is not None:
        return Prefill(_next_version(case, previous), responsibility(case), previous)
    data = {"kind": kind, "policy": case.policy, "person": _person(case)}
    data.update(_BUILDERS[kind](case, user))
    return Prefill(data, responsibility(case))


def _next_version(case: Case, previous: FormRecord) -> dict[str, Any]:
    """The last version's answers, with who the person is and the responsible bodies taken
    afresh from the case (they may have changed since) and no signatures."""
    data = copy.deepcopy(previous.data)
    data.pop("signatures", None)
    person = data.get("person") if isinstance(data.get("person"), dict) else {}
    data["person"] = {**person, **case.person.as_contract()}
    data["policy"] = case.policy
    for key, value in _bodies(case).items():
        if key in data:
            data[key] = value
    return data


def responsibility(case: Case) -> dict[str, Any]:
    """Responsible council and ICB: the calculator's answer from the case's latest
    signed-off responsibility statement, else the bodies recorded on the case."""
    record = latest(case, "responsibility", ("signed_off",))
    if record is not None:
        result = check_form(record.data)
        if result.data is not None:
            answer = decide(result.data)
            if answer.get("eligible"):
                return {"local_authority": answer["local_authority"], "icb": answer["icb"],
                        "source": "calculator", "record": record,
                        "matches_case": _matches(case, answer)}
    recorded = ["Recorded on the case."]
    return {
        "local_authority": {"organisation": case.responsible_council.as_contract(),
                            "rule": None, "reasons": recorded},
        "icb": {"organisation": case.responsible_icb.as_contract(), "rule": None,
                "reasons": recorded},
        "source": "case",
    }


def _matches(case: Case, answer: dict[str, Any]) -> bool:
    """The calculator names the bodies recorded on the case (scoping and sign-off use those)."""
    codes = [(answer.get(side) or {}).get("organisation") or {} for side in ("local_authority",
                                                                           "icb")]
    return [c.get("code") for c in codes] == [case.responsible_council.code,
                                              case.responsible_icb.code]


def _person(case: Case) -> dict[str, Any]:
    person = case.person.as_contract()
    person.setdefault("representative", None)
    return person


def _bodies(case: Case) -> dict[str, Any]:
    """The case's own bodies: every form names them (services.forms.case_findings); where the
    calculator disagrees, the start page says so and the case is updated first."""
    return {"responsible_la": case.responsible_council.as_contract(),
            "responsible_icb": case.responsible_icb.as_contract()}


def _detentions(case: Case) -> list[dict[str, Any]]:
    return [{"section": d.section, "start_date": _iso(d.start_date),
             "end_date": _iso(d.end_date), "hospital": d.hospital} for d in case.detentions]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _plan(case: Case, user: User) -> dict[str, Any]:
    plan = {"plan_date": dt.date.today().isoformat(),
            "left_hospital_on": _iso(case.left_hospital_on),
            "needs": [], "services": [], "other_plans": []}
    return {"detentions": _detentions(case), **_bodies(case), "plan": plan, "signatures": []}


def _funding(case: Case, user: User) -> dict[str, Any]:
    plan = latest(case, "aftercare_plan", ("signed_off",))
    services = []
    if plan is not None:
        services = [
            {"id": s.get("id"), "description": s.get("description"),
             "weekly_cost_pence": s.get("weekly_cost_pence"), "health_share_percent": None}
            for s in (plan.data.get("plan") or {}).get("services") or []
            if isinstance(s, dict) and s.get("funding_route") == "s117"
        ]
    reference = f"Aftercare plan version {plan.version}" if plan is not None else None
    return {**_bodies(case), "plan_reference": reference, "basis": "policy_default",
            "services": services, "signatures": []}


def _qualifying(case: Case) -> dict[str, Any]:
    qualifying = [d for d in case.detentions if d.section == case.qualifying_section]
    chosen = qualifying[-1] if qualifying else None
    return {"section": case.qualifying_section,
            "start_date": _iso(chosen.start_date if chosen else case.qualifying_detention_date),
            "hospital": chosen.hospital if chosen else None}


def _leave(case: Case, user: User) -> dict[str, Any]:
    return {"detention": _qualifying(case), "leave": {}, "signatures": []}


def _discharge(case: Case, user: User) -> dict[str, Any]:
    return {"decision_date": dt.date.today().isoformat(), "grounds": [], "signatures": []}


def _home_org(user: User) -> dict[str, Any] | None:
    for membership in user.memberships:
        if membership.role in ("council_commissioner", "icb_commissioner"):
            return membership.organisation.as_contract()
    return None


def _dispute(case: Case, user: User) -> dict[str, Any]:
    return {"raised_by": _home_org(user), "raised_against": [],
            "raised_on": dt.date.today().isoformat(), "care_continues": True}


def _change(case: Case, user: User) -> dict[str, Any]:
    return {"issued_by": _home_org(user), "issued_on": dt.date.today().isoformat(),
            "change": {}, "format": case.person.communication_format}


def _register(case: Case, user: User) -> dict[str, Any]:
    return {"qualifying_detention": _qualifying(case), **_bodies(case),
            "status": case.status, "ended_on": _iso(case.ended_on), "events": []}


def _history(case: Case, user: User) -> dict[str, Any]:
    """A first history from the case: its qualifying detention and leaving hospital, with
    the recorded bodies as the places of residence (the user corrects and adds events)."""
    bodies = _bodies(case)
    council, icb = bodies["responsible_la"], bodies["responsible_icb"]
    events = [{"date": _iso(case.qualifying_detention_date), "type": "detained",
               "section": case.qualifying_section, "ordinary_residence_la": council,
               "gp_practice_icb": icb, "usual_residence_icb": icb,
               "hospital_funded_by": "icb", "funding_icb": icb}]
    if case.left_hospital_on:
        events.append({"date": _iso(case.left_hospital_on), "type": "left_hospital"})
    return {"events": events, "as_of": None}


_BUILDERS = {
    "aftercare_plan": _plan,
    "funding_agreement": _funding,
    "leave_funding_agreement": _leave,
    "discharge_decision": _discharge,
    "dispute_notice": _dispute,
    "change_notice": _change,
    "register_entry": _register,
    "responsibility": _history,
}
