"""Findings -> the step and field that hold them.

A finding's ``field`` is a JSON pointer into the form. Each step's elements, walked over
the current data, give the pointers they hold and the HTML id of the input for each, so a
page can show the message beside the field and the error summary can link to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from forms_app.policy.findings import Finding
from forms_app.web.forms.binding import get_path
from forms_app.web.forms.spec import Element, Group, Journey, Leaf, Repeat, Step


@dataclass(frozen=True)
class Spot:
    """Where a pointer is answered: the step, the field's id and the id to link to."""

    step: str
    field_id: str
    anchor: str


@dataclass
class Placed:
    """Findings sorted for display: by field id, and the summary list in page order."""

    by_field: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    errors: list[tuple[Finding, Spot | None]] = field(default_factory=list)
    warnings: list[tuple[Finding, Spot | None]] = field(default_factory=list)

    def for_field(self, field_id: str) -> list[Finding]:
        return self.by_field.get(field_id, [])


def anchor_for(leaf: Leaf, field_id: str) -> str:
    """The id an error summary link points at: the first input of the field."""
    return f"{field_id}-day" if leaf.kind == "date" else field_id


def spots(step: Step, data: dict[str, Any]) -> Iterator[tuple[str, Spot]]:
    """Every (pointer, spot) the step holds, in page order; containers before contents."""
    yield from _walk(step.slug, step.elements, data, "", "")


def _walk(slug: str, elements: tuple[Element, ...], data: Any, pointer: str,
          prefix: str) -> Iterator[tuple[str, Spot]]:
    for element in elements:
        here = f"{pointer}/{element.path}"
        field_id = f"{prefix}{element.name}"
        if isinstance(element, Leaf):
            yield here, Spot(slug, field_id, anchor_for(element, field_id))
        elif isinstance(element, Group):
            inner = list(_walk(slug, element.children, get_path(data, element.path) or {},
                               here, f"{field_id}-"))
            first = inner[0][1].anchor if inner else field_id
            yield here, Spot(slug, field_id, first)
            yield from inner
        else:
            yield here, Spot(slug, field_id, f"{field_id}-add")
            yield from _walk_items(slug, element, data, here, field_id)


def _walk_items(slug: str, element: Repeat, data: Any, pointer: str,
                field_id: str) -> Iterator[tuple[str, Spot]]:
    items = get_path(data, element.path)
    for index, item in enumerate(items if isinstance(items, list) else []):
        inner = list(_walk(slug, element.children, item if isinstance(item, dict) else {},
                           f"{pointer}/{index}", f"{field_id}-{index}-"))
        first = next((s.anchor for _, s in inner if not s.field_id.endswith("-id")), field_id)
        yield f"{pointer}/{index}", Spot(slug, f"{field_id}-{index}", first)
        yield from inner


def locate(index: list[tuple[str, Spot]], pointer: str) -> Spot | None:
    """The spot for a pointer: exact, else the first field inside it, else its nearest parent."""
    for held, spot in index:
        if held == pointer:
            return spot
    for held, spot in index:
        if pointer and held.startswith(pointer + "/"):
            return spot
    parents = [(held, spot) for held, spot in index if pointer.startswith(held + "/")]
    return max(parents, key=lambda pair: len(pair[0]))[1] if parents else None


def place(journey: Journey, data: dict[str, Any], findings: list[Finding]) -> Placed:
    """Put each error and warning on its field (info findings are for documents)."""
    index = [pair for step in journey.steps_for(data) for pair in spots(step, data)]
    placed = Placed()
    for finding in findings:
        if finding.severity not in ("error", "warning"):
            continue
        spot = locate(index, finding.field)
        if spot is not None:
            placed.by_field[spot.field_id].append(finding)
        bucket = placed.errors if finding.severity == "error" else placed.warnings
        bucket.append((finding, spot))
    return placed


def on_step(placed: Placed, slug: str) -> Placed:
    """Only the findings that belong on one step."""
    local = Placed()
    for bucket, target in ((placed.errors, local.errors), (placed.warnings, local.warnings)):
        for finding, spot in bucket:
            if spot is not None and spot.step == slug:
                target.append((finding, spot))
                local.by_field[spot.field_id].append(finding)
    return local
