"""A person's case page. Every view of it is audited."""

from __future__ import annotations

from flask import Blueprint, g, render_template

from forms_app.services import forms as form_service
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.access import case_or_404
from forms_app.web.auth.decorators import requires_signed_in

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
    )
