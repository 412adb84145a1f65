"""SCHEMA findings: the shape and input-hygiene rules every form goes through.

These never reach the policy engine: a form with a SCHEMA finding is not evaluated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from marshmallow import ValidationError

from forms_app.contract.check import check_form
from forms_app.contract.fields import DESCRIPTION_MAX, NAME_MAX, NARRATIVE_MAX
from forms_app.contract.schemas import KINDS, schema_for
from tests.examples import example_names, load_example

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def mutate(form: dict[str, Any]) -> None:
        *parents, last = path.strip("/").split("/")
        node: Any = form
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(path: str) -> Mutation:
    def mutate(form: dict[str, Any]) -> None:
        *parents, last = path.strip("/").split("/")
        node: Any = form
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return mutate


# (example, mutation, pointer expected, words expected in the message)
CASES = [
    ("aftercare_plan", _set("/plan/needs/1/s117", "yes"), "/plan/needs/1/s117", "true or false"),
    ("aftercare_plan", _set("/plan/needs/1/s117", 1), "/plan/needs/1/s117", "true or false"),
    ("aftercare_plan", _set("/person/given_name", 42), "/person/given_name", "string"),
    (
        "aftercare_plan",
        _set("/plan/services/0/weekly_cost_pence", 12.7),
        "/plan/services/0/weekly_cost_pence",
        "whole number",
    ),
    (
        "aftercare_plan",
        _set("/plan/services/0/weekly_cost_pence", 12.0),
        "/plan/services/0/weekly_cost_pence",
        "whole number",
    ),
    (
        "aftercare_plan",
        _set("/plan/services/0/weekly_cost_pence", True),
        "/plan/services/0/weekly_cost_pence",
        "whole number",
    ),
    (
        "aftercare_plan",
        _set("/plan/services/0/weekly_cost_pence", "112500"),
        "/plan/services/0/weekly_cost_pence",
        "whole number",
    ),
    (
        "aftercare_plan",
        _set("/plan/services/0/weekly_cost_pence", -1),
        "/plan/services/0/weekly_cost_pence",
        "between",
    ),
    (
        "funding_agreement_harrow",
        _set("/services/0/health_share_percent", 101),
        "/services/0/health_share_percent",
        "0 to 100",
    ),
    (
        "funding_agreement_harrow",
        _set("/services/0/health_share_percent", 20.5),
        "/services/0/health_share_percent",
        "whole number",
    ),
    ("funding_agreement", _set("/split/icb_percent", False), "/split/icb_percent", "whole number"),
    ("aftercare_plan", _set("/plan/plan_date", "2026-02-30"), "/plan/plan_date", "real date"),
    ("aftercare_plan", _set("/plan/plan_date", "18/03/2026"), "/plan/plan_date", "YYYY-MM-DD"),
    ("aftercare_plan", _set("/plan/plan_date", "20260318"), "/plan/plan_date", "YYYY-MM-DD"),
    (
        "aftercare_plan",
        _set("/plan/plan_date", "2026-03-18T00:00"),
        "/plan/plan_date",
        "YYYY-MM-DD",
    ),
    ("change_notice", _set("/issued_on", 20270412), "/issued_on", "YYYY-MM-DD"),
    (
        "register_entry",
        _set("/events/0/notice_received_on", "9999-12-31"),
        "/events/0/notice_received_on",
        "1900-01-01 to 2199-12-31",
    ),
    (
        "aftercare_plan",
        _set("/person/date_of_birth", "1899-12-31"),
        "/person/date_of_birth",
        "1900-01-01 to 2199-12-31",
    ),
    (
        "aftercare_plan",
        _set("/person/nhs_number", "9990000019"),
        "/person/nhs_number",
        "check digit",
    ),
    (
        "aftercare_plan",
        _set("/person/nhs_number", "999 000 0018"),
        "/person/nhs_number",
        "10 digits",
    ),
    ("aftercare_plan", _set("/person/nhs_number", 9990000018), "/person/nhs_number", "string"),
    (
        "aftercare_plan",
        _set("/plan/favourite_colour", "blue"),
        "/plan/favourite_colour",
        "Unknown field",
    ),
    ("register_entry", _set("/events/0/extra", 1), "/events/0/extra", "Unknown field"),
    ("responsibility", _set("/events/1/section", "3"), "/events/1/section", "Unknown field"),
    ("aftercare_plan", _delete("/person/nhs_number"), "/person/nhs_number", "required"),
    ("dispute_notice", _delete("/person/date_of_birth"), "/person/date_of_birth", "required"),
    ("aftercare_plan", _set("/person/family_name", None), "/person/family_name", "null"),
    (
        "aftercare_plan",
        _set("/person/given_name", "Al\x0cex"),
        "/person/given_name",
        "control character",
    ),
    (
        "aftercare_plan",
        _set("/person/given_name", "Al\nex"),
        "/person/given_name",
        "control character",
    ),
    (
        "aftercare_plan",
        _set("/plan/person_views", "ok\x00"),
        "/plan/person_views",
        "control character",
    ),
    (
        "aftercare_plan",
        _set("/plan/person_views", "line\r\nbreak"),
        "/plan/person_views",
        "control character",
    ),
    (
        "aftercare_plan",
        _set("/person/given_name", "x" * (NAME_MAX + 1)),
        "/person/given_name",
        f"at most {NAME_MAX}",
    ),
    (
        "aftercare_plan",
        _set("/plan/needs/0/description", "x" * (DESCRIPTION_MAX + 1)),
        "/plan/needs/0/description",
        f"at most {DESCRIPTION_MAX}",
    ),
    (
        "discharge_decision",
        _set("/rationale", "x" * (NARRATIVE_MAX + 1)),
        "/rationale",
        f"at most {NARRATIVE_MAX}",
    ),
    (
        "aftercare_plan",
        _set("/detentions/0/section", "99"),
        "/detentions/0/section",
        "Must be one of",
    ),
    ("aftercare_plan", _set("/detentions/0/section", 3), "/detentions/0/section", "string"),
    ("discharge_decision", _set("/grounds/0", "bored"), "/grounds/0", "Must be one of"),
    (
        "aftercare_plan",
        _set("/person/communication/language", "English!"),
        "/person/communication/language",
        "BCP 47",
    ),
    ("aftercare_plan", _set("/plan/needs", {"N1": {}}), "/plan/needs", "list"),
    ("aftercare_plan", _set("/plan", []), "/plan", "JSON object"),
    ("responsibility", _set("/events/2/type", "abducted"), "/events/2/type", "Must be one of"),
    ("responsibility", _set("/events/2", "left_hospital"), "/events/2", "object"),
]


@pytest.mark.parametrize(("example", "mutate", "pointer", "words"), CASES)
def test_schema_finding_names_the_field(
    example: str, mutate: Mutation, pointer: str, words: str
) -> None:
    form = load_example(example)
    mutate(form)
    result = check_form(form)
    assert result.data is None
    assert not result.valid
    schema = [f for f in result.findings if f.rule == "SCHEMA"]
    assert [f.field for f in schema] == [pointer], result.findings
    assert schema[0].severity == "error"
    assert words.lower() in schema[0].message.lower()
    assert schema[0].citation == "contract.md"


@pytest.mark.parametrize("kind", [None, "", "aftercare-plan", "AFTERCARE_PLAN", 7, ["x"]])
def test_unknown_kind_is_a_schema_finding_at_kind(kind: Any) -> None:
    form = load_example("aftercare_plan")
    form["kind"] = kind
    result = check_form(form)
    assert [(f.rule, f.field) for f in result.findings] == [("SCHEMA", "/kind")]
    assert result.as_json()["valid"] is False


def test_missing_kind_is_a_schema_finding_at_kind() -> None:
    form = load_example("aftercare_plan")
    del form["kind"]
    assert [f.field for f in check_form(form).findings] == ["/kind"]


@pytest.mark.parametrize("raw", [[], "form", 3, None, [{"kind": "aftercare_plan"}]])
def test_a_non_object_is_a_schema_finding_for_the_whole_form(raw: Any) -> None:
    result = check_form(raw)
    assert [(f.rule, f.field) for f in result.findings] == [("SCHEMA", "")]
    assert result.kind == ""


def test_the_kind_of_another_schema_is_refused() -> None:
    form = load_example("change_notice")
    with pytest.raises(ValidationError, match="kind"):
        schema_for("dispute_notice").load(form)


def test_every_mistake_is_reported_at_once_sorted_by_pointer() -> None:
    form = load_example("aftercare_plan")
    form["person"]["nhs_number"] = "1234567890"
    form["plan"]["services"][2]["weekly_cost_pence"] = 0.5
    form["signatures"][0]["signed_on"] = "yesterday"
    fields = [f.field for f in check_form(form).findings]
    assert fields == sorted(fields)
    assert fields == [
        "/person/nhs_number",
        "/plan/services/2/weekly_cost_pence",
        "/signatures/0/signed_on",
    ]


def test_hostile_keys_are_escaped_in_the_pointer() -> None:
    form = load_example("aftercare_plan")
    form["plan"]["a/b~c"] = 1
    form["\x01\ud800"] = 1
    fields = [f.field for f in check_form(form).findings]
    assert "/plan/a~1b~0c" in fields
    assert all(field.isprintable() for field in fields)
    assert all("\ud800" not in field for field in fields)


@pytest.mark.parametrize("name", example_names())
def test_annotation_keys_are_ignored_at_every_level(name: str) -> None:
    form = load_example(name)
    form["_top"] = {"anything": [1, 2]}
    form["person"]["_note"] = "checked by phone"
    form["person"]["communication"]["_x"] = None
    plain = schema_for(form["kind"]).load(load_example(name))
    annotated = schema_for(form["kind"]).load(form)
    assert annotated == plain
    assert "_top" not in annotated
    assert "_note" not in annotated["person"]


def test_expect_annotation_never_reaches_the_data() -> None:
    data = schema_for("responsibility").load(load_example("responsibility"))
    assert "_expect" not in data


def test_kinds_are_the_eight_of_the_contract() -> None:
    assert KINDS == (
        "aftercare_plan",
        "funding_agreement",
        "leave_funding_agreement",
        "discharge_decision",
        "dispute_notice",
        "change_notice",
        "register_entry",
        "responsibility",
    )


def test_multiline_fields_keep_new_lines_and_tabs() -> None:
    form = load_example("discharge_decision")
    form["rationale"] = "First line.\n\tSecond, indented."
    assert schema_for("discharge_decision").load(form)["rationale"] == form["rationale"]


@pytest.mark.parametrize("char", ["\x7f", "\x85", "\x9f", "\ufffe", "\x1b", "\x0b"])
def test_other_control_characters_are_refused_even_in_multiline_text(char: str) -> None:
    form = load_example("discharge_decision")
    form["rationale"] = f"before{char}after"
    assert [f.field for f in check_form(form).findings] == ["/rationale"]


def test_text_at_exactly_the_limit_is_accepted() -> None:
    form = load_example("aftercare_plan")
    form["person"]["given_name"] = "x" * NAME_MAX
    form["plan"]["person_views"] = "y" * NARRATIVE_MAX
    data = schema_for("aftercare_plan").load(form)
    assert len(data["person"]["given_name"]) == NAME_MAX
