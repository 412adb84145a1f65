"""A finding: one rule's verdict on one place in a form."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule says about a form.

    `field` is a JSON pointer into the submitted form (``/plan/needs/2/s117``) or ``""``
    for the whole form.
    """

    rule: str
    severity: Severity
    field: str
    message: str
    citation: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def has_errors(findings: list[Finding]) -> bool:
    """True when any finding blocks sign-off."""
    return any(f.severity == "error" for f in findings)
