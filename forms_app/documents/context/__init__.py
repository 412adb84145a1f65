"""One context builder per professional document (person-facing ones live in ``person/``)."""

from __future__ import annotations

from forms_app.documents.context import (
    aftercare_plan,
    discharge_decision,
    dispute_notice,
    funding_agreement,
    leave_funding_agreement,
    register_extract,
    responsibility_statement,
)
from forms_app.documents.registry import Document

PROFESSIONAL: tuple[Document, ...] = tuple(
    Document(module.__name__.rsplit(".", 1)[1], module.build,
             f"{module.__name__.rsplit('.', 1)[1]}.docx",
             f"{module.__name__.rsplit('.', 1)[1]}.html", (kind,))
    for module, kind in (
        (aftercare_plan, "aftercare_plan"),
        (funding_agreement, "funding_agreement"),
        (leave_funding_agreement, "leave_funding_agreement"),
        (discharge_decision, "discharge_decision"),
        (dispute_notice, "dispute_notice"),
        (register_extract, "register_entry"),
        (responsibility_statement, "responsibility"),
    )
)
