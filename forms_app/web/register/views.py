"""The register of people: search and filter, and adding a person with their case."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from forms_app.models import Role
from forms_app.policy.packs import available_packs, load_pack
from forms_app.services import people, register
from forms_app.services.errors import InvalidData
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.auth.decorators import requires_any_role, requires_signed_in
from forms_app.web.params import bounded_int, page_number
from forms_app.web.register.forms import NewPersonForm, SearchForm, options

bp = Blueprint("register", __name__, url_prefix="/people")

CAN_ADD = (Role.PRACTITIONER, Role.REGISTER_KEEPER)


@bp.get("")
@requires_signed_in
def index() -> str:
    form = SearchForm(request.args)
    bodies = register.responsible_bodies(g.user)
    form.body.choices = options([("", "Any responsible body"), *((o.id, o.name) for o in bodies)])
    query = _query(form) if form.validate() else register.RegisterQuery()
    page = register.search_register(g.user, query)
    if query.text:
        # A search by name or number is a look-up of people: audit it like a view.
        audit.record("register.search", user=g.user,
                     details={"text": query.text, "results": page.total})
    audit.record_list("register.list", user=g.user,
                      person_ids=[case.person_id for case in page.items])
    db.session.commit()
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("register/index.html", form=form, page=page, args=args)


def _query(form: SearchForm) -> register.RegisterQuery:
    body = form.body.data
    return register.RegisterQuery(
        text=form.q.data or "", status=form.status.data or "",
        body_id=bounded_int(body) if body else None,
        page=page_number(request.args.get("page")), per_page=current_app.config["S117_PAGE_SIZE"],
    )


@bp.route("/new", methods=["GET", "POST"])
@requires_any_role(*CAN_ADD)
def new_person() -> str | Response:
    form = NewPersonForm()
    _fill_choices(form)
    if request.method == "GET":
        _preselect_own_organisations(form)
    if form.validate_on_submit():
        try:
            case = people.register_person(_new_case(form), g.user)
        except InvalidData as invalid:
            db.session.rollback()
            _attach(form, invalid.errors)
        else:
            db.session.commit()
            flash(f"{case.person.full_name} has been added to the register.")
            return redirect(url_for("cases.show", case_id=case.id))
    status = 400 if form.errors else 200
    return render_template("register/new_person.html", form=form), status


def _fill_choices(form: NewPersonForm) -> None:
    form.policy.choices = options((p, p.title()) for p in available_packs())
    for field, kind in ((form.responsible_council_id, "local_authority"),
                        (form.responsible_icb_id, "icb"),
                        (form.providing_trust_id, "trust")):
        orgs = people.organisations_of_type(kind)
        field.choices = options((o.id, f"{o.name} ({o.code})") for o in orgs)


def _preselect_own_organisations(form: NewPersonForm) -> None:
    """Start the selects on the user's own council, ICB and trust, and their area's pack."""
    own = {m.organisation.type: m.organisation for m in g.user.memberships}
    for field, kind in ((form.responsible_council_id, "local_authority"),
                        (form.responsible_icb_id, "icb"), (form.providing_trust_id, "trust")):
        if kind in own:
            field.data = own[kind].id
    codes = {org.code for org in own.values()}
    for name in available_packs():
        if codes & {o.code for o in load_pack(name).organisations}:
            form.policy.data = name


def _new_case(form: NewPersonForm) -> people.NewCase:
    fields = {name: getattr(form, name).data for name in people.NewCase.__dataclass_fields__}
    fields["preferred_name"] = fields["preferred_name"] or None
    fields["hospital"] = fields["hospital"] or None
    return people.NewCase(**fields)


def _attach(form: NewPersonForm, errors: dict[str, list[str]]) -> None:
    for name, messages in errors.items():
        field = getattr(form, name, None) or form.nhs_number
        field.errors = [*field.errors, *messages]
