"""Context for the decision to end s117 aftercare (kind ``discharge_decision``)."""

from __future__ import annotations

from typing import Any

from forms_app.documents.common import assemble, block_fields, signer_org, yes_no_field
from forms_app.documents.formatting import format_date, text
from forms_app.documents.model import Section, field, section
from forms_app.documents.wording import label


def _decision(data: dict[str, Any]) -> Section:
    review = data.get("review") or {}
    return section("The decision", fields=[
        field("Decision date", format_date(data.get("decision_date"))),
        yes_no_field("On a community treatment order", data.get("on_cto")),
        field("Review considering discharge", format_date(review.get("date"))),
        field("Type of review", label("review_type", review.get("type"))),
    ])


def _reasons(data: dict[str, Any]) -> Section:
    grounds = [label("grounds", g) for g in data.get("grounds") or []]
    return section("Reasons", fields=[
        field("Rationale", text(data.get("rationale"))),
        field("Risk of readmission", text(data.get("readmission_risk"))),
        field("Grounds", "; ".join(grounds) or "None recorded"),
        yes_no_field("Other services considered", data.get("other_services_considered")),
        field("Other services", text(data.get("other_services"))),
    ])


def _views(data: dict[str, Any]) -> Section:
    return section("Views and involvement", fields=[
        yes_no_field("The person was informed", data.get("person_informed")),
        yes_no_field("The person was involved", data.get("person_involved")),
        field("The person's view", label("person_view", data.get("person_view"))),
        field("Representative's view", label("person_view", data.get("representative_view"))),
        field("Local authority's view", label("body_view", data.get("la_view"))),
        field("Health side's view", label("body_view", data.get("health_view"))),
    ])


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    data = result.data or {}
    sections = [_decision(data), _reasons(data), _views(data),
                section("Section 117 panel", fields=block_fields(data.get("panel")))]
    return assemble(result, signoff, document="discharge_decision",
                    title="Decision to end section 117 aftercare",
                    subtitle="Joint decision of the local authority and the health side",
                    parties=[signer_org(data, "local_authority"),
                             signer_org(data, "responsible_clinician", "icb")],
                    sections=sections, variant=variant)
