"""The compliance checklist: every rule checked for a kind, its result and citation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from forms_app.documents import rule_text
from forms_app.documents.applicability import not_applicable
from forms_app.documents.model import table_columns
from forms_app.policy.catalogue import RULES, Rule
from forms_app.policy.findings import Finding
from forms_app.policy.packs import Pack

# contract.md kinds table, "main rules": what each kind's checklist lists.
KIND_RULES: dict[str, tuple[str, ...]] = {
    "aftercare_plan": ("ELIG-", "PLAN-", "REVIEW-"),
    "funding_agreement": ("FUND-",),
    "leave_funding_agreement": ("LEAVE-",),
    "discharge_decision": ("DISCH-",),
    "dispute_notice": ("DISP-", "RESP-LA-04", "RESP-NHS-08"),
    "change_notice": ("CHG-", "FUND-05"),
    "register_entry": ("REG-", "OUT-"),
    "responsibility": ("RESP-",),
}

COLUMNS = ("Rule", "Requirement", "Result", "Source")
# Large print puts the source under the requirement: four columns of 16pt type leave the
# requirement a few words a line.
LARGE_PRINT_COLUMNS = ("Rule", "Requirement and source", "Result")
RESULT_WORDS = {"met": "Met", "not-met": "Not met", "warning": "Warning", "info": "Noted",
                "applied": "Applied", "not-applied": "Not applied",
                "not-applicable": "Not applicable"}
# The requirement column takes the line: the source (a short note) claims no more width
# than 24 characters of it would.
CAPS = {"standard": (60, 60, 60, 24), "large_print": ()}
_SEVERITY_RESULT = {"error": "not-met", "warning": "warning", "info": "info"}
_RESP_ID = re.compile(r"\bRESP-(?:LA|NHS)-\d\d\b")


def _rules_for(kind: str) -> list[Rule]:
    prefixes = KIND_RULES[kind]
    return [r for rule_id, r in RULES.items() if rule_id.startswith(prefixes)]


class Reasoning:
    """For the responsibility kind: the RESP rules that decided a body, and each rule the
    answer's reasons apply with the reason applying it (a rule cited in the reasoning was
    applied, even where a later rule decided)."""

    def __init__(self, computed: dict) -> None:
        sides = [s for s in (computed.get("local_authority"), computed.get("icb"))
                 if isinstance(s, dict)]
        self.decided = {s["rule"] for s in sides if s.get("rule")}
        self.cited: dict[str, str] = {}
        for side in sides:
            for reason in side.get("reasons") or []:
                for rule_id in _RESP_ID.findall(str(reason)):
                    self.cited.setdefault(rule_id, str(reason))


def _worst(findings: list[Finding]) -> str:
    worst = min(findings, key=lambda f: ("error", "warning", "info").index(f.severity))
    return _SEVERITY_RESULT[worst.severity]


def _result(rule: Rule, findings: list[Finding], why_not: str | None,
            reasoning: Reasoning | None) -> tuple[str, str]:
    """(result key, note under the requirement). A finding always wins over "not
    applicable"; ``reasoning`` is None except for the responsibility kind, whose RESP rules
    are applied or not applied."""
    note = " ".join(dict.fromkeys(f.message for f in findings))
    if reasoning is not None and rule.id in reasoning.decided:
        return "applied", note
    if findings:
        return _worst(findings), note
    if reasoning is not None and rule.id in reasoning.cited:
        return "applied", reasoning.cited[rule.id]
    if why_not is not None:
        return "not-applicable", why_not
    if rule.severity in ("error", "warning"):
        return "met", ""
    return ("info" if reasoning is None else "not-applied"), ""


def _row(rule_id: str, title: str, citation: str, key: str, note: str) -> dict[str, str]:
    return {"rule": rule_id, "title": title, "citation": citation, "result_key": key,
            "result": RESULT_WORDS[key], "message": note}


def rows(result: Any, pack: Pack, on: date) -> list[dict[str, str]]:
    """Checklist rows in catalogue order. A finding for a rule outside the kind's list
    (``SCHEMA``, or REVIEW-03 on a discharge decision) is listed too, so nothing the engine
    said is left out of the document."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    reasoning = Reasoning(result.computed or {}) if result.kind == "responsibility" else None
    out = []
    for rule in _rules_for(result.kind):
        why_not = not_applicable(result.kind, rule.id, result.data or {}, pack, on)
        key, note = _result(rule, by_rule.pop(rule.id, []), why_not, reasoning)
        out.append(_row(rule.id, rule_text.title(rule, pack),
                        rule_text.citation(rule.citation, pack), key, note))
    for rule_id, found in by_rule.items():
        known = RULES.get(rule_id)
        title = rule_text.title(known, pack) if known else "The form's data"
        note = " ".join(dict.fromkeys(f.message for f in found))
        out.append(_row(rule_id, title, rule_text.citation(found[0].citation, pack),
                        _worst(found), note))
    return out


def _cells(rows_: Iterable[dict[str, str]], variant: str) -> list[tuple[str, ...]]:
    if variant == "large_print":
        return [(r["rule"], f"{r['title']} {r['message']} {r['citation']}", r["result"])
                for r in rows_]
    # The requirement cell holds the rule's title and, under it, what the engine found.
    return [(r["rule"], f"{r['title']} {r['message']}", r["result"], r["citation"])
            for r in rows_]


def build(result: Any, pack: Pack, on: date, variant: str = "standard") -> dict[str, Any]:
    """The checklist part of the document model (see model.py)."""
    listed = rows(result, pack, on)
    labels = LARGE_PRINT_COLUMNS if variant == "large_print" else COLUMNS
    return {"heading": "Compliance checklist",
            "caption": f"Each rule checked for this form under the {pack.title}, its result "
                       "and its source",
            "columns": table_columns(labels, _cells(listed, variant), variant=variant,
                                     caps=CAPS[variant]),
            "rows": listed}
