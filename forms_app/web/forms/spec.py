"""The declarative vocabulary of a journey step: leaves, groups and repeating items.

A step lists *elements*. Each element names a place in the kind's JSON shape (contract.md)
by a path relative to its parent, and says how a person answers it. The JSON shape is the
one truth: forms are generated from these elements (builder.py), read and written through
them (binding.py), and findings are placed on them by JSON pointer (placement.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ChoicesFrom = Callable[[dict[str, Any]], list[tuple[str, str]]]

LEAF_KINDS = ("text", "textarea", "date", "money", "number", "yes_no", "radios", "select",
              "checkboxes", "hidden")


@dataclass(frozen=True)
class Leaf:
    """One answer: a single value in the JSON shape."""

    path: str
    label: str
    kind: str = "text"
    hint: str = ""
    choices: tuple[str, ...] = ()
    choices_from: ChoicesFrom | None = None  # choices that depend on the draft (need ids)
    width: int | None = None

    @property
    def name(self) -> str:
        return self.path.replace("/", "_")

    @property
    def widget(self) -> str:
        return self.kind


@dataclass(frozen=True)
class Group:
    """A nested object shown as a fieldset; a nullable group with no answers becomes null."""

    path: str
    label: str
    children: tuple[Element, ...]
    nullable: bool = True
    hint: str = ""
    compact: bool = False  # summarised as one line ("Name (code)") on check answers
    widget = "group"

    @property
    def name(self) -> str:
        return self.path.replace("/", "_")


@dataclass(frozen=True)
class Repeat:
    """A list of objects, added and removed with buttons that post the step (no JavaScript)."""

    path: str
    label: str
    item_label: str
    children: tuple[Element, ...]
    new_item: Callable[[list[dict[str, Any]]], dict[str, Any]] = field(default=lambda items: {})
    hint: str = ""
    widget = "repeat"

    @property
    def name(self) -> str:
        return self.path.replace("/", "_")

    @property
    def add_label(self) -> str:
        return f"Add another {self.item_label.lower()}"


Element = Leaf | Group | Repeat


@dataclass(frozen=True)
class Step:
    """One page of a journey."""

    slug: str
    title: str
    elements: tuple[Element, ...]
    hint: str = ""
    when: Callable[[dict[str, Any]], bool] | None = None  # e.g. only for a person under 18

    def applies(self, data: dict[str, Any]) -> bool:
        return self.when is None or bool(self.when(data))


@dataclass(frozen=True)
class Journey:
    """The ordered steps of one kind's form."""

    kind: str
    title: str
    steps: tuple[Step, ...]
    # Applied to the answers after every save: a kind whose shape depends on an answer
    # (a responsibility event's type) drops what does not belong.
    tidy: Callable[[dict[str, Any]], dict[str, Any]] = field(default=lambda data: data)

    def steps_for(self, data: dict[str, Any]) -> list[Step]:
        return [step for step in self.steps if step.applies(data)]

    def step(self, slug: str) -> Step:
        for step in self.steps:
            if step.slug == slug:
                return step
        raise KeyError(slug)


# Shorthands used by the per-kind definitions in kinds/.


def text(path: str, label: str, hint: str = "", width: int | None = None) -> Leaf:
    return Leaf(path, label, "text", hint, width=width)


def area(path: str, label: str, hint: str = "") -> Leaf:
    return Leaf(path, label, "textarea", hint)


def date(path: str, label: str, hint: str = "For example, 15 3 2026") -> Leaf:
    return Leaf(path, label, "date", hint)


def money(path: str, label: str, hint: str = "A weekly amount in pounds, like 210.00") -> Leaf:
    return Leaf(path, label, "money", hint)


def number(path: str, label: str, hint: str = "") -> Leaf:
    return Leaf(path, label, "number", hint, width=3)


def yes_no(path: str, label: str, hint: str = "") -> Leaf:
    return Leaf(path, label, "yes_no", hint, choices=("yes", "no"))


def radios(path: str, label: str, choices: tuple[str, ...], hint: str = "") -> Leaf:
    return Leaf(path, label, "radios", hint, choices=choices)


def select(path: str, label: str, choices: tuple[str, ...], hint: str = "") -> Leaf:
    return Leaf(path, label, "select", hint, choices=choices)


def checkboxes(path: str, label: str, choices: tuple[str, ...] = (), hint: str = "",
               choices_from: ChoicesFrom | None = None) -> Leaf:
    return Leaf(path, label, "checkboxes", hint, choices=choices, choices_from=choices_from)


def hidden(path: str, label: str) -> Leaf:
    return Leaf(path, label, "hidden")


def group(path: str, label: str, *children: Element, nullable: bool = True,
          hint: str = "", compact: bool = False) -> Group:
    return Group(path, label, tuple(children), nullable, hint, compact)


def repeat(path: str, label: str, item_label: str, *children: Element,
           new_item: Callable[[list[dict[str, Any]]], dict[str, Any]] | None = None,
           hint: str = "") -> Repeat:
    return Repeat(path, label, item_label, tuple(children),
                  new_item or (lambda items: {}), hint)


def next_id(prefix: str) -> Callable[[list[dict[str, Any]]], dict[str, Any]]:
    """New items get the next free id (``N4`` after ``N1``-``N3``): services cite needs by id."""

    def make(items: list[dict[str, Any]]) -> dict[str, Any]:
        taken = {str(item.get("id")) for item in items if isinstance(item, dict)}
        number = len(items) + 1
        while f"{prefix}{number}" in taken:
            number += 1
        return {"id": f"{prefix}{number}"}

    return make
