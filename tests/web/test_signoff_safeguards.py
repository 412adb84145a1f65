"""Sign-off safeguards through the web pages: one account signs once, a signature is of the
version read, password re-entry is throttled, who signs comes from the case, a second
submit is answered with a message."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forms_app.models import AuditEvent, FormRecord, Membership, Role, User
from forms_app.services.signoff import CannotSignError, parties_for, sign
from forms_app.store.db import db
from forms_app.web.forms import JOURNEYS
from forms_app.web.forms.binding import form_values
from tests import factories
from tests.examples import load_example
from tests.factories import DEFAULT_PASSWORD
from tests.web.journey_helpers import (
    _post_step,
    fill_in,
    for_case,
    formdata,
    sign_as,
    start,
    submit,
    worcestershire,
)


@pytest.fixture
def worcs(app):
    return worcestershire()


def _record(record_id: int) -> FormRecord:
    db.session.expire_all()
    return db.session.get(FormRecord, record_id)


def _awaiting_funding(client, worcs, data: dict | None = None) -> int:
    record_id = start(client, worcs.case.id, "funding_agreement")
    fill_in(client, record_id, "funding_agreement",
            data or for_case(load_example("funding_agreement"), worcs.case))
    assert submit(client, record_id).status_code == 302
    assert _record(record_id).status == "awaiting_signoff"
    return record_id


def _both_commissioner(worcs) -> User:
    """One person holding a council-commissioner and an ICB-commissioner membership."""
    user = factories.create_user(roles=[Role.COUNCIL_COMMISSIONER], organisation=worcs.council,
                                 display_name="Dana Both")
    user.memberships.append(Membership(organisation=worcs.icb, role=Role.ICB_COMMISSIONER))
    db.session.flush()
    return user


def test_one_account_cannot_sign_as_both_parties(app, worcs, login):
    both = _both_commissioner(worcs)
    client = app.test_client()
    login(client, both)
    record_id = _awaiting_funding(client, worcs)
    page = client.get(f"/forms/{record_id}").get_data(as_text=True)
    assert 'id="sign-local_authority"' in page
    assert 'id="sign-icb"' in page

    assert sign_as(client, record_id, "local_authority").status_code == 302
    page = client.get(f"/forms/{record_id}").get_data(as_text=True)
    assert 'id="sign-icb"' not in page  # never offered once they have signed
    assert "You signed for the council" in page
    for refused in (client.get(f"/forms/{record_id}/sign/icb"), sign_as(client, record_id, "icb")):
        assert refused.status_code == 403
        assert "another person must sign for the integrated care board" in refused.get_data(
            as_text=True)
    record = _record(record_id)
    assert [s.party for s in record.signatures] == ["local_authority"]
    assert record.status == "awaiting_signoff"

    icb = app.test_client()
    login(icb, worcs.icb_commissioner)
    assert sign_as(icb, record_id, "icb").status_code == 302
    assert _record(record_id).status == "signed_off"


def test_the_service_refuses_a_second_signature_by_the_same_user(app, worcs, login):
    both = _both_commissioner(worcs)
    client = app.test_client()
    login(client, both)
    record_id = _awaiting_funding(client, worcs)
    record = _record(record_id)
    sign(record, both, "local_authority", DEFAULT_PASSWORD, record.lock_version)
    with pytest.raises(CannotSignError, match="already signed"):
        sign(record, both, "icb", DEFAULT_PASSWORD, record.lock_version)
    assert len(record.signatures) == 1


def test_the_sign_page_posts_the_version_read_and_a_stale_one_signs_nothing(app, worcs, login):
    council, icb = app.test_client(), app.test_client()
    login(council, worcs.council_commissioner)
    login(icb, worcs.icb_commissioner)
    record_id = _awaiting_funding(council, worcs)
    read = _record(record_id).lock_version
    page = icb.get(f"/forms/{record_id}/sign/icb").get_data(as_text=True)
    assert f'name="lock_version" value="{read}"' in page

    # Meanwhile the form goes back to draft, is changed and comes back for sign-off.
    council.post(f"/forms/{record_id}/withdraw", data={"lock_version": str(read)})
    fill_in(council, record_id, "funding_agreement",
            {**for_case(load_example("funding_agreement"), worcs.case), "plan_reference": "AP-9"})
    submit(council, record_id)

    stale = icb.post(f"/forms/{record_id}/sign/icb",
                     data={"password": DEFAULT_PASSWORD, "lock_version": str(read)})
    assert stale.status_code == 409
    assert "Your signature was not recorded" in stale.get_data(as_text=True)
    missing = icb.post(f"/forms/{record_id}/sign/icb", data={"password": DEFAULT_PASSWORD})
    assert missing.status_code == 409
    assert _record(record_id).signatures == []
    assert sign_as(icb, record_id, "icb").status_code == 302  # the version now shown


def test_a_signature_moves_the_lock_version_on(app, worcs, login):
    council, icb = app.test_client(), app.test_client()
    login(council, worcs.council_commissioner)
    login(icb, worcs.icb_commissioner)
    record_id = _awaiting_funding(council, worcs)
    read = _record(record_id).lock_version
    sign_as(council, record_id, "local_authority")
    assert _record(record_id).lock_version != read
    stale = icb.post(f"/forms/{record_id}/sign/icb",
                     data={"password": DEFAULT_PASSWORD, "lock_version": str(read)})
    assert stale.status_code == 409  # they read the form before the council signed it


def test_wrong_passwords_at_signing_lock_the_account(app, worcs, login):
    council, icb = app.test_client(), app.test_client()
    login(council, worcs.council_commissioner)
    login(icb, worcs.icb_commissioner)
    record_id = _awaiting_funding(council, worcs)
    for _ in range(app.config["S117_LOGIN_MAX_FAILURES"] - 1):
        wrong = sign_as(icb, record_id, "icb", "not my password")
        assert wrong.status_code == 400
        assert "The password is not correct." in wrong.get_data(as_text=True)
    locked = sign_as(icb, record_id, "icb", "not my password")
    assert "too many wrong passwords" in locked.get_data(as_text=True)

    right = sign_as(icb, record_id, "icb")  # the right password, but the account is locked
    assert right.status_code == 400
    assert "too many wrong passwords" in right.get_data(as_text=True)
    assert _record(record_id).signatures == []
    db.session.expire_all()
    assert db.session.get(User, worcs.icb_commissioner.id).locked_until is not None
    refused = app.test_client().post("/login", data={"email": worcs.icb_commissioner.email,
                                                     "password": DEFAULT_PASSWORD})
    assert refused.status_code != 302  # the same lockout as signing in
    reasons = [e.details["reason"] for e in db.session.scalars(select(AuditEvent).filter_by(
        action="form.sign_refused", record_id=str(record_id)).order_by(AuditEvent.id))]
    assert reasons[-2:] == ["locked", "locked"]
    assert reasons.count("password") == 4


def test_a_second_submit_shows_a_message_not_an_error(app, worcs, login):
    client = app.test_client()
    login(client, worcs.council_commissioner)
    record_id = _awaiting_funding(client, worcs)
    again = submit(client, record_id)  # the current lock_version, from a second tab
    assert again.status_code == 302
    assert again.headers["Location"].endswith(f"/forms/{record_id}")
    page = client.get(f"/forms/{record_id}").get_data(as_text=True)
    assert "Not sent: this form has already been sent for sign-off." in page
    assert _record(record_id).status == "awaiting_signoff"


def _post_one_step(client, record_id: int, kind: str, slug: str, data: dict):
    """Post one step's answers from ``data`` (saved even when the step holds the person)."""
    step = JOURNEYS[kind].step(slug)
    return _post_step(client, record_id, slug, formdata(step, form_values(step, data)))


def test_the_responsible_bodies_must_be_the_cases_and_parties_come_from_it(app, worcs, login):
    client = app.test_client()
    login(client, worcs.council_commissioner)
    good = for_case(load_example("funding_agreement"), worcs.case)
    record_id = start(client, worcs.case.id, "funding_agreement")
    fill_in(client, record_id, "funding_agreement", good)
    swindon = {"code": worcs.elsewhere.code, "name": worcs.elsewhere.name,
               "type": "local_authority"}
    held = _post_one_step(client, record_id, "funding_agreement", "bodies",
                          {**good, "responsible_la": swindon})
    assert held.status_code == 200  # held on the step, the message beside the field
    assert ("The responsible council must be the case&#39;s: Worcestershire County Council "
            "(E10000034)") in held.get_data(as_text=True)
    record = _record(record_id)
    assert record.data["responsible_la"]["code"] == worcs.elsewhere.code  # the draft keeps it
    parties = {p.key: p for p in parties_for(record)}
    assert parties["local_authority"].organisation_codes == {worcs.council.code}
    assert parties["icb"].organisation_codes == {worcs.icb.code}

    assert submit(client, record_id).status_code == 302
    assert _record(record_id).status == "draft"  # not ready: the bodies are not the case's
    _post_one_step(client, record_id, "funding_agreement", "bodies", good)
    submit(client, record_id)
    assert _record(record_id).status == "awaiting_signoff"


def test_an_issuer_that_is_not_one_of_the_cases_bodies_is_refused(app, worcs, login):
    client = app.test_client()
    login(client, worcs.icb_commissioner)
    good = for_case(load_example("change_notice"), worcs.case)
    record_id = start(client, worcs.case.id, "change_notice")
    fill_in(client, record_id, "change_notice", good)
    other = {"code": "QXX", "name": "Another ICB", "type": "icb"}
    held = _post_one_step(client, record_id, "change_notice", "change",
                          {**good, "issued_by": other})
    assert "The issuing body must be one of the case&#39;s" in held.get_data(as_text=True)
    submit(client, record_id)
    assert _record(record_id).status == "draft"
    assert parties_for(_record(record_id))[0].organisation_codes == frozenset()


def test_a_form_about_another_person_shows_the_error_and_keeps_the_draft(app, worcs, login):
    client = app.test_client()
    login(client, worcs.council_commissioner)
    record_id = start(client, worcs.case.id, "funding_agreement")
    record = _record(record_id)
    assert record.data["person"]["nhs_number"] == worcs.case.person.nhs_number  # pre-filled
    assert record.data["policy"] == worcs.case.policy
    check = client.get(f"/forms/{record_id}/check").get_data(as_text=True)
    assert "must be about the case" not in check
    assert "policy must be" not in check

    other = factories.next_nhs_number()
    held = _post_one_step(client, record_id, "funding_agreement", "person",
                          {**record.data, "person": {**record.data["person"],
                                                     "nhs_number": other}})
    assert held.status_code == 200  # held on the step, the message beside the field
    page = held.get_data(as_text=True)
    assert ("This form must be about the case&#39;s person, NHS number "
            f"{worcs.case.person.nhs_number}") in page
    assert 'id="person-nhs_number-error-1"' in page
    assert _record(record_id).data["person"]["nhs_number"] == other  # the draft is saved
