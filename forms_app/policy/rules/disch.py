"""DISCH — ending s117 aftercare, only jointly and only on proper grounds (W 14.1, 16; H)."""

from __future__ import annotations

from collections.abc import Iterator

from forms_app.policy.dates import long_date
from forms_app.policy.findings import Finding
from forms_app.policy.rules.base import Context, blank, check, ptr, signature_parties
from forms_app.policy.vocabulary import DISCHARGE_GROUNDS_PROHIBITED

KIND = "discharge_decision"
HEALTH_PARTIES = ("responsible_clinician", "icb")
_DECIDER_WORDS = {"responsible_clinician": "the Responsible Clinician", "icb": "the ICB"}
_GROUND_WORDS = {
    "refused_aftercare": "the person refuses the aftercare plan",
    "discharged_from_specialist_services": "they were discharged from specialist mental "
                                           "health services",
    "time_elapsed": "a set time has passed",
    "deprived_of_liberty_mca": "they are deprived of liberty under the Mental Capacity Act 2005",
    "may_return_to_hospital": "they may return to hospital informally or under section 2",
    "cto_or_leave_ended": "they are no longer on a CTO or section 17 leave",
}


@check("DISCH-01", KIND)
def joint_decision(ctx: Context) -> Iterator[Finding]:
    for key, words in (("la_view", "local authority"), ("health_view", "health side")):
        if ctx.data.get(key) != "agree":
            yield ctx.finding("DISCH-01", ptr(key),
                              f"The {words} does not agree: aftercare can only end when both the "
                              "local authority and the health side agree. Neither can discharge "
                              "alone.")
    parties = signature_parties(ctx.data)
    if "local_authority" not in parties:
        yield ctx.finding("DISCH-01", "/signatures",
                          "The responsible local authority has not signed the decision.")
    if not parties & set(HEALTH_PARTIES):
        yield ctx.finding("DISCH-01", "/signatures",
                          "The health side (for the ICB) has not signed the decision.")


@check("DISCH-02", KIND)
def not_on_cto(ctx: Context) -> Iterator[Finding]:
    if ctx.data.get("on_cto") is not False:
        yield ctx.finding("DISCH-02", "/on_cto",
                          f"Aftercare cannot end while {ctx.name} is on a community treatment "
                          "order." if ctx.data.get("on_cto") else
                          f"Record whether {ctx.name} is on a community treatment order: "
                          "aftercare cannot end during one.")


@check("DISCH-03", KIND)
def reasons_documented(ctx: Context) -> Iterator[Finding]:
    if blank(ctx.data.get("rationale")):
        yield ctx.finding("DISCH-03", "/rationale",
                          f"Write down why {ctx.name} no longer needs s117 aftercare.")
    if blank(ctx.data.get("readmission_risk")):
        yield ctx.finding("DISCH-03", "/readmission_risk",
                          f"Explain why ending the services will not put {ctx.name} at risk of "
                          "readmission to hospital.")
    if not ctx.data.get("grounds"):
        yield ctx.finding("DISCH-03", "/grounds", "Give the grounds for ending aftercare.")


@check("DISCH-04", KIND)
def other_services_considered(ctx: Context) -> Iterator[Finding]:
    if ctx.data.get("other_services_considered") is not True:
        yield ctx.finding("DISCH-04", "/other_services_considered",
                          f"Consider whether {ctx.name} is eligible for other health and social "
                          "care services before ending aftercare.")


@check("DISCH-05", KIND)
def person_informed_and_involved(ctx: Context) -> Iterator[Finding]:
    for key, words in (("person_informed", "informed"), ("person_involved", "involved")):
        if ctx.data.get(key) is not True:
            yield ctx.finding("DISCH-05", ptr(key),
                              f"{ctx.name} (or their representative) must be {words} at every "
                              "stage of the discharge decision.")


@check("DISCH-06", KIND)
def community_discharge_is_not_s117(ctx: Context) -> Iterator[Finding]:
    grounds = ctx.data.get("grounds") or []
    if "discharged_from_specialist_services" in grounds:
        i = grounds.index("discharged_from_specialist_services")
        yield ctx.finding("DISCH-06", ptr("grounds", i),
                          f"Discharge from community mental health services is not discharge from "
                          f"s117: the council and ICB are told so they can review {ctx.name}'s "
                          "needs.")


@check("DISCH-07", KIND)
def health_decider(ctx: Context) -> Iterator[Finding]:
    decider = ctx.pack.discharge.health_decider
    parties = signature_parties(ctx.data)
    health = parties & set(HEALTH_PARTIES)
    if health and decider not in health:
        yield ctx.finding("DISCH-07", "/signatures",
                          f"Under this policy the health-side decision is taken by "
                          f"{_DECIDER_WORDS[decider]}; their signature is missing.")


def panel_needed(ctx: Context) -> str | None:
    """Why the s117 panel must review first (DISCH-08), or None when nobody disagrees."""
    d = ctx.data
    views = (d.get("la_view"), d.get("health_view"))
    if "disagree" in views and "agree" in views:  # an unrecorded view is DISCH-01's, not this
        return "the social worker and Responsible Clinician disagree"
    if d.get("person_view") == "objects":
        return f"{ctx.name} objects"
    if d.get("representative_view") == "objects":
        return f"{ctx.name}'s representative objects"
    return None


@check("DISCH-08", KIND)
def panel_reviews_disagreement(ctx: Context) -> Iterator[Finding]:
    why, name = panel_needed(ctx), ctx.pack.disputes.panel
    if why is None:
        return
    panel, decided = ctx.data.get("panel") or {}, ctx.data.get("decision_date")
    if not panel or panel.get("date") is None:
        yield ctx.finding("DISCH-08", "/panel/date" if panel else "/panel",
                          f"Because {why}, the {name} must review the decision before it is made.")
    elif decided and panel["date"] > decided:
        yield ctx.finding("DISCH-08", "/panel/date",
                          f"The {name} met on {long_date(panel['date'])}, after the decision of "
                          f"{long_date(decided)}; it must review first.")
    elif panel.get("outcome") != "ratified":
        yield ctx.finding("DISCH-08", "/panel/outcome",
                          f"The {name} has not supported ending aftercare.")


@check("DISCH-09", KIND)
def not_solely_prohibited_grounds(ctx: Context) -> Iterator[Finding]:
    grounds = ctx.data.get("grounds") or []
    has_valid = any(g not in DISCHARGE_GROUNDS_PROHIBITED for g in grounds)
    for i, ground in enumerate(grounds):
        if ground in DISCHARGE_GROUNDS_PROHIBITED:
            words = _GROUND_WORDS[ground]
            yield ctx.finding("DISCH-09", ptr("grounds", i),
                              f"Aftercare must not end just because {words}; make sure the other "
                              "grounds stand on their own." if has_valid else
                              f"Aftercare must not end solely because {words}.",
                              severity="warning" if has_valid else None)


@check("DISCH-10", KIND)
def review_before_decision(ctx: Context) -> Iterator[Finding]:
    review, decided = ctx.data.get("review") or {}, ctx.data.get("decision_date")
    day = review.get("date")
    if not review or day is None:
        yield ctx.finding("DISCH-10", "/review",
                          f"Hold an unscheduled review of {ctx.name}'s aftercare that considers "
                          "discharge before deciding.")
        return
    if decided and day > decided:
        yield ctx.finding("DISCH-10", "/review/date",
                          f"The review on {long_date(day)} is after the decision of "
                          f"{long_date(decided)}; it must come first.")
    if review.get("type") != "discharge_considered":
        yield ctx.finding("DISCH-10", "/review/type",
                          "The review must be an unscheduled review considering discharge.")
