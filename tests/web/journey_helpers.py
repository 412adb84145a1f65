"""Helpers for journey tests: post a step as a browser would."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import MultiDict

from forms_app.models import Case, FormRecord, Organisation, Role, User
from forms_app.store.db import db
from forms_app.web.forms import JOURNEYS
from forms_app.web.forms.binding import form_values
from forms_app.web.forms.builder import DATE_PARTS
from forms_app.web.forms.spec import Element, Group, Leaf, Step
from tests import factories


def formdata(step: Step, values: dict[str, Any]) -> list[tuple[str, str]]:
    """The (name, value) pairs a browser posts for a step's form values."""
    return _pairs(step.elements, values, "")


def _pairs(elements: tuple[Element, ...], values: dict[str, Any], prefix: str) -> list:
    out: list[tuple[str, str]] = []
    for element in elements:
        name = f"{prefix}{element.name}"
        value = values.get(element.name)
        if isinstance(element, Leaf):
            out.extend(_leaf(element, name, value))
        elif isinstance(element, Group):
            out.extend(_pairs(element.children, value or {}, f"{name}-"))
        else:
            for index, item in enumerate(value or []):
                out.append((f"{name}-{index}-present", "1"))
                out.extend(_pairs(element.children, item, f"{name}-{index}-"))
    return out


def _leaf(leaf: Leaf, name: str, value: Any) -> list[tuple[str, str]]:
    if leaf.kind == "date":
        return [(f"{name}-{part}", (value or {}).get(part, "")) for part in DATE_PARTS]
    if leaf.kind == "checkboxes":
        return [(name, item) for item in value or []]
    if leaf.kind in ("yes_no", "radios", "select"):
        return [] if value in (None, "") else [(name, value)]
    return [(name, value or "")]


# --- people, organisations and a case under the Worcestershire pack ---------------------



@dataclass
class Worcs:
    council: Organisation
    icb: Organisation
    trust: Organisation
    elsewhere: Organisation
    practitioner: User
    council_commissioner: User
    icb_commissioner: User
    clinician: User
    register_keeper: User
    outsider: User  # a council commissioner of another council
    case: Case


def worcestershire() -> Worcs:
    """The pack's own council, ICB and trust, a user per role, and a case between them."""
    f = factories
    council = f.create_organisation(code="E10000034", name="Worcestershire County Council")
    icb = f.create_organisation(code="QGH", type="icb",
                                name="NHS Herefordshire and Worcestershire ICB")
    trust = f.create_organisation(code="R1A", type="trust",
                                  name="Herefordshire and Worcestershire Health and Care Trust")
    elsewhere = f.create_organisation(code="E06000030", name="Swindon Borough Council")
    case = f.create_case(council=council, icb=icb, trust=trust, detained_on=_date("2026-01-05"),
                         left_hospital_on=_date("2026-03-20"))
    return Worcs(
        council, icb, trust, elsewhere,
        practitioner=f.create_user(roles=[Role.PRACTITIONER], organisation=trust,
                                   display_name="Priya Shah"),
        council_commissioner=f.create_user(roles=[Role.COUNCIL_COMMISSIONER],
                                           organisation=council, display_name="Tom Reed"),
        icb_commissioner=f.create_user(roles=[Role.ICB_COMMISSIONER], organisation=icb,
                                       display_name="Ann Hale"),
        clinician=f.create_user(roles=[Role.RESPONSIBLE_CLINICIAN], organisation=trust,
                                display_name="Omar Khan"),
        register_keeper=f.create_user(roles=[Role.REGISTER_KEEPER], organisation=council),
        outsider=f.create_user(roles=[Role.COUNCIL_COMMISSIONER], organisation=elsewhere),
        case=case,
    )


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def for_case(data: dict[str, Any], case: Case) -> dict[str, Any]:
    """An example form about the case's person (the rest of the example unchanged)."""
    copy = json.loads(json.dumps(data))
    person = case.person.as_contract()
    person["representative"] = copy["person"].get("representative")
    person["communication"] = copy["person"]["communication"]  # the example's findings fit it
    copy["person"] = person
    copy.pop("signatures", None)
    return copy


def fill_in(client: Any, record_id: int, kind: str, data: dict[str, Any]) -> Any:
    """Post every step of the journey with the answers in ``data``; the last response."""
    response = None
    for step in JOURNEYS[kind].steps_for(data):
        pairs = formdata(step, form_values(step, data))
        response = _post_step(client, record_id, step.slug, pairs)
        if response.status_code == 200:  # findings shown once: continue past them
            shown = [("shown", key) for key in _shown_keys(response)]
            response = _post_step(client, record_id, step.slug, pairs + shown)
        assert response.status_code == 302, (step.slug, response.status_code)
    return response


def _post_step(client: Any, record_id: int, slug: str, pairs: list) -> Any:
    lock = ("lock_version", str(_record(record_id).lock_version))
    return client.post(f"/forms/{record_id}/steps/{slug}", data=MultiDict([*pairs, lock]))


def _record(record_id: int) -> FormRecord:
    db.session.expire_all()
    return db.session.get(FormRecord, record_id)


def _shown_keys(response: Any) -> list[str]:
    found = re.findall(r'name="shown" value="([^"]*)"', response.get_data(as_text=True))
    return [html.unescape(key) for key in found]


def sign_as(client: Any, record_id: int, party: str, password: str | None = None) -> Any:
    """Post the sign page as a browser would: the password and the lock_version it showed."""
    from tests.factories import DEFAULT_PASSWORD

    lock = str(_record(record_id).lock_version)
    return client.post(f"/forms/{record_id}/sign/{party}", data={
        "password": DEFAULT_PASSWORD if password is None else password, "lock_version": lock})


def start(client: Any, case_id: int, kind: str) -> int:
    """Start a new form of ``kind`` on the case; its record id."""
    response = client.post(f"/cases/{case_id}/forms/new/{kind}")
    assert response.status_code == 302
    return int(response.headers["Location"].split("/forms/")[1].split("/")[0])


def submit(client: Any, record_id: int) -> Any:
    """Send for sign-off with the lock_version the check-answers page showed."""
    lock = str(_record(record_id).lock_version)
    return client.post(f"/forms/{record_id}/submit", data={"lock_version": lock})
