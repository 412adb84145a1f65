"""The audit trail, for auditors. Reading it is itself audited."""

from __future__ import annotations

from flask import Blueprint, g, render_template, request

from forms_app.models import Role
from forms_app.services import audit_trail
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.audit.forms import AuditFilterForm
from forms_app.web.auth.decorators import requires_role
from forms_app.web.params import page_number
from forms_app.web.register.forms import options

bp = Blueprint("audit", __name__, url_prefix="/audit")


@bp.get("")
@requires_role(Role.AUDITOR)
def index() -> tuple[str, int]:
    form = AuditFilterForm(request.args)
    form.action.choices = options([("", "Any action"), *((a, a) for a in audit_trail.actions())])
    valid = form.validate()
    query = _query(form) if valid else audit_trail.AuditQuery()
    page = audit_trail.search(g.user, query)
    audit.record("audit.view", user=g.user, details={
        k: v for k, v in request.args.items() if k in form._fields and v})
    db.session.commit()
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("audit/index.html", form=form, page=page, args=args), (
        200 if valid else 400)


def _query(form: AuditFilterForm) -> audit_trail.AuditQuery:
    return audit_trail.AuditQuery(
        user_email=form.user.data or "", action=form.action.data or "",
        person=form.person.data or "", date_from=form.date_from.data,
        date_to=form.date_to.data, page=page_number(request.args.get("page")),
    )
