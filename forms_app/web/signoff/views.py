"""Signing, document downloads (stored bytes only), HTML previews; change notices' follow-up
(acknowledgement, consultation) in notice_views."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from sqlalchemy import select

from forms_app.documents import registry
from forms_app.documents.render import render
from forms_app.documents.signoff import SignOff
from forms_app.models import Document, FormRecord
from forms_app.services.errors import EditConflict
from forms_app.services.permissions import ANY_SIGNER
from forms_app.services.signoff import CannotSignError, Party, parties_for, refusal, sign
from forms_app.services.signoff.finalise import variant_for
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.access import form_or_404
from forms_app.web.auth.decorators import requires_any_role, requires_signed_in
from forms_app.web.downloads import stored_document
from forms_app.web.journeys.pages import check
from forms_app.web.signoff.forms import SignForm

bp = Blueprint("signoff", __name__, template_folder="templates")


def sentence(message: str) -> str:
    """A service's message as a sentence for a page (names inside keep their capitals)."""
    text = message.strip()
    return f"{text[:1].upper()}{text[1:]}{'' if text.endswith('.') else '.'}"


@bp.route("/forms/<int:form_id>/sign/<party>", methods=["GET", "POST"])
@requires_any_role(*ANY_SIGNER)
def sign_page(form_id: int, party: str) -> str | Response | tuple[str, int]:
    record = form_or_404(form_id)
    refused = refusal(record, g.user, party)
    if refused is not None:
        return render_template("signoff/refused.html", record=record,
                               message=sentence(refused)), 403
    form = SignForm()
    error = None
    if request.method == "GET":
        audit.record("form.view", user=g.user, record_type="form", record_id=record.id,
                     person_id=record.case.person_id, details={"page": f"sign {party}"})
        db.session.commit()
    if form.validate_on_submit():
        answer = _sign_posted(record, party, form)
        if not isinstance(answer, str):
            return answer
        error = answer
    return render_template("signoff/sign.html", record=record, party=_party(record, party),
                           form=form, error=error, result=check(record)), 400 if error else 200


def _sign_posted(record: FormRecord, party: str,
                 form: SignForm) -> str | Response | tuple[str, int]:
    """Sign as posted: the next page, or the message to show on the sign page."""
    try:
        outcome = sign(record, g.user, party, form.password.data or "", form.read_version,
                       ip=request.remote_addr)
    except EditConflict:
        db.session.rollback()  # nothing was signed
        return render_template("journeys/conflict.html", record=record, step=None,
                               signing=True), 409
    except CannotSignError as refused:
        db.session.commit()  # keep the audit row and the failure count of the attempt
        return sentence(str(refused))
    db.session.commit()
    flash("Signed off: the documents are ready." if outcome.signed_off
          else "Your signature is recorded.")
    return redirect(url_for("journeys.record", form_id=record.id))


def _party(record: FormRecord, key: str) -> Party:
    found = next((p for p in parties_for(record) if p.key == key), None)
    if found is None:
        abort(404)
    return found


@bp.get("/forms/<int:form_id>/documents/<int:document_id>")
@requires_signed_in
def download(form_id: int, document_id: int) -> Response:
    record = form_or_404(form_id)
    document = db.session.scalar(select(Document).where(
        Document.id == document_id, Document.form_id == record.id))
    if document is None:
        abort(404)
    return stored_document(document)


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


from forms_app.web.signoff import notice_views  # noqa: E402,F401  (routes on bp)
