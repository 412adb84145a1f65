"""Save as you go: a draft keeps every answer through errors, conflicts and new sign-ins."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from forms_app.models import FormRecord
from forms_app.store.db import db
from tests.web.journey_helpers import worcestershire


@pytest.fixture
def worcs(app):
    return worcestershire()


@pytest.fixture
def plan(app, worcs, login):
    """A practitioner signed in with a new aftercare plan draft for the case."""
    client = app.test_client()
    login(client, worcs.practitioner)
    response = client.post(f"/cases/{worcs.case.id}/forms/new/aftercare_plan")
    assert response.status_code == 302
    record_id = int(response.headers["Location"].split("/forms/")[1].split("/")[0])
    return client, record_id


def _record(record_id: int) -> FormRecord:
    db.session.expire_all()
    return db.session.get(FormRecord, record_id)


def _practitioner_step(record_id: int, **answers: str) -> MultiDict:
    data = {
        "lock_version": str(_record(record_id).lock_version),
        "plan_plan_date-day": "18", "plan_plan_date-month": "3", "plan_plan_date-year": "2026",
        "plan_named_practitioner-name": "Priya Shah",
        "plan_named_practitioner-role": "Care coordinator",
        "plan_named_practitioner-organisation-code": "R1A",
        "plan_named_practitioner-organisation-name": "H&W Health and Care Trust",
        "plan_named_practitioner-organisation-type": "trust",
        "plan_named_practitioner-phone": "01905 000000",
        "plan_named_practitioner-email": "priya.shah@example.nhs.uk",
    }
    data.update(answers)
    return MultiDict(data)


def test_a_draft_survives_a_validation_error_and_a_new_sign_in(app, plan, worcs, login):
    client, record_id = plan
    bad = _practitioner_step(record_id, **{"plan_plan_date-day": "31",
                                           "plan_plan_date-month": "2"})
    response = client.post(f"/forms/{record_id}/steps/practitioner", data=bad)
    assert response.status_code == 200  # held on the step, with the error shown
    page = response.get_data(as_text=True)
    assert "There is a problem" in page
    assert f'href="/forms/{record_id}/steps/practitioner?review=1#plan_plan_date-day"' in page
    assert "nhsuk-error-message" in page
    assert "(SCHEMA" in page
    saved = _record(record_id).data
    assert saved["plan"]["plan_date"] == "2026-02-31"  # kept as typed
    assert saved["plan"]["named_practitioner"]["name"] == "Priya Shah"

    again = app.test_client()
    login(again, worcs.practitioner)
    page = again.get(f"/forms/{record_id}/steps/practitioner").get_data(as_text=True)
    assert 'value="31"' in page
    assert 'value="Priya Shah"' in page


def test_a_policy_finding_is_shown_beside_its_field_once_then_lets_the_person_on(app, plan):
    client, record_id = plan
    blank = _practitioner_step(record_id, **{"plan_named_practitioner-phone": "",
                                             "plan_named_practitioner-email": ""})
    response = client.post(f"/forms/{record_id}/steps/practitioner", data=blank)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "PLAN-01" in page
    assert "Worcestershire policy 7.3" in page
    shown = [("shown", v) for v in _shown(page)]
    assert shown
    onward = client.post(f"/forms/{record_id}/steps/practitioner",
                         data=MultiDict([*_practitioner_step(record_id, **{
                             "plan_named_practitioner-phone": "",
                             "plan_named_practitioner-email": ""}).items(multi=True), *shown]))
    assert onward.status_code == 302
    assert onward.headers["Location"].endswith("/steps/views")
    check = client.get(f"/forms/{record_id}/check").get_data(as_text=True)
    assert "PLAN-01" in check


def test_a_stale_edit_gets_the_conflict_page_and_changes_nothing(app, plan):
    client, record_id = plan
    first = _practitioner_step(record_id)
    assert client.post(f"/forms/{record_id}/steps/practitioner", data=first).status_code == 302
    stale = _practitioner_step(record_id, **{"plan_named_practitioner-name": "Someone Else"})
    stale["lock_version"] = first["lock_version"]  # the page this editor loaded earlier
    response = client.post(f"/forms/{record_id}/steps/practitioner", data=stale)
    assert response.status_code == 409
    assert "Someone else changed this form" in response.get_data(as_text=True)
    assert _record(record_id).data["plan"]["named_practitioner"]["name"] == "Priya Shah"


def test_items_are_added_and_removed_without_javascript(app, plan):
    client, record_id = plan
    lock = str(_record(record_id).lock_version)
    added = client.post(f"/forms/{record_id}/steps/needs",
                        data={"lock_version": lock, "add": "plan_needs"})
    assert added.status_code == 302
    assert [n["id"] for n in _record(record_id).data["plan"]["needs"]] == ["N1"]
    page = client.get(f"/forms/{record_id}/steps/needs").get_data(as_text=True)
    assert 'name="remove" value="plan_needs-0"' in page
    lock = str(_record(record_id).lock_version)
    removed = client.post(f"/forms/{record_id}/steps/needs", data={
        "lock_version": lock, "plan_needs-0-present": "1", "plan_needs-0-id": "N1",
        "plan_needs-0-description": "typed before removing", "remove": "plan_needs-0"})
    assert removed.status_code == 302
    assert _record(record_id).data["plan"]["needs"] == []


def test_a_form_with_errors_cannot_be_sent_for_signoff(app, plan):
    client, record_id = plan
    lock = str(_record(record_id).lock_version)
    response = client.post(f"/forms/{record_id}/submit", data={"lock_version": lock})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/forms/{record_id}/check")
    assert _record(record_id).status == "draft"


def _shown(page: str) -> list[str]:
    import html
    import re

    return [html.unescape(v) for v in re.findall(r'name="shown" value="([^"]*)"', page)]


def test_an_automatic_save_before_the_idle_timeout_keeps_the_page_as_typed(app, plan):
    client, record_id = plan
    typed = _practitioner_step(record_id, **{"plan_plan_date-month": "13"})
    typed["autosave"] = "1"
    response = client.post(f"/forms/{record_id}/steps/practitioner", data=typed)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/steps/practitioner?saved=1")
    assert _record(record_id).data["plan"]["plan_date"] == "2026-13-18"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "saved automatically" in page
    idle = app.config["S117_IDLE_TIMEOUT"].total_seconds()
    assert f'data-autosave-seconds="{int(idle) - 120}"' in page  # before the session ends


def test_an_unknown_policy_pack_is_a_finding_not_a_crash(app, plan):
    client, record_id = plan
    record = _record(record_id)
    record.data = {**record.data, "policy": "nowhere"}
    db.session.commit()
    page = client.get(f"/forms/{record_id}/check")
    assert page.status_code == 200
    assert "nowhere" in page.get_data(as_text=True)
    assert client.get(f"/forms/{record_id}").status_code == 200
