"""The check pipeline: raw JSON -> schema -> policy engine -> CheckResult.

Every door (web form, JSON API, ``s117 validate``) calls :func:`check_form`, so a form gets
the same findings whichever way it came in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from marshmallow import ValidationError

from forms_app.contract.errors import findings_from_messages, schema_finding
from forms_app.contract.schemas import KINDS, schema_for
from forms_app.contract.schemas.common import DEFAULT_POLICY
from forms_app.policy.findings import Finding, has_errors
from forms_app.policy.packs import Pack, UnknownPack, load_pack

_PACK_NAME = re.compile(r"[a-z][a-z0-9_-]{0,39}")


@dataclass(frozen=True)
class CheckResult:
    """What the product knows about one form after checking it."""

    kind: str
    policy: str
    findings: list[Finding]
    computed: dict = field(default_factory=dict)
    data: dict | None = None
    missing_signatures: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """No finding blocks sign-off (warnings and info are allowed)."""
        return not has_errors(self.findings)

    @property
    def ready_for_signoff(self) -> bool:
        """Valid and signed by every party its kind needs."""
        return self.valid and self.data is not None and not self.missing_signatures

    def as_json(self) -> dict[str, Any]:
        """Exactly the ``s117 validate`` output (contract.md)."""
        return {
            "kind": self.kind,
            "policy": self.policy,
            "valid": self.valid,
            "findings": [finding.as_dict() for finding in self.findings],
            "computed": jsonable(self.computed),
        }


def check_form(
    raw: Mapping[str, Any], policy: str | None = None, *, today: dt.date | None = None
) -> CheckResult:
    """Validate a form's shape, then run the policy rules of its pack.

    ``policy`` overrides the form's own ``policy``. Raises UnknownPack for a pack that does
    not exist; every problem with the form itself is a finding.
    """
    if not isinstance(raw, Mapping):
        pack = pack_named(policy or DEFAULT_POLICY)
        return CheckResult("", pack.name, [schema_finding("", "The form must be a JSON object.")])
    pack = pack_named(_pack_name(raw, policy))
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        message = "kind: Must be one of: " + ", ".join(KINDS) + "."
        return CheckResult("", pack.name, [schema_finding("/kind", message)])
    try:
        data = schema_for(kind).load(raw)
    except ValidationError as error:
        return CheckResult(kind, pack.name, findings_from_messages(error.messages))
    data["policy"] = pack.name
    return _evaluate(kind, data, pack, today)


def _evaluate(kind: str, data: dict, pack: Pack, today: dt.date | None) -> CheckResult:
    from forms_app.policy.engine import evaluate  # the engine is the rules' package

    evaluation = evaluate(kind, data, pack, today=today)
    return CheckResult(
        kind=kind,
        policy=pack.name,
        findings=list(evaluation.findings),
        computed=dict(evaluation.computed),
        data=data,
        missing_signatures=list(evaluation.missing_signatures),
    )


def _pack_name(raw: Mapping[str, Any], override: str | None) -> str:
    """The override, else the form's own ``policy`` when it is text, else the default.

    A ``policy`` that is not text is left for the schema to report as SCHEMA.
    """
    if override is not None:
        return override
    named = raw.get("policy")
    return named if isinstance(named, str) else DEFAULT_POLICY


def pack_named(name: str) -> Pack:
    """Load a pack once per process; a name that cannot be a pack is an unknown pack."""
    if not isinstance(name, str) or not _PACK_NAME.fullmatch(name):
        raise UnknownPack(f"Unknown policy pack {name!r}.")
    return _cached_pack(name)


@lru_cache(maxsize=32)
def _cached_pack(name: str) -> Pack:
    return load_pack(name)


def to_json(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Loaded data (dates, pence) back to the contract's JSON shape."""
    return jsonable(schema_for(kind).dump(data))


def jsonable(value: Any) -> Any:
    """Plain JSON values: dates to ISO text, tuples to lists, mappings to dicts."""
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Finding):
        return value.as_dict()
    return value
