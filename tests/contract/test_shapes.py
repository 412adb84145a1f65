"""The loaded shape: what the engine, the web forms and the documents receive."""

from __future__ import annotations

import datetime as dt

import pytest

from forms_app.contract.check import check_form, to_json
from forms_app.contract.schemas import KINDS, UnknownKindError, schema_for
from forms_app.policy.packs import UnknownPack
from tests.examples import example_names, load_example


@pytest.mark.parametrize("name", example_names())
def test_every_example_loads_without_a_schema_error(name: str) -> None:
    form = load_example(name)
    data = schema_for(form["kind"]).load(form)
    assert data["kind"] == form["kind"]


@pytest.mark.parametrize("name", example_names())
def test_dump_gives_back_the_example(name: str) -> None:
    form = {k: v for k, v in load_example(name).items() if not k.startswith("_")}
    dumped = to_json(form["kind"], schema_for(form["kind"]).load(form))
    # Optional keys the example leaves out come back as null (and policy as its default).
    assert _drop_nulls(dumped) == _drop_nulls({"policy": "worcestershire", **form})


def _drop_nulls(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def test_loaded_values_are_dates_and_integer_pence() -> None:
    data = schema_for("aftercare_plan").load(load_example("aftercare_plan"))
    assert data["person"]["date_of_birth"] == dt.date(1986, 7, 14)
    assert data["plan"]["left_hospital_on"] == dt.date(2026, 3, 20)
    cost = data["plan"]["services"][0]["weekly_cost_pence"]
    assert cost == 112500
    assert type(cost) is int
    assert type(data) is dict


# Fields whose absence a rule reports (contract.md): missing or null loads as None so the
# rule, not SCHEMA, speaks. (example, pointer of the field, the rule that reports it)
RULE_REPORTED = [
    ("aftercare_plan", "/plan/named_practitioner", "PLAN-01"),
    ("aftercare_plan", "/plan/rights_information", "PLAN-05"),
    ("aftercare_plan", "/plan/person_views", "PLAN-06"),
    ("aftercare_plan", "/plan/imha_informed", "PLAN-07"),
    ("aftercare_plan", "/plan/capacity", "PLAN-08"),
    ("aftercare_plan", "/plan/left_hospital_on", "REVIEW-01"),
    ("aftercare_plan_child", "/plan/child/s85_notified_on", "PLAN-16"),
    ("funding_agreement", "/retrospective", "FUND-03"),
    ("funding_agreement_harrow", "/panel", "FUND-09"),
    ("funding_agreement_harrow", "/services/0/health_share_percent", "FUND-04"),
    ("leave_funding_agreement", "/prior_agreement", "LEAVE-01"),
    ("leave_funding_agreement", "/council_informed_on", "LEAVE-03"),
    ("discharge_decision", "/review", "DISCH-10"),
    ("discharge_decision", "/on_cto", "DISCH-02"),
    ("dispute_notice", "/interim", "DISP-02"),
    ("change_notice", "/joint_review", "CHG-01"),
    ("change_notice", "/other_party_consulted", "CHG-02"),
    ("change_notice", "/issued_by", "CHG-06"),
    ("register_entry", "/ended_on", "REG-03"),
    ("register_entry", "/events/1/recorded_on", "REG-02"),
    ("funding_agreement", "/signatures/1/signed_on", "FUND-11"),
    ("leave_funding_agreement", "/signatures/0/signed_on", "LEAVE-02"),
    ("discharge_decision", "/signatures/1/signed_on", "DISCH-01"),
]


def _locate(form: dict, pointer: str) -> tuple[dict, str]:
    *parents, last = pointer.strip("/").split("/")
    node = form
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node, last


@pytest.mark.parametrize(("example", "pointer", "rule"), RULE_REPORTED)
@pytest.mark.parametrize("how", ["missing", "null"])
def test_absence_a_rule_describes_is_not_a_schema_error(
    example: str, pointer: str, rule: str, how: str
) -> None:
    form = load_example(example)
    node, key = _locate(form, pointer)
    if how == "missing":
        del node[key]
    else:
        node[key] = None
    data = schema_for(form["kind"]).load(form)
    loaded, key = _locate(data, pointer)
    assert key in loaded, f"{pointer} must be present for {rule}"
    assert loaded[key] is None


@pytest.mark.parametrize("how", ["missing", "null"])
def test_plan_11_missing_top_up_amount_is_the_rules_finding(how: str) -> None:
    form = load_example("aftercare_plan")
    accommodation = form["plan"]["services"][0]["accommodation"]
    accommodation["preferred_by_person"] = True
    accommodation["top_up"] = {"payer": "third_party", "sustainable_for_likely_duration": True}
    if how == "null":
        accommodation["top_up"]["weekly_amount_pence"] = None
    errors = [(f.rule, f.field) for f in check_form(form).findings if f.severity == "error"]
    assert errors == [("PLAN-11", "/plan/services/0/accommodation/top_up/weekly_amount_pence")]


@pytest.mark.parametrize("how", ["missing", "null"])
def test_absent_lists_load_as_empty_lists(how: str) -> None:
    form = load_example("funding_agreement")
    if how == "missing":
        del form["signatures"]
    else:
        form["signatures"] = None
    assert schema_for("funding_agreement").load(form)["signatures"] == []


def test_policy_defaults_to_worcestershire() -> None:
    form = load_example("responsibility")
    assert "policy" not in form
    assert schema_for("responsibility").load(form)["policy"] == "worcestershire"


def test_an_unknown_pack_raises_unknown_pack() -> None:
    form = load_example("funding_agreement")
    with pytest.raises(UnknownPack):
        check_form(form, "narnia")
    form["policy"] = "narnia"
    with pytest.raises(UnknownPack):
        check_form(form)


@pytest.mark.parametrize("name", ["../worcestershire", "Worcestershire", "", "a" * 41, "x/y"])
def test_a_name_that_cannot_be_a_pack_is_an_unknown_pack(name: str) -> None:
    with pytest.raises(UnknownPack):
        check_form(load_example("funding_agreement"), name)


def test_a_policy_that_is_not_text_is_a_schema_finding() -> None:
    form = load_example("funding_agreement")
    form["policy"] = 5
    assert [f.field for f in check_form(form).findings] == ["/policy"]


@pytest.mark.parametrize("kind", ["plan", None, 3])
def test_schema_for_refuses_unknown_kinds(kind: object) -> None:
    with pytest.raises(UnknownKindError):
        schema_for(kind)  # type: ignore[arg-type]


def test_schema_for_gives_one_schema_per_kind() -> None:
    assert len({type(schema_for(kind)) for kind in KINDS}) == len(KINDS)
