"""The audit trail: one append-only row per view, change, sign-off, download or sign-in.

Append-only is enforced twice: here (mapper and session listeners refuse any UPDATE or
DELETE of an `AuditEvent` through the ORM) and in the database (triggers created by the
initial migration refuse UPDATE and DELETE on `audit_events`, on SQLite and PostgreSQL).
Rows keep the user's e-mail as written at the time, so the trail stands on its own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, event
from sqlalchemy.orm import Mapped, Mapper, ORMExecuteState, Session, mapped_column

from forms_app.models.base import Base, JSONDocument, UTCDateTime, utcnow


class AuditImmutable(RuntimeError):  # noqa: N818 - reads as a state
    """Raised when code tries to change or remove an audit row."""


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    user_email: Mapped[str | None] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(60), index=True)
    record_type: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(40))
    # No foreign key: the trail must outlive any change to the rows it describes.
    person_id: Mapped[int | None] = mapped_column(index=True)
    ip_address: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(300))
    details: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)


def _refuse(mapper: Mapper, connection: Any, target: AuditEvent) -> None:
    raise AuditImmutable(f"audit event {target.id} cannot be changed or deleted")


event.listen(AuditEvent, "before_update", _refuse)
event.listen(AuditEvent, "before_delete", _refuse)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk(state: ORMExecuteState) -> None:
    # Bulk update()/delete() statements skip the mapper events above.
    if not (state.is_update or state.is_delete):
        return
    if any(m.class_ is AuditEvent for m in state.all_mappers):
        raise AuditImmutable("audit events cannot be updated or deleted")
