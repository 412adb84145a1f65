"""Writing the audit trail: `record(action, ...)` adds one row to the current session.

Actions in use (keep to `noun.verb`): auth.login, auth.login_failed, auth.logout,
person.view, person.create, case.view, case.open, case.update, register.search,
form.create, form.save_draft, form.submit, form.signoff, form.supersede,
form.sign, form.sign_refused (details.reason: party, status, password, locked),
change_notice.acknowledged, change_notice.consultation_confirmed,
form.hold_answers (a step posted just after a timeout, kept for its user),
form.restore_answers (those answers taken back after signing in again),
document.create, document.download, audit.view, and for list pages (one row per
person shown, `record_list`): dashboard.list, register.list, api.case_list.

The row is committed with the rest of the request's work (views commit once), so a
change and its audit row land together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import has_request_context, request

from forms_app.models import AuditEvent, User, utcnow
from forms_app.store.db import db


def record(
    action: str,
    *,
    user: User | None,
    record_type: str | None = None,
    record_id: int | str | None = None,
    person_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event for `action` by `user`; IP and user agent come from the request."""
    event = AuditEvent(
        occurred_at=utcnow(),  # the moment of the action, not of the later flush
        action=action,
        user_id=user.id if user is not None else None,
        user_email=user.email if user is not None else None,
        record_type=record_type,
        record_id=None if record_id is None else str(record_id),
        person_id=person_id,
        details=details or {},
        **_client(),
    )
    db.session.add(event)
    return event


def record_list(action: str, *, user: User | None, person_ids: Iterable[int],
                details: dict[str, Any] | None = None) -> list[AuditEvent]:
    """One ``action`` row per person a list page showed (dashboard, register, API list).

    A name in a list is a view of that person, so an auditor filtering the trail by
    person finds it like any other view.
    """
    return [record(action, user=user, record_type="person", record_id=person_id,
                   person_id=person_id, details=details)
            for person_id in dict.fromkeys(person_ids)]


def _client() -> dict[str, str | None]:
    if not has_request_context():
        return {"ip_address": None, "user_agent": None}
    agent = request.headers.get("User-Agent", "")[:300] or None
    return {"ip_address": (request.remote_addr or "")[:45] or None, "user_agent": agent}
