"""Sign-in, sign-out, session limits, throttling, CSRF and security headers."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from sqlalchemy import select

from forms_app.models import AuditEvent, LoginThrottle, User, utcnow
from forms_app.store.db import db
from tests.factories import DEFAULT_PASSWORD, create_case, create_user


def _login_post(client, email, password, **environ):
    return client.post("/login", data={"email": email, "password": password},
                       environ_base=environ)


def test_sign_in_with_the_right_password_reaches_the_dashboard(client, login):
    user = create_user(display_name="Priya Shah")
    login(client, user)
    page = client.get("/")
    assert page.status_code == 200
    assert "Hello, Priya Shah" in page.get_data(as_text=True)


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(client):
    user = create_user()
    db.session.commit()
    response = _login_post(client, user.email, "wrong password")
    assert response.status_code == 401
    assert "Enter a correct email address and password" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_pages_need_sign_in_and_redirect_to_the_login_page(client):
    response = client.get("/people?q=smith")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/people")


def test_login_only_follows_next_to_this_site(client, login):
    user = create_user()
    db.session.commit()
    response = client.post("/login?next=//evil.example/x",
                           data={"email": user.email, "password": DEFAULT_PASSWORD})
    assert response.headers["Location"] == "/"


def test_logout_ends_the_session_on_the_server_so_a_replayed_cookie_is_refused(client, login):
    user = create_user()
    login(client, user)
    cookie = client.get_cookie("s117_session").value
    assert client.get("/").status_code == 200
    assert client.post("/logout").status_code == 302
    client.set_cookie("s117_session", cookie)  # an attacker replays the copied cookie
    response = client.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    db.session.expire_all()
    assert db.session.get(User, user.id).session_version == 2


def test_idle_for_more_than_30_minutes_ends_the_session(client, login):
    user = create_user()
    with time_machine.travel(utcnow(), tick=False) as clock:
        login(client, user)
        clock.shift(timedelta(minutes=29))
        assert client.get("/").status_code == 200  # activity resets the idle clock
        clock.shift(timedelta(minutes=29))
        assert client.get("/").status_code == 200
        clock.shift(timedelta(minutes=31))
        response = client.get("/")
    assert response.status_code == 302
    assert "ended=idle" in response.headers["Location"]


def test_a_session_ends_after_its_absolute_lifetime_even_when_active(client, login):
    user = create_user()
    with time_machine.travel(utcnow(), tick=False) as clock:
        login(client, user)
        for _ in range(30):  # 12.5 hours of activity every 25 minutes
            clock.shift(timedelta(minutes=25))
            last = client.get("/")
            if last.status_code != 200:
                break
    assert last.status_code == 302
    assert "ended=expired" in last.headers["Location"]


def test_five_failures_lock_the_account_for_15_minutes_even_with_the_right_password(client):
    user = create_user()
    db.session.commit()
    with time_machine.travel(utcnow(), tick=False) as clock:
        for _ in range(5):
            assert _login_post(client, user.email, "nope").status_code == 401
        locked = _login_post(client, user.email, DEFAULT_PASSWORD)
        assert locked.status_code == 401
        assert "Too many failed attempts" in locked.get_data(as_text=True)
        clock.shift(timedelta(minutes=16))
        assert _login_post(client, user.email, DEFAULT_PASSWORD).status_code == 302


def test_the_account_lock_is_stored_in_the_database(client):
    user = create_user()
    db.session.commit()
    for _ in range(5):
        _login_post(client, user.email, "nope")
    db.session.expire_all()
    assert db.session.get(User, user.id).locked_until > utcnow()


def test_one_address_trying_many_accounts_is_throttled(app, client):
    app.config["S117_IP_MAX_FAILURES"] = 3
    victim = create_user()
    db.session.commit()
    for n in range(3):
        _login_post(client, f"nobody{n}@test.example", "guess", REMOTE_ADDR="203.0.113.9")
    refused = _login_post(client, victim.email, DEFAULT_PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 401
    other_address = _login_post(client, victim.email, DEFAULT_PASSWORD,
                                REMOTE_ADDR="198.51.100.7")
    assert other_address.status_code == 302
    db.session.expire_all()
    assert db.session.get(LoginThrottle, "ip:203.0.113.9").locked_until is not None


def test_failed_sign_ins_are_audited(client):
    user = create_user()
    db.session.commit()
    _login_post(client, user.email, "nope")
    db.session.expire_all()
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.user_id == user.id))
    assert list(actions) == ["auth.login_failed"]


def test_deactivated_user_loses_access_at_the_next_request(client, login):
    user = create_user()
    login(client, user)
    user.is_active = False
    db.session.commit()
    assert client.get("/").status_code == 302


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def _csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_a_post_without_the_csrf_token_is_rejected(csrf_app, client):
    user = create_user()
    db.session.commit()
    response = _login_post(client, user.email, DEFAULT_PASSWORD)
    assert response.status_code == 400
    token = _csrf_token(client.get("/login").get_data(as_text=True))
    ok = client.post("/login", data={"email": user.email, "password": DEFAULT_PASSWORD,
                                     "csrf_token": token})
    assert ok.status_code == 302


def test_a_state_changing_post_with_a_wrong_csrf_token_changes_nothing(csrf_app, client):
    user = create_user()
    case = create_case(council=user.memberships[0].organisation)
    db.session.commit()
    token = _csrf_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"email": user.email, "password": DEFAULT_PASSWORD,
                                "csrf_token": token})
    response = client.post("/logout", data={"csrf_token": "forged"})
    assert response.status_code == 400
    assert client.get(f"/cases/{case.id}").status_code == 200  # still signed in


def test_security_headers_on_every_page(client, login):
    for path in ("/login", "/health"):
        _assert_security_headers(client.get(path))
    login(client, create_user())
    response = client.get("/")
    _assert_security_headers(response)
    assert response.headers["Cache-Control"] == "no-store"


def _assert_security_headers(response):
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_session_cookie_is_httponly_and_samesite_lax(client, login):
    response = login(client, create_user())
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_pages_carry_no_inline_script_or_style(client, login):
    login(client, create_user())
    html = client.get("/").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "style=" not in html
    assert 'lang="en-GB"' in html


def test_health_is_public_and_checks_the_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}
