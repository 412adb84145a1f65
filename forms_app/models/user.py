"""Users, their memberships of organisations, and the roles a membership carries.

`session_version` is copied into the signed session cookie at login and compared on every
request; logout increments it, so a copy of an old cookie is refused by the server.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forms_app.models.base import Base, UTCDateTime, check_in, utcnow
from forms_app.models.organisation import Organisation


class Role(StrEnum):
    PRACTITIONER = "practitioner"
    COUNCIL_COMMISSIONER = "council_commissioner"
    ICB_COMMISSIONER = "icb_commissioner"
    RESPONSIBLE_CLINICIAN = "responsible_clinician"
    PANEL_MEMBER = "panel_member"
    REGISTER_KEEPER = "register_keeper"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"


ALL_ROLES: tuple[Role, ...] = tuple(Role)
ROLE_LABELS: dict[str, str] = {
    Role.PRACTITIONER: "Practitioner",
    Role.COUNCIL_COMMISSIONER: "Council commissioner",
    Role.ICB_COMMISSIONER: "ICB commissioner",
    Role.RESPONSIBLE_CLINICIAN: "Responsible clinician",
    Role.PANEL_MEMBER: "Panel member",
    Role.REGISTER_KEEPER: "Register keeper",
    Role.AUDITOR: "Auditor",
    Role.ADMINISTRATOR: "Administrator",
}


class User(Base):
    """A person who signs in. Passwords are argon2 hashes (see services/accounts.py)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_version: Mapped[int] = mapped_column(default=1)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def roles(self) -> set[str]:
        """Every role the user holds, in any organisation."""
        return {m.role for m in self.memberships}

    @property
    def organisation_ids(self) -> set[int]:
        return {m.organisation_id for m in self.memberships}

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class Membership(Base):
    """A user's role in one organisation; a user may hold several."""

    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("user_id", "organisation_id", "role", name="user_org_role"),
        CheckConstraint(check_in("role", tuple(Role)), name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))

    user: Mapped[User] = relationship(back_populates="memberships")
    organisation: Mapped[Organisation] = relationship(lazy="joined")


class LoginThrottle(Base):
    """Failed sign-ins per client address, kept in the database so a restart forgets nothing.

    Per-account counting lives on `User`; this table catches one address trying many
    accounts (or accounts that do not exist).
    """

    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    window_started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
