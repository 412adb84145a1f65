"""A new form starts from what the case knows: the calculator's bodies with reasons, the
latest signed-off plan's services, or the previous version."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forms_app.models import FormRecord
from forms_app.store.db import db
from tests import factories
from tests.examples import load_example
from tests.web.journey_helpers import for_case, worcestershire


@pytest.fixture
def worcs(app):
    return worcestershire()


def _draft(case_id: int, kind: str) -> FormRecord:
    db.session.expire_all()
    return db.session.scalars(select(FormRecord).filter_by(case_id=case_id, kind=kind)).one()


def test_responsible_bodies_come_from_the_calculator_with_its_reasons(app, worcs, login):
    history = for_case(load_example("responsibility"), worcs.case)
    factories.create_form(case=worcs.case, kind="responsibility", data=history,
                          status="signed_off")
    client = app.test_client()
    login(client, worcs.practitioner)
    page = client.get(f"/cases/{worcs.case.id}/forms/new/aftercare_plan").get_data(as_text=True)
    assert "RESP-LA-02" in page
    assert "RESP-NHS-01" in page
    client.post(f"/cases/{worcs.case.id}/forms/new/aftercare_plan")
    draft = _draft(worcs.case.id, "aftercare_plan")
    assert draft.data["responsible_la"]["code"] == "E10000034"
    assert draft.data["responsible_icb"]["code"] == "QGH"
    assert draft.data["person"]["nhs_number"] == worcs.case.person.nhs_number
    assert [d["section"] for d in draft.data["detentions"]] == ["3"]
    bodies = client.get(f"/forms/{draft.id}/steps/bodies").get_data(as_text=True)
    assert "Why these bodies are responsible" in bodies


def test_a_new_funding_agreement_takes_the_signed_off_plans_s117_services(app, worcs, login):
    plan = for_case(load_example("aftercare_plan"), worcs.case)
    factories.create_form(case=worcs.case, kind="aftercare_plan", data=plan, status="signed_off")
    client = app.test_client()
    login(client, worcs.council_commissioner)
    client.post(f"/cases/{worcs.case.id}/forms/new/funding_agreement")
    draft = _draft(worcs.case.id, "funding_agreement")
    assert [(s["id"], s["weekly_cost_pence"]) for s in draft.data["services"]] == [
        ("S1", 112500), ("S2", 21000)]  # S3 is universal, not s117
    assert draft.data["responsible_la"]["code"] == "E10000034"


def test_a_new_version_starts_from_the_last_with_the_cases_person_and_bodies(app, worcs,
                                                                             login):
    plan = for_case(load_example("aftercare_plan"), worcs.case)
    plan["person"]["family_name"] = "Old-Name"
    plan["responsible_icb"] = {"code": "QXX", "name": "Old ICB", "type": "icb"}
    factories.create_form(case=worcs.case, kind="aftercare_plan", data=plan, status="signed_off")
    client = app.test_client()
    login(client, worcs.practitioner)
    client.post(f"/cases/{worcs.case.id}/forms/new/aftercare_plan")
    db.session.expire_all()
    draft = db.session.scalars(select(FormRecord).filter_by(case_id=worcs.case.id,
                                                          status="draft")).one()
    assert draft.version == 2
    assert draft.data["plan"] == plan["plan"]  # the answers carry over
    assert draft.data["person"]["family_name"] == worcs.case.person.family_name
    assert draft.data["person"]["representative"] == plan["person"]["representative"]
    assert draft.data["responsible_icb"]["code"] == worcs.icb.code
    assert "signatures" not in draft.data


def test_starting_again_while_a_draft_is_open_returns_to_that_draft(app, worcs, login):
    client = app.test_client()
    login(client, worcs.council_commissioner)
    client.post(f"/cases/{worcs.case.id}/forms/new/dispute_notice")
    again = client.get(f"/cases/{worcs.case.id}/forms/new/dispute_notice")
    assert again.status_code == 302
    draft = _draft(worcs.case.id, "dispute_notice")
    assert again.headers["Location"].endswith(f"/forms/{draft.id}")


def test_only_the_roles_that_fill_in_a_kind_can_start_it(app, worcs, login):
    client = app.test_client()
    login(client, worcs.icb_commissioner)
    assert client.get(f"/cases/{worcs.case.id}/forms/new/aftercare_plan").status_code == 403
    assert client.get(f"/cases/{worcs.case.id}/forms/new/no_such_kind").status_code == 404
