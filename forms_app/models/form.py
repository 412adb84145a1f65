"""Form records (every version of every form on a case) and their signatures.

Lineage: the forms of one kind on one case are versions 1, 2, 3 ... (unique per
case + kind). A version moves draft -> awaiting_signoff -> signed_off, and becomes
superseded when a later version of the same lineage is signed off. A signed-off record
never changes: a change is a new version.

`lock_version` is SQLAlchemy's `version_id_col`: every UPDATE carries
`WHERE lock_version = <the value read>`, so an edit based on a stale read matches no row
and raises `StaleDataError` (services turn it into `EditConflict`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forms_app.models.base import Base, JSONDocument, UTCDateTime, check_in, utcnow
from forms_app.models.case import Case

FORM_STATUSES: tuple[str, ...] = ("draft", "awaiting_signoff", "signed_off", "superseded")
SIGNATURE_PARTIES: tuple[str, ...] = (
    "local_authority", "icb", "responsible_clinician", "named_practitioner", "issuer",
)
FORM_STATUS_LABELS: dict[str, str] = {
    "draft": "Draft",
    "awaiting_signoff": "Awaiting sign-off",
    "signed_off": "Signed off",
    "superseded": "Superseded",
}


class FormRecord(Base):
    """One version of one form: its kind, policy pack, JSON data (contract.md) and status."""

    __tablename__ = "form_records"
    __table_args__ = (
        UniqueConstraint("case_id", "kind", "version", name="case_kind_version"),
        CheckConstraint(check_in("status", FORM_STATUSES), name="status"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    policy: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    version: Mapped[int] = mapped_column(default=1)
    lock_version: Mapped[int] = mapped_column(nullable=False)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case: Mapped[Case] = relationship(lazy="joined")
    signatures: Mapped[list[Signature]] = relationship(
        back_populates="form", cascade="all, delete-orphan", order_by="Signature.id"
    )

    __mapper_args__ = {"version_id_col": lock_version}

    @property
    def is_editable(self) -> bool:
        return self.status == "draft"

    @property
    def status_label(self) -> str:
        return FORM_STATUS_LABELS.get(self.status, self.status)


class Signature(Base):
    """A party's signature on a form version (contract.md signature shape)."""

    __tablename__ = "signatures"
    __table_args__ = (CheckConstraint(check_in("party", SIGNATURE_PARTIES), name="party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("form_records.id"), index=True)
    party: Mapped[str] = mapped_column(String(30))
    organisation_code: Mapped[str | None] = mapped_column(String(16))
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(120))
    signed_on: Mapped[date] = mapped_column(Date)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    form: Mapped[FormRecord] = relationship(back_populates="signatures")
