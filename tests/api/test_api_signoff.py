"""Signing and case ties through the JSON API: the lock_version read, one signature per
account, a locked account, and forms that are not about their case (422 naming the field)."""

from __future__ import annotations

from forms_app.models import Membership, Role, User, utcnow
from forms_app.store.db import db
from tests import factories
from tests.examples import load_example
from tests.factories import DEFAULT_PASSWORD
from tests.web.journey_helpers import for_case


def _awaiting(client, headers, case) -> dict:
    body = for_case(load_example("funding_agreement"), case)
    form = client.post(f"/api/v1/cases/{case.id}/forms", json=body, headers=headers).json
    submitted = client.post(f"/api/v1/forms/{form['id']}/submit", headers=headers)
    assert submitted.status_code == 200
    return submitted.json


def _sign(client, headers, form_id: int, party: str, lock, password: str = DEFAULT_PASSWORD):
    body = {"party": party, "password": password}
    if lock is not None:
        body["lock_version"] = lock
    return client.post(f"/api/v1/forms/{form_id}/signatures", json=body, headers=headers)


def test_sign_needs_the_lock_version_read_and_a_stale_one_is_409(client, worcs, bearer):
    council = bearer(worcs.council_commissioner)
    form = _awaiting(client, council, worcs.case)
    missing = _sign(client, council, form["id"], "local_authority", None)
    assert missing.status_code == 422
    assert "lock_version" in missing.json["errors"]["json"]
    for junk in ("1", 1.5, -1, 2**40):
        assert _sign(client, council, form["id"], "local_authority", junk).status_code == 422
    stale = _sign(client, council, form["id"], "local_authority", form["lock_version"] - 1)
    assert stale.status_code == 409
    read = client.get(f"/api/v1/forms/{form['id']}", headers=council)
    assert read.json["signatures"] == []
    etag = int(read.headers["ETag"].strip('"'))
    signed = _sign(client, council, form["id"], "local_authority", etag)
    assert signed.status_code == 201
    assert [s["party"] for s in signed.json["signatures"]] == ["local_authority"]


def test_one_account_cannot_sign_for_both_parties(client, worcs, bearer):
    both = factories.create_user(roles=[Role.COUNCIL_COMMISSIONER], organisation=worcs.council)
    both.memberships.append(Membership(organisation=worcs.icb, role=Role.ICB_COMMISSIONER))
    db.session.flush()
    headers = bearer(both)
    form = _awaiting(client, headers, worcs.case)
    first = _sign(client, headers, form["id"], "local_authority", form["lock_version"])
    assert first.status_code == 201
    second = _sign(client, headers, form["id"], "icb", first.json["lock_version"])
    assert second.status_code == 403
    assert "another person must sign for the integrated care board" in second.json["message"]
    read = client.get(f"/api/v1/forms/{form['id']}", headers=headers).json
    assert [s["party"] for s in read["signatures"]] == ["local_authority"]
    assert read["status"] == "awaiting_signoff"


def test_a_locked_account_cannot_sign(client, worcs, bearer):
    council, icb = bearer(worcs.council_commissioner), bearer(worcs.icb_commissioner)
    form = _awaiting(client, council, worcs.case)
    for _ in range(5):
        wrong = _sign(client, icb, form["id"], "icb", form["lock_version"], "guess")
        assert wrong.status_code == 403
    refused = _sign(client, icb, form["id"], "icb", form["lock_version"])
    assert refused.status_code == 403
    assert "too many wrong passwords" in refused.json["message"]
    db.session.expire_all()
    assert db.session.get(User, worcs.icb_commissioner.id).locked_until > utcnow()
    assert client.get(f"/api/v1/forms/{form['id']}", headers=icb).json["signatures"] == []


def test_a_form_not_about_its_case_is_422_naming_the_field(client, worcs, bearer):
    headers = bearer(worcs.council_commissioner)
    good = for_case(load_example("funding_agreement"), worcs.case)
    other_person = {**good, "person": {**good["person"],
                                       "nhs_number": factories.next_nhs_number()}}
    other_council = {**good, "responsible_la": {"code": worcs.elsewhere.code,
                                                "name": worcs.elsewhere.name,
                                                "type": "local_authority"}}
    cases = [
        (other_person, "/person/nhs_number", worcs.case.person.nhs_number),
        ({**good, "policy": "harrow"}, "/policy", '"worcestershire"'),
        (other_council, "/responsible_la/code", "Worcestershire County Council (E10000034)"),
    ]
    url = f"/api/v1/cases/{worcs.case.id}/forms"
    for body, field, named in cases:
        response = client.post(url, json=body, headers=headers)
        assert response.status_code == 422, field
        assert named in response.json["errors"]["json"][field][0]
    created = client.post(url, json=good, headers=headers)
    assert created.status_code == 201
    update = client.put(f"/api/v1/forms/{created.json['id']}", json=other_person,
                        headers={**headers, "If-Match": created.headers["ETag"]})
    assert update.status_code == 422
    assert "/person/nhs_number" in update.json["errors"]["json"]


def test_submitting_a_draft_whose_bodies_are_not_the_cases_is_422(client, worcs, bearer):
    data = for_case(load_example("funding_agreement"), worcs.case)
    data["responsible_icb"] = {"code": "QXX", "name": "Another ICB", "type": "icb"}
    record = factories.create_form(case=worcs.case, kind="funding_agreement", data=data)
    headers = bearer(worcs.council_commissioner)
    response = client.post(f"/api/v1/forms/{record.id}/submit", headers=headers)
    assert response.status_code == 422
    assert "/responsible_icb/code" in response.json["errors"]["json"]

