"""Engine and session per app; a scoped session per request.

Use `db.session` anywhere inside an app context (views, services, CLI commands):

    from forms_app.store import db
    case = db.session.get(Case, case_id)
    db.session.commit()          # views commit once per request

The session is removed at the end of every app context, so nothing leaks between
requests. Tests rebind the session factory to one connection (`Store.bind_to`) and roll
it back afterwards.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Flask, current_app
from flask import globals as flask_globals
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, scoped_session, sessionmaker

EXTENSION_KEY = "s117_store"


class Store:
    """The engine and scoped session of one Flask app."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = make_engine(url)
        self.factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        self.session: scoped_session[Session] = scoped_session(self.factory, scopefunc=_scope)

    def bind_to(self, connection: Connection) -> None:
        """Make every session join `connection`'s transaction, committing to savepoints."""
        self.session.remove()
        self.factory.configure(bind=connection, join_transaction_mode="create_savepoint")

    def dispose(self) -> None:
        self.session.remove()
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    """An engine; on SQLite with foreign keys on and real transactions (for savepoints)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _fix_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _fix_sqlite(engine: Engine) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT and transactional DDL; take it
    # over as the SQLAlchemy documentation recommends, and switch foreign keys on.
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


def _scope() -> int:
    """One session per request, else per app context (a CLI command, a test's context).

    Keyed per request even when a request reuses an app context that a test pushed, so
    a test's session and the requests it makes never share an identity map.
    """
    request_ctx = flask_globals._cv_request.get(None)
    if request_ctx is not None:
        return id(request_ctx)
    app_ctx = flask_globals._cv_app.get(None)
    return id(app_ctx) if app_ctx is not None else threading.get_ident()


def init_store(app: Flask) -> Store:
    store = Store(app.config["DATABASE_URL"])
    app.extensions[EXTENSION_KEY] = store

    @app.teardown_request
    def _remove_request_session(exc: BaseException | None) -> None:
        store.session.remove()

    @app.teardown_appcontext
    def _remove_context_session(exc: BaseException | None) -> None:
        store.session.remove()

    return store


def current_store() -> Store:
    return current_app.extensions[EXTENSION_KEY]


class _Db:
    """`db.session`: the current app's scoped session (a proxy, safe to import anywhere)."""

    @property
    def session(self) -> scoped_session[Session]:
        return current_store().session

    @property
    def engine(self) -> Engine:
        return current_store().engine


db = _Db()
