"""What the journey pages show: findings placed on fields, summaries of answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from forms_app.contract.check import CheckResult, check_form
from forms_app.policy.findings import Finding
from forms_app.policy.packs import PackError
from forms_app.web.forms import JOURNEYS
from forms_app.web.forms.binding import get_path
from forms_app.web.forms.codecs import display
from forms_app.web.forms.labels import label_for
from forms_app.web.forms.placement import Placed, anchor_for, place
from forms_app.web.forms.spec import Element, Group, Journey, Leaf, Repeat, Step


def check(record: Any, *, trial: bool = True) -> CheckResult:
    """The record's findings as the pages show them, an unknown pack as a finding.

    ``trial``: a form not yet signed off is checked as if every party still to sign had
    signed today (services.signoff.trial_check), so pages do not report "not signed by
    both" before anybody could sign. Documents use ``trial=False``: real signatures only.
    """
    from forms_app.services.signoff import merged_data, trial_check

    try:
        if not trial or record.status in ("signed_off", "superseded"):
            return check_form(merged_data(record))
        return trial_check(record)
    except PackError as error:
        finding = Finding("SCHEMA", "error", "/policy", str(error), "packs.md")
        return CheckResult(record.kind, record.policy, [finding])


def finding_key(finding: Finding) -> str:
    return f"{finding.rule}|{finding.field}|{finding.message}"


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    anchor: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Section:
    step: Step
    heading: str
    rows: tuple[Row, ...]


def sections(journey: Journey, data: dict[str, Any], placed: Placed) -> list[Section]:
    """The check-answers page: every answer of every step, with a link to change it."""
    out = []
    for step in journey.steps_for(data):
        rows = tuple(_rows(step.elements, data, "", "", placed))
        out.append(Section(step, step.title, rows))
    return out


def _rows(elements: tuple[Element, ...], data: Any, prefix_label: str, prefix_id: str,
          placed: Placed) -> list[Row]:
    rows: list[Row] = []
    for element in elements:
        field_id = f"{prefix_id}{element.name}"
        value = get_path(data, element.path)
        if isinstance(element, Leaf):
            if element.kind != "hidden":
                label = f"{prefix_label}{element.label}"
                shown = display(element, value, _labels(element))
                rows.append(Row(label, shown, field_id, tuple(placed.for_field(field_id))))
        elif isinstance(element, Group):
            rows += _group_rows(element, value, prefix_label, field_id, placed)
        else:
            rows += _repeat_rows(element, value, prefix_label, field_id, placed)
    return rows


def _group_rows(element: Group, value: Any, prefix_label: str, field_id: str,
                placed: Placed) -> list[Row]:
    """A group's answers; an empty group, or an organisation, as one row."""
    label = f"{prefix_label}{element.label}"
    if value is not None and not element.compact:
        return _rows(element.children, value, f"{label}: ", f"{field_id}-", placed)
    found = tuple(f for key, fs in placed.by_field.items()
                  if key == field_id or key.startswith(f"{field_id}-") for f in fs)
    first = element.children[0]
    anchor = (anchor_for(first, f"{field_id}-{first.name}") if isinstance(first, Leaf)
              else field_id)
    return [Row(label, _compact(value), anchor, found)]


def _compact(value: Any) -> str:
    if not isinstance(value, dict):
        return "Not recorded"
    shown = " ".join(str(value.get(k)) for k in ("name",) if value.get(k))
    code = value.get("code")
    return f"{shown} ({code})" if shown and code else (shown or str(code or "Not recorded"))


def _repeat_rows(element: Repeat, items: Any, prefix_label: str, field_id: str,
                 placed: Placed) -> list[Row]:
    items = items if isinstance(items, list) else []
    if not items:
        return [Row(f"{prefix_label}{element.label}", "None recorded", f"{field_id}-add",
                    tuple(placed.for_field(field_id)))]
    rows: list[Row] = []
    for index, item in enumerate(items):
        label = f"{prefix_label}{element.item_label} {index + 1}: "
        rows += _rows(element.children, item, label, f"{field_id}-{index}-", placed)
    return rows


def _labels(leaf: Leaf) -> dict[str, str]:
    return {code: label_for(code) for code in leaf.choices}


def choice_pairs(choices: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(code, label_for(code)) for code in choices]


def journey_for(kind: str) -> Journey | None:
    return JOURNEYS.get(kind)


def placed_for(journey: Journey, data: dict[str, Any], result: CheckResult) -> Placed:
    return place(journey, data, result.findings)
