"""``dispute_notice`` (DISP) and ``change_notice`` (CHG, FUND-05).

Nullable parts: the interim arrangement and each of its bodies (DISP-02/03/04), the
escalation stage (DISP-03/05), whether care continues (DISP-01); the issuer (CHG-06), the
joint review (CHG-01), the consultation (CHG-02), the effective date and dispute
reference (CHG-03/04) and the format (CHG-05).
"""

from __future__ import annotations

from forms_app.contract import fields as f
from forms_app.contract.schemas.base import ContractSchema
from forms_app.contract.schemas.common import FormBase, Organisation
from forms_app.policy import vocabulary as v


class Interim(ContractSchema):
    lead = f.nested(Organisation, required=False)
    funding = f.choice(v.INTERIM_FUNDING, required=False)
    currently_meeting_needs = f.nested(Organisation, required=False)
    person_present_in = f.nested(Organisation, required=False)


class DisputeNotice(FormBase):
    kind = f.choice(("dispute_notice",))
    dispute_type = f.choice(v.DISPUTE_TYPES)
    raised_by = f.nested(Organisation)
    raised_against = f.many(Organisation)
    raised_on = f.date()
    grounds = f.narrative()
    interim = f.nested(Interim, required=False)
    escalation_stage = f.choice(v.ESCALATION_STAGES, required=False)
    care_continues = f.flag()


class Change(ContractSchema):
    type = f.choice(v.CHANGE_TYPES)
    description = f.narrative(f.DESCRIPTION_MAX)
    current_arrangement = f.narrative(f.DESCRIPTION_MAX)
    proposed_arrangement = f.narrative(f.DESCRIPTION_MAX)
    proposed_effective_date = f.date(required=False)


class JointReview(ContractSchema):
    date = f.date(required=False)
    reference = f.line(required=False)


class Consultation(ContractSchema):
    organisation = f.nested(Organisation, required=False)
    date = f.date(required=False)
    agrees = f.flag()


class ChangeNotice(FormBase):
    kind = f.choice(("change_notice",))
    issued_by = f.nested(Organisation, required=False)
    issued_on = f.date()
    change = f.nested(Change)
    joint_review = f.nested(JointReview, required=False)
    other_party_consulted = f.nested(Consultation, required=False)
    dispute_reference = f.line(required=False)
    format = f.choice(v.FORMATS, required=False)
