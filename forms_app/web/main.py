"""The dashboard and the public health check."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, g, jsonify, render_template
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response

from forms_app.services import register
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.auth.decorators import public, requires_signed_in

bp = Blueprint("main", __name__)


@bp.get("/")
@requires_signed_in
def dashboard() -> str:
    summary = register.dashboard(g.user, date.today())
    shown = [case.person_id for case in (*summary.reviews_due, *summary.mine)]
    audit.record_list("dashboard.list", user=g.user, person_ids=shown)
    db.session.commit()
    return render_template("dashboard.html", summary=summary, today=date.today())


@bp.get("/health")
@public
def health() -> tuple[Response, int]:
    """Load balancers' check: the app answers and the database does too."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unavailable"), 503
    return jsonify(status="ok", database="ok"), 200
