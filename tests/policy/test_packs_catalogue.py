"""Packs (complete, refused when not), national dated law, and the rules catalogue."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from forms_app.policy import national
from forms_app.policy.catalogue import RULES, rule
from forms_app.policy.packs import (
    PACK_DIR,
    PackError,
    UnknownPack,
    available_packs,
    load_pack,
    load_pack_file,
)
from tests.examples import rules_md

RULES_MD = rules_md()


def test_both_packs_ship_with_their_numbers() -> None:
    assert available_packs() == ["harrow", "worcestershire"]
    w, h = load_pack("worcestershire"), load_pack("harrow")
    assert (w.funding.basis, h.funding.basis) == ("fixed_split", "needs_matrix")
    assert (w.funding.default_split.local_authority_percent, w.funding.default_split.icb_percent) \
        == (60, 40)
    assert h.funding.default_split is None
    assert (w.funding.backdating, h.funding.backdating) == ("with_written_acknowledgement", "never")
    assert (w.funding.panel_ratification, h.funding.panel_ratification) == (False, True)
    for pack in (w, h):
        assert pack.leave.default_funder == "icb"
        assert (pack.review.first_within_months, pack.review.interval_months) == (3, 12)
        assert pack.register.update_within_working_days == 5
        assert pack.calendar == "england-and-wales"
        assert pack.discharge.health_decider == "responsible_clinician"
    assert (w.disputes.panel, h.disputes.panel) == ("Section 117 Panel", "S117 Panel")
    assert [o.code for o in w.organisations] == ["E10000034", "QGH", "R1A"]
    assert [o.code for o in h.organisations] == ["E09000015", "QRV", "RV3"]


def test_load_pack_is_cached() -> None:
    assert load_pack("harrow") is load_pack("harrow")


def test_unknown_pack_refused() -> None:
    with pytest.raises(UnknownPack, match="nowhere"):
        load_pack("nowhere")
    assert issubclass(UnknownPack, PackError)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "test.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("key", ["backdating", "panel_ratification", "default_split"])
def test_missing_key_refused_naming_key_and_file(tmp_path: Path, key: str) -> None:
    text = (PACK_DIR / "worcestershire.toml").read_text(encoding="utf-8")
    text = re.sub(rf"(?m)^{key} = .*\n", "", text)
    path = _write(tmp_path, text)
    with pytest.raises(PackError, match=rf"missing key 'funding\.{key}'") as err:
        load_pack_file(path)
    assert str(path) in str(err.value)


def test_missing_table_refused(tmp_path: Path) -> None:
    text = (PACK_DIR / "harrow.toml").read_text(encoding="utf-8")
    text = text.replace("[register]\nupdate_within_working_days = 5\n", "")
    with pytest.raises(PackError, match="missing key 'register'"):
        load_pack_file(_write(tmp_path, text))


def test_unknown_key_refused(tmp_path: Path) -> None:
    text = (PACK_DIR / "harrow.toml").read_text(encoding="utf-8")
    text = text.replace("[review]\n", "[review]\nsecond_within_months = 6\n")
    with pytest.raises(PackError, match=r"unknown key 'review\.second_within_months'"):
        load_pack_file(_write(tmp_path, text))


def test_bad_value_refused(tmp_path: Path) -> None:
    text = (PACK_DIR / "worcestershire.toml").read_text(encoding="utf-8")
    text = text.replace("interval_months = 12", "interval_months = 0")
    with pytest.raises(PackError, match=r"'review\.interval_months'"):
        load_pack_file(_write(tmp_path, text))


def test_catalogue_holds_every_rules_md_id_once() -> None:
    ids = re.findall(r"(?m)^\| ([A-Z]+(?:-[A-Z]+)?-\d+) \|", RULES_MD.read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids))
    assert list(RULES) == ids  # same IDs, in the catalogue's order


def test_catalogue_severities_and_citations() -> None:
    assert rule("DISCH-02").severity == "error"
    assert rule("DISCH-02").citation == "Worcestershire policy 16.2"
    assert rule("PLAN-04").severity == "warning"
    assert rule("FUND-09").citation == "Harrow report (2020)"
    assert rule("RESP-LA-05").citation.startswith("MHA 2025 s46")
    assert all(r.citation and r.title for r in RULES.values())


def test_national_dates() -> None:
    assert national.who_pays_transition() == date(2020, 9, 1)
    assert national.law("ccg_to_icb").in_force_from == date(2022, 7, 1)
    assert national.law("mha_2025_s46").pending
    assert not national.law("mha_2025_s46").in_force_on(date(2099, 1, 1))
    assert national.body_word(date(2022, 6, 30)) == "CCG"
    assert national.body_word(date(2022, 7, 1)) == "ICB"


def test_every_rule_id_is_named_in_policy_tests() -> None:
    here = Path(__file__).parent
    text = "".join(p.read_text(encoding="utf-8") for p in here.glob("test_*.py"))
    missing = [rid for rid in RULES
               if rid not in text or f"test_{rid.replace('-', '_')}" not in text]
    assert missing == []
