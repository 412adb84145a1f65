"""Local policy packs: every number and choice that differs between areas (packs.md).

A pack is a TOML file in ``packs/``. Loading checks every key: a missing key or one the
engine does not know is refused with the key and the file named — never defaulted, because
a silently defaulted split or deadline would be applied to real people's money and records.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from forms_app.policy.dates import known_calendars

PACK_DIR = Path(__file__).with_name("packs")
NONE = "none"  # TOML has no null: a deliberately absent value is written "none"


class PackError(ValueError):
    """A pack file is missing, unreadable or incomplete."""


class UnknownPack(PackError):  # noqa: N818 - name fixed by the team interface
    """No pack of that name ships with the product."""


@dataclass(frozen=True)
class ContactDetails:
    """How the public reaches an organisation: optional in a pack, printed in the person's
    letters when the form itself holds no phone or address (PERSON-DOCS)."""

    team: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    website: str = ""


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    type: str
    role: str
    contact: ContactDetails = field(default_factory=ContactDetails)

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name, "type": self.type}


@dataclass(frozen=True)
class Split:
    local_authority_percent: int
    icb_percent: int
    before: date | None = None  # historic splits hold only for records agreed before this


@dataclass(frozen=True)
class Funding:
    basis: str
    default_split: Split | None
    historic_split: Split | None
    backdating: str
    panel_ratification: bool


@dataclass(frozen=True)
class Leave:
    default_funder: str


@dataclass(frozen=True)
class Review:
    first_within_months: int
    interval_months: int


@dataclass(frozen=True)
class Register:
    update_within_working_days: int


@dataclass(frozen=True)
class Discharge:
    health_decider: str


@dataclass(frozen=True)
class Disputes:
    panel: str


@dataclass(frozen=True)
class Pack:
    """One area's pack; attributes mirror packs.md keys (``pack.review.interval_months``)."""

    name: str
    title: str
    calendar: str
    organisations: tuple[Organisation, ...]
    funding: Funding
    leave: Leave
    review: Review
    register: Register
    discharge: Discharge
    disputes: Disputes
    source: str

    def organisation(self, role: str) -> Organisation:
        return next(o for o in self.organisations if o.role == role)

    @property
    def council(self) -> Organisation:
        return self.organisation("council")

    @property
    def icb(self) -> Organisation:
        return self.organisation("icb")


def _one_of(*values: str) -> Callable[[Any], bool]:
    return lambda v: v in values


def _positive_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v > 0


def _text(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


_SPLIT_KEYS = {"local_authority_percent", "icb_percent", "before"}


def _split_or_none(v: Any) -> bool:
    if v == NONE:
        return True
    if not isinstance(v, dict) or not set(v) <= _SPLIT_KEYS:
        return False
    la, icb = v.get("local_authority_percent"), v.get("icb_percent")
    ok_before = isinstance(v.get("before", date.min), date)
    return isinstance(la, int) and isinstance(icb, int) and la >= 0 and icb >= 0 \
        and la + icb == 100 and ok_before


# Every key of packs.md, with the check its value must pass.
_SPEC: dict[str, dict[str, Callable[[Any], bool]]] = {
    "": {"name": _text, "title": _text, "calendar": _one_of(*known_calendars()),
         "organisations": lambda v: isinstance(v, list) and bool(v)},
    "funding": {"basis": _one_of("fixed_split", "needs_matrix"),
                "default_split": _split_or_none, "historic_split": _split_or_none,
                "backdating": _one_of("with_written_acknowledgement", "never"),
                "panel_ratification": lambda v: isinstance(v, bool)},
    "leave": {"default_funder": _one_of("icb", "local_authority", "joint")},
    "review": {"first_within_months": _positive_int, "interval_months": _positive_int},
    "register": {"update_within_working_days": _positive_int},
    "discharge": {"health_decider": _one_of("responsible_clinician", "icb")},
    "disputes": {"panel": _text},
}
_ORG_KEYS = {"role", "code", "name", "type"}
_CONTACT_KEYS = {"team", "phone", "email", "address", "website"}  # each optional
_ORG_ROLES = {"council", "icb", "trust"}


def _check_table(path: Path, section: str, table: Any) -> None:
    label = f"[{section}]" if section else "the top level"
    if not isinstance(table, dict):
        raise PackError(f"{path}: {section} must be a table")
    spec = _SPEC[section]
    known = set(spec) | ({s for s in _SPEC if s} if not section else set())
    for key in table:
        if key not in known:
            name = f"{section}.{key}" if section else key
            raise PackError(f"{path}: unknown key {name!r} in {label}")
    for key, valid in spec.items():
        name = f"{section}.{key}" if section else key
        if key not in table:
            raise PackError(f"{path}: missing key {name!r} in {label}")
        if not valid(table[key]):
            raise PackError(f"{path}: key {name!r} has an invalid value {table[key]!r}")


def _organisations(path: Path, rows: list[Any]) -> tuple[Organisation, ...]:
    orgs = []
    for i, row in enumerate(rows):
        keys = set(row) if isinstance(row, dict) else set()
        wrong = (_ORG_KEYS - keys) | (keys - _ORG_KEYS - _CONTACT_KEYS)
        if not isinstance(row, dict) or wrong:
            raise PackError(f"{path}: organisations[{i}] missing or unknown keys: "
                            f"{sorted(wrong)}")
        for key in sorted(keys & _CONTACT_KEYS):
            if not _text(row[key]):
                raise PackError(f"{path}: key 'organisations[{i}].{key}' has an invalid "
                                f"value {row[key]!r}")
        contact = ContactDetails(**{k: row[k].strip() for k in keys & _CONTACT_KEYS})
        orgs.append(Organisation(row["code"], row["name"], row["type"], row["role"], contact))
    roles = {o.role for o in orgs}
    if roles != _ORG_ROLES:
        raise PackError(f"{path}: organisations need exactly the roles {sorted(_ORG_ROLES)}")
    return tuple(orgs)


def _split(value: Any) -> Split | None:
    if value == NONE:
        return None
    return Split(value["local_authority_percent"], value["icb_percent"], value.get("before"))


def load_pack_file(path: Path) -> Pack:
    """Read and check one pack file; raise PackError naming the key and the file."""
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PackError(f"{path}: cannot read pack: {exc}") from exc
    for section in _SPEC:
        if section and section not in raw:
            raise PackError(f"{path}: missing key {section!r} (the [{section}] table)")
        _check_table(path, section, raw[section] if section else raw)
    f = raw["funding"]
    if f["basis"] == "fixed_split" and f["default_split"] == NONE:
        raise PackError(f"{path}: key 'funding.default_split' is needed for a fixed_split basis")
    funding = Funding(f["basis"], _split(f["default_split"]), _split(f["historic_split"]),
                      f["backdating"], f["panel_ratification"])
    return Pack(
        name=raw["name"], title=raw["title"], calendar=raw["calendar"],
        organisations=_organisations(path, raw["organisations"]), funding=funding,
        leave=Leave(**raw["leave"]), review=Review(**raw["review"]),
        register=Register(**raw["register"]), discharge=Discharge(**raw["discharge"]),
        disputes=Disputes(**raw["disputes"]), source=str(path),
    )


def available_packs() -> list[str]:
    """Names of the packs that ship, sorted."""
    return sorted(p.stem for p in PACK_DIR.glob("*.toml"))


@lru_cache(maxsize=32)
def load_pack(name: str) -> Pack:
    """The named pack, read once and cached (the engine runs thousands of times a second)."""
    if name not in available_packs():
        known = ", ".join(available_packs())
        raise UnknownPack(f"unknown policy pack {name!r}; available: {known}")
    pack = load_pack_file(PACK_DIR / f"{name}.toml")
    if pack.name != name:
        raise PackError(f"{pack.source}: key 'name' is {pack.name!r}, expected {name!r}")
    return pack
