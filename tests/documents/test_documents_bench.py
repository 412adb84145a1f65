"""The documents bench measures every document of every kind, wherever the repository is."""

from __future__ import annotations

import importlib.util

from forms_app.contract.schemas import KINDS
from forms_app.documents import registry
from tests.examples import REPO


def _bench():
    spec = importlib.util.spec_from_file_location("documents_bench",
                                                  REPO / "bench" / "documents_bench.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_covers_every_kind_and_document_with_the_leaflet_in_every_variant() -> None:
    cases = _bench().cases()
    assert {c.result.kind for c in cases} == set(KINDS)
    assert {c.document for c in cases} == set(registry.registered())
    leaflet = {c.variant for c in cases if c.document == "rights_leaflet"}
    assert leaflet == set(registry.get("rights_leaflet").variants)


def test_bench_finds_the_examples_the_way_the_tests_do() -> None:
    from tests.examples import examples_dir

    source = (REPO / "bench" / "documents_bench.py").read_text()
    assert "/work/" not in source
    assert examples_dir() == _bench().EXAMPLES
