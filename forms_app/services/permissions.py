"""Who may fill in and who may sign each kind of form: one table for every door.

The web pages, the JSON API and the page markers (``requires_any_role``) all read these,
so a role gains or loses a kind in one place. Which organisation a signer must belong to
is decided per party in services/signoff/parties.py.
"""

from __future__ import annotations

from typing import Any

from forms_app.models import Role
from forms_app.services.signoff.parties import ISSUERS, PARTY_ROLES

EDIT_ROLES: dict[str, frozenset[str]] = {
    "aftercare_plan": frozenset({Role.PRACTITIONER}),
    "funding_agreement": frozenset(
        {Role.PRACTITIONER, Role.COUNCIL_COMMISSIONER, Role.ICB_COMMISSIONER}),
    "leave_funding_agreement": frozenset(
        {Role.PRACTITIONER, Role.COUNCIL_COMMISSIONER, Role.ICB_COMMISSIONER}),
    "discharge_decision": frozenset({Role.PRACTITIONER, Role.COUNCIL_COMMISSIONER,
                                     Role.ICB_COMMISSIONER, Role.RESPONSIBLE_CLINICIAN}),
    "dispute_notice": frozenset({Role.COUNCIL_COMMISSIONER, Role.ICB_COMMISSIONER}),
    "change_notice": frozenset({Role.COUNCIL_COMMISSIONER, Role.ICB_COMMISSIONER}),
    "register_entry": frozenset({Role.REGISTER_KEEPER}),
    "responsibility": frozenset(
        {Role.REGISTER_KEEPER, Role.COUNCIL_COMMISSIONER, Role.ICB_COMMISSIONER}),
}
ANY_EDITOR: frozenset[str] = frozenset().union(*EDIT_ROLES.values())
# Everyone who can sign as some party of some kind (the sign pages' marker).
ANY_SIGNER: frozenset[str] = frozenset().union(
    *PARTY_ROLES.values(), *(roles for _key, roles in ISSUERS.values()))


def can_edit(user: Any, kind: str) -> bool:
    """The user holds a role that fills in ``kind`` (organisation scoping is separate)."""
    return bool(user is not None and user.roles & EDIT_ROLES.get(kind, frozenset()))
