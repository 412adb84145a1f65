"""``s117 schemas``: writes schemas/<kind>.schema.json; ``--check`` fails when stale."""

from __future__ import annotations

from pathlib import Path

from forms_app.contract.schemas import KINDS


def test_writes_one_file_per_kind(s117, tmp_path: Path) -> None:
    run = s117("schemas", "--dir", str(tmp_path))
    assert run.code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{kind}.schema.json" for kind in KINDS
    )
    assert run.document()["written"]


def test_check_passes_when_current_and_fails_when_stale(s117, tmp_path: Path) -> None:
    s117("schemas", "--dir", str(tmp_path))
    assert s117("schemas", "--check", "--dir", str(tmp_path)).code == 0
    (tmp_path / "dispute_notice.schema.json").write_text("{}\n", encoding="utf-8")
    run = s117("schemas", "--check", "--dir", str(tmp_path))
    assert run.code == 1
    assert run.document()["stale"] == ["dispute_notice.schema.json"]
    assert "s117 schemas" in run.err


def test_the_repository_schemas_are_current(s117) -> None:
    assert s117("schemas", "--check").code == 0
