"""Dated national law (data/national.toml): which rule was in force on a given day."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).with_name("data") / "national.toml"
_KEYS = {"title", "short", "in_force_from", "citation"}
NOT_COMMENCED = "not_commenced"


@dataclass(frozen=True)
class Law:
    key: str
    title: str
    short: str
    citation: str
    in_force_from: date | None  # None: not commenced yet

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from is not None and day >= self.in_force_from

    @property
    def pending(self) -> bool:
        return self.in_force_from is None


def _law(key: str, table: dict) -> Law:
    keys = set(table)
    if keys != _KEYS:
        problem = sorted(keys ^ _KEYS)
        raise ValueError(f"{_FILE}: [{key}] has missing or unknown keys: {', '.join(problem)}")
    start = table["in_force_from"]
    if start != NOT_COMMENCED and not isinstance(start, date):
        raise ValueError(f"{_FILE}: [{key}] in_force_from must be a date or {NOT_COMMENCED!r}")
    return Law(key, table["title"], table["short"], table["citation"],
               None if start == NOT_COMMENCED else start)


@lru_cache(maxsize=1)
def laws() -> dict[str, Law]:
    with _FILE.open("rb") as fh:
        raw = tomllib.load(fh)
    return {key: _law(key, table) for key, table in raw.items()}


def law(key: str) -> Law:
    return laws()[key]


def who_pays_transition() -> date:
    start = law("who_pays_transition").in_force_from
    assert start is not None  # the data file gives it a date
    return start


def body_word(day: date) -> str:
    """What NHS commissioners were called on ``day``: 'CCG' before 1 July 2022, then 'ICB'."""
    return "ICB" if law("ccg_to_icb").in_force_on(day) else "CCG"
