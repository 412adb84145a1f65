"""The journeys only phrase the JSON shape: every example survives a trip through the forms."""

from __future__ import annotations

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from forms_app.contract.check import check_form
from forms_app.web.forms import JOURNEYS
from forms_app.web.forms.binding import add_item, apply, form_values, remove_item
from forms_app.web.forms.builder import form_class
from forms_app.web.forms.placement import place
from forms_app.web.forms.spec import Repeat
from tests.examples import load_example
from tests.web.journey_helpers import formdata

CASES = [
    ("aftercare_plan", "aftercare_plan.json"),
    ("aftercare_plan", "aftercare_plan_child.json"),
    ("funding_agreement", "funding_agreement.json"),
    ("funding_agreement", "funding_agreement_harrow.json"),
    ("leave_funding_agreement", "leave_funding_agreement.json"),
    ("discharge_decision", "discharge_decision.json"),
    ("dispute_notice", "dispute_notice.json"),
    ("change_notice", "change_notice.json"),
    ("register_entry", "register_entry.json"),
]


@pytest.fixture
def form_app() -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="test", WTF_CSRF_ENABLED=False)
    return app


def _example(name: str) -> dict:
    return load_example(name)


@pytest.mark.parametrize(("kind", "example"), CASES)
def test_every_step_round_trips_the_example_through_posted_forms(form_app, kind, example):
    data = _example(example)
    journey = JOURNEYS[kind]
    with form_app.test_request_context(method="POST"):
        result = data
        for step in journey.steps_for(data):
            posted = MultiDict(formdata(step, form_values(step, data)))
            form = form_class(kind, step)(formdata=posted)
            result = apply(step, form.data, result)
    # A blank answer is stored as null; the example may write "" or leave the key out.
    assert _without_blanks(result) == _without_blanks(data)
    assert check_form(result).valid


def _without_blanks(value):
    if isinstance(value, dict):
        return {k: _without_blanks(v) for k, v in value.items() if v not in (None, "")}
    if isinstance(value, list):
        return [_without_blanks(v) for v in value]
    return value


def test_a_typing_mistake_is_kept_and_reported_on_its_field(form_app):
    data = _example("funding_agreement.json")
    journey = JOURNEYS["funding_agreement"]
    step = journey.step("dates")
    values = form_values(step, data)
    values["agreed_on"] = {"day": "31", "month": "2", "year": "2026"}
    with form_app.test_request_context(method="POST"):
        form = form_class(journey.kind, step)(formdata=MultiDict(formdata(step, values)))
        saved = apply(step, form.data, data)
    assert saved["agreed_on"] == "2026-02-31"  # kept as typed, not thrown away
    result = check_form(saved)
    placed = place(journey, saved, result.findings)
    assert [f.rule for f in placed.for_field("agreed_on")] == ["SCHEMA"]
    assert placed.errors[0][1].anchor == "agreed_on-day"


def test_a_policy_finding_lands_on_the_field_it_concerns():
    data = _example("aftercare_plan.json")
    data["plan"]["named_practitioner"] = None
    journey = JOURNEYS["aftercare_plan"]
    result = check_form(data)
    placed = place(journey, data, result.findings)
    spots = {f.rule: spot for f, spot in placed.errors}
    assert "PLAN-01" in spots
    assert spots["PLAN-01"].step == "practitioner"


def test_items_are_added_with_the_next_id_and_removed_by_index():
    data = _example("aftercare_plan.json")
    needs = JOURNEYS["aftercare_plan"].step("needs").elements[0]
    assert isinstance(needs, Repeat)
    added = add_item(needs, data)
    assert added["plan"]["needs"][-1] == {"id": "N4"}
    removed = remove_item(needs, 0, added)
    assert [n["id"] for n in removed["plan"]["needs"]] == ["N2", "N3", "N4"]
    assert data["plan"]["needs"][0]["id"] == "N1"  # the original is untouched


def test_the_child_step_is_only_for_a_person_under_18():
    adult = _example("aftercare_plan.json")
    child = _example("aftercare_plan_child.json")
    journey = JOURNEYS["aftercare_plan"]
    assert "child" not in [s.slug for s in journey.steps_for(adult)]
    assert "child" in [s.slug for s in journey.steps_for(child)]
