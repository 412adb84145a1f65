"""Two-party sign-off through the web pages: both parties, their own accounts, then frozen."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from forms_app.models import Document, FormRecord
from forms_app.store.db import db
from tests.examples import load_example
from tests.web.journey_helpers import fill_in, for_case, sign_as, worcestershire


@pytest.fixture
def worcs(app):
    return worcestershire()


def _start(client, case_id: int, kind: str) -> int:
    response = client.post(f"/cases/{case_id}/forms/new/{kind}")
    assert response.status_code == 302
    return int(response.headers["Location"].split("/forms/")[1].split("/")[0])


def _record(record_id: int) -> FormRecord:
    db.session.expire_all()
    return db.session.get(FormRecord, record_id)


def _submit(client, record_id: int):
    lock = _record(record_id).lock_version
    return client.post(f"/forms/{record_id}/submit", data={"lock_version": str(lock)})


def test_funding_agreement_needs_both_commissioners_then_is_frozen(app, worcs, login):
    council, icb = app.test_client(), app.test_client()
    login(council, worcs.council_commissioner)
    login(icb, worcs.icb_commissioner)
    record_id = _start(council, worcs.case.id, "funding_agreement")
    fill_in(council, record_id, "funding_agreement",
            for_case(load_example("funding_agreement"), worcs.case))
    assert council.get(f"/forms/{record_id}/check").status_code == 200
    assert _submit(council, record_id).status_code == 302
    assert _record(record_id).status == "awaiting_signoff"

    # The council alone cannot sign the record off (FUND-11: both parties).
    assert sign_as(council, record_id, "icb").status_code == 403
    signed = sign_as(council, record_id, "local_authority")
    assert signed.status_code == 302
    assert _record(record_id).status == "awaiting_signoff"

    assert sign_as(icb, record_id, "icb", "wrong password").status_code == 400
    assert sign_as(icb, record_id, "icb").status_code == 302
    record = _record(record_id)
    assert record.status == "signed_off"
    assert [s.party for s in record.signatures] == ["local_authority", "icb"]
    assert len(record.fingerprint) == 64

    documents = db.session.scalars(select(Document).filter_by(form_id=record_id)).all()
    assert sorted(d.format for d in documents) == ["docx", "pdf"]
    for document in documents:
        download = icb.get(f"/forms/{record_id}/documents/{document.id}")
        assert download.status_code == 200
        assert hashlib.sha256(download.data).hexdigest() == document.sha256

    # Frozen: no step can be changed; a change is a new version.
    step = council.post(f"/forms/{record_id}/steps/dates",
                        data={"lock_version": str(record.lock_version)})
    assert step.status_code == 303
    assert _record(record_id).data == record.data
    again = council.post(f"/forms/{record_id}/new-version",
                         data={"lock_version": str(record.lock_version)})
    assert again.status_code == 302
    newer = db.session.scalars(select(FormRecord).filter_by(case_id=worcs.case.id, version=2)).one()
    assert newer.status == "draft"
    assert newer.data["services"] == record.data["services"]
    assert "signatures" not in newer.data or newer.data["signatures"] == []


def test_a_user_of_another_organisation_cannot_open_or_sign(app, worcs, login):
    council = app.test_client()
    login(council, worcs.council_commissioner)
    record_id = _start(council, worcs.case.id, "funding_agreement")
    fill_in(council, record_id, "funding_agreement",
            for_case(load_example("funding_agreement"), worcs.case))
    _submit(council, record_id)
    outsider = app.test_client()
    login(outsider, worcs.outsider)
    assert outsider.get(f"/forms/{record_id}").status_code == 404
    assert outsider.get(f"/forms/{record_id}/steps/dates").status_code == 404
    assert sign_as(outsider, record_id, "local_authority").status_code == 404
    assert _record(record_id).signatures == []


def test_the_case_page_links_to_the_journeys_forms_and_documents(app, worcs, login):
    client = app.test_client()
    login(client, worcs.council_commissioner)
    page = client.get(f"/cases/{worcs.case.id}").get_data(as_text=True)
    assert f"/cases/{worcs.case.id}/forms/new/funding_agreement" in page
    assert f"/cases/{worcs.case.id}/forms/new/aftercare_plan" not in page  # practitioners'
    record_id = _start(client, worcs.case.id, "funding_agreement")
    page = client.get(f"/cases/{worcs.case.id}").get_data(as_text=True)
    assert f'href="/forms/{record_id}"' in page


def _sign_off_funding(app, worcs, login) -> tuple[int, object, object]:
    council, icb = app.test_client(), app.test_client()
    login(council, worcs.council_commissioner)
    login(icb, worcs.icb_commissioner)
    record_id = _start(council, worcs.case.id, "funding_agreement")
    fill_in(council, record_id, "funding_agreement",
            for_case(load_example("funding_agreement"), worcs.case))
    _submit(council, record_id)
    for client, party in ((council, "local_authority"), (icb, "icb")):
        sign_as(client, record_id, party)
    assert _record(record_id).status == "signed_off"
    return record_id, council, icb


def test_a_new_signed_off_version_supersedes_the_old_which_stays_readable(app, worcs, login):
    first, council, icb = _sign_off_funding(app, worcs, login)
    old = _record(first)
    council.post(f"/forms/{first}/new-version", data={"lock_version": str(old.lock_version)})
    second = db.session.scalars(select(FormRecord).filter_by(case_id=worcs.case.id,
                                                           version=2)).one().id
    _submit(council, second)
    for client, party in ((council, "local_authority"), (icb, "icb")):
        sign_as(client, second, party)
    assert _record(second).status == "signed_off"
    assert _record(first).status == "superseded"
    assert _record(first).data == old.data  # unchanged
    page = council.get(f"/forms/{first}")
    assert page.status_code == 200
    assert "Superseded" in page.get_data(as_text=True)
    document = db.session.scalars(select(Document).filter_by(form_id=first, format="pdf")).one()
    assert council.get(f"/forms/{first}/documents/{document.id}").status_code == 200


def test_the_html_preview_and_every_view_sign_off_and_download_are_audited(app, worcs, login):
    from forms_app.models import AuditEvent

    record_id, council, _ = _sign_off_funding(app, worcs, login)
    assert council.get(f"/forms/{record_id}").status_code == 200
    preview = council.get(f"/forms/{record_id}/preview/funding_agreement")
    assert preview.status_code == 200
    assert preview.mimetype == "text/html"
    document = db.session.scalars(select(Document).filter_by(form_id=record_id,
                                                             format="docx")).one()
    council.get(f"/forms/{record_id}/documents/{document.id}")
    db.session.expire_all()
    actions = {e.action for e in db.session.scalars(
        select(AuditEvent).filter_by(record_id=str(record_id)))}
    assert {"form.create", "form.save_draft", "form.view", "form.submit", "form.sign",
            "form.signoff", "document.preview"} <= actions
    downloads = len(db.session.scalars(select(AuditEvent).filter_by(
        action="document.download", record_id=str(document.id))).all())
    assert downloads == 1


def test_a_draft_previews_with_the_draft_mark_and_no_invented_signatures(app, worcs, login):
    council = app.test_client()
    login(council, worcs.council_commissioner)
    record_id = _start(council, worcs.case.id, "funding_agreement")
    fill_in(council, record_id, "funding_agreement",
            for_case(load_example("funding_agreement"), worcs.case))
    page = council.get(f"/forms/{record_id}/preview/funding_agreement").get_data(as_text=True)
    assert "DRAFT" in page
    assert worcs.council_commissioner.display_name not in page


@pytest.mark.parametrize(("document", "recorded", "asked", "stored"), [
    ("discharge_letter", "large_print", None, "large_print"),
    ("discharge_letter", "braille", None, "large_print"),  # a print stand-in, with a note
    ("rights_leaflet", "easy_read", None, "easy_read"),
    ("change_notice", "easy_read", "standard", "standard"),  # the notice's own format wins
    ("discharge_decision", "easy_read", None, "standard"),  # a professional document
])
def test_documents_are_stored_in_the_format_recorded_for_the_person(document, recorded, asked,
                                                                    stored):
    from forms_app.documents.registry import KIND_DOCUMENTS
    from forms_app.services.signoff.finalise import variant_for

    kind = next(k for k, names in KIND_DOCUMENTS.items() if document in names)
    data = {"kind": kind, "person": {"communication": {"format": recorded}}, "format": asked}
    assert variant_for(document, data) == stored
