"""API views for form versions: create, update (If-Match), validate, submit, sign, documents."""

from __future__ import annotations

from typing import Any

from flask import Response, g, request, url_for
from flask_smorest import abort
from sqlalchemy import select

from forms_app.contract.check import check_form
from forms_app.contract.jsonio import without_annotations
from forms_app.models import Case, Document, FormRecord
from forms_app.policy.packs import PackError
from forms_app.services import access
from forms_app.services import forms as form_service
from forms_app.services.errors import EditConflict, NotEditable
from forms_app.services.permissions import ANY_EDITOR, ANY_SIGNER, can_edit
from forms_app.services.prefill import latest
from forms_app.services.signoff import (
    CannotSignError,
    NotReadyError,
    merged_data,
    parties_for,
    sign,
    submit,
)
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.api.schemas import CheckOut, DocumentOut, FormOut, SignIn
from forms_app.web.api.views import blp, case_or_404, strict_json
from forms_app.web.auth.decorators import requires_any_role, requires_signed_in
from forms_app.web.downloads import stored_document
from forms_app.web.forms import JOURNEYS
from forms_app.web.params import bounded_int

# Form bodies are the contract: one of the kinds' schemas (components added by contract_docs).
FORM_BODY = {"required": True, "content": {"application/json": {"schema": {
    "oneOf": [{"$ref": f"#/components/schemas/Form_{kind}"} for kind in JOURNEYS],
}}}}


def form_or_404(form_id: int) -> FormRecord:
    record = access.visible_form(g.user, form_id)
    if record is None:
        abort(404, message="No such form.")
    return record


def form_out(record: FormRecord) -> dict[str, Any]:
    documents = db.session.scalars(select(Document).where(Document.form_id == record.id)
                                   .order_by(Document.id)).all()
    return {
        **{k: getattr(record, k) for k in ("id", "case_id", "kind", "policy", "version", "status",
                                          "lock_version", "fingerprint", "updated_at",
                                          "signed_off_at", "data", "signatures")},
        "check": _check(merged_data(record)).as_json(),
        "parties": [p.key for p in parties_for(record)] if record.status != "draft" else [],
        "documents": [_document(d) for d in documents],
    }


def _document(document: Document) -> dict[str, Any]:
    return {"id": document.id, "name": document.name, "variant": document.variant,
            "format": document.format, "sha256": document.sha256, "size": document.size,
            "url": url_for("api.download", document_id=document.id)}


def _check(body: Any) -> Any:
    try:
        return check_form(body)
    except PackError as error:
        abort(422, message=str(error), errors={"json": {"/policy": [str(error)]}})


def _json_object() -> dict[str, Any]:
    """The body as a JSON object (`strict_json`), else 422."""
    body = strict_json(request)
    if not isinstance(body, dict):
        abort(422, message="The body must be a JSON object.",
              errors={"json": {"": ["Not a JSON object."]}})
    return body


def _valid_body(kind_expected: str | None = None) -> dict[str, Any]:
    """The JSON body as a form of an editable kind with no SCHEMA finding, else 422."""
    body = without_annotations(_json_object())
    result = _check(body)
    schema = {f.field: [f.message] for f in result.findings if f.rule == "SCHEMA"}
    if schema:
        abort(422, message="The form does not match its kind's shape.", errors={"json": schema})
    if kind_expected is not None and body.get("kind") != kind_expected:
        abort(422, errors={"json": {"/kind": [f"This form is a {kind_expected}."]}})
    if not can_edit(g.user, body["kind"]):
        abort(403, message=f"You cannot fill in a {body['kind']}.")
    return body


def _with_etag(payload: dict[str, Any], status: int = 200) -> Any:
    return payload, status, {"ETag": f'"{payload["lock_version"]}"'}


@blp.route("/cases/<int:case_id>/forms", methods=["POST"])
@blp.doc(requestBody=FORM_BODY)
@blp.response(201, FormOut)
@requires_any_role(*ANY_EDITOR)
def create_form(case_id: int) -> Any:
    """A new draft version of a kind on the case (409 if a draft of that kind exists)."""
    case = case_or_404(case_id)
    body = _valid_body()
    _about_case(case, body)
    if latest(case, body["kind"], ("awaiting_signoff",)) is not None:
        abort(409, message="A version of this form is awaiting sign-off.")
    try:
        record = form_service.save_draft(case, body["kind"], body, None, g.user)
    except EditConflict as conflict:
        db.session.rollback()
        abort(409, message=str(conflict))
    db.session.commit()
    return _with_etag(form_out(record), 201)


def _about_case(case: Case, body: dict[str, Any]) -> None:
    """422 naming each field where the form is not about this case (its person, pack, bodies)."""
    found = form_service.case_findings(case, body)
    if found:
        abort(422, message="The form is not about this case.",
              errors={"json": {f.field: [f.message] for f in found}})


@blp.route("/forms/<int:form_id>", methods=["GET"])
@blp.response(200, FormOut)
@requires_signed_in
def read_form(form_id: int) -> Any:
    record = form_or_404(form_id)
    _audit_view(record, "form")
    return _with_etag(form_out(record))


def _audit_view(record: FormRecord, what: str) -> None:
    audit.record("form.view", user=g.user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id, details={"api": True, "view": what})
    db.session.commit()


@blp.route("/forms/<int:form_id>", methods=["PUT"])
@blp.doc(requestBody=FORM_BODY, parameters=[{"in": "header", "name": "If-Match",
                                              "required": True, "schema": {"type": "string"},
                                              "description": "the lock_version you read"}])
@blp.response(200, FormOut)
@requires_any_role(*ANY_EDITOR)
def update_form(form_id: int) -> Any:
    """Replace a draft's answers; 409 when someone saved since the If-Match lock_version."""
    record = form_or_404(form_id)
    body = _valid_body(record.kind)
    _about_case(record.case, body)
    expected = _if_match()
    try:
        form_service.update_form(record, body, expected, g.user)
    except (EditConflict, NotEditable) as conflict:
        db.session.rollback()
        abort(409, message=str(conflict))
    db.session.commit()
    return _with_etag(form_out(record))


def _if_match() -> int:
    raw = request.headers.get("If-Match") or request.args.get("lock_version") or ""
    version = bounded_int(raw.strip().removeprefix("W/").strip('"'))
    if version is None:
        abort(428, message="Send If-Match with the lock_version you read.")
    return version


@blp.route("/forms/<int:form_id>/validate", methods=["POST"])
@blp.response(200, CheckOut)
@requires_signed_in
def validate_form(form_id: int) -> Any:
    """The stored form's check: exactly what `s117 validate` prints for it."""
    record = form_or_404(form_id)
    _audit_view(record, "validate")
    return _check(merged_data(record)).as_json()


@blp.route("/validate", methods=["POST"])
@blp.doc(requestBody=FORM_BODY)
@blp.response(200, CheckOut)
@requires_signed_in
def validate_body() -> Any:
    """Check any form without storing it (SCHEMA problems are findings here, not 422)."""
    return _check(_json_object()).as_json()


@blp.route("/forms/<int:form_id>/submit", methods=["POST"])
@blp.response(200, FormOut)
@requires_any_role(*ANY_EDITOR)
def submit_form(form_id: int) -> Any:
    """Draft -> awaiting sign-off; 422 with the findings while errors remain."""
    record = form_or_404(form_id)
    if not can_edit(g.user, record.kind):
        abort(403)
    try:
        submit(record, g.user)
    except NotReadyError as not_ready:
        db.session.rollback()
        abort(422, message="The form has error findings.",
              errors={"json": {f.field: [f"{f.rule}: {f.message}"]
                               for f in not_ready.result.findings if f.severity == "error"}})
    except CannotSignError as refused:
        db.session.rollback()
        abort(409, message=str(refused))
    db.session.commit()
    return _with_etag(form_out(record))


@blp.route("/forms/<int:form_id>/signatures", methods=["POST"])
@blp.arguments(SignIn)
@blp.response(201, FormOut)
@requires_any_role(*ANY_SIGNER)
def sign_form(signing: dict[str, Any], form_id: int) -> Any:
    """Sign the version you read as one party (409 if it changed since: nothing is signed).

    The body carries the re-entered password and the form's lock_version (its ETag); the
    last signature signs the form off.
    """
    record = form_or_404(form_id)
    try:
        sign(record, g.user, signing["party"], signing["password"], signing["lock_version"],
             ip=request.remote_addr)
    except EditConflict as conflict:
        db.session.rollback()
        abort(409, message=str(conflict))
    except CannotSignError as refused:
        db.session.commit()  # keep the audit row of a refused attempt
        abort(403, message=str(refused))
    db.session.commit()
    return _with_etag(form_out(record), 201)


@blp.route("/forms/<int:form_id>/documents", methods=["GET"])
@blp.response(200, DocumentOut(many=True))
@requires_signed_in
def list_documents(form_id: int) -> Any:
    record = form_or_404(form_id)
    _audit_view(record, "documents")
    return form_out(record)["documents"]


@blp.route("/documents/<int:document_id>", methods=["GET"])
@blp.doc(responses={"200": {"description": "the stored PDF or DOCX bytes"}})
@requires_signed_in
def download(document_id: int) -> Response:
    """A signed-off document's exact stored bytes (never rendered again)."""
    document = access.visible_document(g.user, document_id)
    if document is None:
        abort(404, message="No such document.")
    return stored_document(document, api=True)
