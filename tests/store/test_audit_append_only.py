"""The audit trail cannot be altered: the ORM refuses, and so does the database itself."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DatabaseError

from forms_app.models import AuditEvent, AuditImmutable
from forms_app.store import audit
from forms_app.store.db import db
from tests.factories import create_user


@pytest.fixture
def event(app):
    row = audit.record("person.view", user=create_user(), record_type="case", record_id=1)
    db.session.flush()
    return row


def test_orm_refuses_to_update_an_audit_row(event):
    event.action = "nothing.happened"
    with pytest.raises(AuditImmutable):
        db.session.flush()


def test_orm_refuses_to_delete_an_audit_row(event):
    db.session.delete(event)
    with pytest.raises(AuditImmutable):
        db.session.flush()


@pytest.mark.parametrize("statement", [
    update(AuditEvent).values(action="x"),
    delete(AuditEvent),
], ids=["bulk-update", "bulk-delete"])
def test_orm_refuses_bulk_statements_on_the_audit_table(event, statement):
    with pytest.raises(AuditImmutable):
        db.session.execute(statement)


@pytest.mark.parametrize("sql", [
    "UPDATE audit_events SET action = 'x'",
    "DELETE FROM audit_events",
], ids=["update", "delete"])
def test_database_trigger_refuses_raw_sql_changes(event, sql):
    event_id = event.id
    with pytest.raises(DatabaseError, match="append-only"), db.session.begin_nested():
        db.session.execute(text(sql))
    db.session.expire_all()
    assert db.session.get(AuditEvent, event_id).action == "person.view"


def test_database_refuses_truncate_on_postgresql(event, backend):
    if backend != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    with pytest.raises(DatabaseError, match="append-only"), db.session.begin_nested():
        db.session.execute(text("TRUNCATE audit_events"))


def test_new_rows_can_still_be_added(event):
    audit.record("person.view", user=None)
    db.session.flush()
    assert len(db.session.scalars(select(AuditEvent)).all()) == 2
