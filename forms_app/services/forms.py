"""Form records: drafts, versions and optimistic locking (sign-off lives in signoff.py).

    form = save_draft(case, "aftercare_plan", data, expected_lock_version=None, user=user)
    form = save_draft(case, "aftercare_plan", data2, expected_lock_version=form.lock_version,
                      user=user)

Rules:
- each (case, kind) is a lineage of versions 1, 2, 3 ...; at most one draft at a time;
- `expected_lock_version=None` means "start a new draft": refused with EditConflict if a
  draft already exists (someone else started one);
- otherwise the current draft's `lock_version` must equal it, or EditConflict (nothing is
  written: the first editor's work survives). The UPDATE itself also carries
  `WHERE lock_version = ...` (SQLAlchemy version_id_col), so two saves racing past the
  check cannot both land: the loser's flush raises, and we report EditConflict;
- a signed-off version is never changed; `save_draft` after sign-off starts version n+1.

A form belongs to its case: `case_findings` says where it does not (another person,
another pack, other responsible bodies). Drafts still store such answers as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from forms_app.contract.errors import schema_finding
from forms_app.contract.schemas.common import DEFAULT_POLICY
from forms_app.models import Case, Document, FormRecord, Organisation, User, utcnow
from forms_app.policy.findings import Finding
from forms_app.services.errors import EditConflict, NotEditable
from forms_app.store import audit
from forms_app.store.db import db


def lineage(case: Case, kind: str) -> list[FormRecord]:
    """Every version of `kind` on `case`, newest first."""
    stmt = (select(FormRecord).where(FormRecord.case_id == case.id, FormRecord.kind == kind)
            .order_by(FormRecord.version.desc()))
    return list(db.session.scalars(stmt))


def forms_by_kind(case: Case) -> dict[str, list[FormRecord]]:
    """Every form on the case grouped by kind (kinds sorted), versions newest first."""
    stmt = (select(FormRecord).where(FormRecord.case_id == case.id)
            .order_by(FormRecord.kind, FormRecord.version.desc()))
    grouped: dict[str, list[FormRecord]] = {}
    for form in db.session.scalars(stmt):
        grouped.setdefault(form.kind, []).append(form)
    return grouped


def documents_for_case(case: Case) -> list[Document]:
    stmt = (select(Document).join(Document.form).where(FormRecord.case_id == case.id)
            .order_by(Document.created_at.desc(), Document.id.desc()))
    return list(db.session.scalars(stmt))


def current_draft(case: Case, kind: str) -> FormRecord | None:
    return db.session.scalar(select(FormRecord).where(
        FormRecord.case_id == case.id, FormRecord.kind == kind, FormRecord.status == "draft"))


def save_draft(case: Case, kind: str, data: Mapping[str, Any],
               expected_lock_version: int | None, user: User,
               policy: str | None = None) -> FormRecord:
    """Create or update the draft of `kind` on `case`; EditConflict on a stale edit."""
    draft = current_draft(case, kind)
    if draft is None:
        if expected_lock_version is not None:
            raise EditConflict("this draft was submitted or replaced by someone else")
        return _new_version(case, kind, data, user, policy)
    if expected_lock_version != draft.lock_version:
        raise EditConflict("someone else saved this form after you opened it",
                           record_id=draft.id, current_lock_version=draft.lock_version)
    return update_form(draft, data, expected_lock_version, user)


def update_form(form: FormRecord, data: Mapping[str, Any], expected_lock_version: int,
                user: User) -> FormRecord:
    """Replace a draft's data if nobody changed it since `expected_lock_version`."""
    if not form.is_editable:
        raise NotEditable(f"version {form.version} is {form.status_label.lower()}")
    if expected_lock_version != form.lock_version:
        raise EditConflict("someone else saved this form after you opened it",
                           record_id=form.id, current_lock_version=form.lock_version)

    def change() -> None:
        form.data = dict(data)
        form.updated_by_id = user.id
        form.updated_at = utcnow()

    apply_or_conflict(form, change)
    audit.record("form.save_draft", user=user, record_type="form", record_id=form.id,
                 person_id=form.case.person_id,
                 details={"kind": form.kind, "version": form.version,
                          "lock_version": form.lock_version})
    return form


def _new_version(case: Case, kind: str, data: Mapping[str, Any], user: User,
                 policy: str | None) -> FormRecord:
    latest = db.session.scalar(select(func.max(FormRecord.version)).where(
        FormRecord.case_id == case.id, FormRecord.kind == kind)) or 0
    form = FormRecord(case=case, kind=kind, policy=policy or data.get("policy") or case.policy,
                      data=dict(data), status="draft", version=latest + 1,
                      created_by_id=user.id, updated_by_id=user.id)
    apply_or_conflict(form, lambda: db.session.add(form))
    audit.record("form.create", user=user, record_type="form", record_id=form.id,
                 person_id=case.person_id, details={"kind": kind, "version": form.version})
    return form


def apply_or_conflict(form: FormRecord, change: Callable[[], None]) -> None:
    """Make `change` and flush it inside a savepoint, so a conflict leaves the rest of the
    request's work (and the session) usable. The change must happen inside the savepoint:
    begin_nested() flushes whatever is pending first, outside it."""
    try:
        with db.session.begin_nested():
            change()
            db.session.flush()
    except StaleDataError as stale:
        raise EditConflict("someone else saved this form at the same moment",
                           record_id=form.id) from stale
    except IntegrityError as error:
        # The unique (case, kind, version) refused a second "version n+1" racing ours.
        raise EditConflict("someone else started this form at the same moment") from error


def case_findings(case: Case, data: Mapping[str, Any]) -> list[Finding]:
    """SCHEMA findings where a form is not about its case, one per field.

    The form's person must be the case's person, its pack the case's pack, its responsible
    council and ICB the case's, and an issuing or consulted commissioner one of the case's
    two bodies: the case, not the form's free text, decides who signs and who sees it.
    Every door uses this: the API refuses such a form (422), the journey stores it and
    shows the finding on the field, and submit refuses it (services.signoff).
    """
    if not isinstance(data, Mapping):
        return []
    return [*_identity_findings(case, data), *_body_findings(case, data)]


def _identity_findings(case: Case, data: Mapping[str, Any]) -> list[Finding]:
    found = []
    person = data.get("person")
    number = person.get("nhs_number") if isinstance(person, Mapping) else None
    if isinstance(number, str) and number != case.person.nhs_number:
        found.append(schema_finding(
            "/person/nhs_number", "This form must be about the case's person, NHS number "
            f"{case.person.nhs_number}."))
    policy = data.get("policy", DEFAULT_POLICY)
    if isinstance(policy, str) and policy != case.policy:
        found.append(schema_finding(
            "/policy", f"This case is under the {case.policy} policy: policy must be "
            f"\"{case.policy}\"."))
    return found


def _body_findings(case: Case, data: Mapping[str, Any]) -> list[Finding]:
    council, icb = case.responsible_council, case.responsible_icb
    wanted: list[tuple[str, list[Organisation], str]] = [
        ("responsible_la", [council], "The responsible council must be the case's"),
        ("responsible_icb", [icb], "The responsible ICB must be the case's"),
        (_issuer_key(data), [council, icb], "The issuing body must be one of the case's"),
        ("other_party_consulted/organisation", [council, icb],
         "The commissioner consulted must be one of the case's"),
    ]
    found = []
    for key, bodies, words in wanted:
        code = _code_at(data, key)
        if code is not None and code not in {body.code for body in bodies}:
            names = " or ".join(f"{body.name} ({body.code})" for body in bodies)
            found.append(schema_finding(f"/{key}/code", f"{words}: {names}."))
    return found


def _issuer_key(data: Mapping[str, Any]) -> str:
    from forms_app.services.signoff.parties import ISSUERS  # signoff imports this module

    return ISSUERS.get(str(data.get("kind")), (None,))[0] or ""


def _code_at(data: Mapping[str, Any], key: str) -> str | None:
    """The organisation code at a path such as ``other_party_consulted/organisation``."""
    value: Any = data
    for part in key.split("/") if key else ():
        value = value.get(part) if isinstance(value, Mapping) else None
    code = value.get("code") if isinstance(value, Mapping) and key else None
    return code if isinstance(code, str) else None
