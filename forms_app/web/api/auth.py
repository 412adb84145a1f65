"""Bearer-token authentication for the API blueprint, and JSON errors for it."""

from __future__ import annotations

import functools
from typing import Any

from flask import Flask, g, request
from flask_smorest import Blueprint, abort
from werkzeug.exceptions import HTTPException

from forms_app.web.api import tokens
from forms_app.web.auth.decorators import PUBLIC_ATTR
from forms_app.web.security import csrf


def install_token_auth(app: Flask, blp: Blueprint) -> None:
    """The session check (enforce_access) and CSRF are the web pages'; the API has tokens."""
    for endpoint, view in list(app.view_functions.items()):
        if endpoint.startswith((f"{blp.name}.", "api-docs.")):
            # enforce_access skips these; authenticate() guards every view of blp, and
            # api-docs serves only the OpenAPI document.
            app.view_functions[endpoint] = _token_guarded(view)
    csrf.exempt(blp.name)


def _token_guarded(view: Any) -> Any:
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return view(*args, **kwargs)

    setattr(wrapper, PUBLIC_ATTR, True)
    return wrapper


def authenticate() -> None:
    """before_request of the API: a valid bearer token, or 401. A session cookie is ignored."""
    g.user = None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        abort(401, message="Send Authorization: Bearer <token>.",
              headers={"WWW-Authenticate": "Bearer"})
    user = tokens.user_for(token.strip())
    if user is None:
        abort(401, message="The token is not valid.", headers={"WWW-Authenticate": "Bearer"})
    g.user = user


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
