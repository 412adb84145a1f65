"""An issued change notice: the letter in the person's format, their written acknowledgement
(recorded once, with a checked date), and the consulted commissioner's confirmation."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from forms_app.models import (
    AuditEvent,
    ConsultationConfirmation,
    Document,
    FormRecord,
    NoticeAcknowledgement,
)
from forms_app.policy.dates import long_date
from forms_app.store.db import db
from tests.examples import load_example
from tests.web.journey_helpers import fill_in, for_case, sign_as, start, submit, worcestershire

TODAY = dt.date.today()


@pytest.fixture
def worcs(app):
    return worcestershire()


def _days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def _notice(worcs) -> dict:
    """The example notice, issued ten days ago (its review and consultation before that)."""
    data = for_case(load_example("change_notice"), worcs.case)
    data["issued_on"] = _days(-10)
    data["joint_review"]["date"] = _days(-20)
    data["other_party_consulted"]["date"] = _days(-15)
    data["change"]["proposed_effective_date"] = _days(20)
    return data


def _issued(app, worcs, login):
    icb = app.test_client()
    login(icb, worcs.icb_commissioner)
    record_id = start(icb, worcs.case.id, "change_notice")
    fill_in(icb, record_id, "change_notice", _notice(worcs))
    submit(icb, record_id)
    assert sign_as(icb, record_id, "issuer").status_code == 302
    db.session.expire_all()
    assert db.session.get(FormRecord, record_id).status == "signed_off"
    return record_id, icb


def _acknowledge(client, record_id: int, day: dt.date | tuple, method: str | None = "post"):
    d, m, y = (day.day, day.month, day.year) if isinstance(day, dt.date) else day
    data = {"received_on-day": str(d), "received_on-month": str(m), "received_on-year": str(y)}
    if method:
        data["method"] = method
    return client.post(f"/forms/{record_id}/acknowledgement", data=data)


def _rows(model, record_id: int) -> list:
    db.session.expire_all()
    return db.session.scalars(select(model).filter_by(form_id=record_id)).all()


def test_the_persons_acknowledgement_is_recorded_once_shown_and_audited(app, worcs, login):
    record_id, icb = _issued(app, worcs, login)
    letter = db.session.scalars(select(Document).filter_by(form_id=record_id, format="pdf")).one()
    assert letter.variant == "easy_read"  # the person's recorded format
    page = icb.get(f"/forms/{record_id}").get_data(as_text=True)
    assert 'id="record-acknowledgement"' in page

    received = TODAY - dt.timedelta(days=2)
    assert _acknowledge(icb, record_id, received, "email").status_code == 302
    page = icb.get(f"/forms/{record_id}").get_data(as_text=True)
    assert received.strftime("%-d %B %Y") in page
    assert "By email" in page
    assert f"{worcs.icb_commissioner.display_name} on" in page
    assert 'id="record-acknowledgement"' not in page  # recorded once: no form any more
    [row] = _rows(NoticeAcknowledgement, record_id)
    assert (row.received_on, row.method, row.recorded_by_id) == (
        received, "email", worcs.icb_commissioner.id)
    events = db.session.scalars(select(AuditEvent).filter_by(action="change_notice.acknowledged",
                                                    record_id=str(record_id))).all()
    assert [e.details["received_on"] for e in events] == [received.isoformat()]

    again = _acknowledge(icb, record_id, TODAY, "post")
    assert again.status_code == 302
    assert "it is recorded once" in icb.get(f"/forms/{record_id}").get_data(as_text=True)
    assert len(_rows(NoticeAcknowledgement, record_id)) == 1


def test_a_bad_acknowledgement_date_is_shown_on_the_record_page(app, worcs, login):
    record_id, icb = _issued(app, worcs, login)
    issued = dt.date.fromisoformat(_days(-10))
    tomorrow = TODAY + dt.timedelta(days=1)
    cases = [
        ((tomorrow.day, tomorrow.month, tomorrow.year), "must be today or in the past"),
        ((20, 4, 3000), "must be today or in the past"),
        ((1, 1, "9" * 20), "a four-digit year"),
        ((31, 2, 2026), "must be a real date"),
        (("", "", ""), "Enter the date the acknowledgement was received"),
        ((issued - dt.timedelta(days=1)).timetuple()[2::-1],
         f"on or after the notice date, {long_date(issued)}"),
    ]
    for day, message in cases:
        response = _acknowledge(icb, record_id, day)
        assert response.status_code == 400, day
        page = response.get_data(as_text=True)
        assert '<h2 class="nhsuk-error-summary__heading">There is a problem</h2>' in page
        assert re.search(r'<a href="#received_on-day">[^<]*' + re.escape(message), page), day
        assert 'class="nhsuk-error-message" id="received_on-error"' in page
    no_method = _acknowledge(icb, record_id, TODAY, method=None)
    assert no_method.status_code == 400
    assert '<a href="#method">Select how the acknowledgement was received</a>' in (
        no_method.get_data(as_text=True))
    assert _rows(NoticeAcknowledgement, record_id) == []


def test_the_consulted_commissioner_confirms_the_consultation(app, worcs, login):
    record_id, icb = _issued(app, worcs, login)
    council = app.test_client()
    login(council, worcs.council_commissioner)  # the notice consulted the council
    page = council.get(f"/forms/{record_id}").get_data(as_text=True)
    assert "Worcestershire County Council (E10000034)" in page
    assert "They agree with the change" in page
    assert "Not confirmed yet" in page
    assert 'id="confirm-consultation"' in page
    assert 'id="confirm-consultation"' not in icb.get(f"/forms/{record_id}").get_data(
        as_text=True)  # the issuer cannot confirm their own consultation

    assert icb.post(f"/forms/{record_id}/consultation").status_code == 302
    assert _rows(ConsultationConfirmation, record_id) == []
    assert council.post(f"/forms/{record_id}/consultation").status_code == 302
    page = council.get(f"/forms/{record_id}").get_data(as_text=True)
    assert (f"Confirmed by {worcs.council_commissioner.display_name} for Worcestershire "
            "County Council") in page
    [row] = _rows(ConsultationConfirmation, record_id)
    assert row.confirmed_by_id == worcs.council_commissioner.id
    assert len(db.session.scalars(select(AuditEvent).filter_by(
        action="change_notice.consultation_confirmed", record_id=str(record_id))).all()) == 1
    council.post(f"/forms/{record_id}/consultation")
    assert len(_rows(ConsultationConfirmation, record_id)) == 1


def test_nothing_is_recorded_on_a_notice_not_yet_issued(app, worcs, login):
    icb = app.test_client()
    login(icb, worcs.icb_commissioner)
    record_id = start(icb, worcs.case.id, "change_notice")
    fill_in(icb, record_id, "change_notice", _notice(worcs))
    council = app.test_client()
    login(council, worcs.council_commissioner)
    assert _acknowledge(icb, record_id, TODAY).status_code == 302
    assert council.post(f"/forms/{record_id}/consultation").status_code == 302
    page = icb.get(f"/forms/{record_id}").get_data(as_text=True)
    assert "only a commissioner" in page.lower()
    assert _rows(NoticeAcknowledgement, record_id) == []
    assert _rows(ConsultationConfirmation, record_id) == []
