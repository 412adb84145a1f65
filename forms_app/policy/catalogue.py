"""The rules catalogue: every rule ID of rules.md once, with severity, title and citation.

Web pages, documents, tests and the engine all read IDs, severities and citations from here
(data/rules.toml), so a rule is never worded two ways in two places.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from forms_app.policy.findings import Severity

_FILE = Path(__file__).with_name("data") / "rules.toml"
_SEVERITIES = ("error", "warning", "info")
_KEYS = {"id", "severity", "title", "citation"}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    citation: str


def _load() -> dict[str, Rule]:
    with _FILE.open("rb") as fh:
        rows = tomllib.load(fh)["rule"]
    rules: dict[str, Rule] = {}
    for row in rows:
        if set(row) != _KEYS or row["severity"] not in _SEVERITIES:
            raise ValueError(f"{_FILE}: malformed rule entry {row!r}")
        if row["id"] in rules:
            raise ValueError(f"{_FILE}: rule {row['id']} listed twice")
        rules[row["id"]] = Rule(row["id"], row["severity"], row["title"], row["citation"])
    return rules


RULES: dict[str, Rule] = _load()
# Position of each rule in the catalogue: findings are reported in this order.
ORDER: dict[str, int] = {rule_id: i for i, rule_id in enumerate(RULES)}


def rule(rule_id: str) -> Rule:
    """The catalogue entry for ``rule_id``; KeyError for an ID the catalogue does not hold."""
    return RULES[rule_id]
