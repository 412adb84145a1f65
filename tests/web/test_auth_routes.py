"""Every route needs sign-in and declares its permission (style.md #5).

The app itself refuses a view without a marker (403), and this test makes the gap
visible at review time: it enumerates `app.url_map`, calls every rule without signing
in, and checks that every endpoint but the public allow-list carries a role marker.
"""

from __future__ import annotations

import re

from forms_app.models import Role
from forms_app.store.db import db
from forms_app.web.auth.decorators import is_public, required_roles
from tests.factories import create_user

# The only endpoints reachable without signing in.
PUBLIC = {"static", "assets.nhsuk", "auth.login", "main.health"}
# The JSON API signs in by bearer token (forms_app/web/auth/bearer.py), then goes through
# the same markers; its endpoints must refuse a request without a token, even one
# carrying a valid session cookie.
TOKEN_BLUEPRINT = "api"


def _token_authenticated(endpoint: str) -> bool:
    return endpoint.startswith(f"{TOKEN_BLUEPRINT}.")


def _sample_url(rule) -> str:
    url = rule.rule
    for converter in re.findall(r"<[^>]+>", url):
        url = url.replace(converter, "path/x" if converter.startswith("<path:") else "1")
    return url


def _rules(app):
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            yield rule, method


def test_every_endpoint_except_the_public_list_carries_a_permission_marker(app):
    unmarked = []
    for endpoint, view in app.view_functions.items():
        if endpoint in PUBLIC:
            continue
        roles = required_roles(view)
        if not roles or not roles <= set(Role) or is_public(view):
            unmarked.append(endpoint)
    assert unmarked == []


def test_the_public_list_is_exactly_what_the_app_marks_public(app):
    marked = {e for e, v in app.view_functions.items() if is_public(v)}
    assert marked | {"static"} == PUBLIC


def test_no_route_answers_without_sign_in(app, client):
    leaks = []
    for rule, method in _rules(app):
        if rule.endpoint in PUBLIC:
            continue
        response = client.open(_sample_url(rule), method=method)
        to_login = response.status_code == 302 and "/login" in response.headers["Location"]
        if not (to_login or response.status_code == 401):
            leaks.append((method, rule.rule, response.status_code))
    assert leaks == []


def test_api_routes_refuse_a_request_without_a_token_even_with_a_session(app, client, login):
    login(client, create_user(roles=list(Role)))
    checked = 0
    for rule, method in _rules(app):
        if _token_authenticated(rule.endpoint):
            response = client.open(_sample_url(rule), method=method)
            assert response.status_code == 401, (method, rule.rule)
            checked += 1
    assert checked or TOKEN_BLUEPRINT not in app.blueprints


def test_a_view_without_a_marker_is_refused_even_when_signed_in(app, client, login):
    @app.get("/unmarked-test-route")
    def unmarked() -> str:
        return "should never be served"

    login(client, create_user(roles=list(Role)))
    assert client.get("/unmarked-test-route").status_code == 403


def test_the_api_checks_its_role_markers_centrally(app, client):
    from forms_app.services import api_tokens

    auditor = create_user(roles=[Role.AUDITOR])
    headers = {"Authorization": f"Bearer {api_tokens.issue(auditor, 'test')}"}
    db.session.commit()
    response = client.post("/api/v1/cases/1/forms", json={"kind": "aftercare_plan"},
                           headers=headers)
    assert response.status_code == 403
    assert response.get_json()["code"] == 403


def test_the_openapi_document_needs_a_signed_in_user(app, client, login):
    assert client.get("/api/v1/openapi.json").status_code == 401
    login(client, create_user(roles=[Role.AUDITOR]))
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_a_role_marker_is_enforced(client, login):
    login(client, create_user(roles=[Role.PRACTITIONER]))
    assert client.get("/audit").status_code == 403


def test_auditor_may_read_the_audit_trail(client, login):
    login(client, create_user(roles=[Role.AUDITOR]))
    assert client.get("/audit").status_code == 200
