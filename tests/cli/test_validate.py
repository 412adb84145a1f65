"""``s117 validate``: exit codes, one JSON document on stdout, one-line errors on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.examples import example_names, example_path, load_example

OUTPUT_KEYS = ["kind", "policy", "valid", "findings", "computed"]
FINDING_KEYS = ["rule", "severity", "field", "message", "citation"]


@pytest.mark.parametrize("name", example_names())
def test_every_example_is_valid_exit_0(s117, name: str) -> None:
    run = s117("validate", str(example_path(name)))
    document = run.document()
    errors = [f for f in document["findings"] if f["severity"] == "error"]
    assert errors == []
    assert run.code == 0
    assert document["valid"] is True
    assert list(document) == OUTPUT_KEYS
    assert all(list(f) == FINDING_KEYS for f in document["findings"])


def test_a_schema_error_exits_1_with_the_finding(s117, write_json) -> None:
    form = load_example("funding_agreement")
    form["services"][0]["weekly_cost_pence"] = 12.7
    run = s117("validate", str(write_json(form)))
    document = run.document()
    assert run.code == 1
    assert document["valid"] is False
    assert document["kind"] == "funding_agreement"
    assert document["computed"] == {}
    assert [(f["rule"], f["field"]) for f in document["findings"]] == [
        ("SCHEMA", "/services/0/weekly_cost_pence")
    ]


def test_fund_11_an_undated_signature_is_the_rules_finding_not_schema(s117, write_json) -> None:
    form = load_example("funding_agreement")
    form["signatures"][1]["signed_on"] = None
    run = s117("validate", str(write_json(form)))
    document = run.document()
    assert run.code == 1
    assert [(f["rule"], f["field"]) for f in document["findings"]] == [("FUND-11", "/signatures")]


def test_fund_08_computed_percentages_are_largest_remainder(s117, write_json) -> None:
    form = load_example("funding_agreement_harrow")
    form["services"] = [
        {"id": "S1", "description": "care", "weekly_cost_pence": 201, "health_share_percent": 0},
        {"id": "S2", "description": "nurse", "weekly_cost_pence": 19799,
         "health_share_percent": 100},
    ]
    computed = s117("validate", str(write_json(form))).document()["computed"]
    assert computed["local_authority_percent"] == 1.01  # exactly 1.005: the tie to the council
    assert computed["icb_percent"] == 98.99


def test_an_unknown_kind_exits_1(s117, write_json) -> None:
    run = s117("validate", str(write_json({"kind": "shopping_list", "person": {}})))
    assert run.code == 1
    assert run.document()["findings"][0]["field"] == "/kind"


def test_a_json_array_exits_1_with_a_whole_form_finding(s117, write_json) -> None:
    run = s117("validate", str(write_json([1, 2])))
    assert run.code == 1
    assert run.document()["findings"][0]["field"] == ""


@pytest.mark.parametrize(
    "content",
    [
        b"{",
        b"",
        b"not json",
        b'{"kind": "aftercare_plan",}',
        b"\xff\xfe\x00garbage",
        b'{"a": NaN}',
        b'{"kind": "a", "kind": "b"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"n": ' + b"9" * 5000 + b"}",
    ],
    ids=[
        "open",
        "empty",
        "text",
        "trailing-comma",
        "bad-utf8",
        "nan",
        "duplicate-key",
        "deep",
        "huge-int",
    ],
)
def test_input_that_is_not_json_exits_2_with_one_line(s117, tmp_path: Path, content) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    run = s117("validate", str(path))
    assert run.code == 2
    assert run.out == ""
    assert run.err.count("\n") == 1
    assert run.err.startswith("s117: ")


def test_a_missing_file_exits_2(s117, tmp_path: Path) -> None:
    run = s117("validate", str(tmp_path / "nowhere.json"))
    assert (run.code, run.out) == (2, "")
    assert "no such file" in run.err


def test_a_directory_exits_2(s117, tmp_path: Path) -> None:
    run = s117("validate", str(tmp_path))
    assert (run.code, run.out) == (2, "")


@pytest.mark.parametrize("pack", ["narnia", "../../etc/passwd", "HARROW"])
def test_an_unknown_pack_exits_2(s117, pack: str) -> None:
    run = s117("validate", str(example_path("funding_agreement")), "--policy", pack)
    assert (run.code, run.out) == (2, "")
    assert run.err.count("\n") == 1


def test_an_unknown_pack_in_the_form_exits_2(s117, write_json) -> None:
    form = load_example("funding_agreement")
    form["policy"] = "atlantis"
    run = s117("validate", str(write_json(form)))
    assert (run.code, run.out) == (2, "")


def test_policy_option_overrides_the_form(s117) -> None:
    run = s117("validate", str(example_path("funding_agreement")), "--policy", "harrow")
    document = run.document()
    assert document["policy"] == "harrow"
    # Harrow requires the needs matrix and panel ratification: the Worcestershire form fails.
    assert run.code == 1
    assert {"FUND-04", "FUND-09"} <= {f["rule"] for f in document["findings"]}


def test_bad_arguments_exit_2_with_one_line(s117) -> None:
    for argv in ([], ["validate"], ["frobnicate"], ["validate", "a", "b"]):
        run = s117(*argv)
        assert (run.code, run.out) == (2, ""), argv
        assert run.err.count("\n") == 1, argv


def test_help_exits_0(s117) -> None:
    run = s117("--help")
    assert run.code == 0
    assert "validate" in run.out


def test_output_is_utf8_as_is(s117, write_json) -> None:
    form = load_example("funding_agreement")
    form["person"]["given_name"] = "Zoë Łukasz"
    form["services"][0]["weekly_cost_pence"] = "£1"
    run = s117("validate", str(write_json(form)))
    assert run.code == 1
    assert json.loads(run.out)["kind"] == "funding_agreement"
