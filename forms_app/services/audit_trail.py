"""Reading the audit trail (auditors only): filters, paging, scoped to their organisations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from forms_app.models import AuditEvent, Person, User
from forms_app.services.access import audit_scope
from forms_app.services.paging import Paged
from forms_app.store.db import db


@dataclass(frozen=True)
class AuditQuery:
    user_email: str = ""
    action: str = ""
    person: str = ""  # NHS number
    date_from: date | None = None
    date_to: date | None = None
    page: int = 1
    per_page: int = 50


@dataclass(frozen=True)
class AuditPage(Paged):
    people: dict[int, Person]


def search(auditor: User, query: AuditQuery) -> AuditPage:
    """Events matching `query` that `auditor` may read, newest first."""
    stmt = select(AuditEvent).where(audit_scope(auditor))
    if query.user_email:
        stmt = stmt.where(AuditEvent.user_email == query.user_email.strip().lower())
    if query.action:
        stmt = stmt.where(AuditEvent.action == query.action)
    if query.person:
        ids = select(Person.id).where(Person.nhs_number == query.person.replace(" ", ""))
        stmt = stmt.where(AuditEvent.person_id.in_(ids))
    if query.date_from:
        stmt = stmt.where(AuditEvent.occurred_at >= _start(query.date_from))
    if query.date_to:
        stmt = stmt.where(AuditEvent.occurred_at < _start(query.date_to + timedelta(days=1)))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    page = max(1, query.page)
    items = list(db.session.scalars(
        stmt.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(query.per_page).offset((page - 1) * query.per_page)))
    return AuditPage(items, total, page, query.per_page, _people(items))


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _people(events: list[AuditEvent]) -> dict[int, Person]:
    ids = {e.person_id for e in events if e.person_id is not None}
    if not ids:
        return {}
    return {p.id: p for p in db.session.scalars(select(Person).where(Person.id.in_(ids)))}


def actions() -> list[str]:
    stmt = select(AuditEvent.action).distinct().order_by(AuditEvent.action)
    return list(db.session.scalars(stmt))
