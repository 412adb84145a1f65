"""The audit trail: rows for every view of a person, change, sign-off and download, with
who, what, when and from where; auditors read and filter it; nobody else can."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import select

from forms_app.models import AuditEvent, Role, utcnow
from forms_app.services.forms import save_draft
from forms_app.store import audit
from forms_app.store.db import db
from tests.factories import create_case, create_document, create_form, create_user

AGENT = {"HTTP_USER_AGENT": "AuditTest/1.0", "REMOTE_ADDR": "192.0.2.44"}


@pytest.fixture
def case(app):
    return create_case()


@pytest.fixture
def insider(case):
    return create_user(roles=[Role.PRACTITIONER], organisation=case.responsible_council)


def _events(**where):
    db.session.expire_all()
    stmt = select(AuditEvent).order_by(AuditEvent.id)
    for key, value in where.items():
        stmt = stmt.where(getattr(AuditEvent, key) == value)
    return db.session.scalars(stmt).all()


def test_viewing_a_person_writes_who_what_when_and_from_where(client, login, case, insider):
    login(client, insider)
    before = utcnow()
    assert client.get(f"/cases/{case.id}", environ_base=AGENT).status_code == 200
    (event,) = _events(action="person.view")
    assert (event.user_id, event.user_email) == (insider.id, insider.email)
    assert (event.record_type, event.record_id, event.person_id) == ("case", str(case.id),
                                                                     case.person_id)
    assert (event.ip_address, event.user_agent) == ("192.0.2.44", "AuditTest/1.0")
    assert before - timedelta(seconds=1) <= event.occurred_at <= utcnow()


def test_every_view_is_a_new_row(client, login, case, insider):
    login(client, insider)
    for _ in range(3):
        client.get(f"/cases/{case.id}")
    assert len(_events(action="person.view")) == 3


def test_a_change_is_audited_with_the_record(case, insider):
    form = save_draft(case, "aftercare_plan", {"x": 1}, None, insider)
    save_draft(case, "aftercare_plan", {"x": 2}, form.lock_version, insider)
    (event,) = _events(action="form.save_draft")
    assert event.record_id == str(form.id)
    assert event.person_id == case.person_id
    assert event.details["version"] == 1
    assert event.details["lock_version"] == 2


def test_a_sign_off_is_audited_through_the_record_api(app, case, insider):
    form = create_form(case=case)
    db.session.commit()
    with app.test_request_context("/", environ_base=AGENT):  # its own session, like a view
        audit.record("form.signoff", user=insider, record_type="form", record_id=form.id,
                     person_id=case.person_id, details={"fingerprint": "ab" * 32})
        db.session.commit()
    (event,) = _events(action="form.signoff")
    assert event.details == {"fingerprint": "ab" * 32}
    assert event.ip_address == "192.0.2.44"


def test_a_download_is_audited(app, client, login, case, insider):
    if "signoff.download" not in app.view_functions:
        pytest.fail("the document download route is missing")
    document = create_document(form=create_form(case=case), content=b"%PDF-1.7 hello")
    login(client, insider)
    response = client.get(f"/forms/{document.form_id}/documents/{document.id}")
    assert response.status_code == 200
    assert response.data == b"%PDF-1.7 hello"
    (event,) = _events(action="document.download")
    assert event.record_id == str(document.id)
    assert event.person_id == case.person_id
    assert event.details["sha256"] == document.sha256


def test_signing_in_and_out_are_audited(client, login, insider):
    login(client, insider)
    client.post("/logout")
    assert [e.action for e in _events(user_id=insider.id)] == ["auth.login", "auth.logout"]


def test_only_auditors_read_the_trail(client, login, case, insider):
    login(client, insider)
    assert client.get("/audit").status_code == 403


def test_auditor_filters_by_user_action_person_and_dates(client, login, case, insider):
    other = create_case(council=case.responsible_council)
    with time_machine.travel(datetime(2026, 3, 1, 12, tzinfo=UTC)):
        audit.record("person.view", user=insider, person_id=case.person_id)
    with time_machine.travel(datetime(2026, 3, 5, 12, tzinfo=UTC)):
        audit.record("person.view", user=insider, person_id=other.person_id)
        audit.record("form.save_draft", user=insider, person_id=case.person_id)
    auditor = create_user(roles=[Role.AUDITOR], organisation=case.responsible_council)
    login(client, auditor)

    def count(query: str) -> str:
        html = client.get(f"/audit?{query}").get_data(as_text=True)
        return html.split('<p role="status">')[1].split("</p>")[0].strip()

    assert count("action=person.view") == "2 entries"
    assert count(f"person={case.person.nhs_number}") == "2 entries"
    assert count("date_from=02/03/2026&date_to=31/03/2026") == "2 entries"
    assert count("date_from=01/03/2026&date_to=01/03/2026") == "1 entry"
    assert count(f"user={insider.email}&action=form.save_draft") == "1 entry"


def test_auditor_sees_only_their_organisations_trail(client, login, case, insider):
    audit.record("person.view", user=insider, person_id=case.person_id)
    outsider_auditor = create_user(roles=[Role.AUDITOR])
    login(client, outsider_auditor)
    html = client.get("/audit?action=person.view").get_data(as_text=True)
    assert "0 entries" in html
    assert insider.email not in html


def test_reading_the_trail_is_itself_audited(client, login, case):
    auditor = create_user(roles=[Role.AUDITOR], organisation=case.responsible_council)
    login(client, auditor)
    client.get("/audit?action=person.view")
    (event,) = _events(action="audit.view")
    assert event.details == {"action": "person.view"}


@pytest.mark.parametrize("path", [
    "/",
    "/people",
    "/people?q={nhs}",
    "/cases/{case}",
    "/cases/{case}/forms/new/aftercare_plan",
    "/forms/{form}",
])
def test_every_page_that_shows_a_person_names_them_in_the_trail(client, login, case, insider,
                                                                 path):
    form = create_form(case=case) if "{form}" in path else None
    case.next_review_due = datetime.now(UTC).date()  # on the dashboard's "reviews due"
    db.session.commit()
    login(client, insider)
    url = path.format(case=case.id, form=form and form.id, nhs=case.person.nhs_number)
    response = client.get(url)
    assert response.status_code == 200
    assert case.person.family_name in response.get_data(as_text=True)
    assert _events(person_id=case.person_id, user_id=insider.id), url


def test_the_api_names_each_listed_person_in_the_trail(client, case, insider):
    from forms_app.services import api_tokens

    headers = {"Authorization": f"Bearer {api_tokens.issue(insider, 'audit')}"}
    db.session.commit()
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    (event,) = _events(action="api.case_list")
    assert event.person_id == case.person_id
