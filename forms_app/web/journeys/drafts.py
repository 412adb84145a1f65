"""The journey's use of the foundation's draft service (forms_app.services.forms).

Every save stores the raw JSON as the person left it, SCHEMA problems and all, so no
answer is lost; the check runs on read. A save carries the ``lock_version`` the page was
rendered with: if the record moved on since, nothing is written and EditConflict says so.
"""

from __future__ import annotations

from typing import Any

from forms_app.models import Case, FormRecord, User
from forms_app.services import forms as form_service


def create_draft(case: Case, kind: str, data: dict[str, Any], user: User,
                 source: FormRecord | None = None) -> FormRecord:
    """Version n+1 of the case's forms of this kind, as a draft (from ``source`` if given)."""
    return form_service.save_draft(case, kind, data, expected_lock_version=None, user=user)


def save_draft(record: FormRecord, data: dict[str, Any], user: User,
               lock_version: int | None) -> FormRecord:
    """Store the draft's JSON; EditConflict on a stale edit, NotEditable past draft."""
    return form_service.update_form(record, data, lock_version if lock_version is not None
                                    else -1, user)
