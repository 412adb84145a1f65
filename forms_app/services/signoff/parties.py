"""The parties who sign a form, and which memberships fit each party.

A party is a signature ``party`` of contract.md (``local_authority``, ``icb``,
``responsible_clinician``, ``named_practitioner``) or ``issuer`` for the kinds issued by
one organisation. Who signs is decided by the case, never by the form's free text: the
council and ICB are the case's responsible bodies and the responsible clinician signs for
its providing trust. The issuing body a notice names counts only when it is the case's
council or ICB (services.forms.case_findings reports one that is not, so such a form
cannot be submitted); a named practitioner's organisation only when it is one of the
case's organisations, else a practitioner of any of them signs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from forms_app.contract.check import check_form
from forms_app.models import FormRecord, Membership, Organisation, Role, Signature, User
from forms_app.store.db import db

COMMISSIONERS = frozenset({Role.COUNCIL_COMMISSIONER, Role.ICB_COMMISSIONER})
PARTY_ROLES: dict[str, frozenset[str]] = {
    "local_authority": frozenset({Role.COUNCIL_COMMISSIONER}),
    "icb": frozenset({Role.ICB_COMMISSIONER}),
    "responsible_clinician": frozenset({Role.RESPONSIBLE_CLINICIAN}),
    "named_practitioner": frozenset({Role.PRACTITIONER}),
}
PARTY_LABELS = {
    "local_authority": "Council",
    "icb": "Integrated care board",
    "responsible_clinician": "Responsible clinician",
    "named_practitioner": "Named practitioner",
    "issuer": "Issuing organisation",
}
# Kinds that need no signature are issued by: (JSON key of the issuing body, roles).
ISSUERS: dict[str, tuple[str | None, frozenset[str]]] = {
    "dispute_notice": ("raised_by", COMMISSIONERS),
    "change_notice": ("issued_by", COMMISSIONERS),
    "register_entry": (None, frozenset({Role.REGISTER_KEEPER})),
    # A responsibility statement is issued for the case by its register keeper or either
    # commissioner (contract.md names no signatures for it).
    "responsibility": (None, frozenset({Role.REGISTER_KEEPER, *COMMISSIONERS})),
}


@dataclass(frozen=True)
class Party:
    key: str
    roles: frozenset[str]
    organisation_codes: frozenset[str]  # the signer must belong to one of these
    organisation: dict[str, Any] | None  # the form's organisation for this party

    @property
    def label(self) -> str:
        return PARTY_LABELS[self.key]

    def fitting_membership(self, user: User) -> Membership | None:
        for membership in user.memberships:
            if membership.role in self.roles and (
                membership.organisation.code in self.organisation_codes
            ):
                return membership
        return None

    def trial_signature(self, on: dt.date) -> dict[str, Any]:
        """A stand-in signature, to ask the policy whether the form is complete but for them."""
        return {"party": self.key, "organisation": self.organisation, "name": self.label,
                "role": self.label, "signed_on": on.isoformat()}


def parties_for(record: FormRecord) -> list[Party]:
    """Everyone who must sign before the record can be signed off, in signing order."""
    if record.kind in ISSUERS:
        return [_issuer(record)]
    unsigned = {key: value for key, value in record.data.items() if key != "signatures"}
    needed = check_form(unsigned).missing_signatures
    return [_party(record, key) for key in needed]


def _party(record: FormRecord, key: str) -> Party:
    org = _organisation_for(record, key)
    codes = frozenset({org["code"]}) if org else _case_codes(record)
    return Party(key, PARTY_ROLES[key], codes, org)


def _organisation_for(record: FormRecord, key: str) -> dict[str, Any] | None:
    case = record.case
    if key == "local_authority":
        return case.responsible_council.as_contract()
    if key == "icb":
        return case.responsible_icb.as_contract()
    if key == "responsible_clinician" and case.providing_trust is not None:
        return case.providing_trust.as_contract()
    if key == "named_practitioner":
        practitioner = (record.data.get("plan") or {}).get("named_practitioner") or {}
        return _on_case(practitioner.get("organisation"), _case_codes(record))
    return None


def _issuer(record: FormRecord) -> Party:
    field, roles = ISSUERS[record.kind]
    case = record.case
    if field is None:
        return Party("issuer", roles, _case_codes(record), None)
    commissioners = frozenset({case.responsible_council.code, case.responsible_icb.code})
    org = _on_case(record.data.get(field), commissioners)
    # An issuing body that is not one of the case's leaves nobody able to sign.
    return Party("issuer", roles, frozenset({org["code"]}) if org else frozenset(), org)


def _on_case(org: Any, codes: frozenset[str]) -> dict[str, Any] | None:
    """The form's organisation when it is one of ``codes``, else None."""
    return org if isinstance(org, dict) and org.get("code") in codes else None


def _case_codes(record: FormRecord) -> frozenset[str]:
    case = record.case
    orgs = [case.responsible_council, case.responsible_icb, case.providing_trust]
    return frozenset(o.code for o in orgs if o is not None)


def signature_json(signature: Signature) -> dict[str, Any]:
    """A stored signature in the contract.md signature shape."""
    org = None
    if signature.organisation_code:
        kind = db.session.scalar(
            select(Organisation.type).where(Organisation.code == signature.organisation_code))
        org = {"code": signature.organisation_code,
               "name": signature.organisation_name or signature.organisation_code,
               "type": kind or "provider"}
    return {"party": signature.party, "organisation": org, "name": signature.name,
            "role": signature.role, "signed_on": signature.signed_on.isoformat()}
