"""Alembic: an empty database upgrades to head and downgrades to base, on both backends,
and the migrations create exactly what the models describe."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from forms_app.models import Base
from forms_app.store.db import make_engine
from forms_app.store.migrate import downgrade, upgrade
from tests.conftest import BACKENDS, create_pg_database, drop_pg_database


@pytest.fixture(params=BACKENDS)
def empty_database(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    url = create_pg_database("s117_migration")
    try:
        yield url
    finally:
        drop_pg_database(url)


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_to_head_then_downgrade_to_base(empty_database):
    upgrade(empty_database)
    assert set(Base.metadata.tables) <= _tables(empty_database)
    downgrade(empty_database, "base")
    assert _tables(empty_database) == set()
    upgrade(empty_database)  # and up again: downgrade left nothing behind
    assert set(Base.metadata.tables) <= _tables(empty_database)


def test_migrations_match_the_models(empty_database):
    upgrade(empty_database)
    engine = make_engine(empty_database)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_the_audit_triggers_exist_after_upgrade_and_go_with_downgrade(empty_database):
    upgrade(empty_database)
    assert _audit_triggers(empty_database)
    downgrade(empty_database, "base")
    assert not _audit_triggers(empty_database)


def _audit_triggers(url: str) -> list[str]:
    engine = make_engine(url)
    query = (
        "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_events'"
        if url.startswith("sqlite") else
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
        "AND tgrelid = to_regclass('audit_events')"
    )
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(query)).scalars())
    finally:
        engine.dispose()
