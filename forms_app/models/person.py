"""People entitled (or possibly entitled) to s117 aftercare."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, String
from sqlalchemy.orm import Mapped, mapped_column, validates

from forms_app.models.base import Base, UTCDateTime, check_in, utcnow
from forms_app.policy import nhs_number

COMMUNICATION_FORMATS: tuple[str, ...] = (
    "standard", "easy_read", "large_print", "braille", "audio", "bsl_video",
)


class Person(Base):
    """One person, identified by NHS number (stored as 10 digits, no spaces)."""

    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint(check_in("communication_format", COMMUNICATION_FORMATS), name="format"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nhs_number: Mapped[str] = mapped_column(String(10), unique=True)
    given_name: Mapped[str] = mapped_column(String(100), index=True)
    family_name: Mapped[str] = mapped_column(String(100), index=True)
    preferred_name: Mapped[str | None] = mapped_column(String(100))
    date_of_birth: Mapped[date] = mapped_column(Date)
    communication_format: Mapped[str] = mapped_column(String(20), default="standard")
    language: Mapped[str] = mapped_column(String(35), default="en")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @validates("nhs_number")
    def _check_nhs_number(self, key: str, value: str) -> str:
        # The last line of defence: forms and schemas report a bad number on the field first.
        digits = value.replace(" ", "")
        if not nhs_number.is_valid(digits):
            raise ValueError(f"invalid NHS number: {value!r}")
        return digits

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def formatted_nhs_number(self) -> str:
        """The NHS number spaced 3-3-4, as people read it."""
        n = self.nhs_number
        return f"{n[:3]} {n[3:6]} {n[6:]}"

    def as_contract(self) -> dict[str, object]:
        """The contract.md person shape (without a representative, which forms carry)."""
        return {
            "nhs_number": self.nhs_number,
            "given_name": self.given_name,
            "family_name": self.family_name,
            "preferred_name": self.preferred_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "communication": {
                "format": self.communication_format,
                "language": self.language,
                "interpreter_needed": self.interpreter_needed,
            },
        }
