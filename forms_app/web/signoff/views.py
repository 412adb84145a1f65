"""Signing, document downloads (stored bytes only), HTML previews, acknowledgements."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField

from forms_app.documents import registry
from forms_app.documents.render import render
from forms_app.documents.signoff import SignOff
from forms_app.models import Document, FormRecord
from forms_app.services.signoff import CannotSignError, parties_for, sign, signable_parties
from forms_app.services.signoff.finalise import variant_for
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.access import form_or_404
from forms_app.web.auth.decorators import requires_any_role, requires_signed_in
from forms_app.web.journeys.pages import check

bp = Blueprint("signoff", __name__, template_folder="templates")
SIGNER_ROLES = ("council_commissioner", "icb_commissioner", "responsible_clinician",
                "practitioner", "register_keeper")


class SignForm(FlaskForm):
    password = PasswordField("Your password")


@bp.route("/forms/<int:form_id>/sign/<party>", methods=["GET", "POST"])
@requires_any_role(*SIGNER_ROLES)
def sign_page(form_id: int, party: str) -> str | Response | tuple[str, int]:
    record = form_or_404(form_id)
    fits = {p.key: p for p, _ in signable_parties(record, g.user)}
    if party not in fits:
        abort(403)
    form = SignForm()
    error = None
    if form.validate_on_submit():
        try:
            outcome = sign(record, g.user, party, form.password.data or "")
        except CannotSignError as refused:
            db.session.commit()  # keep the audit row of the refused attempt
            error = str(refused).capitalize() + "."
        else:
            db.session.commit()
            flash("Signed off: the documents are ready." if outcome.signed_off
                  else "Your signature is recorded.")
            return redirect(url_for("journeys.record", form_id=record.id))
    status = 400 if error else 200
    return render_template("signoff/sign.html", record=record, party=fits[party], form=form,
                           error=error, result=check(record)), status


@bp.get("/forms/<int:form_id>/documents/<int:document_id>")
@requires_signed_in
def download(form_id: int, document_id: int) -> Response:
    record = form_or_404(form_id)
    document = db.session.scalar(select(Document).where(
        Document.id == document_id, Document.form_id == record.id))
    if document is None:
        abort(404)
    audit.record("document.download", user=g.user, record_type="document",
                 record_id=document.id, person_id=record.case.person_id,
                 details={"sha256": document.sha256, "format": document.format})
    db.session.commit()
    response = Response(document.content, mimetype=document.media_type.split(";")[0])
    response.headers["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response.headers["X-Content-SHA256"] = document.sha256
    return response


@bp.get("/forms/<int:form_id>/preview/<name>")
@requires_signed_in
def preview(form_id: int, name: str) -> Response:
    """The HTML version, rendered from the record's data (a DRAFT mark until signed off)."""
    record = form_or_404(form_id)
    if name not in registry.documents_for_kind(record.kind):
        abort(404)
    result = check(record, trial=False)
    if result.data is None:
        abort(409)
    audit.record("document.preview", user=g.user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id, details={"document": name})
    db.session.commit()
    html = render(name, result, "html", variant_for(name, record.data), _signoff(record))
    return Response(html, mimetype="text/html")


def _signoff(record: FormRecord) -> SignOff | None:
    """The sign-off block of a signed-off record (None: the preview shows DRAFT)."""
    if record.status not in ("signed_off", "superseded") or not record.fingerprint:
        return None
    return SignOff(f"S117-{record.case_id}-{record.kind}-{record.id}", record.version,
                   record.fingerprint,
                   record.signed_off_at.date() if record.signed_off_at else None)


@bp.post("/forms/<int:form_id>/acknowledgement")
@requires_any_role("council_commissioner", "icb_commissioner")
def acknowledgement(form_id: int) -> Response:
    """A change notice: record the person's written acknowledgement of the letter."""
    record = form_or_404(form_id)
    if record.kind != "change_notice" or record.status != "signed_off":
        abort(409)
    received = _date_from(request.form)
    if received is None:
        flash("Enter the date the acknowledgement was received, as day, month and year.")
        return redirect(url_for("journeys.record", form_id=record.id))
    audit.record("change_notice.acknowledged", user=g.user, record_type="form",
                 record_id=record.id, person_id=record.case.person_id,
                 details={"received_on": received.isoformat(),
                          "parties": [p.key for p in parties_for(record)]})
    db.session.commit()
    flash("The person's written acknowledgement is recorded.")
    return redirect(url_for("journeys.record", form_id=record.id))


def _date_from(form: dict) -> dt.date | None:
    try:
        return dt.date(int(form.get("received-year", "")), int(form.get("received-month", "")),
                       int(form.get("received-day", "")))
    except ValueError:
        return None
