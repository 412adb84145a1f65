"""Who may see which case: the organisation scoping rule, in the query layer.

A user sees a case when one of their organisations is its responsible council, its
responsible ICB or its providing trust. Every read of cases, forms and documents for a
user goes through `visible_cases(user)` (a `Select`), so search results, dashboards and
id routes share one rule.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, or_, select

from forms_app.models import AuditEvent, Case, Document, FormRecord, Membership, User
from forms_app.store.db import db


def case_scope(user: User) -> ColumnElement[bool]:
    """The WHERE clause limiting cases to the user's organisations."""
    orgs = sorted(user.organisation_ids) or [-1]
    return or_(
        Case.responsible_council_id.in_(orgs),
        Case.responsible_icb_id.in_(orgs),
        Case.providing_trust_id.in_(orgs),
    )


def visible_cases(user: User) -> Select[tuple[Case]]:
    """SELECT of every case the user may see (add filters and ordering to it)."""
    return select(Case).where(case_scope(user))


def visible_case(user: User, case_id: int) -> Case | None:
    return db.session.scalar(visible_cases(user).where(Case.id == case_id))


def visible_form(user: User, form_id: int) -> FormRecord | None:
    stmt = select(FormRecord).join(FormRecord.case).where(
        FormRecord.id == form_id, case_scope(user)
    )
    return db.session.scalar(stmt)


def visible_document(user: User, document_id: int) -> Document | None:
    stmt = (
        select(Document).join(Document.form).join(FormRecord.case)
        .where(Document.id == document_id, case_scope(user))
    )
    return db.session.scalar(stmt)


def audit_scope(user: User) -> ColumnElement[bool]:
    """Audit events an auditor may read: about people on their organisations' cases, or
    done by users of their organisations."""
    people = select(Case.person_id).where(case_scope(user))
    colleagues = select(Membership.user_id).where(
        Membership.organisation_id.in_(sorted(user.organisation_ids) or [-1])
    )
    return or_(AuditEvent.person_id.in_(people), AuditEvent.user_id.in_(colleagues))
