"""Every API route needs a bearer token; a session cookie is not enough; tokens are hashed."""

from __future__ import annotations

import re

from sqlalchemy import select

from forms_app.models import ApiToken
from forms_app.services import api_tokens as tokens
from forms_app.store.db import db


def _api_urls(app) -> list[tuple[str, str]]:
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            path = re.sub(r"<[^>]+>", "1", rule.rule)
            urls += [(method, path) for method in rule.methods - {"HEAD", "OPTIONS"}]
    return urls


def test_every_api_route_refuses_a_request_without_a_token(app, client):
    urls = _api_urls(app)
    assert len(urls) >= 10
    for method, path in urls:
        response = client.open(path, method=method, json={})
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_signed_in_browser_session_is_not_an_api_credential(app, client, worcs, login):
    login(client, worcs.council_commissioner)
    assert client.get("/api/v1/cases").status_code == 401


def test_tokens_are_stored_hashed_and_can_be_revoked(app, client, worcs):
    token = tokens.issue(worcs.council_commissioner, "laptop")
    db.session.commit()
    stored = db.session.scalar(select(ApiToken).where(ApiToken.name == "laptop"))
    assert token not in stored.token_sha256
    assert stored.token_sha256 == tokens.digest(token)
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    assert tokens.revoke(stored.id, worcs.council_commissioner)
    db.session.commit()
    assert client.get("/api/v1/cases", headers=headers).status_code == 401
    assert client.get("/api/v1/cases", headers={"Authorization": "Bearer s117_nope"}
                      ).status_code == 401


def test_the_openapi_document_is_served_to_a_token_holder(client, worcs, bearer):
    assert client.get("/api/v1/openapi.json").status_code == 401
    response = client.get("/api/v1/openapi.json", headers=bearer(worcs.practitioner))
    assert response.status_code == 200
    assert "/api/v1/forms/{form_id}" in response.json["paths"]


def test_a_user_creates_and_revokes_their_own_token_on_a_web_page(app, client, worcs, login):
    login(client, worcs.council_commissioner)
    page = client.post("/account/api-tokens", data={"name": "reporting"})
    text = page.get_data(as_text=True)
    token = re.search(r'id="new-token">([^<]+)<', text).group(1)
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    stored = db.session.scalar(select(ApiToken).where(ApiToken.name == "reporting"))
    assert client.post(f"/account/api-tokens/{stored.id}/revoke").status_code == 302
    assert client.get("/api/v1/cases", headers=headers).status_code == 401
    other = app.test_client()
    login(other, worcs.icb_commissioner)
    assert other.post(f"/account/api-tokens/{stored.id}/revoke").status_code == 404
