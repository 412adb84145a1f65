"""One marshmallow schema per kind: the single definition of each form's shape.

``schema_for(kind)`` returns a shared, read-only instance (loading is reentrant).
"""

from __future__ import annotations

from functools import cache

from marshmallow import Schema

from forms_app.contract.schemas.aftercare_plan import AftercarePlan
from forms_app.contract.schemas.discharge_decision import DischargeDecision
from forms_app.contract.schemas.funding import FundingAgreement, LeaveFundingAgreement
from forms_app.contract.schemas.notices import ChangeNotice, DisputeNotice
from forms_app.contract.schemas.register_entry import RegisterEntry
from forms_app.contract.schemas.responsibility import Responsibility
from forms_app.policy import vocabulary

SCHEMAS: dict[str, type[Schema]] = {
    "aftercare_plan": AftercarePlan,
    "funding_agreement": FundingAgreement,
    "leave_funding_agreement": LeaveFundingAgreement,
    "discharge_decision": DischargeDecision,
    "dispute_notice": DisputeNotice,
    "change_notice": ChangeNotice,
    "register_entry": RegisterEntry,
    "responsibility": Responsibility,
}
KINDS: tuple[str, ...] = tuple(SCHEMAS)
assert KINDS == vocabulary.KINDS


class UnknownKindError(KeyError):
    """The kind is not one of KINDS."""


def schema_for(kind: str) -> Schema:
    """The shared schema instance for a kind; raises UnknownKindError for anything else."""
    if not isinstance(kind, str) or kind not in SCHEMAS:
        raise UnknownKindError(kind)
    return _instance(kind)


@cache
def _instance(kind: str) -> Schema:
    return SCHEMAS[kind]()


__all__ = ["KINDS", "SCHEMAS", "UnknownKindError", "schema_for"]
