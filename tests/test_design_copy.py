"""tests/design is a copy of the design's examples and rules.md for clones without ../shared."""

from __future__ import annotations

import pytest

from tests.examples import DESIGN_COPY, shared_design_dir


def test_design_copy_is_current() -> None:
    design = shared_design_dir()
    if design is None:
        pytest.skip("no ../shared/design beside this checkout: the copy is what the tests use")
    examples = sorted((design / "examples").glob("*.json"))
    names = ["rules.md"] + [f"examples/{p.name}" for p in examples]
    stale = [n for n in names if (DESIGN_COPY / n).read_bytes() != (design / n).read_bytes()]
    copied = sorted(p.name for p in (DESIGN_COPY / "examples").glob("*.json"))
    assert copied == sorted(n.removeprefix("examples/") for n in names[1:])
    assert not stale, f"refresh tests/design from the design: {stale}"
