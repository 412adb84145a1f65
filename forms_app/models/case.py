"""Cases: a person's s117 entitlement, its responsible bodies and detentions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forms_app.models.base import Base, UTCDateTime, check_in, utcnow
from forms_app.models.organisation import Organisation
from forms_app.models.person import Person

CASE_STATUSES: tuple[str, ...] = ("detained", "on_leave", "aftercare", "ended", "transferred")
SECTIONS: tuple[str, ...] = (
    "2", "3", "4", "5(2)", "5(4)", "35", "36", "37", "38", "45A", "47", "48", "135", "136",
)
QUALIFYING_SECTIONS: tuple[str, ...] = ("3", "37", "45A", "47", "48")
STATUS_LABELS: dict[str, str] = {
    "detained": "Detained",
    "on_leave": "On section 17 leave",
    "aftercare": "Receiving aftercare",
    "ended": "Ended",
    "transferred": "Transferred",
}


class Case(Base):
    """One entitlement to s117 aftercare, from a qualifying detention until it ends.

    Organisation scoping reads the three organisation columns: a user sees a case when
    one of their organisations is its responsible council, responsible ICB or providing
    trust (services/access.py).
    """

    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(check_in("status", CASE_STATUSES), name="status"),
        CheckConstraint(check_in("qualifying_section", QUALIFYING_SECTIONS), name="section"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    policy: Mapped[str] = mapped_column(String(40))
    responsible_council_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    responsible_icb_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    providing_trust_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id"), index=True
    )
    qualifying_section: Mapped[str] = mapped_column(String(5))
    qualifying_detention_date: Mapped[date] = mapped_column(Date)
    left_hospital_on: Mapped[date | None] = mapped_column(Date)
    next_review_due: Mapped[date | None] = mapped_column(Date, index=True)
    ended_on: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    person: Mapped[Person] = relationship(lazy="joined")
    responsible_council: Mapped[Organisation] = relationship(
        foreign_keys=[responsible_council_id], lazy="joined"
    )
    responsible_icb: Mapped[Organisation] = relationship(
        foreign_keys=[responsible_icb_id], lazy="joined"
    )
    providing_trust: Mapped[Organisation | None] = relationship(
        foreign_keys=[providing_trust_id], lazy="joined"
    )
    detentions: Mapped[list[Detention]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Detention.start_date"
    )

    @property
    def organisation_ids(self) -> set[int]:
        ids = {self.responsible_council_id, self.responsible_icb_id, self.providing_trust_id}
        return {i for i in ids if i is not None}

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


class Detention(Base):
    """A period of detention under the Act (qualifying or not) within a case's history."""

    __tablename__ = "detentions"
    __table_args__ = (CheckConstraint(check_in("section", SECTIONS), name="section"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(5))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    hospital: Mapped[str | None] = mapped_column(String(200))

    case: Mapped[Case] = relationship(back_populates="detentions")
