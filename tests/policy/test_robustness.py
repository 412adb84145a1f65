"""The engine never crashes on a loaded form with any part null or missing: an absent part
is a rule's finding (contract.md), never a traceback."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from tests.examples import example_names
from tests.policy.support import example, run


def _paths(value: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key)
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield (*path, i)
            yield from _paths(child, (*path, i))


def _set(data: dict, path: tuple, how: str) -> dict:
    data = copy.deepcopy(data)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if how == "none":
        parent[path[-1]] = None
    elif isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent.pop(path[-1])
    return data


@pytest.mark.parametrize("name", example_names())
def test_any_part_null_or_missing_never_crashes(name: str) -> None:
    base = example(name)
    for path in _paths(base):
        if path[0] in ("kind", "policy"):
            continue
        for how in ("none", "drop"):
            ev = run(_set(base, path, how))
            assert isinstance(ev.computed, dict)
