"""A rule's title and citation as a document of one area prints them.

The catalogue (forms_app/policy/data/rules.toml) words rules once for every area, with
"the pack's ..." where a number comes from the pack, and cites the policy each rule was
transcribed from. A reader of a Harrow agreement must not see the Worcestershire policy
cited as if it were Harrow's, nor "the pack's interval": here the catalogue's words get the
pack's numbers and each citation is attributed to the area it belongs to. The engine's
findings keep the catalogue's citations unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from forms_app.policy.catalogue import Rule
from forms_app.policy.packs import Pack

# Each area's policy as rules.toml cites it, the pack that holds that area's numbers, and
# how a document of another area names it. Worcestershire's policy is where the national
# rules were transcribed from, so another area cites it as the wording of a national rule.
AREAS = {"Worcestershire policy": ("worcestershire", "the Worcestershire joint policy"),
         "Harrow report": ("harrow", "the Harrow report")}
NATIONAL_WORDING_FROM = "Worcestershire policy"

_DECIDERS = {"responsible_clinician": "the responsible clinician", "icb": "the ICB"}
_FUNDERS = {"icb": "the ICB", "local_authority": "the council", "joint": "the council and ICB"}

_TITLES: dict[str, Callable[[Pack], str]] = {
    "FUND-01": lambda p: (
        f"Basis “policy default” uses this policy's default split "
        f"({p.funding.default_split.local_authority_percent}% council, "
        f"{p.funding.default_split.icb_percent}% ICB); a different split is an agreed "
        "variation" if p.funding.default_split else
        "Basis “policy default” uses this policy's default split, where it has one"),
    "FUND-07": lambda p: (f"A default split holds only between {p.council.name} and "
                          f"{p.icb.name}"),
    "LEAVE-01": lambda p: (f"Section 17 leave is funded by {_FUNDERS[p.leave.default_funder]} "
                           "unless another arrangement was agreed before the leave"),
    "DISCH-07": lambda p: (f"The health-side decision is taken by "
                           f"{_DECIDERS[p.discharge.health_decider]}"),
    "REVIEW-01": lambda p: (f"The first review is within {p.review.first_within_months} months "
                            "of leaving hospital"),
    "REVIEW-02": lambda p: f"Reviews are at least every {p.review.interval_months} months",
    "REG-02": lambda p: (f"Each change of s117 status is recorded within "
                         f"{p.register.update_within_working_days} working days of notice"),
}


def title(rule: Rule, pack: Pack) -> str:
    """The rule's title with this pack's numbers, in words a reader of the document knows."""
    worded = _TITLES.get(rule.id)
    text = worded(pack) if worded else rule.title
    return text.replace("the pack's", "this policy's").replace("the pack", "this policy")


def _area(part: str) -> str | None:
    return next((prefix for prefix in AREAS if part.startswith(prefix)), None)


def _attributed(part: str, pack: Pack, alone: bool) -> str | None:
    """One part of a citation as this pack's document prints it (None: leave it out)."""
    area = _area(part)
    if area is None or AREAS[area][0] == pack.name:
        return part
    if area == NATIONAL_WORDING_FROM:
        return f"national rule (wording from {AREAS[area][1]}{part[len(area):]})"
    # Another area's own rule: beside this area's source it adds nothing; alone, it is
    # named as that area's local rule so nobody reads it as this policy.
    return f"{part}: a {area.split()[0]} local rule" if alone else None


def _own(part: str, pack: Pack) -> bool:
    area = _area(part)
    return area is not None and AREAS[area][0] == pack.name


def citation(text: str, pack: Pack) -> str:
    """A catalogue citation for a document of ``pack``: another area's policy is never
    presented as this area's (this area's own source first)."""
    parts = sorted((p.strip() for p in text.split(";") if p.strip()),
                   key=lambda p: not _own(p, pack))
    alone = all(_area(p) not in (None, NATIONAL_WORDING_FROM) and not _own(p, pack)
                for p in parts)
    joined = "; ".join(a for p in parts if (a := _attributed(p, pack, alone)) is not None)
    return joined[:1].upper() + joined[1:]
