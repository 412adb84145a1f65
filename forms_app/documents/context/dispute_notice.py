"""Context for the dispute notice (kind ``dispute_notice``)."""

from __future__ import annotations

from typing import Any

from forms_app.documents.common import assemble, yes_no_field
from forms_app.documents.formatting import format_date, org_name, text
from forms_app.documents.model import Section, field, section
from forms_app.documents.wording import label


def _dispute(data: dict[str, Any]) -> Section:
    against = "; ".join(org_name(o) for o in data.get("raised_against") or []) or "None recorded"
    return section("The dispute", fields=[
        field("Type of dispute", label("dispute_type", data.get("dispute_type"))),
        field("Raised by", org_name(data.get("raised_by"))),
        field("Raised with", against),
        field("Raised on", format_date(data.get("raised_on"))),
        field("Grounds", text(data.get("grounds"))),
        field("Escalation stage", label("escalation_stage", data.get("escalation_stage"))),
    ])


def _interim(data: dict[str, Any]) -> Section:
    interim = data.get("interim") or {}
    return section("While the dispute is resolved", paragraphs=[
        "Care continues while the dispute runs: no assessment, care or treatment is refused "
        "or delayed because responsibility is disputed."], fields=[
        yes_no_field("Care continues", data.get("care_continues")),
        field("Interim lead", org_name(interim.get("lead"))),
        field("Interim funding", label("interim_funding", interim.get("funding"))),
        field("Meeting the person's needs when the dispute arose",
              org_name(interim.get("currently_meeting_needs"))),
        field("Where the person lives or is present", org_name(interim.get("person_present_in"))),
    ])


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    data = result.data or {}
    against = (data.get("raised_against") or [None])[0]
    return assemble(result, signoff, document="dispute_notice",
                    title="Section 117 dispute notice",
                    subtitle="Notice of a dispute about responsibility or funding",
                    parties=[data.get("raised_by"), against],
                    sections=[_dispute(data), _interim(data)], issued_by=data.get("raised_by"),
                    dated=data.get("raised_on"), variant=variant)
