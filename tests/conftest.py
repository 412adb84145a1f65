"""Root fixtures: the app on SQLite AND PostgreSQL, a client, a session and sign-in.

Every test that uses `app` (or `client`, `db_session`, `login`) runs twice, as
`test_x[sqlite]` and `test_x[postgresql]`.

- Each run creates its own databases, migrated to head with Alembic: a SQLite file in a
  temporary folder and a PostgreSQL database `s117_test_<random>` on 127.0.0.1:5432 (user
  postgres), dropped at the end, so runs never see each other's rows.
- Each test runs inside one outer transaction that is rolled back afterwards; sessions
  join it with savepoints, so `db.session.commit()` in views and services works as usual.
- `app` has an app context pushed for the test: call services and factories directly.
  Requests made with `client` get their own session; after one, call
  `db_session.expire_all()` before reading what the request wrote.
- PostgreSQL unreachable is an error, not a skip. Only `S117_TEST_BACKENDS=sqlite` (an
  explicit choice) leaves it out.

Fixtures: `app`, `client`, `db_session`, `login` (`login(client, user)`), `backend`
(the backend name), `database_url`. Factories live in tests/factories.py.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from forms_app import create_app
from forms_app.models import User
from forms_app.store.db import current_store, db, make_engine
from forms_app.store.migrate import upgrade
from tests.factories import DEFAULT_PASSWORD

PG_SERVER = os.environ.get("S117_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
BACKENDS = tuple(
    b.strip() for b in os.environ.get("S117_TEST_BACKENDS", "sqlite,postgresql").split(",")
)


def pg_admin_dsn() -> str:
    """A libpq DSN for the server's maintenance database (for CREATE/DROP DATABASE)."""
    return PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres"


def create_pg_database(prefix: str) -> str:
    """Create a new empty database; return its SQLAlchemy URL. Fails loudly if PG is down."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    try:
        with psycopg.connect(pg_admin_dsn(), autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        pytest.fail(
            f"PostgreSQL is not reachable at {PG_SERVER} ({error}). Start it with "
            "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, "
            "or run with S117_TEST_BACKENDS=sqlite to test SQLite only.",
            pytrace=False,
        )
    return f"{PG_SERVER}/{name}"


def drop_pg_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(pg_admin_dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    urls: dict[str, str] = {}
    try:
        if "sqlite" in BACKENDS:
            urls["sqlite"] = f"sqlite:///{tmp_path_factory.mktemp('db') / 's117_test.db'}"
        if "postgresql" in BACKENDS:
            urls["postgresql"] = create_pg_database("s117_test")
        for url in urls.values():
            upgrade(url)
        yield urls
    finally:
        if "postgresql" in urls:
            drop_pg_database(urls["postgresql"])


@pytest.fixture(scope="session")
def _engines(_databases: dict[str, str]) -> Iterator[dict[str, Engine]]:
    engines = {name: make_engine(url) for name, url in _databases.items()}
    yield engines
    for engine in engines.values():
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def database_url(backend: str, _databases: dict[str, str]) -> str:
    return _databases[backend]


@pytest.fixture
def app(backend: str, database_url: str, _engines: dict[str, Engine],
        tmp_path: Path) -> Iterator[Flask]:
    app = create_app({
        "S117_ENV": "testing",
        "DATABASE_URL": database_url,
        "S117_INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "test-secret-key-" + "x" * 32,
        "WTF_CSRF_ENABLED": False,
    })
    app.test_client_class = RequestScopedClient
    connection = _engines[backend].connect()
    outer = connection.begin()
    store = app.extensions["s117_store"]
    store.bind_to(connection)
    with app.app_context():
        yield app
    store.session.remove()
    outer.rollback()
    connection.close()
    store.engine.dispose()


class RequestScopedClient(FlaskClient):
    """A test client whose every request gets its own app context, as in production.

    A request reuses an app context that is already pushed (the `app` fixture pushes
    one), and with it `g`: Flask-WTF keeps the CSRF token in `g`, so without this a
    token minted before a sign-in would be reused after it, and never reach the session.
    """

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def db_session(app: Flask) -> Session:
    """The test's own session (the scoped session of the pushed app context)."""
    assert current_store() is app.extensions["s117_store"]
    return db.session()


def sign_in(client: FlaskClient, user: User, password: str = DEFAULT_PASSWORD) -> TestResponse:
    """Sign `user` in through the real sign-in form; fails the test if refused."""
    response = client.post("/login", data={"email": user.email, "password": password})
    assert response.status_code == 302, f"sign-in refused for {user.email}"
    return response


@pytest.fixture
def login(app: Flask) -> Callable[..., TestResponse]:
    """`login(client, user)` signs in as `user` (whose password is the factory default)."""
    db.session.commit()  # make factory rows visible to the request's session
    return sign_in
