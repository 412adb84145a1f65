"""Drafts, versions and optimistic locking: a second editor gets a conflict, never a lost
update."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select, update

from forms_app.models import AuditEvent, FormRecord
from forms_app.services.errors import EditConflict, NotEditable
from forms_app.services.forms import lineage, save_draft, update_form
from forms_app.store.db import db
from forms_app.store.migrate import upgrade
from tests.conftest import create_pg_database, drop_pg_database
from tests.factories import create_case, create_form, create_user


@pytest.fixture
def case(app):
    return create_case()


def test_first_save_creates_version_1_with_lock_version_1(case):
    user = create_user()
    form = save_draft(case, "aftercare_plan", {"a": 1}, None, user)
    assert (form.version, form.lock_version, form.status) == (1, 1, "draft")


def test_each_save_bumps_the_lock_version(case):
    user = create_user()
    form = save_draft(case, "aftercare_plan", {"a": 1}, None, user)
    form = save_draft(case, "aftercare_plan", {"a": 2}, 1, user)
    assert form.lock_version == 2
    assert form.data == {"a": 2}


def test_a_second_editor_with_a_stale_version_gets_a_conflict_and_the_first_edit_survives(case):
    alice, bob = create_user(), create_user()
    form = save_draft(case, "aftercare_plan", {"note": "original"}, None, alice)
    opened_by_both = form.lock_version
    save_draft(case, "aftercare_plan", {"note": "alice's edit"}, opened_by_both, alice)
    with pytest.raises(EditConflict) as conflict:
        save_draft(case, "aftercare_plan", {"note": "bob's edit"}, opened_by_both, bob)
    assert conflict.value.current_lock_version == opened_by_both + 1
    db.session.expire_all()
    assert db.session.get(FormRecord, form.id).data == {"note": "alice's edit"}


def test_starting_a_draft_when_one_exists_is_a_conflict(case):
    save_draft(case, "aftercare_plan", {}, None, create_user())
    with pytest.raises(EditConflict):
        save_draft(case, "aftercare_plan", {"mine": True}, None, create_user())


def test_the_update_itself_is_guarded_when_another_transaction_wins_the_race(case):
    """Both editors passed the version check; the row changed underneath the second."""
    user = create_user()
    form = save_draft(case, "aftercare_plan", {"v": 1}, None, user)
    # Another writer bumps the row directly (as a concurrent transaction would).
    db.session.execute(
        update(FormRecord.__table__).where(FormRecord.__table__.c.id == form.id)
        .values(data={"v": "theirs"}, lock_version=form.lock_version + 1)
    )
    with pytest.raises(EditConflict):
        update_form(form, {"v": "mine"}, form.lock_version, user)
    db.session.expire_all()
    assert db.session.get(FormRecord, form.id).data == {"v": "theirs"}


def test_a_signed_off_version_is_never_changed_and_the_next_save_starts_version_2(case):
    user = create_user()
    signed = create_form(case=case, status="signed_off", data={"final": True})
    with pytest.raises(NotEditable):
        update_form(signed, {"final": False}, signed.lock_version, user)
    draft = save_draft(case, "aftercare_plan", {"final": False}, None, user)
    assert draft.version == 2
    assert [f.version for f in lineage(case, "aftercare_plan")] == [2, 1]
    db.session.expire_all()
    assert db.session.get(FormRecord, signed.id).data == {"final": True}


def test_saving_a_draft_is_audited(case):
    user = create_user()
    form = save_draft(case, "aftercare_plan", {"a": 1}, None, user)
    save_draft(case, "aftercare_plan", {"a": 2}, form.lock_version, user)
    rows = db.session.scalars(select(AuditEvent).where(AuditEvent.record_id == str(form.id))
                              .order_by(AuditEvent.id)).all()
    assert [r.action for r in rows] == ["form.create", "form.save_draft"]
    assert all(r.person_id == case.person_id for r in rows)


def test_two_real_transactions_racing_on_postgresql_one_wins(backend, tmp_path):
    """Two connections, each past its check, commit concurrently: exactly one lands."""
    if backend != "postgresql":
        pytest.skip("SQLite serialises writers: covered by the test above")
    from flask import Flask

    from forms_app import create_app

    url = create_pg_database("s117_race")
    try:
        upgrade(url)
        app: Flask = create_app({"S117_ENV": "testing", "DATABASE_URL": url,
                                 "S117_INSTANCE_PATH": str(tmp_path)})
        form_id, user_id = _seed(app)
        results = _race(app, form_id, user_id)
        assert sorted(results) == ["conflict", "saved"]
        with app.app_context():
            assert db.session.get(FormRecord, form_id).lock_version == 2
        app.extensions["s117_store"].dispose()
    finally:
        drop_pg_database(url)


def _seed(app):
    with app.app_context():
        case = create_case()
        user = create_user()
        form = save_draft(case, "aftercare_plan", {"v": 0}, None, user)
        db.session.commit()
        return form.id, user.id


def _race(app, form_id, user_id):
    from forms_app.models import User

    barrier, results = threading.Barrier(2), []

    def editor(value: str) -> None:
        with app.app_context():
            form = db.session.get(FormRecord, form_id)
            user = db.session.get(User, user_id)
            barrier.wait()  # both have read lock_version 1
            try:
                update_form(form, {"v": value}, 1, user)
                db.session.commit()
                results.append("saved")
            except EditConflict:
                db.session.rollback()
                results.append("conflict")

    threads = [threading.Thread(target=editor, args=(v,)) for v in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results
