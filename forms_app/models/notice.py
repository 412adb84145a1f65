"""What happens after a change notice is issued: the person's written acknowledgement, and
the consulted commissioner's confirmation of the consultation the notice records.

Each is one row per notice (unique ``form_id``): the notice itself is a signed-off form
record and never changes, so these facts live beside it. Services write them
(services/notices.py), with an audit row each.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forms_app.models.base import Base, UTCDateTime, check_in, utcnow
from forms_app.models.form import FormRecord
from forms_app.models.user import User

ACKNOWLEDGEMENT_METHODS: tuple[str, ...] = ("post", "email", "by_hand", "other")
ACKNOWLEDGEMENT_METHOD_LABELS: dict[str, str] = {
    "post": "By post",
    "email": "By email",
    "by_hand": "Handed in or collected in person",
    "other": "Another way",
}


class NoticeAcknowledgement(Base):
    """The person's written acknowledgement that they received a change notice."""

    __tablename__ = "notice_acknowledgements"
    __table_args__ = (CheckConstraint(check_in("method", ACKNOWLEDGEMENT_METHODS), name="method"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("form_records.id"), unique=True)
    received_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    form: Mapped[FormRecord] = relationship()
    recorded_by: Mapped[User] = relationship(lazy="joined")

    @property
    def method_label(self) -> str:
        return ACKNOWLEDGEMENT_METHOD_LABELS.get(self.method, self.method)


class ConsultationConfirmation(Base):
    """The consulted commissioner's own confirmation of the consultation a notice records."""

    __tablename__ = "consultation_confirmations"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("form_records.id"), unique=True)
    organisation_code: Mapped[str] = mapped_column(String(16))
    organisation_name: Mapped[str] = mapped_column(String(200))
    confirmed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    form: Mapped[FormRecord] = relationship()
    confirmed_by: Mapped[User] = relationship(lazy="joined")
