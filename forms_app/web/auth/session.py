"""The signed-in user, checked on every request against server-side state.

The Flask session cookie holds: `uid`, `sv` (the user's session_version at login), `iat`
(login time) and `seen` (last request), as epoch seconds. On every request the user is
reloaded and the cookie refused when
- `sv` differs from `User.session_version` (logout, or "end all sessions"): a copy of the
  cookie replayed after logout is worthless;
- more than `S117_IDLE_TIMEOUT` passed since `seen` (30 minutes);
- more than `S117_ABSOLUTE_LIFETIME` passed since `iat` (12 hours);
- the user was deactivated.
`g.user` is the signed-in `User` or None; templates see it as `current_user`.

Answers posted just after a timeout are not lost: when a POST arrives on a session that
ended by the idle or absolute timeout (not by signing out, not for a visitor who never
signed in), the cookie still names an active user whose `sv` matches, and its CSRF token
is valid for that session, the view's answer keeper (`keeps_answers`) may hold the posted
answers on the server for that user before the redirect to sign in.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import abort, current_app, flash, g, jsonify, redirect, request, session, url_for
from flask_wtf.csrf import validate_csrf
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Response
from wtforms.validators import ValidationError

from forms_app.models import User
from forms_app.store.db import db
from forms_app.web.auth.bearer import load_token_user, uses_token
from forms_app.web.auth.decorators import answer_keeper, is_public, required_roles

# Flask's own static route cannot carry a decorator.
PUBLIC_ENDPOINTS = frozenset({"static"})
STATIC_ENDPOINTS = frozenset({"static", "assets.nhsuk"})
# Sessions ended by a clock, not by the person: their last POST may be kept.
TIMED_OUT = frozenset({"idle", "expired"})
ANSWERS_KEPT_MESSAGE = ("We have kept the answers you entered on that page. Sign in again "
                        "to go back to it: your answers will be saved then.")


def login_user(user: User) -> None:
    """Start a fresh session for `user` (a new cookie: no fixation, new CSRF token)."""
    session.clear()
    now = int(time.time())
    session.update(uid=user.id, sv=user.session_version, iat=now, seen=now)


def logout_user() -> None:
    session.clear()
    g.user = None


def load_user() -> None:
    """before_request: set `g.user` from the session, or clear a session that has ended."""
    g.user = None
    g.session_ended = None
    g.timed_out_user = None
    if uses_token(request.blueprint):
        load_token_user()
        return
    uid = session.get("uid")
    if uid is None or request.endpoint in STATIC_ENDPOINTS:
        return  # static files need no user (and must not cost a query each)
    user = db.session.get(User, uid)
    reason = _why_ended(user)
    if reason:
        if reason in TIMED_OUT and request.method == "POST" and _posted_csrf_valid():
            g.timed_out_user = user  # read before the cookie (and its CSRF secret) is gone
        session.clear()
        g.session_ended = reason
        return
    session["seen"] = int(time.time())
    g.user = user


def _why_ended(user: User | None) -> str | None:
    now = time.time()
    config = current_app.config
    if user is None or not user.is_active:
        return "signed_out"
    if session.get("sv") != user.session_version:
        return "signed_out"
    if now - session.get("seen", 0) > config["S117_IDLE_TIMEOUT"].total_seconds():
        return "idle"
    if now - session.get("iat", 0) > config["S117_ABSOLUTE_LIFETIME"].total_seconds():
        return "expired"
    return None


def _posted_csrf_valid() -> bool:
    """The POST carries a CSRF token valid for the current (ended) session: checked here
    even when CSRFProtect is switched off, because keeping answers acts for the user."""
    try:
        validate_csrf(request.form.get(current_app.config.get("WTF_CSRF_FIELD_NAME",
                                                              "csrf_token")))
    except ValidationError:
        return False
    return True


def enforce_access() -> Response | None:
    """before_request: every endpoint needs sign-in and a permission marker unless public."""
    endpoint = request.endpoint
    if endpoint is None:
        return None  # no route matched: Flask answers 404/405
    view = current_app.view_functions[endpoint]
    if endpoint in PUBLIC_ENDPOINTS or is_public(view):
        return None
    if g.get("user") is None:
        return _unauthenticated()
    roles = required_roles(view)
    if roles is None or not (g.user.roles & roles):
        return _forbidden()
    return None


def _unauthenticated() -> Response:
    if _wants_json():
        response = _json_error(401, g.get("auth_problem") or "Sign in required.")
        if uses_token(request.blueprint):
            response.headers["WWW-Authenticate"] = "Bearer"
        return response
    ended = g.get("session_ended")
    if _keep_posted_answers():
        flash(ANSWERS_KEPT_MESSAGE)
    return redirect(url_for("auth.login", next=safe_next(request.full_path), ended=ended))


def _keep_posted_answers() -> bool:
    """Let the view's answer keeper hold a POST that arrived just after a timeout."""
    user = g.get("timed_out_user")
    if user is None:
        return False
    view = current_app.view_functions[request.endpoint]
    keeper = answer_keeper(view)
    roles = required_roles(view)
    if keeper is None or roles is None or not (user.roles & roles):
        return False
    return bool(keeper(user, g.session_ended, **(request.view_args or {})))


def _forbidden() -> Response:
    if _wants_json():
        return _json_error(403, "Your role does not allow this.")
    abort(403)
    raise AssertionError("unreachable: abort raises")


def _wants_json() -> bool:
    return request.path.startswith("/api/") or (
        request.accept_mimetypes.best == "application/json"
    )


def _json_error(status: int, message: str) -> Response:
    """The API's error shape (forms_app.web.api.auth.json_error)."""
    response = jsonify({"code": status, "status": HTTP_STATUS_CODES[status],
                        "message": message})
    response.status_code = status
    return response


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site (not //host or http://...), else None."""
    if not target:
        return None
    target = target.rstrip("?")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target
