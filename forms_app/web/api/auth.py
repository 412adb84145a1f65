"""The API blueprint's place in the central access checks, and its JSON errors."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_smorest import Blueprint
from werkzeug.exceptions import HTTPException

from forms_app.web.auth.decorators import requires_signed_in
from forms_app.web.security import csrf


def install_token_auth(app: Flask, blp: Blueprint) -> None:
    """The API answers bearer tokens, not the session cookie, so CSRF does not apply to it.

    Sign-in and permission markers are checked centrally for the API as for every page
    (forms_app.web.auth.session): `load_user` reads the token for API requests, and
    `enforce_access` refuses a request without one with 401. The OpenAPI document needs a
    signed-in user (session or token) like everything but the health check.
    """
    csrf.exempt(blp.name)
    docs = "api-docs.openapi_json"
    if docs in app.view_functions:
        app.view_functions[docs] = requires_signed_in(app.view_functions[docs])


def json_error(error: HTTPException) -> Any:
    """An API error as JSON: code, status, message and (for 422) errors by field."""
    payload: dict[str, Any] = {"code": error.code, "status": error.name}
    data = getattr(error, "data", None) or {}
    if "message" in data:
        payload["message"] = data["message"]
    elif error.description:
        payload["message"] = error.description
    errors = data.get("errors") or data.get("messages")
    if errors:
        payload["errors"] = errors
    return payload, error.code, data.get("headers", {})
