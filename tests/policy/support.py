"""Helpers for policy tests: example forms loaded as the engine sees them, and shortcuts.

The policy engine takes *loaded* data (dates as ``datetime.date``); the contract layer does
that loading in the product. These tests stay independent of it with a tiny converter that
turns ISO date strings into dates and drops ``_`` annotations.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from forms_app.policy.engine import Evaluation, evaluate
from forms_app.policy.findings import Finding
from forms_app.policy.packs import load_pack
from tests.examples import load_example

TODAY = date(2026, 11, 22)  # every policy test judges on one fixed day
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def loaded(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: loaded(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [loaded(v) for v in value]
    if isinstance(value, str) and _ISO.fullmatch(value):
        return date.fromisoformat(value)
    return value


def example(name: str) -> dict[str, Any]:
    """A fresh loaded copy of a design example, ready to tweak."""
    return loaded(load_example(name))


def run(data: dict[str, Any], pack: str | None = None, today: date = TODAY) -> Evaluation:
    return evaluate(data["kind"], data, load_pack(pack or data.get("policy") or "worcestershire"),
                    today=today)


def found(ev: Evaluation, rule_id: str) -> list[Finding]:
    return [f for f in ev.findings if f.rule == rule_id]


def fields(ev: Evaluation, rule_id: str) -> list[str]:
    return [f.field for f in found(ev, rule_id)]


def errors(ev: Evaluation) -> list[Finding]:
    return [f for f in ev.findings if f.severity == "error"]


def d(text: str) -> date:
    return date.fromisoformat(text)
