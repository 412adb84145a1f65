"""``aftercare_plan``: detentions, needs, services and the plan's safeguards (PLAN, REVIEW).

Nullable parts (the rule named reports their absence, not SCHEMA): the named practitioner
and each of its details (PLAN-01), views (PLAN-06), capacity and best interests (PLAN-08),
IMHA/IMCA (PLAN-07), rights information (PLAN-05), review dates (REVIEW-01/02), the child
block's dates (PLAN-16), and the accommodation and top-up facts (PLAN-10/11).
"""

from __future__ import annotations

from forms_app.contract import fields as f
from forms_app.contract.schemas.base import ContractSchema
from forms_app.contract.schemas.common import Detention, FormBase, Organisation, Signature
from forms_app.policy import vocabulary as v


class NamedPractitioner(ContractSchema):
    name = f.line(required=False)
    role = f.line(required=False)
    organisation = f.nested(Organisation, required=False)
    phone = f.line(40, required=False)
    email = f.line(254, required=False)


class RightsInformation(ContractSchema):
    given_on = f.date(required=False)
    format = f.choice(v.FORMATS, required=False)
    covers = f.many(f.choice(v.RIGHTS_COVERS), max_items=len(v.RIGHTS_COVERS) * 2)


class OtherPlan(ContractSchema):
    type = f.choice(v.OTHER_PLAN_TYPES)
    reference = f.line(required=False)
    applies = f.flag()


class Need(ContractSchema):
    id = f.line(f.CODE_MAX)
    domain = f.choice(v.NEED_DOMAINS)
    description = f.narrative(f.DESCRIPTION_MAX, required=True)
    arises_from_mental_disorder = f.flag()
    reduces_relapse_risk = f.flag()
    s117 = f.flag()


class TopUp(ContractSchema):
    payer = f.choice(v.TOP_UP_PAYERS)
    weekly_amount_pence = f.pence(required=False)  # PLAN-11 reports a missing difference
    sustainable_for_likely_duration = f.flag()


class Accommodation(ContractSchema):
    type = f.choice(v.ACCOMMODATION_TYPES)
    permanent_residential = f.flag()
    free_of_charge_stated = f.flag()
    preferred_by_person = f.flag()
    top_up = f.nested(TopUp, required=False)


class PlanService(ContractSchema):
    id = f.line(f.CODE_MAX)
    meets_needs = f.many(f.line(f.CODE_MAX))
    description = f.narrative(f.DESCRIPTION_MAX, required=True)
    provider = f.line(required=False)
    weekly_cost_pence = f.pence(required=False)
    funding_route = f.choice(v.FUNDING_ROUTES)
    charged_to_person = f.flag()
    delivery = f.choice(v.DELIVERY, required=False)
    accommodation = f.nested(Accommodation, required=False)
    refused_by_person = f.flag()  # PLAN-17: refusing does not end entitlement


class Child(ContractSchema):
    """PLAN-16: for a person under 18."""

    detention_likely_12_weeks_or_more = f.flag()
    s85_notified_on = f.date(required=False)
    has_ehcp = f.flag()
    ehcp_la_informed = f.flag()


class Cto(ContractSchema):
    """A community treatment order (PLAN-18)."""

    start_date = f.date()
    end_date = f.date(required=False)


class Plan(ContractSchema):
    plan_date = f.date(required=False)
    left_hospital_on = f.date(required=False)
    last_review_date = f.date(required=False)
    next_review_date = f.date(required=False)
    named_practitioner = f.nested(NamedPractitioner, required=False)
    person_views = f.narrative()
    person_agrees = f.flag()
    disagreement_explanation = f.narrative()
    capacity = f.choice(v.CAPACITY, required=False)
    best_interests_record = f.narrative()
    imha_informed = f.flag()
    imca_involved = f.flag()
    rights_information = f.nested(RightsInformation, required=False)
    other_plans = f.many(OtherPlan)
    needs = f.many(Need)
    services = f.many(PlanService)
    child = f.nested(Child, required=False)


class AftercarePlan(FormBase):
    kind = f.choice(("aftercare_plan",))
    detentions = f.many(Detention)
    cto = f.nested(Cto, required=False)
    responsible_la = f.nested(Organisation, required=False)
    responsible_icb = f.nested(Organisation, required=False)
    plan = f.nested(Plan)
    signatures = f.many(Signature)
