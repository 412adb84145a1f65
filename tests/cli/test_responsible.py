"""``s117 responsible``: the responsibility answer, or a usage error for other kinds."""

from __future__ import annotations

import pytest

from tests.examples import example_path, load_example


def test_responsibility_example_gives_its_expected_answer(s117) -> None:
    expect = load_example("responsibility")["_expect"]
    run = s117("responsible", str(example_path("responsibility")))
    answer = run.document()
    assert run.code == 0
    assert answer["eligible"] is expect["eligible"]
    assert answer["status"] == expect["status"]
    for body in ("local_authority", "icb"):
        assert answer[body]["organisation"]["code"] == expect[body]["code"]
        assert answer[body]["rule"] == expect[body]["rule"]
        assert answer[body]["reasons"]


def test_as_of_before_the_first_detention_is_not_eligible(s117) -> None:
    run = s117("responsible", str(example_path("responsibility")), "--as-of", "2020-01-01")
    answer = run.document()
    assert run.code == 0
    assert answer["eligible"] is False
    assert answer["local_authority"] is None
    assert answer["icb"] is None


@pytest.mark.parametrize("name", ["aftercare_plan", "funding_agreement"])
def test_another_kind_is_a_usage_error_exit_2(s117, name: str) -> None:
    run = s117("responsible", str(example_path(name)))
    assert (run.code, run.out) == (2, "")
    assert "responsibility form" in run.err
    assert run.err.count("\n") == 1


def test_a_non_object_is_a_usage_error_exit_2(s117, write_json) -> None:
    run = s117("responsible", str(write_json(["responsibility"])))
    assert (run.code, run.out) == (2, "")


def test_a_misshapen_responsibility_form_exits_1_with_schema_findings(s117, write_json) -> None:
    form = load_example("responsibility")
    form["events"][0]["section"] = "3A"
    run = s117("responsible", str(write_json(form)))
    document = run.document()
    assert run.code == 1
    assert [(f["rule"], f["field"]) for f in document["findings"]] == [
        ("SCHEMA", "/events/0/section")
    ]


@pytest.mark.parametrize("as_of", ["2026-02-30", "22/11/2026", "2026-1-1", "today", "2026-W01-1"])
def test_a_bad_as_of_date_exits_2(s117, as_of: str) -> None:
    run = s117("responsible", str(example_path("responsibility")), "--as-of", as_of)
    assert (run.code, run.out) == (2, "")
    assert run.err.count("\n") == 1


def test_not_json_exits_2(s117, tmp_path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{oops", encoding="utf-8")
    run = s117("responsible", str(path))
    assert (run.code, run.out) == (2, "")
