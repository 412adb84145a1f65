"""Context for the register extract (kind ``register_entry``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from forms_app.documents.common import assemble, block_fields
from forms_app.documents.formatting import NOT_RECORDED, format_date, org_name, text, yes_no
from forms_app.documents.model import Section, field, section, table
from forms_app.documents.wording import label, section_label


def _entry(data: dict[str, Any]) -> Section:
    detention = data.get("qualifying_detention") or {}
    return section("Register entry", fields=[
        field("Qualifying detention", f"{section_label(detention.get('section'))} from "
                                      f"{format_date(detention.get('start_date'))}"),
        field("Hospital", text(detention.get("hospital"))),
        field("Responsible local authority", org_name(data.get("responsible_la"))),
        field("Responsible integrated care board", org_name(data.get("responsible_icb"))),
        field("Status", label("register_status", data.get("status"))),
        field("Aftercare ended on", format_date(data.get("ended_on"))),
    ])


def _events(data: dict[str, Any], computed: dict[str, Any]) -> Section:
    timings = computed.get("events") or []
    rows = []
    for i, event in enumerate(data.get("events") or []):
        timing = timings[i] if i < len(timings) else {}
        on_time = timing.get("on_time")
        rows.append([label("register_event", event.get("type")), format_date(event.get("date")),
                     format_date(event.get("notice_received_on")),
                     format_date(event.get("recorded_on")), format_date(timing.get("record_due")),
                     NOT_RECORDED if on_time is None else yes_no(on_time), _details(event)])
    return section("Changes recorded", tables=[table(
        "Each change of status, when notice came and when it was recorded",
        ["Event", "Date", "Notice received", "Recorded on", "Record due by", "On time",
         "Details"], rows)])


def _details(event: dict[str, Any]) -> str:
    parts = [f"To {org_name(event['to'])}"] if event.get("to") else []
    if event.get("note"):
        parts.append(str(event["note"]))
    return ". ".join(parts) or "—"


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    data, computed = result.data or {}, result.computed or {}
    sections = [_entry(data), _events(data, computed),
                section("Delegation to another area", fields=block_fields(data.get("delegation")))]
    return assemble(result, signoff, document="register_extract",
                    title="Section 117 register extract",
                    subtitle="Entry in the section 117 aftercare register",
                    parties=[data.get("responsible_la"), data.get("responsible_icb")],
                    sections=sections, issued_by=data.get("responsible_la"),
                    dated=_last_recorded(data), variant=variant)


def _last_recorded(data: dict[str, Any]) -> date | None:
    """An extract is dated by the register's last entry: the extract shows the register as
    it stood then."""
    recorded = [e["recorded_on"] for e in data.get("events") or [] if e.get("recorded_on")]
    return max(recorded, default=None)
