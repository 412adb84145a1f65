"""A whole journey with the keyboard only (a dispute notice): sign in, every step, check
answers, send for sign-off and issue it, without touching the mouse."""

from __future__ import annotations

import pytest

from tests.browser import keyboard
from tests.browser.pages import axe, goto, journey_steps
from tests.examples import load_example
from tests.factories import DEFAULT_PASSWORD
from tests.web.journey_helpers import for_case

pytestmark = pytest.mark.browser


def test_a_dispute_notice_can_be_completed_with_the_keyboard_only(live, new_context):
    from forms_app.models import Case
    from forms_app.store.db import db

    case_id = live.new_case()
    with live.app.app_context():
        data = for_case(load_example("dispute_notice"), db.session.get(Case, case_id))
    page = new_context().new_page()
    goto(page, f"{live.url}/login")
    keyboard.type_into(page, "email", live.people.council_commissioner.email)
    keyboard.type_into(page, "password", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    goto(page, f"{live.url}/cases/{case_id}")
    keyboard.tab_to(page, "(el, href) => el && el.getAttribute('href') === href",
                    f"/cases/{case_id}/forms/new/dispute_notice")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    axe(page)
    keyboard.press_enter_on(page, "start-form")
    for step in journey_steps("dispute_notice", data):
        keyboard.fill_step(page, step, data)
        keyboard.press_enter_on(page, "save-and-continue")
        if page.locator(".nhsuk-error-summary, .s117-warnings").count():
            keyboard.press_enter_on(page, "save-and-continue")
    assert "/check" in page.url
    keyboard.press_enter_on(page, "submit-for-signoff")
    keyboard.press_enter_on(page, "sign-issuer")
    keyboard.type_into(page, "password", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    axe(page)
    assert page.inner_text("#record-status") == "Signed off"
