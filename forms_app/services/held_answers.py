"""Keeping a step's answers that arrived after the session ended, for the same user only.

    hold(user, form, "practitioner", pairs, reason="idle")   # the request's user is gone
    pairs = take(user, form, "practitioner")                  # after signing in again

Held answers are never shown to anyone but the user who posted them (`take` reads only
that user's rows), are used once (`take` deletes them), and last at most the absolute
session lifetime (`S117_ABSOLUTE_LIFETIME`): older rows are ignored and purged.
The audit row for holding is written here; restoring is audited by the caller, which
knows whether the answers were saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import current_app
from sqlalchemy import delete, select

from forms_app.models import FormRecord, HeldAnswers, User, utcnow
from forms_app.store import audit
from forms_app.store.db import db


def hold(user: User, form: FormRecord, step: str, fields: Sequence[tuple[str, str]],
         reason: str) -> HeldAnswers:
    """Keep `fields` (posted name/value pairs) for `user`; replaces any held for the step."""
    purge_stale()
    _forget(user, form, step)
    held = HeldAnswers(user_id=user.id, form_id=form.id, step=step,
                       fields=[[name, value] for name, value in fields], created_at=utcnow())
    db.session.add(held)
    # Where and why, never what: the answers themselves stay out of the audit trail.
    audit.record("form.hold_answers", user=user, record_type="form", record_id=form.id,
                 person_id=form.case.person_id,
                 details={"kind": form.kind, "version": form.version, "page": step,
                          "reason": reason, "fields": len(held.fields)})
    return held


def take(user: User, form: FormRecord, step: str) -> list[tuple[str, str]] | None:
    """The newest answers `user` has held for the step (then forgotten), or None."""
    purge_stale()
    stmt = (select(HeldAnswers)
            .where(HeldAnswers.user_id == user.id, HeldAnswers.form_id == form.id,
                   HeldAnswers.step == step)
            .order_by(HeldAnswers.created_at.desc(), HeldAnswers.id.desc()).limit(1))
    held = db.session.scalar(stmt)
    if held is None:
        return None
    _forget(user, form, step)
    return [(name, value) for name, value in held.fields]


def purge_stale() -> int:
    """Delete every held answer older than the absolute session lifetime; how many."""
    cutoff = utcnow() - current_app.config["S117_ABSOLUTE_LIFETIME"]
    result = db.session.execute(delete(HeldAnswers).where(HeldAnswers.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def _forget(user: User, form: FormRecord, step: str) -> None:
    db.session.execute(delete(HeldAnswers).where(
        HeldAnswers.user_id == user.id, HeldAnswers.form_id == form.id,
        HeldAnswers.step == step))
