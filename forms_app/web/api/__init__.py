"""The JSON API under /api/v1 (flask-smorest), authenticated by per-user bearer tokens.

Every API request needs ``Authorization: Bearer <token>``: the blueprint checks it before
any view runs (a session cookie is not accepted here), so CSRF protection is waived for
this blueprint only and only token-authenticated requests reach a view. Roles and
organisation scoping are the web's: the token's user goes through the same checks.
The OpenAPI document is served at /api/v1/openapi.json and written to
``schemas/openapi.json`` by ``flask --app forms_app openapi-write``.
"""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from forms_app.web.api.auth import install_token_auth
from forms_app.web.api.views import blp

API_SETTINGS = {
    "API_TITLE": "Section 117 aftercare forms",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api/v1",
    "OPENAPI_JSON_PATH": "openapi.json",
}


class JsonApi(Api):
    """flask-smorest's Api without its app-wide JSON error handler: the web pages keep
    their HTML error pages; the API blueprint answers errors in JSON (auth.py)."""

    def _register_error_handlers(self) -> None:
        return None


def init_api(app: Flask) -> JsonApi:
    for key, value in API_SETTINGS.items():
        app.config.setdefault(key, value)
    api = JsonApi(app, spec_kwargs={"components": {"securitySchemes": {
        "bearer": {"type": "http", "scheme": "bearer"}}}, "security": [{"bearer": []}]})
    from forms_app.web.api.contract_docs import register_contract_schemas

    register_contract_schemas(api)
    api.register_blueprint(blp)
    install_token_auth(app, blp)
    from forms_app.web.api.openapi import register_command
    from forms_app.web.api.token_views import bp as tokens_bp
    from forms_app.web.api.token_views import register_token_command

    register_command(app)
    register_token_command(app)
    app.register_blueprint(tokens_bp)  # the web page where users manage their tokens
    return api
