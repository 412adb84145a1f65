"""Context for the section 17 leave funding agreement (kind ``leave_funding_agreement``)."""

from __future__ import annotations

from typing import Any

from forms_app.documents.common import assemble, block_fields, signer_org, yes_no_field
from forms_app.documents.formatting import format_date, format_gbp, text
from forms_app.documents.model import Section, field, section
from forms_app.documents.wording import label, section_label


def _detention(data: dict[str, Any]) -> Section:
    detention = data.get("detention") or {}
    return section("Detention", fields=[
        field("Detained under", section_label(detention.get("section"))),
        field("Detained since", format_date(detention.get("start_date"))),
        field("Hospital", text(detention.get("hospital"))),
    ])


def _leave(data: dict[str, Any]) -> Section:
    leave = data.get("leave") or {}
    return section("Section 17 leave", fields=[
        field("Leave starts", format_date(leave.get("start_date"))),
        field("Leave ends", format_date(leave.get("end_date"))),
        field("Destination", text(leave.get("destination"))),
        field("Type of destination", label("destination_type", leave.get("destination_type"))),
        yes_no_field("Intended as the long-term placement",
                     leave.get("intended_long_term_placement")),
        yes_no_field("Expected to lead to discharge", leave.get("expected_to_result_in_discharge")),
        field("Weekly cost", format_gbp(leave.get("weekly_cost_pence"))),
    ])


def _funding(data: dict[str, Any]) -> Section:
    return section("Funding and who was told", fields=[
        field("Funded by", label("funder", data.get("funder"))),
        *block_fields(data.get("prior_agreement")),
        field("Council told on", format_date(data.get("council_informed_on"))),
        field("ICB told on", format_date(data.get("icb_informed_on"))),
    ])


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    data = result.data or {}
    return assemble(result, signoff, document="leave_funding_agreement",
                    title="Section 17 leave funding agreement",
                    subtitle="Mental Health Act 1983, section 17 leave and section 117",
                    parties=[signer_org(data, "local_authority"), signer_org(data, "icb")],
                    sections=[_detention(data), _leave(data), _funding(data)],
                    dated=(data.get("prior_agreement") or {}).get("agreed_on"),
                    variant=variant)
