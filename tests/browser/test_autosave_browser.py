"""A page with unsaved answers saves itself before the idle timeout; an untouched one not."""

from __future__ import annotations

import pytest

from tests.browser.pages import click, goto, sign_in

pytestmark = pytest.mark.browser


def test_typed_answers_are_saved_before_the_session_would_time_out(live, new_context):
    from forms_app.models import FormRecord
    from forms_app.store.db import db

    case_id = live.new_case()
    page = new_context().new_page()
    sign_in(page, live.url, live.people.council_commissioner.email)
    goto(page, f"{live.url}/cases/{case_id}/forms/new/dispute_notice")
    click(page, "#start-form")
    record_id = int(page.url.split("/forms/")[1].split("/")[0])
    live.app.config["S117_AUTOSAVE_SECONDS"] = 2
    try:
        goto(page, f"{live.url}/forms/{record_id}/steps/dispute")
        page.fill("#grounds", "Typed, then the person walked away.")
        page.wait_for_url("**saved=1", timeout=10_000)
        assert page.locator("#autosaved").count() == 1
        with live.app.app_context():
            assert db.session.get(FormRecord, record_id).data["grounds"] == (
                "Typed, then the person walked away.")
        page.wait_for_timeout(3000)  # untouched now: no further save
        assert page.url.endswith("saved=1")
    finally:
        live.app.config.pop("S117_AUTOSAVE_SECONDS")
