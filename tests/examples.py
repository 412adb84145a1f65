"""Where the design's example forms live, for any test that needs them.

The repository is checked out with ``shared/`` beside it (``/work/main`` and
``/work/shared``; CI clones the same way), so the examples are found relative to this file.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any


def examples_dir() -> Path:
    """``<repo>/../shared/design/examples``."""
    return (Path(__file__).resolve().parents[1] / ".." / "shared" / "design" / "examples").resolve()


def example_names() -> list[str]:
    """Example file stems, sorted (``aftercare_plan``, ``aftercare_plan_child``, ...)."""
    return sorted(path.stem for path in examples_dir().glob("*.json"))


def example_path(name: str) -> Path:
    return examples_dir() / f"{name.removesuffix('.json')}.json"


@cache
def _load(name: str) -> dict[str, Any]:
    return json.loads(example_path(name).read_text(encoding="utf-8"))


def load_example(name: str) -> dict[str, Any]:
    """A fresh, mutable copy of an example form (``name`` with or without ``.json``)."""
    return copy.deepcopy(_load(name.removesuffix(".json")))
