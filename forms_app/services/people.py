"""Registering a person and opening their s117 case, in one step that saves all or nothing.

`register_person(data, user)` takes plain data (the web form's `.data`, or API JSON
already loaded) and the acting user; it checks what only the store can know (duplicate
NHS number, organisation types, the user's own organisations), writes the person, the
case and the qualifying detention, audits, flushes and returns the case. The caller
commits; on InvalidData nothing was added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from forms_app.models import Case, Detention, Organisation, Person, User
from forms_app.policy import nhs_number as nhs
from forms_app.policy.packs import available_packs
from forms_app.services.errors import InvalidData
from forms_app.store import audit
from forms_app.store.db import db


@dataclass(frozen=True)
class NewCase:
    """Everything needed to register a person with a qualifying detention."""

    nhs_number: str
    given_name: str
    family_name: str
    date_of_birth: date
    qualifying_section: str
    qualifying_detention_date: date
    responsible_council_id: int
    responsible_icb_id: int
    status: str = "detained"
    policy: str = "worcestershire"
    providing_trust_id: int | None = None
    preferred_name: str | None = None
    communication_format: str = "standard"
    language: str = "en"
    interpreter_needed: bool = False
    hospital: str | None = None


def register_person(data: NewCase, user: User, today: date | None = None) -> Case:
    """Create the person, their case and qualifying detention; InvalidData if any is wrong."""
    errors = _problems(data, user, today or date.today())
    if errors:
        raise InvalidData(errors)
    person = Person(
        nhs_number=data.nhs_number.replace(" ", ""), given_name=data.given_name.strip(),
        family_name=data.family_name.strip(), preferred_name=data.preferred_name or None,
        date_of_birth=data.date_of_birth, communication_format=data.communication_format,
        language=data.language, interpreter_needed=data.interpreter_needed,
    )
    case = Case(
        person=person, status=data.status, policy=data.policy,
        responsible_council_id=data.responsible_council_id,
        responsible_icb_id=data.responsible_icb_id, providing_trust_id=data.providing_trust_id,
        qualifying_section=data.qualifying_section,
        qualifying_detention_date=data.qualifying_detention_date, created_by_id=user.id,
        detentions=[Detention(section=data.qualifying_section,
                              start_date=data.qualifying_detention_date, hospital=data.hospital)],
    )
    db.session.add(case)
    db.session.flush()
    audit.record("person.create", user=user, record_type="person", record_id=person.id,
                 person_id=person.id)
    audit.record("case.open", user=user, record_type="case", record_id=case.id,
                 person_id=person.id, details={"status": case.status, "policy": case.policy})
    return case


def _problems(data: NewCase, user: User, today: date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    digits = data.nhs_number.replace(" ", "")
    if not nhs.is_valid(digits):
        add("nhs_number", "Enter a valid 10-digit NHS number")
    elif db.session.scalar(select(Person.id).where(Person.nhs_number == digits)):
        add("nhs_number", "A person with this NHS number is already on the register")
    if data.date_of_birth > today:
        add("date_of_birth", "Date of birth must be in the past")
    if data.qualifying_detention_date > today:
        add("qualifying_detention_date", "Date of detention must be today or in the past")
    elif data.qualifying_detention_date < data.date_of_birth:
        add("qualifying_detention_date", "Date of detention must be after the date of birth")
    if data.policy not in available_packs():
        add("policy", "Choose a local policy")
    _check_organisations(data, user, add)
    return errors


def _check_organisations(data: NewCase, user: User, add: Callable[[str, str], None]) -> None:
    wanted = {
        "responsible_council_id": (data.responsible_council_id, "local_authority"),
        "responsible_icb_id": (data.responsible_icb_id, "icb"),
        "providing_trust_id": (data.providing_trust_id, "trust"),
    }
    for field, (org_id, kind) in wanted.items():
        if org_id is None:
            continue
        org = db.session.get(Organisation, org_id)
        if org is None or org.type != kind:
            add(field, "Choose an organisation from the list")
    ids = {data.responsible_council_id, data.responsible_icb_id, data.providing_trust_id}
    if not ids & user.organisation_ids:
        add("responsible_council_id",
            "You can only open a case for which one of your organisations is responsible")


def find_person(nhs_number: str) -> Person | None:
    return db.session.scalar(
        select(Person).where(Person.nhs_number == nhs_number.replace(" ", ""))
    )


def organisations_of_type(kind: str) -> list[Organisation]:
    stmt = select(Organisation).where(Organisation.type == kind).order_by(Organisation.name)
    return list(db.session.scalars(stmt))
