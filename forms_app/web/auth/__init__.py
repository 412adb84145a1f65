"""Accounts and access: sign in/out, the session checks, and the permission decorators.

Helpers other blueprints use:
- `requires_role(*roles)` / `requires_any_role(*roles)`: the view needs one of the roles;
- `requires_signed_in`: any signed-in user;
- `public`: no sign-in (health check, sign-in page only);
- `current_user()`: the signed-in `User` (or None), also `current_user` in templates.
"""

from __future__ import annotations

from flask import g

from forms_app.models import User
from forms_app.web.auth.decorators import (
    public,
    required_roles,
    requires_any_role,
    requires_role,
    requires_signed_in,
)


def current_user() -> User | None:
    return g.get("user")


__all__ = [
    "current_user",
    "public",
    "required_roles",
    "requires_any_role",
    "requires_role",
    "requires_signed_in",
]
