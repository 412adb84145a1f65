"""``register_entry``: one person's line in the s117 register (REG, OUT).

Nullable parts: the end date (REG-03), the delegation and what it sets out (OUT-01), and
each event's notice and record dates (REG-02).
"""

from __future__ import annotations

from forms_app.contract import fields as f
from forms_app.contract.schemas.base import ContractSchema
from forms_app.contract.schemas.common import DetentionSummary, FormBase, Organisation
from forms_app.policy import vocabulary as v


class Delegation(ContractSchema):
    """OUT-01: responsibility delegated to another area, set out in writing and agreed."""

    to = f.nested(Organisation, required=False)
    what = f.narrative(f.DESCRIPTION_MAX)
    agreed_in_writing = f.flag()
    agreed_on = f.date(required=False)


class RegisterEvent(ContractSchema):
    type = f.choice(v.REGISTER_EVENT_TYPES)
    date = f.date()
    notice_received_on = f.date(required=False)
    recorded_on = f.date(required=False)
    to = f.nested(Organisation, required=False)  # responsibility_transferred: the new body
    note = f.narrative(f.DESCRIPTION_MAX)


class RegisterEntry(FormBase):
    kind = f.choice(("register_entry",))
    qualifying_detention = f.nested(DetentionSummary, required=False)
    responsible_la = f.nested(Organisation, required=False)
    responsible_icb = f.nested(Organisation, required=False)
    status = f.choice(v.REGISTER_STATUSES)
    ended_on = f.date(required=False)
    delegation = f.nested(Delegation, required=False)
    events = f.many(RegisterEvent, max_items=500)
