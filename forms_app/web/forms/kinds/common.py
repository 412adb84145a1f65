"""Steps and groups several journeys share: the person, organisations, detentions."""

from __future__ import annotations

from forms_app.policy import vocabulary as v
from forms_app.web.forms.spec import (
    Group,
    Step,
    date,
    group,
    radios,
    select,
    text,
    yes_no,
)


def organisation(path: str, label: str, hint: str = "") -> Group:
    """An organisation: its ONS (council) or ODS (NHS) code, name and type."""
    return group(
        path,
        label,
        text("code", "Code", "ONS code for a council, ODS code for an NHS body", width=10),
        text("name", "Name"),
        select("type", "Type", v.ORGANISATION_TYPES),
        hint=hint,
        compact=True,
    )


PERSON = group(
    "person",
    "The person",
    text("nhs_number", "NHS number", "10 digits, for example 9990000018", width=10),
    text("given_name", "Given name"),
    text("family_name", "Family name"),
    text("preferred_name", "Preferred name (optional)"),
    date("date_of_birth", "Date of birth", "For example, 14 7 1986"),
    group(
        "communication",
        "How the person wants information",
        radios("format", "Format", v.FORMATS),
        text("language", "Language", "A language tag, for example en or pl", width=10),
        yes_no("interpreter_needed", "Does the person need an interpreter?"),
        nullable=False,
    ),
    group(
        "representative",
        "Representative (optional)",
        text("name", "Name"),
        text("relationship", "Relationship to the person"),
        select("role", "Role", v.REPRESENTATIVE_ROLES),
    ),
    nullable=False,
)

PERSON_STEP = Step("person", "About the person", (PERSON,))

DETENTION_SUMMARY = (
    select("section", "Section of the Mental Health Act", v.SECTIONS),
    date("start_date", "Start date"),
    text("hospital", "Hospital"),
)
