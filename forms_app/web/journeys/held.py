"""A step posted just after the session timed out: keep the answers until sign-in.

With JavaScript the step page saves itself before the idle timeout (autosave.js). Without
it, "Save and continue" pressed after 30 idle minutes arrives on an ended session. The
access check (forms_app.web.auth.session) then calls `hold_posted_step` for the session's
own user (idle or absolute timeout only, CSRF token valid) before redirecting to sign in:
the step's posted fields are kept server-side (services/held_answers.py). When that user
signs in again and `next` brings them back, the step view saves the kept answers through
the normal save path (views.restore_held): same binding, same optimistic lock.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import request

from forms_app.models import User
from forms_app.services import access, held_answers
from forms_app.services.permissions import can_edit
from forms_app.store.db import db
from forms_app.web.forms import JOURNEYS
from forms_app.web.forms.spec import Step

# Posted names that are not answers but steer the save (see views.step).
CONTROLS = frozenset({"lock_version", "shown", "add", "remove"})


def hold_posted_step(user: User, reason: str, form_id: int, slug: str) -> bool:
    """Keep the posted answers for `user` if they may still edit this step's form."""
    record = access.visible_form(user, form_id)  # the user's own organisation scoping
    journey = JOURNEYS.get(record.kind) if record is not None else None
    if record is None or journey is None or not record.is_editable:
        return False
    if not can_edit(user, record.kind):
        return False
    try:
        current = journey.step(slug)
    except KeyError:
        return False
    fields = step_fields(current, request.form.items(multi=True))
    held_answers.hold(user, record, current.slug, fields, reason)
    db.session.commit()
    return True


def step_fields(step: Step, posted: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The posted pairs that belong to the step (its fields and controls), in order.

    Anything else (the CSRF token above all) is dropped: the token was checked for the
    session that ended and must not outlive it.
    """
    names = tuple(element.name for element in step.elements)
    prefixes = tuple(f"{name}-" for name in names)
    return [(key, value) for key, value in posted
            if key in CONTROLS or key in names or key.startswith(prefixes)]
