"""Browser tests: a live server on 127.0.0.1 (random port) over a SQLite file, and Chromium.

Debian's Chromium drives the pages through Playwright (never `playwright install`). The
server runs in a thread with CSRF protection on, exactly as in production; tests add their
own case so they never share a draft.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from forms_app import create_app
from forms_app.store.db import db
from forms_app.store.migrate import upgrade

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass
class Live:
    app: Flask
    url: str
    people: Any  # tests.web.journey_helpers.Worcs

    def new_case(self) -> int:
        from tests import factories

        with self.app.app_context():
            w = self.people
            case = factories.create_case(
                council=db.session.merge(w.council), icb=db.session.merge(w.icb),
                trust=db.session.merge(w.trust))
            db.session.commit()
            return case.id


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    folder = tmp_path_factory.mktemp("live")
    url = f"sqlite:///{folder / 'live.db'}"
    upgrade(url)
    app = create_app({"S117_ENV": "testing", "DATABASE_URL": url,
                      "S117_INSTANCE_PATH": str(folder / "instance"),
                      "SECRET_KEY": "browser-test-" + "k" * 40, "WTF_CSRF_ENABLED": True})
    with app.app_context():
        from tests.web.journey_helpers import worcestershire

        people = worcestershire()
        db.session.commit()
        db.session.expunge_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Live(app, f"http://127.0.0.1:{server.server_port}", people)
    finally:
        server.shutdown()
        thread.join(timeout=10)


# Package scope: Playwright's sync API keeps an event loop running in this thread while it
# is open, which later tests (asyncio.run in pyHanko, other Playwright users) must not see.
@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """``new_context()``: a fresh browser profile (its own cookies), closed afterwards."""
    contexts = []

    def make() -> Any:
        context = browser.new_context(accept_downloads=True)
        context.on("console", _record_csp_violation)
        context.set_default_timeout(int(os.environ.get("S117_BROWSER_TIMEOUT_MS", "15000")))
        contexts.append(context)
        return context

    CSP_VIOLATIONS.clear()
    yield make
    for context in contexts:
        context.close()
    assert not CSP_VIOLATIONS, "the Content Security Policy refused:\n" + "\n".join(
        CSP_VIOLATIONS)


CSP_VIOLATIONS: list[str] = []


def _record_csp_violation(message: Any) -> None:
    """Chromium reports every CSP refusal on the console; the app must cause none."""
    if "Content Security Policy" in message.text:
        CSP_VIOLATIONS.append(message.text)
