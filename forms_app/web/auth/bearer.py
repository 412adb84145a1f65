"""API requests are signed in by a bearer token, never by the session cookie.

`load_user` (session.py) calls `load_token_user` instead of reading the cookie when
`uses_token(request.blueprint)`; from there on the same `enforce_access` markers, roles
and organisation scoping apply to the API as to every page.
"""

from __future__ import annotations

from flask import g, request

from forms_app.services import api_tokens

API_BLUEPRINT, DOCS_BLUEPRINT = "api", "api-docs"


def uses_token(blueprint: str | None) -> bool:
    """The API, or the OpenAPI document fetched with an Authorization header."""
    return blueprint == API_BLUEPRINT or (
        blueprint == DOCS_BLUEPRINT and "Authorization" in request.headers)


def load_token_user() -> None:
    """`g.user` from ``Authorization: Bearer <token>``, else None with `g.auth_problem`."""
    g.user = None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        g.auth_problem = "Send Authorization: Bearer <token>."
        return
    g.user = api_tokens.user_for(token.strip())
    if g.user is None:
        g.auth_problem = "The token is not valid."
