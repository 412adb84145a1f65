"""The compliance checklist: every rule checked for a kind, its result and citation."""

from __future__ import annotations

from typing import Any

from forms_app.documents.model import table_columns
from forms_app.policy.findings import Finding

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
CAPTION = "Each rule checked for this form, its result and its source"
RESULT_WORDS = {"met": "Met", "not-met": "Not met", "warning": "Warning", "info": "Noted",
                "applied": "Applied", "not-applied": "Not applied"}
_SEVERITY_RESULT = {"error": "not-met", "warning": "warning", "info": "info"}


def _rules_for(kind: str) -> list[Any]:
    from forms_app.policy.catalogue import RULES

    prefixes = KIND_RULES[kind]
    return [r for rule_id, r in RULES.items() if rule_id.startswith(prefixes)]


def _decided_by(computed: dict) -> set[str]:
    """Rules that decided a responsible body (the `responsibility` kind's answer)."""
    return {side["rule"] for key in ("local_authority", "icb")
            if isinstance(side := computed.get(key), dict) and side.get("rule")}


def _result(rule: Any, findings: list[Finding], decided: set[str] | None) -> str:
    """``decided`` is None except for the responsibility kind, whose RESP decision rules
    are listed as applied (they named a responsible body) or not applied."""
    if decided is not None and rule.id in decided:
        return "applied"
    if findings:
        worst = min(findings, key=lambda f: ("error", "warning", "info").index(f.severity))
        return _SEVERITY_RESULT[worst.severity]
    if rule.severity in ("error", "warning"):
        return "met"
    if decided is None:
        return "info"
    return "applied" if rule.id in decided else "not-applied"


def _row(rule_id: str, title: str, citation: str, key: str, findings: list[Finding]) -> dict:
    return {"rule": rule_id, "title": title, "citation": citation, "result_key": key,
            "result": RESULT_WORDS[key],
            "message": " ".join(dict.fromkeys(f.message for f in findings))}


def build(result: Any, variant: str = "standard") -> dict[str, Any]:
    """Checklist rows from the catalogue and the findings, in catalogue order.

    A finding for a rule outside the kind's list (``SCHEMA`` for example) is listed too, so
    nothing the engine said is left out of the document.
    """
    by_rule: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    decided = _decided_by(result.computed or {}) if result.kind == "responsibility" else None
    rows = []
    for rule in _rules_for(result.kind):
        found = by_rule.pop(rule.id, [])
        rows.append(_row(rule.id, rule.title, rule.citation, _result(rule, found, decided), found))
    for rule_id, found in by_rule.items():
        rows.append(_row(rule_id, found[0].message, found[0].citation,
                         _SEVERITY_RESULT[found[0].severity], found))
    # The requirement cell holds the rule's title and, under it, what the engine found.
    cells = [(r["rule"], f"{r['title']} {r['message']}", r["result"], r["citation"])
             for r in rows]
    return {"heading": "Compliance checklist", "caption": CAPTION,
            "columns": table_columns(COLUMNS, cells, variant=variant), "rows": rows}
