"""The register of people: search, filters, paging and the dashboard figures, all scoped.

Every query starts from `access.visible_cases(user)`, so a search can never return a
case outside the user's organisations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from forms_app.models import CASE_STATUSES, Case, FormRecord, Organisation, Person, User
from forms_app.services.access import case_scope, visible_cases
from forms_app.services.paging import Paged
from forms_app.store.db import db

REVIEW_HORIZON = timedelta(days=30)


@dataclass(frozen=True)
class RegisterQuery:
    """What the register page asks for; empty strings mean "any"."""

    text: str = ""
    status: str = ""
    body_id: int | None = None
    page: int = 1
    per_page: int = 20


class Page(Paged):
    """One page of the register (``items`` are cases)."""


def search_register(user: User, query: RegisterQuery) -> Page:
    """One page of the user's visible cases matching `query`, by family then given name."""
    stmt = _filtered(visible_cases(user).join(Case.person), query)
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    page = max(1, query.page)
    rows = db.session.scalars(
        stmt.order_by(Person.family_name, Person.given_name, Case.id)
        .limit(query.per_page).offset((page - 1) * query.per_page)
    ).all()
    return Page(items=list(rows), total=total, page=page, per_page=query.per_page)


def _filtered(stmt: Select[tuple[Case]], query: RegisterQuery) -> Select[tuple[Case]]:
    text = query.text.strip()
    if text:
        digits = text.replace(" ", "")
        if digits.isdigit():
            stmt = stmt.where(Person.nhs_number.startswith(digits))
        else:
            stmt = stmt.where(_name_matches(text))
    if query.status in CASE_STATUSES:
        stmt = stmt.where(Case.status == query.status)
    if query.body_id is not None:
        stmt = stmt.where(or_(
            Case.responsible_council_id == query.body_id,
            Case.responsible_icb_id == query.body_id,
            Case.providing_trust_id == query.body_id,
        ))
    return stmt


def _name_matches(text: str) -> ColumnElement[bool]:
    """Every word appears in the full name or the preferred name (case-insensitive)."""
    full = func.lower(Person.given_name + " " + Person.family_name)
    preferred = func.lower(func.coalesce(Person.preferred_name, ""))
    return and_(*(
        or_(full.contains(w, autoescape=True), preferred.contains(w, autoescape=True))
        for w in text.lower().split()
    ))


def responsible_bodies(user: User) -> list[Organisation]:
    """Organisations appearing on the user's visible cases (for the filter list)."""
    ids = select(Case.responsible_council_id).where(case_scope(user)).union(
        select(Case.responsible_icb_id).where(case_scope(user)),
        select(Case.providing_trust_id).where(case_scope(user)),
    )
    stmt = select(Organisation).where(Organisation.id.in_(ids)).order_by(Organisation.name)
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class Dashboard:
    counts: dict[str, int]
    mine: list[Case]
    reviews_due: list[Case]


def dashboard(user: User, today: date) -> Dashboard:
    """Case counts by status, the user's own cases and reviews due within 30 days.

    "Mine": cases the user opened or on which they last changed a form."""
    rows = db.session.execute(
        select(Case.status, func.count()).where(case_scope(user)).group_by(Case.status)
    ).all()
    counts = dict.fromkeys(CASE_STATUSES, 0) | dict(rows)
    worked_on = select(FormRecord.case_id).where(FormRecord.updated_by_id == user.id)
    mine = db.session.scalars(
        visible_cases(user)
        .where(or_(Case.created_by_id == user.id, Case.id.in_(worked_on)))
        .order_by(Case.updated_at.desc(), Case.id.desc()).limit(10)
    ).all()
    due = db.session.scalars(
        visible_cases(user)
        .where(Case.next_review_due.is_not(None), Case.next_review_due <= today + REVIEW_HORIZON,
               Case.status != "ended")
        .order_by(Case.next_review_due).limit(20)
    ).all()
    return Dashboard(counts=counts, mine=list(mine), reviews_due=list(due))
