"""After a change notice is issued: the person's written acknowledgement, and the consulted
commissioner's confirmation of the consultation. Both are shown on the record page."""

from __future__ import annotations

import datetime as dt

from flask import abort, flash, g, redirect, url_for
from werkzeug.wrappers import Response

from forms_app.models import FormRecord
from forms_app.services import notices
from forms_app.services.errors import InvalidData
from forms_app.services.signoff.parties import COMMISSIONERS
from forms_app.store.db import db
from forms_app.web.access import form_or_404
from forms_app.web.auth.decorators import requires_any_role
from forms_app.web.journeys import record_views  # a module: the two import each other
from forms_app.web.signoff.forms import AcknowledgementForm, ConfirmConsultationForm
from forms_app.web.signoff.views import bp, sentence


@bp.post("/forms/<int:form_id>/acknowledgement")
@requires_any_role(*COMMISSIONERS)
def acknowledgement(form_id: int) -> Response | tuple[str, int]:
    """Record the person's written acknowledgement; errors re-show the record page."""
    record = form_or_404(form_id)
    refused = notices.acknowledgement_refusal(record, g.user)
    if refused is not None:
        return _back(record, refused)
    form = AcknowledgementForm(notice=record)
    if not form.validate_on_submit():
        return record_views.render_record(record, acknowledgement=form), 400
    try:
        notices.record_acknowledgement(record, g.user, _date(form), form.method.data or "")
    except notices.NoticeError as late:  # recorded by someone else meanwhile
        db.session.rollback()
        return _back(record, str(late))
    except InvalidData as invalid:
        db.session.rollback()
        for name, messages in invalid.errors.items():
            form[name].errors = [*form[name].errors, *messages]
        return record_views.render_record(record, acknowledgement=form), 400
    db.session.commit()
    flash("The person's written acknowledgement is recorded.")
    return redirect(url_for("journeys.record", form_id=record.id, _anchor="acknowledgement"))


def _date(form: AcknowledgementForm) -> dt.date:
    if form.received_on.date is None:  # validation guarantees a date; never guess one
        abort(400)
    return form.received_on.date


@bp.post("/forms/<int:form_id>/consultation")
@requires_any_role(*COMMISSIONERS)
def confirm_consultation(form_id: int) -> Response:
    """The consulted commissioner confirms the consultation the notice records."""
    record = form_or_404(form_id)
    if not ConfirmConsultationForm().validate_on_submit():
        abort(400)
    try:
        notices.confirm_consultation(record, g.user)
    except notices.NoticeError as refused:
        db.session.rollback()
        return _back(record, str(refused))
    db.session.commit()
    flash("The consultation is confirmed.")
    return redirect(url_for("journeys.record", form_id=record.id, _anchor="consultation"))


def _back(record: FormRecord, message: str) -> Response:
    flash(sentence(message))
    return redirect(url_for("journeys.record", form_id=record.id))
