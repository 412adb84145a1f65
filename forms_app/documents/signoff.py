"""What the caller knows about a sign-off: document identity, version and fingerprint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class SignOff:
    """Given to ``render`` for a signed-off record.

    ``fingerprint`` is :func:`forms_app.documents.fingerprint.fingerprint` of the raw form
    JSON as stored (the caller holds the raw form; the check result only has loaded data).
    """

    document_id: str
    version: int
    fingerprint: str
    signed_off_on: date | None = None
