"""The single entry point: evaluate one loaded form against a pack.

Pure: no Flask, no database, no file reads per call (packs and the catalogue are read once).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from forms_app.policy import rules as _rules  # noqa: F401 - registers every check
from forms_app.policy.catalogue import ORDER
from forms_app.policy.findings import Finding
from forms_app.policy.packs import Pack
from forms_app.policy.responsibility import decide
from forms_app.policy.rules.base import Context, checks_for, signature_parties
from forms_app.policy.rules.funding_maths import funding_computed
from forms_app.policy.rules.reg import register_computed
from forms_app.policy.rules.review import review_computed
from forms_app.policy.vocabulary import KINDS


@dataclass(frozen=True)
class Evaluation:
    findings: list[Finding]  # in rule-catalogue order, stable within a rule
    computed: dict[str, Any]  # JSON-able: dates as ISO strings (contract.md "computed")
    missing_signatures: list[str]  # parties still to sign (contract.md)


def _responsibility(ctx: Context) -> dict[str, Any]:
    return decide(ctx.data, ctx.data.get("as_of") or ctx.today)


_COMPUTE: dict[str, Callable[[Context], dict[str, Any]]] = {
    "aftercare_plan": review_computed,
    "funding_agreement": funding_computed,
    "register_entry": register_computed,
    "responsibility": _responsibility,
}


def required_signatures(kind: str, pack: Pack) -> list[str]:
    """Signature parties a kind needs before sign-off (contract.md)."""
    if kind == "aftercare_plan":
        return ["named_practitioner"]
    if kind in ("funding_agreement", "leave_funding_agreement"):
        return ["local_authority", "icb"]
    if kind == "discharge_decision":
        return ["local_authority", pack.discharge.health_decider]
    return []


def evaluate(kind: str, data: Mapping[str, Any], pack: Pack, *,
             today: date | None = None) -> Evaluation:
    """Findings, computed values and missing signatures for one form of ``kind``."""
    if kind not in KINDS:
        raise ValueError(f"unknown form kind {kind!r}")
    ctx = Context(kind=kind, data=data, pack=pack, today=today or date.today())
    compute = _COMPUTE.get(kind)
    ctx.computed = compute(ctx) if compute else {}
    findings = [f for check in checks_for(kind) for f in check(ctx)]
    findings.sort(key=lambda f: ORDER[f.rule])  # stable: emission order kept within a rule
    signed = signature_parties(data)
    missing = [p for p in required_signatures(kind, pack) if p not in signed]
    return Evaluation(findings=findings, computed=ctx.computed, missing_signatures=missing)
