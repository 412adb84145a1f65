"""Where the design's example forms (and rules.md) live, for any test that needs them.

The design is ``../shared/design`` beside the repository (``/work/main`` and
``/work/shared``), or ``S117_DESIGN_DIR``. A clone without it uses the copy in
``tests/design``, which ``test_design_copy_is_current`` keeps equal to the design.
"""

from __future__ import annotations

import copy
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DESIGN_COPY = REPO / "tests" / "design"


def shared_design_dir() -> Path | None:
    """The design folder itself, when this checkout has it beside it."""
    folder = Path(os.environ.get("S117_DESIGN_DIR") or REPO.parent / "shared" / "design")
    return folder.resolve() if (folder / "rules.md").exists() else None


def design_dir() -> Path:
    return shared_design_dir() or DESIGN_COPY


def examples_dir() -> Path:
    return design_dir() / "examples"


def rules_md() -> Path:
    return design_dir() / "rules.md"


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
