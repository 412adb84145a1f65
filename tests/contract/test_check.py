"""check_form end to end: schema, then the engine (these tests need forms_app.policy.engine)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from forms_app.contract.check import CheckResult, check_form, to_json
from tests.examples import example_names, load_example


@pytest.mark.parametrize("name", example_names())
def test_every_example_has_no_error_finding(name: str) -> None:
    result = check_form(load_example(name))
    assert [f for f in result.findings if f.severity == "error"] == []
    assert result.valid
    assert result.missing_signatures == []
    assert result.ready_for_signoff
    assert result.data is not None


@pytest.mark.parametrize("name", example_names())
def test_as_json_is_exactly_the_validate_output(name: str) -> None:
    result = check_form(load_example(name))
    document = result.as_json()
    assert list(document) == ["kind", "policy", "valid", "findings", "computed"]
    assert document["valid"] is True
    json.dumps(document, allow_nan=False)


def test_funding_computed_values_follow_the_pack_split() -> None:
    computed = check_form(load_example("funding_agreement")).as_json()["computed"]
    assert computed["weekly_total_pence"] == 112500 + 21000
    assert computed["local_authority_weekly_pence"] == 80100
    assert computed["icb_weekly_pence"] == 53400
    assert computed["local_authority_percent"] == 60
    assert computed["icb_percent"] == 40


def test_needs_matrix_split_is_cost_weighted_to_the_penny() -> None:
    computed = check_form(load_example("funding_agreement_harrow")).computed
    icb = 145000 * 20 // 100 + 9000
    assert computed["icb_weekly_pence"] == icb
    assert computed["local_authority_weekly_pence"] == 170000 - icb
    assert computed["icb_percent"] == round(icb * 100 / 170000, 2)


def test_a_missing_signature_is_listed_and_blocks_signoff() -> None:
    form = load_example("funding_agreement")
    form["signatures"] = [s for s in form["signatures"] if s["party"] != "icb"]
    result = check_form(form)
    assert result.missing_signatures == ["icb"]
    assert not result.ready_for_signoff


def test_policy_argument_overrides_the_form() -> None:
    result = check_form(load_example("funding_agreement"), "harrow")
    assert result.policy == "harrow"
    assert result.data is not None
    assert result.data["policy"] == "harrow"
    assert not result.valid


def test_schema_errors_leave_no_data_and_no_computed() -> None:
    form = load_example("register_entry")
    form["events"][0]["date"] = "2026-13-01"
    result = check_form(form)
    assert result.data is None
    assert result.computed == {}
    assert not result.ready_for_signoff


def test_check_result_is_frozen() -> None:
    result = check_form(load_example("change_notice"))
    assert isinstance(result, CheckResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.kind = "x"  # type: ignore[misc]


def test_today_reaches_the_engine() -> None:
    form = load_example("register_entry")
    form["events"][1]["recorded_on"] = None  # not yet recorded: on time until it is due
    notice = dt.date.fromisoformat(form["events"][1]["notice_received_on"])
    in_time = check_form(form, today=notice).computed["events"][1]
    too_late = check_form(form, today=notice + dt.timedelta(days=60)).computed["events"][1]
    assert in_time["on_time"] is None
    assert too_late["on_time"] is False


@pytest.mark.parametrize("name", example_names())
def test_dumped_data_checks_the_same_as_the_original(name: str) -> None:
    first = check_form(load_example(name))
    assert first.data is not None
    again = check_form(to_json(first.kind, first.data))
    assert again.findings == first.findings
    assert again.computed == first.computed
    assert again.data == first.data
