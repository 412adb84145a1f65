"""Demo data: both packs' organisations, a user per role per area, a dozen people.

    flask --app forms_app load-demo        # idempotent: run it as often as you like

Everything is looked up by its natural key (organisation code, e-mail, NHS number, case
+ form kind) before it is created, so a second run adds nothing. Forms come from the
design's examples, copied into forms_app/demo_data/. NHS numbers are test numbers (999).
All demo users share DEMO_PASSWORD, printed by the command.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import func, select

from forms_app.contract.jsonio import without_annotations
from forms_app.models import Case, Detention, FormRecord, Organisation, Person, Role
from forms_app.services.accounts import create_user, user_by_email
from forms_app.store.db import db

DEMO_PASSWORD = "s117-demo-password"  # noqa: S105 - demo data only, printed on purpose
DATA = Path(__file__).parent / "demo_data"

ORGANISATIONS = {  # area -> (type, code, name)
    "worcs": [("local_authority", "E10000034", "Worcestershire County Council"),
              ("icb", "QGH", "NHS Herefordshire and Worcestershire Integrated Care Board"),
              ("trust", "R1A", "Herefordshire and Worcestershire Health and Care NHS Trust")],
    "harrow": [("local_authority", "E09000015", "London Borough of Harrow"),
               ("icb", "QRV", "NHS North West London Integrated Care Board"),
               ("trust", "RV3", "Central and North West London NHS Foundation Trust")],
    "swindon": [("local_authority", "E06000030", "Swindon Borough Council"),
                ("icb", "QOX", "NHS Bath and North East Somerset, Swindon and Wiltshire "
                               "Integrated Care Board")],
}
AREA_POLICY = {"worcs": "worcestershire", "harrow": "harrow", "swindon": "worcestershire"}
# Which organisation of an area each role works for.
ROLE_HOME = {
    Role.PRACTITIONER: "trust", Role.RESPONSIBLE_CLINICIAN: "trust",
    Role.COUNCIL_COMMISSIONER: "local_authority", Role.ICB_COMMISSIONER: "icb",
    Role.PANEL_MEMBER: "local_authority", Role.REGISTER_KEEPER: "local_authority",
    Role.AUDITOR: "local_authority", Role.ADMINISTRATOR: "local_authority",
}

# People's names for the Worcestershire logins the README tour uses (others say their role).
DEMO_NAMES = {
    ("worcs", Role.PRACTITIONER): "Priya Shah",
    ("worcs", Role.COUNCIL_COMMISSIONER): "Tom Reed",
    ("worcs", Role.ICB_COMMISSIONER): "Ann Hale",
    ("worcs", Role.RESPONSIBLE_CLINICIAN): "Dr Omar Khan",
    ("worcs", Role.REGISTER_KEEPER): "Sam Green",
}


@dataclass(frozen=True)
class DemoPerson:
    area: str
    nhs_number: str
    given_name: str
    family_name: str
    born: date
    status: str
    section: str
    detained_on: date
    left_hospital_on: date | None = None
    next_review_due: date | None = None
    ended_on: date | None = None
    communication_format: str = "standard"
    forms: tuple[str, ...] = ()


PEOPLE = (
    DemoPerson("worcs", "9990000018", "Alex", "Morgan", date(1986, 7, 14), "aftercare", "3",
               date(2026, 1, 5), date(2026, 3, 20), date(2026, 6, 15),
               communication_format="easy_read",
               forms=("aftercare_plan", "funding_agreement", "leave_funding_agreement",
                      "register_entry", "responsibility")),
    DemoPerson("worcs", "9990000034", "Riley", "Evans", date(2010, 9, 3), "aftercare", "3",
               date(2026, 1, 5), date(2026, 3, 20), date(2026, 12, 10),
               communication_format="easy_read", forms=("aftercare_plan_child",)),
    DemoPerson("worcs", "9990000042", "Morgan", "Hughes", date(1972, 2, 11), "detained", "3",
               date(2026, 10, 2)),
    DemoPerson("worcs", "9990000050", "Sasha", "Patel", date(1995, 11, 30), "on_leave", "37",
               date(2026, 6, 18), next_review_due=date(2026, 12, 1)),
    DemoPerson("worcs", "9990000069", "Chris", "Walker", date(1961, 4, 22), "ended", "3",
               date(2023, 2, 1), date(2023, 5, 9), ended_on=date(2026, 4, 30)),
    DemoPerson("worcs", "9990000077", "Jordan", "Price", date(1990, 8, 8), "aftercare", "47",
               date(2025, 3, 3), date(2025, 9, 12), date(2026, 9, 12),
               communication_format="large_print"),
    DemoPerson("harrow", "9990000026", "Jamal", "Okafor", date(1986, 7, 14), "aftercare", "3",
               date(2025, 11, 3), date(2026, 2, 2), date(2026, 11, 30),
               forms=("funding_agreement_harrow",)),
    DemoPerson("harrow", "9990000085", "Amira", "Haddad", date(1979, 1, 19), "detained", "3",
               date(2026, 9, 21)),
    DemoPerson("harrow", "9990000093", "Tomasz", "Nowak", date(1968, 6, 5), "aftercare", "37",
               date(2024, 4, 15), date(2024, 10, 1), date(2026, 12, 5)),
    DemoPerson("harrow", "9990000107", "Grace", "Mensah", date(2001, 3, 27), "ended", "3",
               date(2022, 7, 7), date(2022, 9, 30), ended_on=date(2025, 10, 31)),
    DemoPerson("swindon", "9990000115", "Owen", "Davies", date(1983, 12, 1), "on_leave", "3",
               date(2026, 8, 14), next_review_due=date(2026, 11, 28)),
    DemoPerson("swindon", "9990000123", "Priya", "Nair", date(1999, 5, 16), "aftercare", "45A",
               date(2025, 1, 20), date(2025, 8, 1), date(2026, 8, 1)),
)


def load_demo() -> list[tuple[str, str]]:
    """Create whatever is missing; return the (e-mail, role) of every demo user."""
    orgs = {area: {t: _organisation(t, c, n) for t, c, n in rows}
            for area, rows in ORGANISATIONS.items()}
    logins = [_user(area, role, orgs[area]) for area in ORGANISATIONS for role in Role]
    for person in PEOPLE:
        _case(person, orgs[person.area])
    return logins


def _organisation(type_: str, code: str, name: str) -> Organisation:
    org = db.session.scalar(select(Organisation).where(Organisation.code == code))
    if org is None:
        org = Organisation(type=type_, code=code, name=name)
        db.session.add(org)
        db.session.flush()
    return org


def _user(area: str, role: Role, orgs: dict[str, Organisation]) -> tuple[str, str]:
    email = f"{role.value.replace('_', '-')}@{area}.demo"
    if user_by_email(email) is None:
        home = orgs.get(ROLE_HOME[role]) or orgs["local_authority"]
        name = DEMO_NAMES.get((area, role)) or (
            f"{role.value.replace('_', ' ').title()} ({area.title()})")
        create_user(email, name, DEMO_PASSWORD, [(home, role)])
    return email, role.value


def _case(spec: DemoPerson, orgs: dict[str, Organisation]) -> Case:
    person = db.session.scalar(select(Person).where(Person.nhs_number == spec.nhs_number))
    if person is None:
        person = Person(nhs_number=spec.nhs_number, given_name=spec.given_name,
                        family_name=spec.family_name, date_of_birth=spec.born,
                        communication_format=spec.communication_format)
        db.session.add(person)
    db.session.flush()
    case = db.session.scalar(select(Case).where(Case.person_id == person.id))
    if case is None:
        case = Case(
            person=person, status=spec.status, policy=AREA_POLICY[spec.area],
            responsible_council=orgs["local_authority"], responsible_icb=orgs["icb"],
            providing_trust=orgs.get("trust"), qualifying_section=spec.section,
            qualifying_detention_date=spec.detained_on, left_hospital_on=spec.left_hospital_on,
            next_review_due=spec.next_review_due, ended_on=spec.ended_on,
            detentions=[Detention(section=spec.section, start_date=spec.detained_on,
                                  end_date=spec.left_hospital_on)],
        )
        db.session.add(case)
        db.session.flush()
    for example in spec.forms:
        _form(case, example)
    return case


def _form(case: Case, example: str) -> None:
    data = without_annotations(json.loads((DATA / f"{example}.json").read_text(encoding="utf-8")))
    exists = db.session.scalar(select(FormRecord.id).where(
        FormRecord.case_id == case.id, FormRecord.kind == data["kind"]))
    if exists is None:
        db.session.add(FormRecord(case=case, kind=data["kind"], data=data, status="draft",
                                  version=1, policy=data.get("policy") or case.policy))
        db.session.flush()


@click.command("load-demo")
@with_appcontext
def load_demo_command() -> None:
    """Load the demo organisations, users and people (safe to run again)."""
    logins = load_demo()
    db.session.commit()
    people = db.session.scalar(select(func.count()).select_from(Person))
    click.echo(f"Demo data ready: {len(ORGANISATIONS)} areas, {people} people.")
    click.echo(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for email, role in logins:
        click.echo(f"  {email:42} {role}")


def register_commands(app: Flask) -> None:
    app.cli.add_command(load_demo_command)
