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
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from forms_app.models import Case, Document, FormRecord, User, utcnow
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

    _apply_or_conflict(form, change)
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
    _apply_or_conflict(form, lambda: db.session.add(form))
    audit.record("form.create", user=user, record_type="form", record_id=form.id,
                 person_id=case.person_id, details={"kind": kind, "version": form.version})
    return form


def _apply_or_conflict(form: FormRecord, change: Callable[[], None]) -> None:
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
