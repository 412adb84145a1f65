"""A person's case page (every view of it is audited), and recording on the case the
responsible bodies its signed-off responsibility statement names."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from forms_app.models import Role
from forms_app.services import cases
from forms_app.services import forms as form_service
from forms_app.services.errors import InvalidData
from forms_app.services.prefill import responsibility
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.access import case_or_404
from forms_app.web.auth.decorators import requires_role, requires_signed_in

bp = Blueprint("cases", __name__, url_prefix="/cases")


@bp.get("/<int:case_id>")
@requires_signed_in
def show(case_id: int) -> str:
    case = case_or_404(case_id)
    audit.record("person.view", user=g.user, record_type="case", record_id=case.id,
                 person_id=case.person_id)
    db.session.commit()
    return render_template(
        "cases/show.html", case=case, person=case.person,
        forms=form_service.forms_by_kind(case),
        documents=form_service.documents_for_case(case),
        calculated=responsibility(case),
    )


@bp.post("/<int:case_id>/responsible-bodies")
@requires_role(Role.REGISTER_KEEPER)
def record_responsible_bodies(case_id: int) -> Response:
    """Record on the case the bodies its signed-off responsibility statement names."""
    case = case_or_404(case_id)
    if not FlaskForm().validate_on_submit():  # the CSRF token only
        abort(400)
    try:
        cases.record_responsible_bodies(case, g.user)
    except InvalidData as refused:
        db.session.rollback()
        flash(" ".join(m for messages in refused.errors.values() for m in messages))
    else:
        db.session.commit()
        flash("The case now records the council and ICB the calculator names.")
    return redirect(url_for("cases.show", case_id=case_id))
