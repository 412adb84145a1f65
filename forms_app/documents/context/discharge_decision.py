"""Context for the decision to end s117 aftercare (kind ``discharge_decision``)."""

from __future__ import annotations

from typing import Any

from forms_app.documents.common import (
    assemble,
    block_fields,
    pack_of,
    signer_org,
    yes_no_field,
)
from forms_app.documents.formatting import format_date, org_name, text
from forms_app.documents.model import Section, field, section
from forms_app.documents.wording import label

# The pack's organisation standing in for the health side's signatory in a draft: the
# trust for a responsible clinician's decision, the ICB for an ICB's (pack discharge key).
HEALTH_ROLE = {"responsible_clinician": "trust", "icb": "icb"}


def _health_side(result: Any) -> tuple[str, Any]:
    """(party, organisation) of the health-side decision: who signed it, else who the
    pack says decides, at the pack's organisation for that role."""
    data, pack = result.data or {}, pack_of(result)
    signed = signer_org(data, "responsible_clinician", "icb")
    decider = pack.discharge.health_decider
    if signed is not None:
        parties = [s.get("party") for s in data.get("signatures") or []]
        return ("responsible_clinician" if "responsible_clinician" in parties else "icb"), signed
    return decider, pack.organisation(HEALTH_ROLE[decider]).as_dict()


def _responsible_icb(result: Any) -> str:
    """The ICB the decision ends aftercare for: the one that signed, else the pack's."""
    signed = signer_org(result.data or {}, "icb")
    if signed:
        return org_name(signed)
    return f"{org_name(pack_of(result).icb.as_dict())}, the ICB of this policy"


def _decision(result: Any) -> Section:
    data = result.data or {}
    review = data.get("review") or {}
    decider, org = _health_side(result)
    return section("The decision", fields=[
        field("Decision date", format_date(data.get("decision_date"))),
        yes_no_field("On a community treatment order", data.get("on_cto")),
        field("Review considering discharge", format_date(review.get("date"))),
        field("Type of review", label("review_type", review.get("type"))),
        field("Health-side decision by", f"{label('party', decider)}, {org_name(org)}"),
        field("Responsible integrated care board", _responsible_icb(result)),
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
    sections = [_decision(result), _reasons(data), _views(data),
                section("Section 117 panel", fields=block_fields(data.get("panel")))]
    health = _health_side(result)[1]
    return assemble(result, signoff, document="discharge_decision",
                    title="Decision to end section 117 aftercare",
                    subtitle="Joint decision of the local authority and the health side",
                    parties=[signer_org(data, "local_authority"), health],
                    sections=sections, dated=data.get("decision_date"), variant=variant)
