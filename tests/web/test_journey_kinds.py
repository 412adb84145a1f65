"""Every kind's journey, end to end through the web pages: fill in, submit, sign, documents."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from forms_app.documents.registry import documents_for_kind
from forms_app.models import Document, FormRecord
from forms_app.store.db import db
from tests import factories
from tests.examples import load_example
from tests.web.journey_helpers import fill_in, for_case, sign_as, worcestershire

# kind, example, who fills it in, who signs as which party (in order)
JOURNEYS = [
    ("aftercare_plan", "aftercare_plan", "practitioner", [("practitioner", "named_practitioner")]),
    ("leave_funding_agreement", "leave_funding_agreement", "council_commissioner",
     [("council_commissioner", "local_authority"), ("icb_commissioner", "icb")]),
    ("discharge_decision", "discharge_decision", "practitioner",
     [("council_commissioner", "local_authority"), ("clinician", "responsible_clinician")]),
    ("dispute_notice", "dispute_notice", "council_commissioner",
     [("council_commissioner", "issuer")]),
    ("change_notice", "change_notice", "icb_commissioner", [("icb_commissioner", "issuer")]),
    ("register_entry", "register_entry", "register_keeper", [("register_keeper", "issuer")]),
    ("responsibility", "responsibility", "register_keeper", [("register_keeper", "issuer")]),
]


def _future_leave(data: dict) -> dict:
    """Leave agreed and signed before it starts (LEAVE-02), whatever day the tests run."""
    today = dt.date.today()
    data["leave"]["start_date"] = (today + dt.timedelta(days=30)).isoformat()
    data["leave"]["end_date"] = (today + dt.timedelta(days=60)).isoformat()
    data["prior_agreement"]["agreed_on"] = today.isoformat()
    data["council_informed_on"] = data["icb_informed_on"] = today.isoformat()
    return data


@pytest.mark.parametrize(("kind", "name", "editor", "signers"), JOURNEYS,
                         ids=[j[0] for j in JOURNEYS])
def test_the_journey_reaches_signed_off_documents(app, login, kind, name, editor, signers):
    worcs = worcestershire()
    client = app.test_client()
    login(client, getattr(worcs, editor))
    started = client.post(f"/cases/{worcs.case.id}/forms/new/{kind}")
    assert started.status_code == 302
    record_id = int(started.headers["Location"].split("/forms/")[1].split("/")[0])
    data = for_case(load_example(name), worcs.case)
    if kind == "leave_funding_agreement":
        data = _future_leave(data)
    fill_in(client, record_id, kind, data)
    lock = _record(record_id).lock_version
    assert client.post(f"/forms/{record_id}/submit",
                       data={"lock_version": str(lock)}).status_code == 302
    assert _record(record_id).status == "awaiting_signoff", client.get(
        f"/forms/{record_id}/check").get_data(as_text=True)
    for who, party in signers:
        signer = app.test_client()
        login(signer, getattr(worcs, who))
        page = signer.get(f"/forms/{record_id}").get_data(as_text=True)
        assert f'id="sign-{party}"' in page
        response = sign_as(signer, record_id, party)
        assert response.status_code == 302
    record = _record(record_id)
    assert record.status == "signed_off"
    names = {d.name for d in db.session.scalars(select(Document).filter_by(form_id=record_id))}
    assert names == set(documents_for_kind(kind))


def _record(record_id: int) -> FormRecord:
    db.session.expire_all()
    return db.session.get(FormRecord, record_id)


def test_a_harrow_funding_agreement_needs_its_panel_before_sign_off(app, login):
    """The Harrow pack: a needs matrix, and FUND-09 panel ratification before sign-off."""
    council = factories.create_organisation(code="E09000015", name="London Borough of Harrow")
    icb = factories.create_organisation(code="QRV", type="icb", name="NHS North West London ICB")
    case = factories.create_case(council=council, icb=icb, policy="harrow")
    users = {
        "local_authority": factories.create_user(roles=["council_commissioner"],
                                                 organisation=council),
        "icb": factories.create_user(roles=["icb_commissioner"], organisation=icb),
    }
    client = app.test_client()
    login(client, users["local_authority"])
    started = client.post(f"/cases/{case.id}/forms/new/funding_agreement")
    record_id = int(started.headers["Location"].split("/forms/")[1].split("/")[0])
    data = for_case(load_example("funding_agreement_harrow"), case)
    data["panel"] = None
    fill_in(client, record_id, "funding_agreement", data)
    check = client.get(f"/forms/{record_id}/check").get_data(as_text=True)
    assert "FUND-09" in check
    lock = _record(record_id).lock_version
    client.post(f"/forms/{record_id}/submit", data={"lock_version": str(lock)})
    assert _record(record_id).status == "draft"  # refused: the panel has not ratified it
    fill_in(client, record_id, "funding_agreement", for_case(
        load_example("funding_agreement_harrow"), case))
    lock = _record(record_id).lock_version
    client.post(f"/forms/{record_id}/submit", data={"lock_version": str(lock)})
    for party, user in users.items():
        signer = app.test_client()
        login(signer, user)
        sign_as(signer, record_id, party)
    assert _record(record_id).status == "signed_off"
