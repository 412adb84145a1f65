"""Two-party sign-off: who must sign a form, signing, and freezing the signed-off record.

The parties a kind needs come from the policy (``check_form(...).missing_signatures`` of
the unsigned form, contract.md "Signatures each kind needs"); kinds that need none
(dispute and change notices, register entries) are issued by one person of the issuing
organisation. Each party signs in their own account after re-entering their password,
only when one of their memberships has the party's role in the party's organisation.
When every party has signed and no error finding remains, the record is signed off: its
documents are rendered, signed and stored with their SHA-256, and it never changes again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from forms_app.contract.check import CheckResult, check_form
from forms_app.models import FormRecord, Membership, Role, Signature, User, utcnow
from forms_app.policy.packs import PackError
from forms_app.services import accounts
from forms_app.services.errors import ServiceError
from forms_app.services.signoff.parties import Party, parties_for, signature_json
from forms_app.store import audit
from forms_app.store.db import db

__all__ = [
    "CannotSignError",
    "NotReadyError",
    "Party",
    "SignOutcome",
    "merged_data",
    "parties_for",
    "sign",
    "signable_parties",
    "submit",
    "trial_check",
    "withdraw",
]


class CannotSignError(ServiceError):
    """The user may not sign this record as this party (or the password was wrong)."""


class NotReadyError(ServiceError):
    """The form still has error findings, so it cannot go for sign-off."""

    def __init__(self, result: CheckResult) -> None:
        super().__init__("the form has error findings")
        self.result = result


@dataclass(frozen=True)
class SignOutcome:
    signature: Signature
    result: CheckResult
    signed_off: bool


def merged_data(record: FormRecord) -> dict[str, Any]:
    """The form with the signatures given in this service (kinds that carry signatures)."""
    data = dict(record.data)
    if "signatures" in data or _carries_signatures(record.kind):
        data["signatures"] = [signature_json(s) for s in record.signatures
                              if s.party != "issuer"]
    return data


def _carries_signatures(kind: str) -> bool:
    from forms_app.contract.schemas import schema_for

    return "signatures" in schema_for(kind).fields


def trial_check(record: FormRecord, today: dt.date | None = None) -> CheckResult:
    """The check of the form as it will be once every party still to sign has signed today.

    Drafts are shown this way, so a page does not report "not signed by both" before
    anybody could sign; everything else the policy says is reported as it is.
    """
    data = merged_data(record)
    if _carries_signatures(record.kind) and isinstance(record.data, dict):
        signed = {s.party for s in record.signatures}
        extra = [p.trial_signature(today or dt.date.today()) for p in _parties_or_none(record)
                 if p.key not in signed]
        data["signatures"] = [*data.get("signatures", []), *extra]
    return check_form(data)


def _parties_or_none(record: FormRecord) -> list[Party]:
    try:
        return parties_for(record)
    except PackError:  # a draft naming an unknown pack has no parties yet; pages say why
        return []


def submit(record: FormRecord, user: User, today: dt.date | None = None) -> CheckResult:
    """Draft -> awaiting sign-off, when the form would be valid once every party signs."""
    if record.status != "draft":
        raise CannotSignError("only a draft can be sent for sign-off")
    result = trial_check(record, today)
    if not result.valid:
        raise NotReadyError(result)
    record.status = "awaiting_signoff"
    record.submitted_at = utcnow()
    record.updated_by_id = user.id
    audit.record("form.submit", user=user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id, details={"kind": record.kind})
    return result


def withdraw(record: FormRecord, user: User) -> None:
    """Back to draft from awaiting sign-off: signatures given so far are removed."""
    if record.status != "awaiting_signoff":
        raise CannotSignError("only a form awaiting sign-off can go back to draft")
    record.signatures.clear()
    record.status = "draft"
    record.updated_by_id = user.id
    audit.record("form.withdraw", user=user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id)


def signable_parties(record: FormRecord, user: User) -> list[tuple[Party, Membership]]:
    """The unsigned parties this user could sign as, with the membership that fits."""
    signed = {s.party for s in record.signatures}
    out = []
    for party in parties_for(record):
        membership = party.fitting_membership(user)
        if party.key not in signed and membership is not None:
            out.append((party, membership))
    return out


def sign(record: FormRecord, user: User, party_key: str, password: str,
         today: dt.date | None = None) -> SignOutcome:
    """Sign as one party; sign off the record when it is the last signature needed."""
    if record.status != "awaiting_signoff":
        raise CannotSignError("this form is not awaiting sign-off")
    if not accounts.verify_password(user.password_hash, password or ""):
        audit.record("form.sign_refused", user=user, record_type="form", record_id=record.id,
                     details={"party": party_key, "reason": "password"})
        raise CannotSignError("the password is not correct")
    fits = {p.key: (p, m) for p, m in signable_parties(record, user)}
    if party_key not in fits:
        raise CannotSignError("you cannot sign this form as that party")
    party, membership = fits[party_key]
    signature = _add_signature(record, user, party, membership, today or dt.date.today())
    result = check_form(merged_data(record))
    done = {s.party for s in record.signatures} >= {p.key for p in parties_for(record)}
    if done and result.valid:
        from forms_app.services.signoff.finalise import sign_off

        sign_off(record, user, result)
    return SignOutcome(signature, result, record.status == "signed_off")


def _add_signature(record: FormRecord, user: User, party: Party, membership: Membership,
                   today: dt.date) -> Signature:
    org = membership.organisation
    signature = Signature(
        party=party.key, organisation_code=org.code, organisation_name=org.name,
        name=user.display_name, role=_role_label(membership.role), signed_on=today,
        user_id=user.id,
    )
    record.signatures.append(signature)
    db.session.flush()
    audit.record("form.sign", user=user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id,
                 details={"party": party.key, "organisation": org.code})
    return signature


def _role_label(role: str) -> str:
    from forms_app.models import ROLE_LABELS

    return ROLE_LABELS.get(Role(role), role)
