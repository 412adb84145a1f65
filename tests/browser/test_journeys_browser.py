"""One whole journey per kind in Chromium: sign in, fill in, see a finding, fix it, check
answers, sign off as each party in their own account, download both documents. axe-core
checks every page on the way for WCAG 2.2 A/AA violations."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.pages import axe, click, fill_step, goto, journey_steps, sign_in
from tests.examples import load_example
from tests.web.journey_helpers import for_case

pytestmark = pytest.mark.browser


def _future_leave(data: dict) -> dict:
    today = dt.date.today()
    data["leave"]["start_date"] = (today + dt.timedelta(days=30)).isoformat()
    data["leave"]["end_date"] = (today + dt.timedelta(days=60)).isoformat()
    data["prior_agreement"]["agreed_on"] = today.isoformat()
    data["council_informed_on"] = data["icb_informed_on"] = today.isoformat()
    return data


def _set(path: str, value: Any) -> Callable[[dict], None]:
    def mutate(data: dict) -> None:
        *parents, last = path.split("/")
        node = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[last] = value

    return mutate


def _no_contact(data: dict) -> None:
    data["plan"]["named_practitioner"].update(phone=None, email=None)


# kind, who fills it in, signers (user, party), the mistake (step, change, rule it breaks)
CASES = [
    ("aftercare_plan", "practitioner", [("practitioner", "named_practitioner")],
     ("practitioner", _no_contact, "PLAN-01")),
    ("funding_agreement", "council_commissioner",
     [("council_commissioner", "local_authority"), ("icb_commissioner", "icb")],
     ("split", _set("split", {"local_authority_percent": 50, "icb_percent": 50}), "FUND-01")),
    ("leave_funding_agreement", "council_commissioner",
     [("council_commissioner", "local_authority"), ("icb_commissioner", "icb")],
     ("funding", _set("council_informed_on", None), "LEAVE-03")),
    ("discharge_decision", "practitioner",
     [("council_commissioner", "local_authority"), ("clinician", "responsible_clinician")],
     ("reasons", _set("grounds", ["time_elapsed"]), "DISCH-09")),
    ("dispute_notice", "council_commissioner", [("council_commissioner", "issuer")],
     ("interim", _set("care_continues", False), "DISP-01")),
    ("change_notice", "icb_commissioner", [("icb_commissioner", "issuer")],
     ("change", _set("change/proposed_effective_date", "2027-04-01"), "CHG-04")),
    ("register_entry", "register_keeper", [("register_keeper", "issuer")],
     ("events", _set("events/1/recorded_on", "2026-04-30"), "REG-02")),
    ("responsibility", "register_keeper", [("register_keeper", "issuer")],
     ("history", _set("events/0/ordinary_residence_la", None), "RESP-00")),
]


def _answers(kind: str, live: Any, case_id: int) -> dict:
    from forms_app.models import Case
    from forms_app.store.db import db

    with live.app.app_context():
        data = for_case(load_example(kind), db.session.get(Case, case_id))
    return _future_leave(data) if kind == "leave_funding_agreement" else data


@pytest.mark.parametrize(("kind", "editor", "signers", "mistake"), CASES,
                         ids=[c[0] for c in CASES])
def test_whole_journey(live, new_context, kind, editor, signers, mistake):
    case_id = live.new_case()
    data = _answers(kind, live, case_id)
    page = new_context().new_page()
    sign_in(page, live.url, getattr(live.people, editor).email)
    goto(page, f"{live.url}/cases/{case_id}")
    click(page, f"a[href='/cases/{case_id}/forms/new/{kind}']")
    click(page, "#start-form")
    _fill_in_with_a_mistake(page, kind, data, mistake)
    assert "/check" in page.url
    assert page.locator(".nhsuk-error-summary").count() == 0
    click(page, "#submit-for-signoff")
    assert page.inner_text("#record-status") == "Awaiting sign-off"
    record_url = page.url
    for who, party in signers:
        signer = new_context().new_page()
        sign_in(signer, live.url, getattr(live.people, who).email)
        goto(signer, record_url)
        click(signer, f"#sign-{party}")
        signer.fill("#password", "correct horse battery staple")
        click(signer, "#sign-button")
    goto(page, record_url)
    assert page.inner_text("#record-status") == "Signed off"
    _download_all(page)


def _fill_in_with_a_mistake(page: Any, kind: str, data: dict, mistake: tuple) -> None:
    slug, mutate, rule = mistake
    for step in journey_steps(kind, data):
        if step.slug == slug:
            wrong = copy.deepcopy(data)
            mutate(wrong)
            fill_step(page, step, wrong)
            click(page, "#save-and-continue")
            summary = page.locator(".nhsuk-error-summary")
            assert summary.count() == 1, f"{rule} not shown on {step.slug}"
            assert rule in summary.inner_text()
            link = summary.locator("a").first
            target = link.get_attribute("href").split("#", 1)[1]
            link.click()  # the design system's script moves focus to the field on the page
            page.wait_for_function("id => document.activeElement && document.activeElement"
                                   ".id === id", arg=target)
        fill_step(page, step, data)
        click(page, "#save-and-continue")
        if page.locator(".nhsuk-error-summary, .s117-warnings").count():
            click(page, "#save-and-continue")  # warnings were shown once; carry on


def _download_all(page: Any) -> None:
    links = page.locator("#documents a")
    assert links.count() >= 2
    formats = set()
    for index in range(links.count()):
        link = links.nth(index)
        with page.expect_download() as info:
            link.click()
        download = info.value
        content = Path(download.path()).read_bytes()
        shown = link.locator("xpath=..").inner_text()
        assert hashlib.sha256(content).hexdigest() in shown
        formats.add(download.suggested_filename.rsplit(".", 1)[1])
    assert formats == {"pdf", "docx"}
    axe(page)


from pathlib import Path  # noqa: E402
