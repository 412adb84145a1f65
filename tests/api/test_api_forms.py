"""The JSON API: form versions with optimistic locking, 422 naming the field, scoping."""

from __future__ import annotations

import hashlib

from forms_app.contract.check import check_form
from tests.examples import load_example
from tests.factories import DEFAULT_PASSWORD
from tests.web.journey_helpers import for_case


def _create(client, headers, case_id, body):
    return client.post(f"/api/v1/cases/{case_id}/forms", json=body, headers=headers)


def test_create_read_update_with_if_match_and_409_on_a_stale_version(client, worcs, bearer):
    headers = bearer(worcs.council_commissioner)
    body = for_case(load_example("funding_agreement"), worcs.case)
    created = _create(client, headers, worcs.case.id, body)
    assert created.status_code == 201, created.json
    form = created.json
    assert form["status"] == "draft"
    assert created.headers["ETag"] == f'"{form["lock_version"]}"'
    body["plan_reference"] = "AP-2"
    updated = client.put(f"/api/v1/forms/{form['id']}", json=body,
                         headers={**headers, "If-Match": created.headers["ETag"]})
    assert updated.status_code == 200, updated.json
    assert updated.json["data"]["plan_reference"] == "AP-2"
    stale = client.put(f"/api/v1/forms/{form['id']}", json={**body, "plan_reference": "AP-3"},
                       headers={**headers, "If-Match": created.headers["ETag"]})
    assert stale.status_code == 409
    assert client.get(f"/api/v1/forms/{form['id']}",
                      headers=headers).json["data"]["plan_reference"] == "AP-2"
    missing = client.put(f"/api/v1/forms/{form['id']}", json=body, headers=headers)
    assert missing.status_code == 428


def test_an_unknown_field_is_422_naming_it(client, worcs, bearer):
    headers = bearer(worcs.council_commissioner)
    body = for_case(load_example("funding_agreement"), worcs.case)
    body["services"][0]["colour"] = "blue"
    response = _create(client, headers, worcs.case.id, body)
    assert response.status_code == 422
    assert "/services/0/colour" in response.json["errors"]["json"]


def test_a_wrong_type_is_422_naming_the_field_never_500(client, worcs, bearer):
    headers = bearer(worcs.council_commissioner)
    body = for_case(load_example("funding_agreement"), worcs.case)
    body["services"][1]["weekly_cost_pence"] = "210.00"
    response = _create(client, headers, worcs.case.id, body)
    assert response.status_code == 422
    assert list(response.json["errors"]["json"]) == ["/services/1/weekly_cost_pence"]
    for junk in ([1, 2], "text", None):
        assert _create(client, headers, worcs.case.id, junk).status_code == 422
    not_json = client.post(f"/api/v1/cases/{worcs.case.id}/forms", data=b"\xff{",
                           headers={**headers, "Content-Type": "application/json"})
    assert not_json.status_code == 422


def test_sign_needs_a_known_party_and_no_unknown_field(client, worcs, bearer):
    headers = bearer(worcs.council_commissioner)
    body = for_case(load_example("funding_agreement"), worcs.case)
    form = _create(client, headers, worcs.case.id, body).json
    response = client.post(f"/api/v1/forms/{form['id']}/signatures", headers=headers,
                           json={"party": "local_authority", "password": "x", "extra": 1})
    assert response.status_code == 422
    assert "extra" in response.json["errors"]["json"]


def test_validate_returns_exactly_the_command_output(client, worcs, bearer):
    headers = bearer(worcs.council_commissioner)
    body = load_example("funding_agreement")
    body["split"] = {"local_authority_percent": 50, "icb_percent": 50}
    response = client.post("/api/v1/validate", json=body, headers=headers)
    assert response.status_code == 200
    assert response.json == check_form(body).as_json()
    assert any(f["rule"] == "FUND-01" for f in response.json["findings"])


def test_both_parties_sign_through_the_api_and_documents_download(client, worcs, bearer):
    council, icb = bearer(worcs.council_commissioner), bearer(worcs.icb_commissioner)
    body = for_case(load_example("funding_agreement"), worcs.case)
    form = _create(client, council, worcs.case.id, body).json
    submitted = client.post(f"/api/v1/forms/{form['id']}/submit", headers=council)
    assert submitted.status_code == 200
    sign = {"party": "local_authority", "password": DEFAULT_PASSWORD,
            "lock_version": submitted.json["lock_version"]}
    first = client.post(f"/api/v1/forms/{form['id']}/signatures", json=sign, headers=council)
    assert first.status_code == 201
    assert first.json["status"] == "awaiting_signoff"
    lock = int(first.headers["ETag"].strip('"'))  # a signature moves the lock_version on
    wrong = client.post(f"/api/v1/forms/{form['id']}/signatures", headers=council,
                        json={"party": "icb", "password": DEFAULT_PASSWORD, "lock_version": lock})
    assert wrong.status_code == 403
    done = client.post(f"/api/v1/forms/{form['id']}/signatures", headers=icb,
                       json={"party": "icb", "password": DEFAULT_PASSWORD, "lock_version": lock})
    assert done.json["status"] == "signed_off"
    documents = done.json["documents"]
    assert sorted(d["format"] for d in documents) == ["docx", "pdf"]
    for document in documents:
        download = client.get(document["url"], headers=icb)
        assert download.status_code == 200
        assert hashlib.sha256(download.data).hexdigest() == document["sha256"]
    frozen = client.put(f"/api/v1/forms/{form['id']}", json=body,
                        headers={**council, "If-Match": f'"{done.json["lock_version"]}"'})
    assert frozen.status_code == 409


def test_another_organisation_sees_nothing(client, worcs, bearer):
    own = bearer(worcs.council_commissioner)
    form = _create(client, own, worcs.case.id,
                   for_case(load_example("funding_agreement"), worcs.case)).json
    outsider = bearer(worcs.outsider)
    assert client.get("/api/v1/cases", headers=outsider).json == []
    assert client.get(f"/api/v1/cases/{worcs.case.id}", headers=outsider).status_code == 404
    assert client.get(f"/api/v1/forms/{form['id']}", headers=outsider).status_code == 404
    assert client.post(f"/api/v1/forms/{form['id']}/signatures", headers=outsider,
                       json={"party": "local_authority", "password": DEFAULT_PASSWORD,
                             "lock_version": form["lock_version"]}).status_code == 404
    assert [c["id"] for c in client.get("/api/v1/cases", headers=own).json] == [worcs.case.id]


def test_no_new_version_while_one_awaits_sign_off(client, worcs, bearer):
    headers = bearer(worcs.council_commissioner)
    body = for_case(load_example("funding_agreement"), worcs.case)
    form = _create(client, headers, worcs.case.id, body).json
    assert _create(client, headers, worcs.case.id, body).status_code == 409  # a draft exists
    client.post(f"/api/v1/forms/{form['id']}/submit", headers=headers)
    assert _create(client, headers, worcs.case.id, body).status_code == 409
