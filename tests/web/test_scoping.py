"""Organisation scoping: a user of another organisation can neither see nor change a case,
through any URL (web pages, the JSON API, search results and the dashboard)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from forms_app.models import AuditEvent, Document, FormRecord, Person, Role, Signature
from forms_app.services.access import visible_cases
from forms_app.store.db import db
from tests.factories import (
    create_case,
    create_document,
    create_form,
    create_organisation,
    create_person,
    create_user,
)

ARG_SAMPLES = {"kind": "aftercare_plan", "slug": "person", "party": "local_authority",
               "document": "aftercare_plan", "fmt": "pdf", "format": "pdf"}


@pytest.fixture
def world(app):
    """Two areas. `case` belongs to area A (council, ICB and trust); `outsider` is in B."""
    council, icb, trust = (create_organisation(type=t)
                           for t in ("local_authority", "icb", "trust"))
    person = create_person(given_name="Zebedee", family_name="Quillfeather")
    case = create_case(person=person, council=council, icb=icb, trust=trust)
    form = create_form(case=case, data={"kind": "aftercare_plan", "secret": "x"})
    document = create_document(form=form)
    outsider = create_user(roles=list(Role), organisation=create_organisation())
    return {"case": case, "form": form, "document": document, "outsider": outsider,
            "council": council, "icb": icb, "trust": trust, "person": person}


def _url(rule, world) -> str | None:
    ids = {"case_id": world["case"].id, "form_id": world["form"].id,
           "document_id": world["document"].id, "person_id": world["person"].id}
    url = rule.rule
    names = re.findall(r"<(?:[^:>]+:)?([^>]+)>", url)
    if not any(n in ids for n in names):
        return None
    for converter in re.findall(r"<[^>]+>", url):
        name = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"\1", converter)
        url = url.replace(converter, str(ids.get(name, ARG_SAMPLES.get(name, "x"))))
    return url


def _state():
    count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
    data = db.session.scalars(select(FormRecord.data).order_by(FormRecord.id)).all()
    return (count(FormRecord), count(Signature), count(Document), count(Person), data)


def _record_routes(app, world):
    for rule in app.url_map.iter_rules():
        url = _url(rule, world)
        if url is None:
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            yield rule, url, method


def test_an_insider_can_open_the_case(client, login, world):
    insider = create_user(roles=[Role.PRACTITIONER], organisation=world["trust"])
    login(client, insider)
    page = client.get(f"/cases/{world['case'].id}")
    assert page.status_code == 200
    assert "Quillfeather" in page.get_data(as_text=True)


def test_an_outsider_gets_404_and_no_data_from_every_record_url(app, client, login, world):
    login(client, world["outsider"])
    before = _state()
    checked, leaks = 0, []
    for rule, url, method in _record_routes(app, world):
        if rule.endpoint.startswith("api."):
            continue
        response = client.open(url, method=method, data={"kind": "aftercare_plan"})
        body = response.get_data()
        if response.status_code not in (403, 404) or b"Quillfeather" in body:
            leaks.append((method, url, response.status_code))
        checked += 1
    assert leaks == []
    assert checked >= 2
    db.session.expire_all()
    assert _state() == before


def test_an_outsider_gets_nothing_through_the_api(app, client, world):
    tokens = pytest.importorskip("forms_app.services.api_tokens")
    token = tokens.issue(world["outsider"], "test")
    db.session.commit()
    before = _state()
    headers = {"Authorization": f"Bearer {token}"}
    leaks = []
    for rule, url, method in _record_routes(app, world):
        if not rule.endpoint.startswith("api."):
            continue
        body = {"kind": "aftercare_plan", "data": {}}
        response = client.open(url, method=method, headers=headers, json=body)
        status = response.status_code
        if status in (400, 422):
            # The body was refused before any lookup: fine if a missing id gets the same.
            missing = re.sub(r"/\d+(?=/|$)", "/999999", url)
            status = 404 if client.open(missing, method=method, headers=headers,
                                        json=body).status_code == status else status
        if status not in (403, 404) or b"Quillfeather" in response.get_data():
            leaks.append((method, url, response.status_code))
    assert leaks == []
    db.session.expire_all()
    assert _state() == before


def test_search_and_dashboard_show_only_the_users_organisations(client, login, world):
    login(client, world["outsider"])
    for url in ("/people?q=Quillfeather", f"/people?q={world['person'].nhs_number}",
                "/people", "/", "/people?status=aftercare",
                f"/people?body={world['council'].id}"):
        body = client.get(url).get_data(as_text=True)
        # The search box echoes the query, so look for the result, not the words.
        assert f'/cases/{world["case"].id}"' not in body, url
        assert world["person"].formatted_nhs_number not in body, url
        assert "Zebedee" not in body, url
        if url.startswith("/people"):
            assert "0 people found" in body, url


def test_search_finds_the_case_for_each_of_its_three_organisations(client, login, world):
    for org in ("council", "icb", "trust"):
        user = create_user(roles=[Role.PRACTITIONER], organisation=world[org])
        login(client, user)
        body = client.get("/people?q=quillfeather").get_data(as_text=True)
        assert "Quillfeather" in body, org
        client.post("/logout")


def test_visible_cases_query_is_the_rule(world):
    insider = create_user(organisation=world["icb"])
    assert db.session.scalars(visible_cases(insider)).all() == [world["case"]]
    assert db.session.scalars(visible_cases(world["outsider"])).all() == []


def test_an_outsider_cannot_open_a_case_for_another_organisation(client, login, world):
    login(client, world["outsider"])
    other_icb = create_organisation(type="icb")
    db.session.commit()
    response = client.post("/people/new", data={
        "nhs_number": "9990000042", "given_name": "A", "family_name": "B",
        "date_of_birth": "01/01/1980", "communication_format": "standard", "language": "en",
        "qualifying_section": "3", "qualifying_detention_date": "01/01/2025",
        "status": "detained", "policy": "worcestershire",
        "responsible_council_id": world["council"].id, "responsible_icb_id": other_icb.id,
        "providing_trust_id": world["trust"].id,
    })
    assert response.status_code == 400
    assert "one of your organisations is responsible" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(select(Person).where(Person.nhs_number == "9990000042")) is None


def test_a_refused_view_writes_no_view_audit_row(client, login, world):
    login(client, world["outsider"])
    client.get(f"/cases/{world['case'].id}")
    db.session.expire_all()
    views = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "person.view"))
    assert list(views) == []
