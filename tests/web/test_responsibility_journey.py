"""The person's history in the browser: the calculator's answer on the case page, and the
register keeper recording it on the case (which moves who sees and signs for the case)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forms_app.models import AuditEvent, Case, FormRecord
from forms_app.services.prefill import prefill
from forms_app.store.db import db
from forms_app.web.forms.kinds.responsibility import tidy_events
from tests import factories
from tests.examples import load_example
from tests.web.journey_helpers import for_case, worcestershire

SWINDON = {"code": "E06000030", "name": "Swindon Borough Council", "type": "local_authority"}
BIRMINGHAM = {"code": "E08000025", "name": "Birmingham City Council", "type": "local_authority"}


@pytest.fixture
def worcs(app):
    return worcestershire()


def _moved_and_detained_there(case: Case, council: dict = SWINDON) -> dict:
    """RESP-LA-03: detained again in another council's area before discharge from s117."""
    history = for_case(load_example("responsibility"), case)
    for event in history["events"]:
        if event["type"] in ("moved", "detained") and event["date"] >= "2023-01-01":
            event["ordinary_residence_la"] = council
        if event["type"] == "detained" and event["date"] >= "2023-01-01":
            event["section"] = "3"  # the example's later detention is a section 2
    return history


def _statement(case: Case, data: dict) -> FormRecord:
    record = factories.create_form(case=case, kind="responsibility", data=data,
                                   status="signed_off")
    db.session.commit()
    return record


def test_tidy_events_keeps_only_the_fields_of_each_events_type():
    data = {"events": [
        {"date": "2026-01-05", "type": "left_hospital", "section": None, "funding_icb": None},
        {"date": "2026-01-06", "type": "cto_started", "placing_la": {"code": "X"}},
        {"date": "2026-01-07", "type": "detained", "section": "3", "placing_la": None},
        {"date": "2026-01-08", "type": None, "section": "3"},
    ]}
    events = tidy_events(data)["events"]
    assert events[0] == {"date": "2026-01-05", "type": "left_hospital"}
    assert events[1] == {"date": "2026-01-06", "type": "cto_started"}
    assert events[2] == {"date": "2026-01-07", "type": "detained", "section": "3"}
    assert events[3] == data["events"][3]  # no type yet: nothing dropped, SCHEMA says why


def test_a_new_history_starts_from_the_cases_detention(app, worcs):
    filled = prefill(worcs.case, "responsibility", worcs.register_keeper)
    detained, left = filled.data["events"]
    assert (detained["type"], detained["section"]) == ("detained", "3")
    assert detained["ordinary_residence_la"]["code"] == worcs.council.code
    assert detained["gp_practice_icb"]["code"] == worcs.icb.code
    assert left == {"date": worcs.case.left_hospital_on.isoformat(), "type": "left_hospital"}


def test_the_case_page_shows_the_calculators_answer_and_its_reasons(app, worcs, login):
    _statement(worcs.case, for_case(load_example("responsibility"), worcs.case))
    client = app.test_client()
    login(client, worcs.practitioner)
    page = client.get(f"/cases/{worcs.case.id}").get_data(as_text=True)
    assert "What the responsibility calculator decided" in page
    assert "RESP-LA-02" in page
    assert "The case records different bodies" not in page


def test_the_register_keeper_records_a_different_answer_on_the_case(app, worcs, login):
    swindon = worcs.elsewhere  # E06000030, a council this service knows
    statement = _statement(worcs.case, _moved_and_detained_there(worcs.case))
    keeper = app.test_client()
    login(keeper, worcs.register_keeper)
    page = keeper.get(f"/cases/{worcs.case.id}").get_data(as_text=True)
    assert "The case records different bodies" in page
    assert "RESP-LA-03" in page
    response = keeper.post(f"/cases/{worcs.case.id}/responsible-bodies")
    assert response.status_code == 302
    db.session.expire_all()
    case = db.session.get(Case, worcs.case.id)
    assert case.responsible_council_id == swindon.id
    assert case.responsible_icb_id == worcs.icb.id  # RESP-NHS-06: the ICB does not move
    (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "case.update"))
    assert event.details["statement"] == statement.id
    assert event.details["responsible_bodies"]["to"]["council"] == "E06000030"


def test_only_the_register_keeper_records_bodies_on_the_case(app, worcs, login):
    _statement(worcs.case, _moved_and_detained_there(worcs.case))
    client = app.test_client()
    login(client, worcs.council_commissioner)
    assert "Record these bodies on the case" not in client.get(
        f"/cases/{worcs.case.id}").get_data(as_text=True)
    assert client.post(f"/cases/{worcs.case.id}/responsible-bodies").status_code == 403
    db.session.expire_all()
    assert db.session.get(Case, worcs.case.id).responsible_council_id == worcs.council.id


def test_recording_is_refused_when_the_body_is_unknown_or_already_recorded(app, worcs, login):
    keeper = app.test_client()
    login(keeper, worcs.register_keeper)
    url = f"/cases/{worcs.case.id}/responsible-bodies"
    page = keeper.post(url, follow_redirects=True).get_data(as_text=True)
    assert "No signed-off responsibility statement" in page
    _statement(worcs.case, _moved_and_detained_there(worcs.case, BIRMINGHAM))
    page = keeper.post(url, follow_redirects=True).get_data(as_text=True)
    assert "Birmingham City Council is not an organisation of this service" in page
    db.session.expire_all()
    assert db.session.get(Case, worcs.case.id).responsible_council_id == worcs.council.id
