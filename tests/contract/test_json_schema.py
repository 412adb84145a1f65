"""The generated JSON Schema in schemas/ is current and agrees with the marshmallow schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from forms_app.contract import json_schema
from forms_app.contract.schemas import KINDS
from tests.examples import example_names, load_example

SCHEMAS_DIR = Path(__file__).resolve().parents[2] / "schemas"


def _validator(kind: str) -> Draft202012Validator:
    document = json.loads((SCHEMAS_DIR / json_schema.file_name(kind)).read_text("utf-8"))
    return Draft202012Validator(document, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_schemas_directory_is_current() -> None:
    stale = json_schema.stale(SCHEMAS_DIR)
    assert stale == [], f"schemas/ is stale ({stale}): run `s117 schemas`"


def test_stale_detects_an_edited_file(tmp_path: Path) -> None:
    json_schema.write_all(tmp_path)
    assert json_schema.stale(tmp_path) == []
    target = tmp_path / json_schema.file_name("change_notice")
    target.write_text(target.read_text("utf-8").replace('"maxLength": 200', '"maxLength": 201'))
    (tmp_path / json_schema.file_name("responsibility")).unlink()
    assert json_schema.stale(tmp_path) == [
        json_schema.file_name("change_notice"),
        json_schema.file_name("responsibility"),
    ]


def test_generation_is_deterministic() -> None:
    for kind in KINDS:
        text = json_schema.render(kind)
        assert text == json_schema.render(kind)
        assert text.endswith("}\n")


@pytest.mark.parametrize("kind", KINDS)
def test_each_generated_schema_is_valid_json_schema(kind: str) -> None:
    Draft202012Validator.check_schema(json_schema.build(kind))


@pytest.mark.parametrize("name", example_names())
def test_every_example_validates_against_its_json_schema(name: str) -> None:
    form = load_example(name)
    errors = [e.message for e in _validator(form["kind"]).iter_errors(form)]
    assert errors == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("plan", "services", 0, "weekly_cost_pence"), 12.7),
        (("plan", "services", 0, "weekly_cost_pence"), True),
        (("plan", "services", 0, "weekly_cost_pence"), -5),
        (("plan", "capacity"), "unsure"),
        (("person", "given_name"), "A\x07"),
        (("person", "nhs_number"), "99900000"),
        (("plan", "plan_date"), "18/03/2026"),
        (("plan", "plan_date"), "9999-12-31"),
        (("plan", "unknown_key"), 1),
        (("kind",), "funding_agreement"),
    ],
)
def test_json_schema_refuses_what_the_contract_refuses(path: tuple, value: object) -> None:
    form = load_example("aftercare_plan")
    node = form
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert list(_validator("aftercare_plan").iter_errors(form)) != []


def test_json_schema_allows_annotation_keys() -> None:
    form = load_example("aftercare_plan")
    form["plan"]["_comment"] = "ignored"
    form["_expect"] = {}
    assert list(_validator("aftercare_plan").iter_errors(form)) == []
