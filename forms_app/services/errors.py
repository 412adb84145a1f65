"""Errors the services raise; views turn them into messages, the API into problem JSON."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every service error."""


class EditConflict(ServiceError):  # noqa: N818 - names other parts import
    """Someone else saved the record since this editor loaded it; nothing was written.

    `current_lock_version` is what the record holds now, so the view can offer a reload.
    """

    def __init__(self, message: str, *, record_id: int | None = None,
                 current_lock_version: int | None = None) -> None:
        super().__init__(message)
        self.record_id = record_id
        self.current_lock_version = current_lock_version


StaleRecord = EditConflict


class InvalidData(ServiceError):  # noqa: N818 - names other parts import
    """The data breaks a rule the service checks; `errors` maps field name -> messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {', '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class NotEditable(ServiceError):  # noqa: N818 - names other parts import
    """The record is past draft (awaiting sign-off, signed off or superseded)."""


class LoginRefused(ServiceError):  # noqa: N818 - names other parts import
    """Wrong e-mail or password (deliberately not saying which)."""


class LoginLocked(LoginRefused):
    """Too many failed attempts for this account or address; try again later."""
