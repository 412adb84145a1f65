"""Journey pages. Views are thin: load (scoped), call drafts/signoff services, render.

Each step posts its answers, which are saved as they are (a draft is never lost); the
step is shown again with the findings that belong on it until each has been seen once,
so errors and warnings appear beside the fields that cause them. SCHEMA errors (a date
that is not a date) always hold the person on the step.

A step posted just after the session timed out is kept for its user (journeys/held.py)
and saved here, through the same path, when they sign in again and open the step.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from forms_app.models import FormRecord
from forms_app.services import held_answers
from forms_app.services.errors import EditConflict, NotEditable
from forms_app.services.permissions import ANY_EDITOR, can_edit
from forms_app.services.prefill import latest, prefill
from forms_app.services.signoff import CannotSignError, NotReadyError, submit
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.access import case_or_404, form_or_404
from forms_app.web.auth.decorators import keeps_answers, requires_any_role
from forms_app.web.forms import JOURNEYS
from forms_app.web.forms.binding import add_item, apply, form_values, get_path, remove_item
from forms_app.web.forms.builder import form_class, item_values
from forms_app.web.forms.placement import Placed, on_step
from forms_app.web.forms.spec import Repeat, Step
from forms_app.web.journeys import drafts
from forms_app.web.journeys.held import hold_posted_step
from forms_app.web.journeys.pages import (
    check,
    choice_pairs,
    finding_key,
    placed_for,
    sections,
)
from forms_app.web.params import bounded_int, read_version

bp = Blueprint("journeys", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/journeys")
AUTOSAVE_MARGIN_SECONDS = 120  # save this long before an idle session would end


@bp.record_once
def _static_files_are_public(state: Any) -> None:
    """The blueprint's script (autosave.js) is for the step pages: signed-in users only."""
    endpoint = f"{bp.name}.static"
    serve = state.app.view_functions[endpoint]

    def static(filename: str) -> Response:
        return serve(filename=filename)

    state.app.view_functions[endpoint] = requires_any_role(*ANY_EDITOR)(static)


@bp.app_template_global()
def journey_choice_pairs(choices: tuple[str, ...]) -> list[tuple[str, str]]:
    return choice_pairs(choices)


@bp.app_template_global()
def journey_kinds_for(user: Any) -> list[tuple[str, str]]:
    """The kinds this user may fill in, for the case page's links."""
    return [(kind, journey.title) for kind, journey in JOURNEYS.items() if can_edit(user, kind)]


@bp.route("/cases/<int:case_id>/forms/new/<kind>", methods=["GET", "POST"])
@requires_any_role(*ANY_EDITOR)
def start(case_id: int, kind: str) -> str | Response:
    case = case_or_404(case_id)
    if kind not in JOURNEYS:
        abort(404)
    if not can_edit(g.user, kind):
        abort(403)
    draft = latest(case, kind, ("draft", "awaiting_signoff"))
    if draft is not None:
        return redirect(url_for("journeys.record", form_id=draft.id))
    filled = prefill(case, kind, g.user)
    if request.method == "POST":
        record = drafts.create_draft(case, kind, filled.data, g.user, filled.source)
        db.session.commit()
        return redirect(_step_url(record, JOURNEYS[kind].steps_for(record.data)[0]))
    audit.record("case.view", user=g.user, record_type="case", record_id=case.id,
                 person_id=case.person_id, details={"page": f"start {kind}"})
    db.session.commit()
    return render_template("journeys/start.html", case=case, journey=JOURNEYS[kind],
                           filled=filled)


@bp.route("/forms/<int:form_id>/steps/<slug>", methods=["GET", "POST"])
@keeps_answers(hold_posted_step)
@requires_any_role(*ANY_EDITOR)
def step(form_id: int, slug: str) -> str | Response | tuple[str, int]:
    record, current = _editable_step(form_id, slug)
    cls = form_class(record.kind, current)
    if request.method == "GET":
        held = held_answers.take(g.user, record, current.slug)
        if held is not None:
            return _restore_held(record, current, MultiDict(held))
        _audit_view(record, current.slug)
        form = cls(formdata=None, data=item_values(form_values(current, record.data), current))
        review = request.args.get("review") == "1"
        return _render_step(record, current, form, show=review)
    form = cls()
    if not form.validate_on_submit():  # only the CSRF token is validated here
        abort(400)
    try:
        data = _save_posted(record, current, form, request.form)
    except EditConflict:
        db.session.rollback()
        return render_template("journeys/conflict.html", record=record, step=current), 409
    db.session.commit()
    if request.form.get("autosave"):
        return redirect(url_for("journeys.step", form_id=record.id, slug=current.slug,
                                saved=1))
    if request.form.get("add") or request.form.get("remove"):
        return redirect(_step_url(record, current, anchor=_new_item_anchor(current, data)))
    return _after_save(record, current)


def _save_posted(record: FormRecord, current: Step, form: Any,
                 posted: MultiDict[str, str]) -> dict[str, Any]:
    """Save a step's posted answers as the draft (EditConflict on a stale lock_version)."""
    values = {k: v for k, v in form.data.items() if k != "csrf_token"}
    data = _with_item_action(current, apply(current, values, record.data), posted)
    data = JOURNEYS[record.kind].tidy(data)
    drafts.save_draft(record, data, g.user, _posted_lock(posted))
    return data


def _restore_held(record: FormRecord, current: Step, posted: MultiDict[str, str]) -> str:
    """Save answers kept from a timed-out session, as that POST would have been saved.

    Saved with the lock_version the page was opened with, so an edit somebody made
    meanwhile is never overwritten: then the answers are shown as typed, not saved.
    """
    cls = form_class(record.kind, current)
    typed = cls(formdata=posted)
    try:
        _save_posted(record, current, typed, posted)
    except EditConflict:
        outcome = "conflict"  # nothing was written (the savepoint rolled back)
    else:
        outcome = "saved"
    audit.record("form.restore_answers", user=g.user, record_type="form",
                 record_id=record.id, person_id=record.case.person_id,
                 details={"kind": record.kind, "version": record.version,
                          "page": current.slug, "outcome": outcome})
    _audit_view(record, current.slug)  # commits the restore and its audit rows
    if outcome == "conflict":
        return _render_step(record, current, typed, show=False, restored=outcome)
    form = cls(formdata=None, data=item_values(form_values(current, record.data), current))
    return _render_step(record, current, form, show=True, restored=outcome)


def _new_item_anchor(current: Step, data: dict[str, Any]) -> str | None:
    """After "Add another", the page opens at the new item."""
    for element in current.elements:
        if isinstance(element, Repeat) and element.name == request.form.get("add"):
            items = get_path(data, element.path)
            return f"{element.name}-{len(items) - 1}" if isinstance(items, list) else None
    return None


def _audit_view(record: FormRecord, page: str) -> None:
    audit.record("form.view", user=g.user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id, details={"page": page})
    db.session.commit()


def _editable_step(form_id: int, slug: str) -> tuple[FormRecord, Step]:
    record = form_or_404(form_id)
    journey = JOURNEYS.get(record.kind)
    if journey is None or not can_edit(g.user, record.kind):
        abort(403)
    if not record.is_editable:
        abort(Response(status=303, headers={"Location": url_for("journeys.record",
                                                                form_id=record.id)}))
    try:
        current = journey.step(slug)
    except KeyError:
        abort(404)
    return record, current


def _with_item_action(current: Step, data: dict[str, Any],
                      posted: MultiDict[str, str]) -> dict[str, Any]:
    """Apply an "Add another" or "Remove" button to the posted answers."""
    repeats = {e.name: e for e in current.elements if isinstance(e, Repeat)}
    added = posted.get("add")
    if added in repeats:
        return add_item(repeats[added], data)
    removed = posted.get("remove", "")
    name, _, index = removed.rpartition("-")
    position = bounded_int(index)
    if name in repeats and position is not None:
        return remove_item(repeats[name], position, data)
    return data


def _posted_lock(posted: MultiDict[str, str] | None = None) -> int:
    return read_version((request.form if posted is None else posted).get("lock_version"))


def _after_save(record: FormRecord, current: Step) -> str | Response:
    journey = JOURNEYS[record.kind]
    result = check(record)
    local = on_step(placed_for(journey, record.data, result), current.slug)
    seen = set(request.form.getlist("shown"))
    blocking = any(f.rule == "SCHEMA" for f, _ in local.errors)
    unseen = [f for f, _ in local.errors + local.warnings if finding_key(f) not in seen]
    if blocking or unseen:
        cls = form_class(record.kind, current)
        form = cls(formdata=None, data=item_values(form_values(current, record.data), current))
        return _render_step(record, current, form, show=True)
    steps = journey.steps_for(record.data)
    position = [s.slug for s in steps].index(current.slug) if current in steps else -1
    if 0 <= position < len(steps) - 1:
        return redirect(_step_url(record, steps[position + 1]))
    return redirect(url_for("journeys.check_answers", form_id=record.id))


def _render_step(record: FormRecord, current: Step, form: Any, show: bool,
                 restored: str | None = None) -> str:
    journey = JOURNEYS[record.kind]
    steps = journey.steps_for(record.data)
    result = check(record)
    local = on_step(placed_for(journey, record.data, result), current.slug) if show else Placed()
    shown = [finding_key(f) for f, _ in local.errors + local.warnings]
    reasons = None
    if current.slug == "bodies":
        from forms_app.services.prefill import responsibility

        reasons = responsibility(record.case)
    return render_template(
        "journeys/step.html", record=record, journey=journey, step=current, steps=steps,
        form=form, placed=local, data=record.data, shown=shown, reasons=reasons,
        autosave_seconds=autosave_seconds(), saved=request.args.get("saved") == "1",
        restored=restored,
        spot_url=lambda spot: _spot_url(record, spot),
    )


def autosave_seconds() -> int:
    """When a step page with unsaved answers saves itself: before the idle timeout."""
    configured = current_app.config.get("S117_AUTOSAVE_SECONDS")
    if configured:
        return int(configured)
    idle = current_app.config["S117_IDLE_TIMEOUT"].total_seconds()
    return max(60, int(idle) - AUTOSAVE_MARGIN_SECONDS)


def _spot_url(record: FormRecord, spot: Any) -> str:
    return url_for("journeys.step", form_id=record.id, slug=spot.step, review=1,
                   _anchor=spot.anchor)


def _step_url(record: FormRecord, current: Step, anchor: str | None = None) -> str:
    return url_for("journeys.step", form_id=record.id, slug=current.slug, _anchor=anchor)


@bp.get("/forms/<int:form_id>/check")
@requires_any_role(*ANY_EDITOR)
def check_answers(form_id: int) -> str:
    record = form_or_404(form_id)
    journey = JOURNEYS.get(record.kind)
    if journey is None:
        abort(404)
    _audit_view(record, "check")
    result = check(record)
    placed = placed_for(journey, record.data, result)
    return render_template(
        "journeys/check.html", record=record, journey=journey, result=result, placed=placed,
        sections=sections(journey, record.data, placed), editable=record.is_editable,
        spot_url=lambda spot: _spot_url(record, spot),
    )


@bp.post("/forms/<int:form_id>/submit")
@requires_any_role(*ANY_EDITOR)
def submit_form(form_id: int) -> Response | tuple[str, int]:
    record = form_or_404(form_id)
    if not can_edit(g.user, record.kind):
        abort(403)
    _check_lock(record)
    try:
        submit(record, g.user)
    except NotReadyError:
        db.session.rollback()
        flash("The form still has errors. Fix them before sending it for sign-off.")
        return redirect(url_for("journeys.check_answers", form_id=record.id))
    except (NotEditable, CannotSignError) as refused:  # sent already, or signed off
        db.session.rollback()
        flash(f"Not sent: {refused}.")
        return redirect(url_for("journeys.record", form_id=record.id))
    db.session.commit()
    flash("Sent for sign-off.")
    return redirect(url_for("journeys.record", form_id=record.id))


def _check_lock(record: FormRecord) -> None:
    if _posted_lock() != record.lock_version:
        abort(Response(render_template("journeys/conflict.html", record=record, step=None),
                       status=409))


from forms_app.web.journeys import record_views  # noqa: E402,F401  (routes on bp)
