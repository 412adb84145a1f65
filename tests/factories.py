"""Factories for tests: each takes keyword arguments with sensible defaults, adds the row
to `db.session`, flushes and returns it. A test says only what matters to it:

    council = create_organisation(type="local_authority")
    user = create_user(roles=[Role.PRACTITIONER], organisation=council)
    case = create_case(council=council)             # a person is made for it
    form = create_form(case=case, kind="aftercare_plan")

Codes, e-mails and NHS numbers are unique per call. NHS numbers are valid test numbers
starting 999. Users' password is DEFAULT_PASSWORD.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from typing import Any

from forms_app.models import (
    Case,
    Detention,
    Document,
    FormRecord,
    Membership,
    Organisation,
    Person,
    Role,
    User,
)
from forms_app.policy.nhs_number import is_valid
from forms_app.services.accounts import hash_password
from forms_app.store.db import db

DEFAULT_PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)
_nhs_serial = itertools.count(100_000)
_TYPE_PREFIX = {"local_authority": "E9", "icb": "Q", "trust": "R", "nhs_england": "X",
                "provider": "P"}


def next_nhs_number() -> str:
    """A fresh valid NHS number in the 999 test range."""
    while True:
        stem = f"999{next(_nhs_serial):06d}"
        for check in range(10):
            if is_valid(stem + str(check)):
                return stem + str(check)


def _save(obj: Any) -> Any:
    db.session.add(obj)
    db.session.flush()
    return obj


def create_organisation(*, code: str | None = None, name: str | None = None,
                        type: str = "local_authority") -> Organisation:  # noqa: A002
    n = next(_counter)
    return _save(Organisation(code=code or f"{_TYPE_PREFIX[type]}{n:07d}",
                              name=name or f"Test {type.replace('_', ' ')} {n}", type=type))


def create_user(*, email: str | None = None, display_name: str | None = None,
                password: str = DEFAULT_PASSWORD,
                roles: Iterable[str] = (Role.PRACTITIONER,),
                organisation: Organisation | None = None, is_active: bool = True) -> User:
    n = next(_counter)
    organisation = organisation or create_organisation()
    user = User(email=email or f"user{n}@test.example", display_name=display_name or f"User {n}",
                password_hash=hash_password(password), is_active=is_active)
    user.memberships = [Membership(organisation=organisation, role=str(r)) for r in roles]
    return _save(user)


def create_person(*, nhs_number: str | None = None, given_name: str = "Sam",
                  family_name: str | None = None, date_of_birth: date = date(1980, 5, 17),
                  **fields: Any) -> Person:
    n = next(_counter)
    return _save(Person(nhs_number=nhs_number or next_nhs_number(), given_name=given_name,
                        family_name=family_name or f"Tester{n}", date_of_birth=date_of_birth,
                        **fields))


def create_case(*, person: Person | None = None, council: Organisation | None = None,
                icb: Organisation | None = None, trust: Organisation | None = None,
                status: str = "aftercare", policy: str = "worcestershire",
                section: str = "3", detained_on: date = date(2025, 1, 6),
                **fields: Any) -> Case:
    case = Case(
        person=person or create_person(), status=status, policy=policy,
        responsible_council=council or create_organisation(type="local_authority"),
        responsible_icb=icb or create_organisation(type="icb"), providing_trust=trust,
        qualifying_section=section, qualifying_detention_date=detained_on, **fields,
    )
    case.detentions = [Detention(section=section, start_date=detained_on)]
    return _save(case)


def create_form(*, case: Case | None = None, kind: str = "aftercare_plan",
                data: dict[str, Any] | None = None, status: str = "draft",
                version: int = 1, policy: str | None = None) -> FormRecord:
    case = case or create_case()
    return _save(FormRecord(case=case, kind=kind, policy=policy or case.policy,
                            data=data if data is not None else {"kind": kind},
                            status=status, version=version))


def create_document(*, form: FormRecord | None = None, content: bytes = b"%PDF-1.7 test",
                    format: str = "pdf", name: str = "aftercare_plan",  # noqa: A002
                    variant: str = "standard") -> Document:
    return _save(Document.from_bytes(content, form=form or create_form(), format=format,
                                     name=name, variant=variant))
