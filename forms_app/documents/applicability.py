"""Whether a rule speaks of this form under this pack: the checklist's "Not applicable".

A checklist that marks every rule without a finding "Met" claims too much: a Worcestershire
agreement has met no panel-ratification rule (its policy has no panel switch), and a plan
without a direct payment has met no direct-payment rule. Each entry below names the
situation a rule speaks of (a pack switch, a basis, a fact in the form) and, when the form
is not in it, says why in plain words. A finding always wins over this table (see
``checklist``), so it can never hide what the engine found.

The tests in tests/documents/test_documents_applicability.py hold each entry to the engine:
a rule this table calls not applicable never has a finding for that form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from forms_app.policy.packs import Pack
from forms_app.policy.rules.base import Context
from forms_app.policy.rules.disch import panel_needed
from forms_app.policy.rules.fund import is_retrospective
from forms_app.policy.rules.funding_maths import expected_split
from forms_app.policy.rules.plan_services import child_rules_apply

Data = Mapping[str, Any]


@dataclass(frozen=True)
class Situation:
    """When a rule applies (``applies(context)``) and, when not, why (``otherwise``)."""

    applies: Callable[[Context], bool]
    otherwise: str


def _plan(ctx: Context) -> Data:
    return ctx.data.get("plan") or {}


def _services(ctx: Context) -> list[Data]:
    source = _plan(ctx) if ctx.kind == "aftercare_plan" else ctx.data
    return [s for s in source.get("services") or [] if isinstance(s, Mapping)]


def _any_service(test: Callable[[Data], bool]) -> Callable[[Context], bool]:
    return lambda ctx: any(test(s) for s in _services(ctx))


def _accommodation(service: Data) -> Data:
    return service.get("accommodation") or {}


def _dispute(kind: str) -> Callable[[Context], bool]:
    return lambda ctx: ctx.data.get("dispute_type") == kind


def _event(*types: str) -> Callable[[Context], bool]:
    return lambda ctx: any(isinstance(e, Mapping) and e.get("type") in types
                           for e in ctx.data.get("events") or [])


_NOT_THIS_DISPUTE = "This notice is about another type of dispute."
_PLAN: dict[str, Situation] = {
    "PLAN-08": Situation(lambda c: _plan(c).get("capacity") == "lacks_capacity",
                         "The person is not recorded as lacking capacity."),
    "PLAN-10": Situation(_any_service(lambda s: bool(_accommodation(s))),
                         "The plan provides no accommodation."),
    "PLAN-11": Situation(_any_service(lambda s: bool(_accommodation(s).get("preferred_by_person")
                                                     or _accommodation(s).get("top_up"))),
                         "No preferred accommodation or top-up is recorded."),
    "PLAN-12": Situation(_any_service(lambda s: s.get("delivery") == "direct_payment"),
                         "No service is delivered by direct payment."),
    "PLAN-13": Situation(_any_service(lambda s: s.get("delivery") in (
        "personal_health_budget", "integrated_budget")),
        "No service is delivered through a personal health or integrated budget."),
    "PLAN-14": Situation(_any_service(lambda s: s.get("funding_route") == "chc"),
                         "No service is funded by NHS Continuing Healthcare."),
    "PLAN-15": Situation(_any_service(lambda s: s.get("funding_route") == "fnc"
                                      or _accommodation(s).get("type") == "nursing_home"),
                         "No nursing care or nursing home is part of the plan."),
    "PLAN-16": Situation(lambda c: bool(_plan(c).get("child")) or child_rules_apply(c),
                         "The person is 18 or over and was not detained as a child."),
    "PLAN-17": Situation(_any_service(lambda s: bool(s.get("refused_by_person"))),
                         "The person has not refused any service."),
    "PLAN-18": Situation(lambda c: bool(c.data.get("cto")),
                         "The person is not on a community treatment order."),
    "REVIEW-01": Situation(lambda c: bool(_plan(c).get("left_hospital_on"))
                           and _plan(c).get("last_review_date") is None,
                           "The first review has already been held."),
    "REVIEW-02": Situation(lambda c: _plan(c).get("last_review_date") is not None,
                           "No review has been held yet: the first-review rule applies."),
}
_FUND: dict[str, Situation] = {
    "FUND-01": Situation(lambda c: expected_split(c) is not None,
                         "This policy has no default split."),
    "FUND-02": Situation(lambda c: c.data.get("basis") == "agreed_variation",
                         "The split is not an agreed variation."),
    "FUND-03": Situation(lambda c: c.pack.funding.backdating == "with_written_acknowledgement"
                         and is_retrospective(c.data),
                         "No charges start before the agreement date."),
    "FUND-04": Situation(lambda c: "needs_matrix" in (c.pack.funding.basis, c.data.get("basis")),
                         "This policy uses a fixed split, and the agreement does not use the "
                         "needs matrix."),
    "FUND-05": Situation(lambda c: False, "Changes to an existing arrangement are checked on "
                                          "the written change notice."),
    "FUND-06": Situation(lambda c: False, "Top-ups for dearer accommodation are recorded in "
                                          "the aftercare plan."),
    "FUND-07": Situation(lambda c: c.data.get("basis") == "policy_default"
                         and c.pack.funding.default_split is not None,
                         "The agreement does not use this policy's default split."),
    "FUND-09": Situation(lambda c: c.pack.funding.panel_ratification,
                         "This policy does not require panel ratification."),
    "FUND-10": Situation(lambda c: c.pack.funding.backdating == "never",
                         "This policy allows retrospective charges with written notice "
                         "(see FUND-03)."),
}
_BY_KIND: dict[str, dict[str, Situation]] = {
    "aftercare_plan": _PLAN,
    "funding_agreement": _FUND,
    "leave_funding_agreement": {
        "LEAVE-02": Situation(lambda c: bool((c.data.get("leave") or {})
                                             .get("intended_long_term_placement")),
                              "The leave is not to the intended long-term placement."),
        "LEAVE-03": Situation(lambda c: bool((c.data.get("leave") or {})
                                             .get("expected_to_result_in_discharge")),
                              "The leave is not expected to lead straight to discharge."),
    },
    "discharge_decision": {
        "DISCH-06": Situation(lambda c: "discharged_from_specialist_services"
                              in (c.data.get("grounds") or []),
                              "Discharge from community services is not among the grounds."),
        "DISCH-08": Situation(lambda c: panel_needed(c) is not None,
                              "Nobody disagrees or objects, so no panel review is needed."),
    },
    "dispute_notice": {
        "RESP-LA-04": Situation(_dispute("la_ordinary_residence"), _NOT_THIS_DISPUTE),
        "DISP-02": Situation(_dispute("la_ordinary_residence"), _NOT_THIS_DISPUTE),
        "RESP-NHS-08": Situation(_dispute("icb_responsibility"), _NOT_THIS_DISPUTE),
        "DISP-03": Situation(_dispute("icb_responsibility"), _NOT_THIS_DISPUTE),
        "DISP-04": Situation(_dispute("funding_split"), _NOT_THIS_DISPUTE),
        "DISP-05": Situation(_dispute("discharge_objection"), _NOT_THIS_DISPUTE),
    },
    "change_notice": {
        "CHG-03": Situation(lambda c: (c.data.get("other_party_consulted") or {})
                            .get("agrees") is False,
                            "The other commissioner has not disagreed."),
    },
    "register_entry": {
        "REG-02": Situation(lambda c: bool(c.data.get("events")),
                            "No change of status has been recorded yet."),
        "REG-03": Situation(lambda c: c.data.get("status") in ("ended", "transferred")
                            or c.data.get("ended_on") is not None
                            or _event("s117_ended", "responsibility_transferred")(c),
                            "Aftercare has not ended and responsibility has not moved."),
        "OUT-01": Situation(lambda c: bool(c.data.get("delegation")),
                            "No responsibility is delegated to another area."),
    },
}


def not_applicable(kind: str, rule_id: str, data: Data, pack: Pack,
                   on: date) -> str | None:
    """Why ``rule_id`` does not apply to this form under ``pack``; None when it applies.

    ``on`` is the day the form speaks of (its document date): a rule about children asks
    the person's age on it.
    """
    situation = _BY_KIND.get(kind, {}).get(rule_id)
    if situation is None:
        return None
    ctx = Context(kind=kind, data=data, pack=pack, today=on)
    return None if situation.applies(ctx) else situation.otherwise
