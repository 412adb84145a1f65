"""The demo loader: every role in every area, a dozen people, idempotent, valid examples."""

from __future__ import annotations

from sqlalchemy import func, select

from forms_app.demo import DEMO_PASSWORD, PEOPLE, load_demo
from forms_app.models import Case, FormRecord, Organisation, Person, Role, User
from forms_app.services.accounts import authenticate
from forms_app.store.db import db


def _counts():
    return tuple(db.session.scalar(select(func.count()).select_from(m))
                 for m in (Organisation, User, Person, Case, FormRecord))


def test_load_demo_twice_adds_nothing_the_second_time(app):
    load_demo()
    first = _counts()
    load_demo()
    assert _counts() == first
    assert first[2] == len(PEOPLE) == 12


def test_every_role_has_a_demo_login_in_each_area(app):
    logins = load_demo()
    for area in ("worcs", "harrow", "swindon"):
        roles = {role for email, role in logins if email.endswith(f"@{area}.demo")}
        assert roles == {r.value for r in Role}
    user = authenticate("practitioner@worcs.demo", DEMO_PASSWORD, None)
    assert user.has_role("practitioner")


def test_demo_people_cover_every_state_and_both_packs(app):
    load_demo()
    statuses = set(db.session.scalars(select(Case.status)))
    assert {"detained", "on_leave", "aftercare", "ended"} <= statuses
    assert set(db.session.scalars(select(Case.policy))) == {"worcestershire", "harrow"}


def test_demo_forms_pass_the_policy_check(app):
    from forms_app.contract.check import check_form

    load_demo()
    for form in db.session.scalars(select(FormRecord)):
        assert check_form(form.data).valid, form.kind
