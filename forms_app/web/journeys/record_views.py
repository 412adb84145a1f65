"""A form record's own page: status, findings, who signs, documents, an issued change
notice's follow-up; new versions."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, g, redirect, render_template, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from forms_app.documents.registry import documents_for_kind
from forms_app.models import Document, FormRecord
from forms_app.services import notices
from forms_app.services.permissions import ANY_EDITOR, can_edit
from forms_app.services.prefill import latest, prefill
from forms_app.services.signoff import (
    CannotSignError,
    parties_for,
    signable_parties,
    signed_by,
    withdraw,
)
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.access import form_or_404
from forms_app.web.auth.decorators import requires_any_role, requires_signed_in
from forms_app.web.forms import JOURNEYS
from forms_app.web.forms.labels import format_date
from forms_app.web.journeys import drafts
from forms_app.web.journeys.pages import check, placed_for
from forms_app.web.journeys.views import _check_lock, bp
from forms_app.web.signoff.forms import AcknowledgementForm


@bp.get("/forms/<int:form_id>")
@requires_signed_in
def record(form_id: int) -> str:
    form = form_or_404(form_id)
    audit.record("form.view", user=g.user, record_type="form", record_id=form.id,
                 person_id=form.case.person_id)
    db.session.commit()
    return render_record(form)


def render_record(form: FormRecord, acknowledgement: AcknowledgementForm | None = None) -> str:
    """The record page; ``acknowledgement`` is a posted form to show with its errors."""
    result = check(form)
    journey = JOURNEYS.get(form.kind)
    documents = db.session.scalars(
        select(Document).where(Document.form_id == form.id).order_by(Document.id)).all()
    newest = latest(form.case, form.kind)
    awaiting = form.status == "awaiting_signoff"
    return render_template(
        "journeys/record.html", record=form, journey=journey, result=result,
        placed=placed_for(journey, form.data, result) if journey else None,
        parties=parties_for(form) if awaiting else [],
        mine={p.key for p, _ in signable_parties(form, g.user)} if awaiting else set(),
        own_signature=signed_by(form, g.user) if awaiting else None,
        signed={s.party: s for s in form.signatures}, documents=documents,
        previews=documents_for_kind(form.kind), can_edit=can_edit(g.user, form.kind),
        is_newest=newest is not None and newest.id == form.id,
        notice=_notice(form, acknowledgement),
        spot_url=lambda spot: url_for("journeys.step", form_id=form.id, slug=spot.step,
                                      review=1, _anchor=spot.anchor),
    )


def _notice(form: FormRecord, posted: AcknowledgementForm | None) -> dict[str, Any] | None:
    """An issued change notice's follow-up: the consultation and the acknowledgement."""
    if form.kind != "change_notice" or form.status not in ("signed_off", "superseded"):
        return None
    may_acknowledge = notices.acknowledgement_refusal(form, g.user) is None
    consulted = form.data.get("other_party_consulted") or {}
    return {
        "consulted": consulted if isinstance(consulted, dict) else {},
        "consulted_on": format_date(str(consulted.get("date") or "")) if consulted else "",
        "confirmation": notices.confirmation_of(form),
        "may_confirm": notices.confirmation_refusal(form, g.user) is None,
        "acknowledgement": notices.acknowledgement_of(form),
        "form": posted or (AcknowledgementForm(formdata=None, notice=form)
                           if may_acknowledge else None),
    }


@bp.post("/forms/<int:form_id>/withdraw")
@requires_any_role(*ANY_EDITOR)
def withdraw_form(form_id: int) -> Response:
    form = form_or_404(form_id)
    if not can_edit(g.user, form.kind):
        abort(403)
    _check_lock(form)
    try:
        withdraw(form, g.user)
    except CannotSignError:
        abort(409)
    db.session.commit()
    flash("The form is a draft again. Signatures given so far were removed.")
    return redirect(url_for("journeys.record", form_id=form.id))


@bp.post("/forms/<int:form_id>/new-version")
@requires_any_role(*ANY_EDITOR)
def new_version(form_id: int) -> Response:
    form = form_or_404(form_id)
    if not can_edit(g.user, form.kind):
        abort(403)
    _check_lock(form)
    if form.status not in ("signed_off", "superseded"):
        abort(409)
    open_draft = latest(form.case, form.kind, ("draft", "awaiting_signoff"))
    if open_draft is not None:
        return redirect(url_for("journeys.record", form_id=open_draft.id))
    filled = prefill(form.case, form.kind, g.user)
    draft = drafts.create_draft(form.case, form.kind, filled.data, g.user, filled.source)
    db.session.commit()
    first = JOURNEYS[form.kind].steps_for(draft.data)[0]
    return redirect(url_for("journeys.step", form_id=draft.id, slug=first.slug))
