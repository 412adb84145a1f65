"""What every rule check gets (a Context) and how checks register for a kind."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from forms_app.policy.catalogue import ORDER, rule
from forms_app.policy.dates import age_on
from forms_app.policy.findings import Finding, Severity
from forms_app.policy.packs import Pack

Check = Callable[["Context"], Iterable[Finding]]
_REGISTRY: dict[str, list[tuple[str, Check]]] = defaultdict(list)


@dataclass
class Context:
    """One evaluation: the loaded form, its pack and the day it is judged on."""

    kind: str
    data: Mapping[str, Any]
    pack: Pack
    today: date
    computed: dict[str, Any] = field(default_factory=dict)

    @property
    def person(self) -> Mapping[str, Any]:
        return self.data.get("person") or {}

    @property
    def name(self) -> str:
        """What to call the person in messages: their preferred name where recorded."""
        p = self.person
        return p.get("preferred_name") or p.get("given_name") or "the person"

    def age_on(self, day: date | None) -> int | None:
        born = self.person.get("date_of_birth")
        if born is None or day is None:
            return None
        return age_on(born, day)

    def finding(self, rule_id: str, field: str, message: str,
                severity: Severity | None = None) -> Finding:
        """A finding carrying the catalogue's severity (unless the rule grades it) and citation."""
        entry = rule(rule_id)
        return Finding(rule_id, severity or entry.severity, field, message, entry.citation)


def check(rule_id: str, *kinds: str) -> Callable[[Check], Check]:
    """Register a check of ``rule_id`` for the given form kinds."""
    rule(rule_id)  # fail at import for an ID the catalogue does not hold

    def register(fn: Check) -> Check:
        for kind in kinds:
            _REGISTRY[kind].append((rule_id, fn))
        return fn

    return register


def checks_for(kind: str) -> list[Check]:
    """The checks of a kind in rule-catalogue order (stable within one rule)."""
    entries = sorted(enumerate(_REGISTRY.get(kind, [])), key=lambda e: (ORDER[e[1][0]], e[0]))
    return [fn for _, (_, fn) in entries]


def ptr(*parts: object) -> str:
    """A JSON pointer (RFC 6901) to a place in the submitted form."""
    escaped = (str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    return "".join("/" + p for p in escaped)


def blank(value: object) -> bool:
    """True for a missing value or text with nothing in it."""
    return value is None or (isinstance(value, str) and not value.strip())


def entries(container: Mapping[str, Any] | None, key: str) -> list[tuple[int, Mapping[str, Any]]]:
    """``(index, item)`` for each object in the list at ``key``, keeping the index for pointers.

    A null or non-object item is a shape error the schema reports; rules pass over it rather
    than crash on a form loaded some other way.
    """
    items = (container or {}).get(key) or []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, Mapping)]


def signature_parties(data: Mapping[str, Any]) -> set[str]:
    """Parties that have signed (a signature without a date does not count)."""
    return {s.get("party") for _, s in entries(data, "signatures") if s.get("signed_on")}


def signatures_of(data: Mapping[str, Any], party: str) -> list[Mapping[str, Any]]:
    return [s for _, s in entries(data, "signatures") if s.get("party") == party]


def org_name(org: Mapping[str, Any] | None, fallback: str = "an unnamed organisation") -> str:
    return (org or {}).get("name") or fallback


def same_org(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    return bool(a and b and a.get("code") and a.get("code") == b.get("code"))


SECTION_WORDS = {"5(2)": "section 5(2)", "5(4)": "section 5(4)"}


def section_words(section: object) -> str:
    return SECTION_WORDS.get(str(section), f"section {section}")
