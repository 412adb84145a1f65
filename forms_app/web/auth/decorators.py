"""Permission markers for views. Every view must carry exactly one of these.

    from forms_app.web.auth import requires_role, requires_any_role, public
    from forms_app.models import Role

    @bp.get("/cases/<int:case_id>")
    @requires_any_role(Role.PRACTITIONER, Role.COUNCIL_COMMISSIONER)
    def case(case_id): ...

    @bp.get("/")
    @requires_signed_in           # any role
    def dashboard(): ...

The marker is read centrally (`forms_app.web.auth.session.enforce_access`, run before every
request): no login -> redirect to sign in (401 JSON under /api); a view without a marker
-> 403, so a forgotten decorator fails closed. The decorator also checks on call, so a
view reached any other way is still protected. For a MethodView, decorate the class.
Organisation scoping is separate: load cases/forms with `forms_app.web.access`.

`keeps_answers(handler)` (optional, with a role marker) lets a form page keep what was
posted after the session ended: see `forms_app.web.auth.session` and journeys/held.py.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import abort, g

from forms_app.models import ALL_ROLES

F = TypeVar("F", bound=Callable[..., Any])
ROLES_ATTR = "s117_required_roles"
PUBLIC_ATTR = "s117_public"
KEEPER_ATTR = "s117_answer_keeper"
# handler(user, reason, **view_args) -> True when it kept the posted answers for `user`.
AnswerKeeper = Callable[..., bool]


def requires_any_role(*roles: str) -> Callable[[F], F]:
    """Allow users holding at least one of `roles` (in any of their organisations)."""
    if not roles:
        raise ValueError("name at least one role (or use requires_signed_in)")
    allowed = frozenset(str(r) for r in roles)

    def decorate(view: F) -> F:
        if isinstance(view, type):
            setattr(view, ROLES_ATTR, allowed)
            return view

        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            user = g.get("user")
            if user is None or not user.roles & allowed:
                abort(403)
            return view(*args, **kwargs)

        setattr(wrapper, ROLES_ATTR, allowed)
        return wrapper  # type: ignore[return-value]

    return decorate


requires_role = requires_any_role
requires_signed_in = requires_any_role(*ALL_ROLES)


def public(view: F) -> F:
    """Mark a view reachable without signing in (sign-in page, health check)."""
    setattr(view, PUBLIC_ATTR, True)
    return view


def required_roles(view: Callable[..., Any]) -> frozenset[str] | None:
    """The roles a view requires, or None when it carries no marker."""
    found = getattr(view, ROLES_ATTR, None)
    if found is None and hasattr(view, "view_class"):
        found = getattr(view.view_class, ROLES_ATTR, None)
    return found


def is_public(view: Callable[..., Any]) -> bool:
    return bool(getattr(view, PUBLIC_ATTR, False))


def keeps_answers(handler: AnswerKeeper) -> Callable[[F], F]:
    """Mark a view whose POST, arriving just after the session ended, `handler` may keep.

    The handler is called (before the redirect to sign in) only for a session that ended
    by the idle or absolute timeout, whose user still exists, is active and did not sign
    out, and whose CSRF token is valid; it must still check scoping itself.
    """

    def decorate(view: F) -> F:
        setattr(view, KEEPER_ATTR, handler)
        return view

    return decorate


def answer_keeper(view: Callable[..., Any]) -> AnswerKeeper | None:
    return getattr(view, KEEPER_ATTR, None)
