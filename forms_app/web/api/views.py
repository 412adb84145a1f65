"""API views: cases (read), and the blueprint shared with form_views.py."""

from __future__ import annotations

from typing import Any

from flask import Request, g
from flask_smorest import Blueprint, abort
from marshmallow import missing
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.exceptions import HTTPException

from forms_app.contract.jsonio import InputError, parse_json
from forms_app.models import Case
from forms_app.services import access
from forms_app.services import forms as form_service
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.api.auth import json_error
from forms_app.web.api.schemas import CaseDetailOut, CaseOut
from forms_app.web.auth.decorators import requires_signed_in


def strict_json(req: Request) -> Any:
    """The body read as strictly as `s117 validate` reads a file (contract/jsonio.py): a
    duplicate key, NaN, or nesting too deep to parse is a 422, never a 500."""
    try:
        return parse_json(req.get_data(cache=True), "The body")
    except InputError as error:
        abort(422, message=str(error), errors={"json": {"": [str(error)]}})


class StrictJsonParser(FlaskParser):
    """webargs' body reading (``@blp.arguments``) through `strict_json`."""

    def _raw_load_json(self, req: Request) -> Any:
        return strict_json(req) if is_json_request(req) else missing


class ApiBlueprint(Blueprint):
    ARGUMENTS_PARSER = StrictJsonParser()


blp = ApiBlueprint("api", __name__, url_prefix="/api/v1",
                description="Cases, form versions, checks, sign-off and documents.")
blp.register_error_handler(HTTPException, json_error)


def case_or_404(case_id: int) -> Case:
    case = access.visible_case(g.user, case_id)
    if case is None:
        abort(404, message="No such case.")
    return case


@blp.route("/cases", methods=["GET"])
@blp.response(200, CaseOut(many=True))
@requires_signed_in
def list_cases() -> Any:
    """The cases of the caller's organisations."""
    cases = db.session.scalars(access.visible_cases(g.user).order_by(Case.id)).all()
    audit.record_list("api.case_list", user=g.user, person_ids=[c.person_id for c in cases],
                      details={"api": True})
    db.session.commit()
    return cases


@blp.route("/cases/<int:case_id>", methods=["GET"])
@blp.response(200, CaseDetailOut)
@requires_signed_in
def read_case(case_id: int) -> Any:
    """One case with its form versions (newest first within each kind)."""
    case = case_or_404(case_id)
    audit.record("case.view", user=g.user, record_type="case", record_id=case.id,
                 person_id=case.person_id, details={"api": True})
    db.session.commit()
    forms = [f for versions in form_service.forms_by_kind(case).values() for f in versions]
    return {**CaseOut().dump(case), "forms": forms}


from forms_app.web.api import form_views  # noqa: E402,F401  (routes on blp)
