"""Context for the funding agreement (kind ``funding_agreement``)."""

from __future__ import annotations

from typing import Any

from forms_app.documents.common import assemble, block_fields
from forms_app.documents.formatting import (
    NOT_RECORDED,
    format_date,
    format_gbp,
    org_name,
    percent,
    text,
)
from forms_app.documents.model import Section, field, section, table
from forms_app.documents.wording import label


def _agreement(data: dict[str, Any]) -> Section:
    return section("The agreement", fields=[
        field("Aftercare plan reference", text(data.get("plan_reference"))),
        field("Agreed on", format_date(data.get("agreed_on"))),
        field("Effective from", format_date(data.get("effective_from"))),
        field("Basis", label("basis", data.get("basis"))),
        field("Responsible local authority", org_name(data.get("responsible_la"))),
        field("Responsible integrated care board", org_name(data.get("responsible_icb"))),
    ])


def _services(data: dict[str, Any], computed: dict[str, Any]) -> Section:
    services = data.get("services") or []
    matrix = data.get("basis") == "needs_matrix"
    columns = ["ID", "Service"] + (["Health share"] if matrix else []) + ["Weekly cost"]
    rows = [[s["id"], text(s.get("description"))]
            + ([percent(s.get("health_share_percent"))] if matrix else [])
            + [format_gbp(s.get("weekly_cost_pence"))] for s in services]
    total = computed.get("weekly_total_pence",
                         sum(s.get("weekly_cost_pence") or 0 for s in services))
    footer = ["", "Total weekly cost"] + ([""] if matrix else []) + [format_gbp(total)]
    numeric = range(2, len(columns))
    return section("Services and costs", tables=[table(
        "Services covered by this agreement", columns, rows, numeric=numeric, footer=footer)])


def _split(data: dict[str, Any], computed: dict[str, Any]) -> Section:
    agreed = data.get("split") or {}
    rows = [[org_name(data.get("responsible_la")),
             percent(computed.get("local_authority_percent",
                                  agreed.get("local_authority_percent"))),
             _money(computed.get("local_authority_weekly_pence"))],
            [org_name(data.get("responsible_icb")),
             percent(computed.get("icb_percent", agreed.get("icb_percent"))),
             _money(computed.get("icb_weekly_pence"))]]
    return section("How the cost is shared", tables=[table(
        "Each party's share of the weekly cost", ["Party", "Share", "Weekly amount"], rows,
        numeric=[1, 2], footer=["Total", "100%", _money(computed.get("weekly_total_pence"))])],
        paragraphs=["Amounts are in whole pence; the parts add up exactly to the total."])


def _money(pence: int | None) -> str:
    return NOT_RECORDED if pence is None else format_gbp(pence)


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    data, computed = result.data or {}, result.computed or {}
    sections = [_agreement(data), _services(data, computed), _split(data, computed),
                section("Retrospective charges", fields=block_fields(data.get("retrospective"))),
                section("Panel ratification", fields=block_fields(data.get("panel")))]
    return assemble(result, signoff, document="funding_agreement",
                    title="Section 117 funding agreement",
                    subtitle="Joint funding of aftercare between the council and the ICB",
                    parties=[data.get("responsible_la"), data.get("responsible_icb")],
                    sections=sections, dated=data.get("agreed_on"), variant=variant)
