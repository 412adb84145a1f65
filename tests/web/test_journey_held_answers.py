"""No JavaScript, 40 minutes on one step, then "Save and continue": the answers are kept.

A step posted on a session that ended by the idle or absolute timeout is held on the
server for that session's user (CSRF token valid, not signed out), the browser is sent
to sign in, and when the same user signs in again and comes back to the step the answers
are saved through the normal save path. CSRF protection is on here, as in production.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
import time_machine
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from forms_app.models import AuditEvent, FormRecord, HeldAnswers, Membership, Role, utcnow
from forms_app.services import forms as form_service
from forms_app.store.db import db
from tests import factories
from tests.factories import DEFAULT_PASSWORD
from tests.web.journey_helpers import worcestershire

KEPT = "We have kept the answers you entered on that page"
TYPED_ROLE = "Care coordinator, typed for forty minutes"


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.fixture
def worcs(csrf_app):
    found = worcestershire()
    db.session.commit()
    return found


@pytest.fixture
def clock():
    with time_machine.travel(utcnow(), tick=False) as traveller:
        yield traveller


@pytest.fixture
def plan(csrf_app, worcs, clock):
    """A practitioner signed in (CSRF on) with a new aftercare plan: (client, form id)."""
    client = csrf_app.test_client()
    sign_in(client, worcs.practitioner)
    start = f"/cases/{worcs.case.id}/forms/new/aftercare_plan"
    response = client.post(start, data={"csrf_token": token(client.get(start))})
    assert response.status_code == 302
    return client, int(response.headers["Location"].split("/forms/")[1].split("/")[0])


def token(page) -> str | None:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True))
    return found.group(1) if found else None


def sign_in(client, user, url: str = "/login"):
    data = {"email": user.email, "password": DEFAULT_PASSWORD}
    csrf = token(client.get("/login"))
    if csrf:
        data["csrf_token"] = csrf
    response = client.post(url, data=data)
    assert response.status_code == 302, f"sign-in refused for {user.email}"
    return response


def step_url(record_id: int) -> str:
    return f"/forms/{record_id}/steps/practitioner"


def record(record_id: int) -> FormRecord:
    db.session.expire_all()
    return db.session.get(FormRecord, record_id)


def answers(record_id: int, csrf: str | None, **changes: str) -> MultiDict:
    data = {
        "lock_version": str(record(record_id).lock_version),
        "plan_plan_date-day": "18", "plan_plan_date-month": "3", "plan_plan_date-year": "2026",
        "plan_named_practitioner-name": "Priya Shah",
        "plan_named_practitioner-role": TYPED_ROLE,
        "plan_named_practitioner-organisation-code": "R1A",
        "plan_named_practitioner-organisation-name": "H&W Health and Care Trust",
        "plan_named_practitioner-organisation-type": "trust",
        "plan_named_practitioner-phone": "01905 000000",
        "plan_named_practitioner-email": "priya.shah@example.nhs.uk",
        "continue": "1",
    }
    if csrf is not None:
        data["csrf_token"] = csrf
    data.update(changes)
    return MultiDict(data)


def held() -> list[HeldAnswers]:
    db.session.expire_all()
    return list(db.session.scalars(select(HeldAnswers).order_by(HeldAnswers.id)))


def events(action: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def post_after_idle(client, clock, record_id: int, minutes: int = 40):
    """Open the step, type for `minutes` without JavaScript, then Save and continue."""
    csrf = token(client.get(step_url(record_id)))
    body = answers(record_id, csrf)
    clock.shift(timedelta(minutes=minutes))
    return client.post(step_url(record_id), data=body)


def named_practitioner(record_id: int) -> dict:
    return (record(record_id).data.get("plan") or {}).get("named_practitioner") or {}


# --- holding -----------------------------------------------------------------------------


def test_a_post_after_the_idle_timeout_is_held_and_the_person_asked_to_sign_in(plan, clock):
    client, record_id = plan
    lock = record(record_id).lock_version
    response = post_after_idle(client, clock, record_id)
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/login?")
    assert "next=/forms/" in location.replace("%2F", "/")
    assert "ended=idle" in location
    assert record(record_id).lock_version == lock  # nothing saved to the form yet
    assert named_practitioner(record_id).get("role") != TYPED_ROLE
    (row,) = held()
    assert row.form_id == record_id
    assert row.step == "practitioner"
    fields = dict(row.fields)
    assert fields["plan_named_practitioner-role"] == TYPED_ROLE
    assert fields["lock_version"] == str(lock)
    assert "csrf_token" not in fields  # the ended session's token does not outlive it
    page = client.get(location).get_data(as_text=True)
    assert KEPT in page
    assert "inactive for 30 minutes" in page


def test_the_answers_are_held_in_the_database_never_in_the_cookie(plan, clock):
    client, record_id = plan
    response = post_after_idle(client, clock, record_id)
    cookie = client.get_cookie("s117_session").value
    assert TYPED_ROLE not in json.dumps(dict(response.headers))
    assert "forty" not in cookie  # flask cookies are signed, not encrypted: must hold none
    assert "typed" not in _decoded(cookie)


def _decoded(cookie: str) -> str:
    import base64
    import zlib

    payload = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return (zlib.decompress(raw) if cookie.startswith(".") else raw).decode()


def test_holding_is_audited_without_the_answers(plan, clock, worcs):
    client, record_id = plan
    post_after_idle(client, clock, record_id)
    (event,) = events("form.hold_answers")
    assert event.user_id == worcs.practitioner.id
    assert event.record_id == str(record_id)
    assert event.person_id == worcs.case.person_id
    assert event.details["page"] == "practitioner"
    assert event.details["reason"] == "idle"
    assert TYPED_ROLE not in json.dumps(event.details)


def test_a_post_after_the_absolute_lifetime_is_held_too(csrf_app, plan, clock):
    csrf_app.config["S117_ABSOLUTE_LIFETIME"] = timedelta(hours=1)
    client, record_id = plan
    for _ in range(2):  # active every 25 minutes: never idle
        clock.shift(timedelta(minutes=25))
        assert client.get(step_url(record_id)).status_code == 200
    response = post_after_idle(client, clock, record_id, minutes=15)
    assert "ended=expired" in response.headers["Location"]
    assert len(held()) == 1
    assert events("form.hold_answers")[0].details["reason"] == "expired"


def test_a_second_timed_out_post_replaces_the_first(plan, clock, worcs):
    client, record_id = plan
    post_after_idle(client, clock, record_id)
    sign_in(client, worcs.practitioner)
    csrf = token(client.get("/"))  # not the step page: that would take the held answers
    clock.shift(timedelta(minutes=40))
    second = answers(record_id, csrf, **{"plan_named_practitioner-role": "Second try"})
    assert client.post(step_url(record_id), data=second).status_code == 302
    (row,) = held()
    assert dict(row.fields)["plan_named_practitioner-role"] == "Second try"


# --- restoring ----------------------------------------------------------------------------


def test_signing_in_again_brings_the_person_back_and_saves_the_held_answers(plan, clock,
                                                                             worcs):
    client, record_id = plan
    lock = record(record_id).lock_version
    login_url = post_after_idle(client, clock, record_id).headers["Location"]
    response = sign_in(client, worcs.practitioner, login_url)
    assert response.headers["Location"] == step_url(record_id)  # `next`
    page = client.get(step_url(record_id))
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "We kept them, and they are now saved" in text
    assert f'value="{TYPED_ROLE}"' in text
    saved = record(record_id)
    assert saved.lock_version == lock + 1  # one save, through the normal path
    assert saved.data["plan"]["named_practitioner"]["role"] == TYPED_ROLE
    assert saved.data["plan"]["plan_date"] == "2026-03-18"
    assert held() == []  # used once
    (restored,) = events("form.restore_answers")
    assert restored.user_id == worcs.practitioner.id
    assert restored.details["outcome"] == "saved"
    assert [e.user_id for e in events("form.save_draft")][-1] == worcs.practitioner.id
    again = client.get(step_url(record_id)).get_data(as_text=True)
    assert "We kept them" not in again  # shown once; the answers are simply the draft now


def test_held_answers_with_a_schema_error_are_kept_as_typed(plan, clock, worcs):
    client, record_id = plan
    csrf = token(client.get(step_url(record_id)))
    body = answers(record_id, csrf, **{"plan_plan_date-day": "31",
                                       "plan_plan_date-month": "2"})
    clock.shift(timedelta(minutes=40))
    login_url = client.post(step_url(record_id), data=body).headers["Location"]
    sign_in(client, worcs.practitioner, login_url)
    page = client.get(step_url(record_id)).get_data(as_text=True)
    assert "There is a problem" in page  # findings shown, as after any save
    assert 'value="31"' in page
    assert record(record_id).data["plan"]["plan_date"] == "2026-02-31"


def test_another_user_signing_in_never_sees_the_held_answers(plan, clock, worcs):
    client, record_id = plan
    colleague = factories.create_user(roles=[Role.PRACTITIONER], organisation=worcs.trust)
    db.session.commit()
    lock = record(record_id).lock_version
    login_url = post_after_idle(client, clock, record_id).headers["Location"]
    sign_in(client, colleague, login_url)  # the same browser, someone else
    page = client.get(step_url(record_id))
    assert page.status_code == 200  # the colleague may edit the form...
    assert TYPED_ROLE not in page.get_data(as_text=True)  # ...but not see the held answers
    assert "We kept them" not in page.get_data(as_text=True)
    assert record(record_id).lock_version == lock
    assert len(held()) == 1
    assert events("form.restore_answers") == []

    client.post("/logout", data={"csrf_token": token(page)})
    sign_in(client, worcs.practitioner)
    assert TYPED_ROLE in client.get(step_url(record_id)).get_data(as_text=True)
    assert named_practitioner(record_id)["role"] == TYPED_ROLE


def test_held_answers_older_than_the_session_lifetime_are_ignored_and_purged(plan, clock,
                                                                              worcs):
    client, record_id = plan
    lock = record(record_id).lock_version
    post_after_idle(client, clock, record_id)
    clock.shift(timedelta(hours=12, minutes=1))
    sign_in(client, worcs.practitioner)
    page = client.get(step_url(record_id)).get_data(as_text=True)
    assert TYPED_ROLE not in page
    assert record(record_id).lock_version == lock
    assert held() == []


def test_restoring_never_overwrites_what_someone_else_saved_meanwhile(plan, clock, worcs):
    client, record_id = plan
    colleague = factories.create_user(roles=[Role.PRACTITIONER], organisation=worcs.trust)
    login_url = post_after_idle(client, clock, record_id).headers["Location"]
    theirs = record(record_id)
    data = json.loads(json.dumps(theirs.data))
    data.setdefault("plan", {})["summary_of_needs"] = "Written by a colleague"
    form_service.update_form(theirs, data, theirs.lock_version, colleague)
    db.session.commit()
    lock = record(record_id).lock_version

    sign_in(client, worcs.practitioner, login_url)
    page = client.get(step_url(record_id))
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Your answers are not saved yet" in text
    assert f'value="{TYPED_ROLE}"' in text  # shown as typed
    assert f'name="lock_version" value="{lock}"' in text  # a save now is a deliberate one
    kept = record(record_id)
    assert kept.lock_version == lock
    assert kept.data["plan"]["summary_of_needs"] == "Written by a colleague"
    assert held() == []
    assert events("form.restore_answers")[0].details["outcome"] == "conflict"


def test_restoring_still_needs_access_to_the_form(plan, clock, worcs):
    client, record_id = plan
    login_url = post_after_idle(client, clock, record_id).headers["Location"]
    membership = db.session.scalar(select(Membership).where(
        Membership.user_id == worcs.practitioner.id))
    membership.organisation_id = worcs.elsewhere.id  # moved to another organisation
    db.session.commit()
    sign_in(client, worcs.practitioner, login_url)
    assert client.get(step_url(record_id)).status_code == 404
    assert named_practitioner(record_id).get("role") != TYPED_ROLE
    assert events("form.restore_answers") == []


# --- holding nothing ---------------------------------------------------------------------


def test_a_post_after_signing_out_elsewhere_holds_nothing(csrf_app, plan, clock, worcs):
    client, record_id = plan
    other_device = csrf_app.test_client()
    sign_in(other_device, worcs.practitioner)
    csrf = token(client.get(step_url(record_id)))
    body = answers(record_id, csrf)
    logout = other_device.post("/logout", data={"csrf_token": token(other_device.get("/"))})
    assert logout.status_code == 302  # ends every session of the user
    clock.shift(timedelta(minutes=40))
    response = client.post(step_url(record_id), data=body)
    assert response.status_code == 302
    assert "ended=signed_out" in response.headers["Location"]
    assert held() == []
    assert events("form.hold_answers") == []
    assert KEPT not in client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_post_after_signing_out_in_the_same_browser_holds_nothing(plan, clock):
    client, record_id = plan
    page = client.get(step_url(record_id))
    body = answers(record_id, token(page))
    client.post("/logout", data={"csrf_token": token(page)})
    clock.shift(timedelta(minutes=40))
    response = client.post(step_url(record_id), data=body)
    assert response.status_code in (302, 400)  # no session left to hold anything for
    assert held() == []


def test_an_anonymous_post_holds_nothing(csrf_app, plan, clock):
    _, record_id = plan
    stranger = csrf_app.test_client()
    response = stranger.post(step_url(record_id), data=answers(record_id, None))
    assert response.status_code in (302, 400)
    assert held() == []


@pytest.mark.parametrize("csrf_protect", [True, False], ids=["csrf-on", "csrf-off"])
@pytest.mark.parametrize("forged", [None, "forged", "another-session"])
def test_a_timed_out_post_without_its_sessions_csrf_token_holds_nothing(
        csrf_app, plan, clock, worcs, csrf_protect, forged):
    client, record_id = plan
    if forged == "another-session":
        elsewhere = csrf_app.test_client()
        sign_in(elsewhere, worcs.practitioner)
        forged = token(elsewhere.get(step_url(record_id)))
    csrf_app.config["WTF_CSRF_ENABLED"] = csrf_protect  # holding checks the token itself
    clock.shift(timedelta(minutes=40))
    response = client.post(step_url(record_id), data=answers(record_id, forged))
    assert response.status_code == (400 if csrf_protect else 302)
    assert held() == []
    assert events("form.hold_answers") == []


def test_a_timed_out_post_to_a_form_outside_the_users_organisations_holds_nothing(
        csrf_app, plan, clock, worcs):
    _, record_id = plan
    client = csrf_app.test_client()
    outsider = factories.create_user(roles=[Role.PRACTITIONER], organisation=worcs.elsewhere)
    db.session.commit()
    sign_in(client, outsider)
    csrf = token(client.get("/"))  # the sign-out button's token: valid for the session
    clock.shift(timedelta(minutes=40))
    response = client.post(step_url(record_id), data=answers(record_id, csrf))
    assert response.status_code == 302
    assert held() == []
