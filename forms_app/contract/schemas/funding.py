"""``funding_agreement`` (FUND) and ``leave_funding_agreement`` (LEAVE).

Nullable parts: per-service health share (FUND-04), split (computed when absent), the
retrospective block and its notification/acknowledgement dates (FUND-03), the panel
(FUND-09), the leave funder, the prior agreement and the dates council and ICB were told
(LEAVE-01/02/03). Signatures may be missing or null (FUND-11, LEAVE-02).
"""

from __future__ import annotations

from forms_app.contract import fields as f
from forms_app.contract.schemas.base import ContractSchema
from forms_app.contract.schemas.common import (
    DetentionSummary,
    FormBase,
    Organisation,
    Panel,
    Signature,
)
from forms_app.policy import vocabulary as v


class FundedService(ContractSchema):
    id = f.line(f.CODE_MAX)
    description = f.narrative(f.DESCRIPTION_MAX, required=True)
    weekly_cost_pence = f.pence()
    health_share_percent = f.percent(required=False)


class Split(ContractSchema):
    local_authority_percent = f.percent()
    icb_percent = f.percent()


class Retrospective(ContractSchema):
    """Charges starting before the agreement date (FUND-03): when they start and when the
    written notification was sent and the written acknowledgement received."""

    charges_from = f.date(required=False)
    notified_on = f.date(required=False)
    acknowledged_on = f.date(required=False)


class FundingAgreement(FormBase):
    kind = f.choice(("funding_agreement",))
    responsible_la = f.nested(Organisation, required=False)
    responsible_icb = f.nested(Organisation, required=False)
    plan_reference = f.line(required=False)
    agreed_on = f.date(required=False)
    effective_from = f.date(required=False)
    basis = f.choice(v.FUNDING_BASES)
    services = f.many(FundedService)
    split = f.nested(Split, required=False)
    retrospective = f.nested(Retrospective, required=False)
    panel = f.nested(Panel, required=False)
    signatures = f.many(Signature)


class Leave(ContractSchema):
    start_date = f.date()
    end_date = f.date(required=False)
    destination = f.line(required=False)
    destination_type = f.choice(v.LEAVE_DESTINATION_TYPES, required=False)
    intended_long_term_placement = f.flag()
    expected_to_result_in_discharge = f.flag()
    weekly_cost_pence = f.pence(required=False)


class PriorAgreement(ContractSchema):
    agreed_on = f.date(required=False)
    placement_suitable = f.flag()


class LeaveFundingAgreement(FormBase):
    kind = f.choice(("leave_funding_agreement",))
    detention = f.nested(DetentionSummary)
    leave = f.nested(Leave)
    funder = f.choice(v.LEAVE_FUNDERS, required=False)
    prior_agreement = f.nested(PriorAgreement, required=False)
    council_informed_on = f.date(required=False)
    icb_informed_on = f.date(required=False)
    signatures = f.many(Signature)
