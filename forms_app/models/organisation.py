"""Organisations: councils (ONS GSS codes), ICBs and trusts (ODS codes)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from forms_app.models.base import Base, check_in

ORGANISATION_TYPES: tuple[str, ...] = ("local_authority", "icb", "trust", "nhs_england", "provider")


class Organisation(Base):
    """A body that can hold s117 duties or provide care; `code` is its ONS or ODS code."""

    __tablename__ = "organisations"
    __table_args__ = (CheckConstraint(check_in("type", ORGANISATION_TYPES), name="type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(20))

    def as_contract(self) -> dict[str, str]:
        """The contract.md organisation shape."""
        return {"code": self.code, "name": self.name, "type": self.type}

    def __repr__(self) -> str:
        return f"<Organisation {self.code} {self.name!r}>"
