"""The register: adding a person (bad input re-shows the form, nothing half-saved),
search by name or NHS number, filters and paging."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forms_app.models import AuditEvent, Case, Detention, Person, Role
from forms_app.store.db import db
from tests.factories import create_case, create_organisation, create_person, create_user


@pytest.fixture
def area(app):
    council = create_organisation(type="local_authority")
    icb = create_organisation(type="icb")
    trust = create_organisation(type="trust")
    user = create_user(roles=[Role.PRACTITIONER], organisation=council)
    return {"council": council, "icb": icb, "trust": trust, "user": user}


def _form(area, **changes):
    data = {
        "nhs_number": "999 000 0018", "given_name": "Alex", "family_name": "Morgan",
        "preferred_name": "", "date_of_birth": "14/07/1986", "communication_format": "easy_read",
        "language": "en", "qualifying_section": "3", "qualifying_detention_date": "05/01/2026",
        "hospital": "Elgar Unit", "status": "detained", "policy": "worcestershire",
        "responsible_council_id": area["council"].id, "responsible_icb_id": area["icb"].id,
        "providing_trust_id": area["trust"].id,
    }
    data.update(changes)
    return data


def _counts():
    return tuple(db.session.scalar(select(func.count()).select_from(m))
                 for m in (Person, Case, Detention))


def test_a_valid_person_is_added_with_case_detention_and_audit(client, login, area):
    login(client, area["user"])
    response = client.post("/people/new", data=_form(area))
    assert response.status_code == 302
    db.session.expire_all()
    person = db.session.scalar(select(Person).where(Person.nhs_number == "9990000018"))
    case = db.session.scalar(select(Case).where(Case.person_id == person.id))
    assert response.headers["Location"] == f"/cases/{case.id}"
    assert case.detentions[0].hospital == "Elgar Unit"
    actions = set(db.session.scalars(select(AuditEvent.action)
                                     .where(AuditEvent.person_id == person.id)))
    assert {"person.create", "case.open"} <= actions


@pytest.mark.parametrize(("field", "value", "message"), [
    # A wrong check digit (last digit of 999 000 0018 changed).
    ("nhs_number", "999 000 0019", "Enter a valid 10-digit NHS number"),
    ("nhs_number", "", "Enter the NHS number"),
    ("given_name", "A" * 101, "Given name must be 100 characters or fewer"),
    ("hospital", "H" * 201, "Hospital must be 200 characters or fewer"),
    ("date_of_birth", "31/02/1986", "Date of birth must be a real date"),
    ("qualifying_detention_date", "yesterday", "must be a real date, for example"),
    ("date_of_birth", "", "Enter the date of birth"),
    ("date_of_birth", "01/01/2999", "Date of birth must be in the past"),
    ("qualifying_detention_date", "01/01/1970",
     "Date of detention must be after the date of birth"),
])
def test_bad_input_reshows_the_form_with_a_message_on_the_field_and_saves_nothing(
        client, login, area, field, value, message):
    login(client, area["user"])
    before = _counts()
    response = client.post("/people/new", data=_form(area, **{field: value}))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html  # the message sits on the field
    assert message in html
    assert f'href="#{field}"' in html  # and the error summary links to it
    assert 'value="Morgan"' in html  # what was typed is kept
    db.session.expire_all()
    assert _counts() == before


def test_a_duplicate_nhs_number_is_refused_on_the_field(client, login, area):
    create_person(nhs_number="9990000018")
    login(client, area["user"])
    before = _counts()
    response = client.post("/people/new", data=_form(area))
    assert response.status_code == 400
    assert "already on the register" in response.get_data(as_text=True)
    db.session.expire_all()
    assert _counts() == before


def test_a_failure_part_way_through_the_save_leaves_nothing(client, login, area, monkeypatch):
    """The person row is written before the audit rows: break the audit and check the
    person did not stay behind."""
    from forms_app.services import people

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    login(client, area["user"])
    monkeypatch.setattr(people.audit, "record", broken)
    before = _counts()
    client.application.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.post("/people/new", data=_form(area))
    assert response.status_code == 500
    db.session.expire_all()
    assert _counts() == before


def test_roles_that_do_not_add_people_are_refused(client, login, area):
    login(client, create_user(roles=[Role.AUDITOR], organisation=area["council"]))
    assert client.get("/people/new").status_code == 403


def test_search_by_name_and_by_nhs_number_with_spaces(client, login, area):
    person = create_person(given_name="Jamal", family_name="Okafor")
    create_case(person=person, council=area["council"])
    create_case(council=area["council"])
    login(client, area["user"])
    by_name = client.get("/people?q=jamal okafor").get_data(as_text=True)
    assert "Okafor, Jamal" in by_name
    assert "1 person found" in by_name
    spaced = person.formatted_nhs_number
    by_number = client.get(f"/people?q={spaced}").get_data(as_text=True)
    assert "Okafor, Jamal" in by_number
    assert "1 person found" in by_number


def test_filter_by_status_and_responsible_body(client, login, area):
    other_icb = create_organisation(type="icb")
    create_case(council=area["council"], status="ended",
                person=create_person(family_name="Ended"))
    create_case(council=area["council"], icb=other_icb, status="aftercare",
                person=create_person(family_name="Aftercare"))
    login(client, area["user"])
    ended = client.get("/people?status=ended").get_data(as_text=True)
    assert "Ended," in ended
    assert "Aftercare," not in ended
    by_icb = client.get(f"/people?body={other_icb.id}").get_data(as_text=True)
    assert "Aftercare," in by_icb
    assert "Ended," not in by_icb


def test_paging(app, client, login, area):
    app.config["S117_PAGE_SIZE"] = 2
    for name in ("Adams", "Baker", "Clark"):
        create_case(council=area["council"], person=create_person(family_name=name))
    login(client, area["user"])
    first = client.get("/people").get_data(as_text=True)
    assert "Adams," in first
    assert "Baker," in first
    assert "Clark," not in first
    assert "Page 2 of 2" in first
    second = client.get("/people?page=2").get_data(as_text=True)
    assert "Clark," in second
    assert "Adams," not in second


def test_a_search_is_audited(client, login, area):
    login(client, area["user"])
    client.get("/people?q=smith")
    db.session.expire_all()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "register.search"))
    assert event.details == {"text": "smith", "results": 0}
    assert event.user_id == area["user"].id


def test_dashboard_counts_my_cases_and_reviews_due(client, login, area):
    from datetime import date, timedelta

    soon = date.today() + timedelta(days=10)
    mine = create_case(council=area["council"], person=create_person(family_name="Mycase"),
                       created_by_id=area["user"].id, next_review_due=soon)
    create_case(council=area["council"], status="detained",
                person=create_person(family_name="Notmine"))
    create_case(person=create_person(family_name="Elsewhere"),
                next_review_due=soon)  # another organisation's
    login(client, area["user"])
    html = client.get("/").get_data(as_text=True)
    mine_section = html.split("<h2>Your cases</h2>")[1]
    assert f"/cases/{mine.id}" in mine_section
    assert "Notmine" not in mine_section
    reviews = html.split("<h2>Reviews due in the next 30 days</h2>")[1].split("<h2>")[0]
    assert "Mycase" in reviews
    assert "Elsewhere" not in html
    assert '<span class="app-count">1</span> Detained' in html


def test_the_new_person_form_starts_on_the_users_own_organisations(client, login):
    from forms_app.models import Organisation

    harrow = db.session.scalar(select(Organisation).where(Organisation.code == "E09000015")) \
        or create_organisation(code="E09000015", name="London Borough of Harrow")
    create_organisation(type="local_authority")  # another council, listed first or not
    login(client, create_user(organisation=harrow))
    html = client.get("/people/new").get_data(as_text=True)
    assert f'<option selected value="{harrow.id}">' in html
    assert '<option selected value="harrow">' in html
