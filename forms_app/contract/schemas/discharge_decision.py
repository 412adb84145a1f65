"""``discharge_decision``: ending s117 aftercare (DISCH).

Nullable parts: CTO status (DISCH-02), the review (DISCH-10), rationale and readmission
risk (DISCH-03), other services (DISCH-04), informing and involving the person (DISCH-05),
the views (DISCH-08), the panel (DISCH-08). Signatures may be missing (DISCH-01/07).
"""

from __future__ import annotations

from forms_app.contract import fields as f
from forms_app.contract.schemas.base import ContractSchema
from forms_app.contract.schemas.common import FormBase, Panel, Signature
from forms_app.policy import vocabulary as v


class Review(ContractSchema):
    date = f.date(required=False)
    type = f.choice(v.REVIEW_TYPES, required=False)


class DischargeDecision(FormBase):
    kind = f.choice(("discharge_decision",))
    on_cto = f.flag()
    decision_date = f.date()
    review = f.nested(Review, required=False)
    rationale = f.narrative()
    readmission_risk = f.narrative()
    grounds = f.many(f.choice(v.DISCHARGE_GROUNDS), max_items=len(v.DISCHARGE_GROUNDS) * 2)
    other_services_considered = f.flag()
    other_services = f.narrative()
    person_informed = f.flag()
    person_involved = f.flag()
    person_view = f.choice(v.PERSON_VIEWS, required=False)
    representative_view = f.choice(v.PERSON_VIEWS, required=False)
    la_view = f.choice(v.BODY_VIEWS, required=False)
    health_view = f.choice(v.BODY_VIEWS, required=False)
    panel = f.nested(Panel, required=False)
    signatures = f.many(Signature)
