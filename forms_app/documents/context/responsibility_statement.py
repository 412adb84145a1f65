"""Context for the statement of responsible bodies (kind ``responsibility``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms_app.documents.common import assemble
from forms_app.documents.formatting import format_date, org_name, yes_no
from forms_app.documents.model import Section, field, section, table
from forms_app.documents.wording import label, section_label


def _side(heading: str, side: Mapping[str, Any] | None) -> Section:
    if not side:
        return section(heading, paragraphs=["None: the person is not entitled to aftercare."])
    reasons = [str(r) for r in side.get("reasons") or []]
    return section(heading, fields=[field("Organisation", org_name(_org(side))),
                                    field("Deciding rule", str(side.get("rule") or ""))],
                   paragraphs=reasons)


def _org(side: Mapping[str, Any]) -> Mapping[str, Any] | None:
    org = side.get("organisation")
    return org if isinstance(org, Mapping) else None


EVENT_ORGS = {"ordinary_residence_la": "ordinarily resident in",
              "gp_practice_icb": "GP practice ICB",
              "usual_residence_icb": "usual residence ICB", "funding_icb": "funding ICB",
              "placing_la": "placed by", "originating_icb": "originating ICB"}


def _details(event: Mapping[str, Any]) -> str:
    parts = [section_label(event["section"])] if event.get("section") else []
    for key, words in EVENT_ORGS.items():
        if isinstance(event.get(key), Mapping):
            parts.append(f"{words}: {event[key]['name']}")
    if event.get("specified_accommodation") is not None:
        parts.append("specified accommodation" if event["specified_accommodation"]
                     else "not specified accommodation")
    return "; ".join(parts) or "—"


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    data, computed = result.data or {}, result.computed or {}
    la, icb = computed.get("local_authority"), computed.get("icb")
    answer = section("Answer", fields=[
        field("As of", format_date(data.get("as_of"))),
        field("Entitled to section 117 aftercare", yes_no(computed.get("eligible"))),
        field("Status", label("responsibility_status", computed.get("status"))),
    ])
    rows = [[format_date(e.get("date")), label("responsibility_event", e.get("type")), _details(e)]
            for e in data.get("events") or []]
    history = section("History", tables=[table("Detentions, discharges, moves and placements",
                                               ["Date", "Event", "Details"], rows)])
    return assemble(result, signoff, document="responsibility_statement",
                    title="Statement of responsibility for section 117 aftercare",
                    subtitle="Which local authority and ICB are responsible, and why",
                    parties=[_org(la) if la else None, _org(icb) if icb else None],
                    sections=[answer, _side("Responsible local authority", la),
                              _side("Responsible integrated care board", icb), history],
                    dated=data.get("as_of"), variant=variant)
