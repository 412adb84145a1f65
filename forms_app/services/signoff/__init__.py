"""Two-party sign-off: who must sign a form, signing, and freezing the signed-off record.

The parties a kind needs come from the policy (``check_form(...).missing_signatures`` of
the unsigned form, contract.md "Signatures each kind needs"); kinds that need none
(dispute and change notices, register entries) are issued by one person of the issuing
organisation. Each party signs in their own account after re-entering their password,
only when one of their memberships has the party's role in the party's organisation, and
one account signs once: a user holding both commissioner roles is still one person, so the
two-party sign-off needs a second account. A signature is of the version the signer read:
it carries that ``lock_version`` and is refused (EditConflict) when the record moved on.
Adding it moves ``lock_version`` on, so two signatures racing cannot both land.
When every party has signed and no error finding remains, the record is signed off: its
documents are rendered, signed and stored with their SHA-256, and it never changes again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, NoReturn

from forms_app.contract.check import CheckResult, check_form
from forms_app.models import FormRecord, Membership, Role, Signature, User, utcnow
from forms_app.policy.packs import PackError
from forms_app.services import accounts
from forms_app.services import forms as form_service
from forms_app.services.errors import EditConflict, LoginLocked, LoginRefused, ServiceError
from forms_app.services.signoff.parties import (
    PARTY_LABELS,
    Party,
    parties_for,
    signature_json,
)
from forms_app.store import audit

__all__ = [
    "CannotSignError",
    "NotReadyError",
    "Party",
    "SignOutcome",
    "merged_data",
    "parties_for",
    "refusal",
    "sign",
    "signed_by",
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
    return _with_case_findings(check_form(data), record)


def _with_case_findings(result: CheckResult, record: FormRecord) -> CheckResult:
    """The check, plus where the form is not about its case (services.forms.case_findings).

    A field the schema already reports keeps the schema's message only.
    """
    reported = {f.field for f in result.findings if f.rule == "SCHEMA"}
    extra = [f for f in form_service.case_findings(record.case, record.data)
             if f.field not in reported]
    return replace(result, findings=[*result.findings, *extra]) if extra else result


def _parties_or_none(record: FormRecord) -> list[Party]:
    try:
        return parties_for(record)
    except PackError:  # a draft naming an unknown pack has no parties yet; pages say why
        return []


def submit(record: FormRecord, user: User, today: dt.date | None = None) -> CheckResult:
    """Draft -> awaiting sign-off, when the form would be valid once every party signs."""
    if record.status == "awaiting_signoff":
        raise CannotSignError("this form has already been sent for sign-off")
    if record.status != "draft":
        raise CannotSignError(f"version {record.version} is {record.status_label.lower()}: "
                              "start a new version to change it")
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
    """The unsigned parties this user could sign as, with the membership that fits.

    None once the user has signed this record as any party: one account signs once.
    """
    if signed_by(record, user) is not None:
        return []
    signed = {s.party for s in record.signatures}
    out = []
    for party in parties_for(record):
        membership = party.fitting_membership(user)
        if party.key not in signed and membership is not None:
            out.append((party, membership))
    return out


def refusal(record: FormRecord, user: User, party_key: str) -> str | None:
    """Why ``user`` cannot sign ``record`` as ``party_key`` now; None when they can."""
    if record.status != "awaiting_signoff":
        return "this form is not awaiting sign-off"
    own = signed_by(record, user)
    if own is not None:
        done = f"you have already signed this form for the {_label(own.party)}"
        if party_key == own.party:
            return done
        return (f"{done}; each party signs in their own account, so another person must "
                f"sign for the {_label(party_key)}")
    if party_key not in {p.key for p, _ in signable_parties(record, user)}:
        return "you cannot sign this form as that party"
    return None


def signed_by(record: FormRecord, user: User) -> Signature | None:
    """The signature this user gave on this record, if any."""
    return next((s for s in record.signatures if s.user_id == user.id), None)


def _label(party_key: str) -> str:
    return PARTY_LABELS.get(party_key, party_key).lower()


def sign(record: FormRecord, user: User, party_key: str, password: str, lock_version: int,
         *, ip: str | None = None, today: dt.date | None = None) -> SignOutcome:
    """Sign the version read at ``lock_version`` as one party; the last signature signs off.

    EditConflict when the record changed since; CannotSignError when this user may not sign
    as this party, the password is wrong or the account is locked (failures count toward
    the sign-in lockout). A refusal is audited; the caller commits it.
    """
    party, membership = _may_sign(record, user, party_key, password, lock_version, ip)
    signature = _add_signature(record, user, party, membership, today or dt.date.today())
    result = _with_case_findings(check_form(merged_data(record)), record)
    done = {s.party for s in record.signatures} >= {p.key for p in parties_for(record)}
    if done and result.valid:
        from forms_app.services.signoff.finalise import sign_off

        sign_off(record, user, result)
    return SignOutcome(signature, result, record.status == "signed_off")


def _may_sign(record: FormRecord, user: User, party_key: str, password: str,
              lock_version: int, ip: str | None) -> tuple[Party, Membership]:
    """The party and fitting membership, once every check of ``sign`` has passed."""
    if lock_version != record.lock_version:
        raise EditConflict("the form changed after you opened it", record_id=record.id,
                           current_lock_version=record.lock_version)
    refused = refusal(record, user, party_key)
    if refused is not None:
        reason = "party" if record.status == "awaiting_signoff" else "status"
        _refuse(record, user, party_key, reason, refused)
    try:
        accounts.confirm_password(user, password or "", ip)
    except LoginRefused as wrong:
        reason = "locked" if isinstance(wrong, LoginLocked) else "password"
        _refuse(record, user, party_key, reason, str(wrong))
    return next((p, m) for p, m in signable_parties(record, user) if p.key == party_key)


def _refuse(record: FormRecord, user: User, party_key: str, reason: str,
            message: str) -> NoReturn:
    audit.record("form.sign_refused", user=user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id,
                 details={"party": party_key[:30], "reason": reason})
    raise CannotSignError(message)


def _add_signature(record: FormRecord, user: User, party: Party, membership: Membership,
                   today: dt.date) -> Signature:
    org = membership.organisation
    signature = Signature(
        party=party.key, organisation_code=org.code, organisation_name=org.name,
        name=user.display_name, role=_role_label(membership.role), signed_on=today,
        user_id=user.id,
    )

    def change() -> None:
        # Touching the row makes its UPDATE carry "WHERE lock_version = <read>".
        record.signatures.append(signature)
        record.updated_by_id, record.updated_at = user.id, utcnow()

    form_service.apply_or_conflict(record, change)
    audit.record("form.sign", user=user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id,
                 details={"party": party.key, "organisation": org.code})
    return signature


def _role_label(role: str) -> str:
    from forms_app.models import ROLE_LABELS

    return ROLE_LABELS.get(Role(role), role)
