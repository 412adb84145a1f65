"""The aftercare plan journey (contract.md ``aftercare_plan``; PLAN, REVIEW, ELIG)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from forms_app.policy import vocabulary as v
from forms_app.web.forms.kinds.common import PERSON_STEP, organisation
from forms_app.web.forms.labels import label_for
from forms_app.web.forms.spec import (
    Journey,
    Step,
    area,
    checkboxes,
    date,
    group,
    hidden,
    money,
    next_id,
    radios,
    repeat,
    select,
    text,
    yes_no,
)


def under_18(data: dict[str, Any]) -> bool:
    """Show the child step while the date of birth or plan date is unknown, or under 18."""
    person = data.get("person") or {}
    plan = data.get("plan") or {}
    try:
        born = dt.date.fromisoformat(str(person.get("date_of_birth")))
        on = dt.date.fromisoformat(str(plan.get("plan_date") or dt.date.today().isoformat()))
    except ValueError:
        return True
    return (on.year - born.year - ((on.month, on.day) < (born.month, born.day))) < 18


def need_choices(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The plan's needs, for a service to say which it meets."""
    needs = (data.get("plan") or {}).get("needs") or []
    return [
        (str(n.get("id")), f"{n['id']}: {n.get('description') or label_for(str(n.get('domain')))}")
        for n in needs
        if isinstance(n, dict) and n.get("id")
    ]


DETENTIONS = Step("detentions", "Detentions and leaving hospital", (
    repeat(
        "detentions", "Detentions", "Detention",
        select("section", "Section of the Mental Health Act", v.SECTIONS),
        date("start_date", "Start date"),
        date("end_date", "End date"),
        text("hospital", "Hospital"),
        organisation("ordinary_residence_la", "Council where the person was ordinarily resident"),
        organisation("gp_practice_icb", "ICB of the person's GP practice"),
        radios("hospital_funded_by", "Who funded the hospital bed", v.HOSPITAL_FUNDED_BY),
    ),
    date("plan/left_hospital_on", "Date the person left hospital"),
    group("cto", "Community treatment order (if any)",
          date("start_date", "Start date"), date("end_date", "End date")),
))

BODIES = Step("bodies", "Responsible council and ICB", (
    organisation("responsible_la", "Responsible council"),
    organisation("responsible_icb", "Responsible ICB"),
), hint="Filled in from the responsibility calculator; check them against the reasons shown.")

PRACTITIONER = Step("practitioner", "Named practitioner", (
    date("plan/plan_date", "Date of the plan"),
    group(
        "plan/named_practitioner", "Named practitioner",
        text("name", "Name"), text("role", "Role"),
        organisation("organisation", "Organisation"),
        text("phone", "Phone number", width=20), text("email", "Email address"),
    ),
))

VIEWS = Step("views", "Views and capacity", (
    area("plan/person_views", "What the person wants from their aftercare"),
    yes_no("plan/person_agrees", "Does the plan follow the person's wishes?"),
    area("plan/disagreement_explanation", "Where it does not, the explanation given to them"),
    radios("plan/capacity", "Capacity to make decisions about the care plan", v.CAPACITY),
    area("plan/best_interests_record", "Best-interests record (where the person lacks capacity)"),
))

RIGHTS = Step("rights", "Rights information and advocacy", (
    group(
        "plan/rights_information", "Information given on section 117 rights",
        date("given_on", "Date given"),
        radios("format", "Format", v.FORMATS),
        checkboxes("covers", "What it covered", v.RIGHTS_COVERS),
    ),
    yes_no("plan/imha_informed", "Has the person been told of their right to an IMHA?"),
    yes_no("plan/imca_involved", "Is an IMCA involved?"),
))

NEEDS = Step("needs", "Needs", (
    repeat(
        "plan/needs", "Needs", "Need",
        hidden("id", "Need id"),
        select("domain", "Area of need", v.NEED_DOMAINS),
        area("description", "Describe the need"),
        yes_no("arises_from_mental_disorder", "Does it arise from the mental disorder?"),
        yes_no("reduces_relapse_risk", "Does meeting it reduce the risk of readmission?"),
        yes_no("s117", "Is it a section 117 need?"),
        new_item=next_id("N"),
    ),
))

TOP_UP = group(
    "top_up", "Top-up (only where the preferred accommodation costs more)",
    radios("payer", "Who pays the top-up", v.TOP_UP_PAYERS),
    money("weekly_amount_pence", "Weekly top-up"),
    yes_no("sustainable_for_likely_duration", "Is it sustainable for the likely length of stay?"),
)

SERVICES = Step("services", "Services", (
    repeat(
        "plan/services", "Services", "Service",
        hidden("id", "Service id"),
        checkboxes("meets_needs", "Needs it meets", choices_from=need_choices),
        area("description", "Describe the service"),
        text("provider", "Provider"),
        money("weekly_cost_pence", "Weekly cost"),
        radios("funding_route", "How it is funded", v.FUNDING_ROUTES),
        yes_no("charged_to_person", "Is the person charged for it?"),
        radios("delivery", "How it is delivered", v.DELIVERY),
        group(
            "accommodation", "Accommodation (only if the service is accommodation)",
            select("type", "Type of accommodation", v.ACCOMMODATION_TYPES),
            yes_no("permanent_residential", "Is it permanent residential accommodation?"),
            yes_no("free_of_charge_stated", "Does the plan say it is free of charge?"),
            yes_no("preferred_by_person", "Is it the person's preferred accommodation?"),
            TOP_UP,
        ),
        new_item=next_id("S"),
    ),
))

OTHER_PLANS = Step("other-plans", "Other plans", (
    repeat(
        "plan/other_plans", "Other plans the person has", "Plan",
        select("type", "Type of plan", v.OTHER_PLAN_TYPES),
        text("reference", "Reference"),
        yes_no("applies", "Does it apply to the person?"),
    ),
))

CHILD = Step("child", "A child or young person", (
    group(
        "plan/child", "Children Act and EHCP notifications",
        yes_no("detention_likely_12_weeks_or_more", "Likely to be detained 12 weeks or more?"),
        date("s85_notified_on", "Date the section 85 Children Act 1989 notification was made"),
        yes_no("has_ehcp", "Does the child have an EHCP?"),
        yes_no("ehcp_la_informed", "Has the council maintaining the EHCP been told?"),
        nullable=False,
    ),
), when=under_18)

REVIEWS = Step("reviews", "Reviews", (
    date("plan/last_review_date", "Date of the last review (if any)"),
    date("plan/next_review_date", "Date of the next review"),
))

JOURNEY = Journey("aftercare_plan", "Aftercare plan", (
    PERSON_STEP, DETENTIONS, BODIES, PRACTITIONER, VIEWS, RIGHTS, NEEDS, SERVICES,
    OTHER_PLANS, CHILD, REVIEWS,
))
