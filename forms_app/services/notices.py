"""Change notices after they are issued: the person's written acknowledgement, and the
consulted commissioner's confirmation of the consultation the notice records.

Both are recorded on a signed-off notice only (its text and dates are final), once each:
a second acknowledgement is refused rather than replacing the first, so the record shows
what the person actually sent and when, and the audit trail tells one story. The
consultation itself is typed by the issuer in the journey (``other_party_consulted``);
a commissioner of the organisation named there may confirm it here, in their own account.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from forms_app.models import (
    ACKNOWLEDGEMENT_METHODS,
    ConsultationConfirmation,
    FormRecord,
    NoticeAcknowledgement,
    User,
)
from forms_app.policy.dates import long_date
from forms_app.services.errors import InvalidData, ServiceError
from forms_app.services.signoff.parties import COMMISSIONERS
from forms_app.store import audit
from forms_app.store.db import db


class NoticeError(ServiceError):
    """This cannot be recorded on this notice (not issued, already recorded, not yours)."""


def acknowledgement_of(record: FormRecord) -> NoticeAcknowledgement | None:
    return db.session.scalar(
        select(NoticeAcknowledgement).where(NoticeAcknowledgement.form_id == record.id))


def confirmation_of(record: FormRecord) -> ConsultationConfirmation | None:
    return db.session.scalar(
        select(ConsultationConfirmation).where(ConsultationConfirmation.form_id == record.id))


def is_issued(record: FormRecord) -> bool:
    return record.kind == "change_notice" and record.status == "signed_off"


def issued_on(record: FormRecord) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(record.data.get("issued_on")))
    except ValueError:
        return None


def received_on_problem(record: FormRecord, received: dt.date, today: dt.date) -> str | None:
    """Why ``received`` cannot be the day the acknowledgement came in; None when it can."""
    if received > today:
        return "The date the acknowledgement was received must be today or in the past"
    issued = issued_on(record)
    if issued is not None and received < issued:
        return ("The date the acknowledgement was received must be on or after the notice "
                f"date, {long_date(issued)}")
    return None


def acknowledgement_refusal(record: FormRecord, user: User) -> str | None:
    """Why ``user`` cannot record the person's acknowledgement now; None when they can.

    A commissioner of the case's council or ICB records it, once, on an issued notice.
    """
    case = record.case
    bodies = {case.responsible_council.code, case.responsible_icb.code}
    if not is_issued(record) or not _commissioner_of(user, bodies):
        return ("only a commissioner of the case's council or ICB can record the "
                "acknowledgement of an issued change notice")
    return _already(acknowledgement_of(record), "the person's acknowledgement")


def record_acknowledgement(record: FormRecord, user: User, received_on: dt.date, method: str,
                           today: dt.date | None = None) -> NoticeAcknowledgement:
    """Record the person's written acknowledgement of the notice, once; audited.

    NoticeError when it cannot be recorded; InvalidData naming the field for a bad date
    (in the future, or before the notice) or an unknown way of receiving it.
    """
    refused = acknowledgement_refusal(record, user)
    if refused is not None:
        raise NoticeError(refused)
    problem = received_on_problem(record, received_on, today or dt.date.today())
    if problem is not None:
        raise InvalidData({"received_on": [problem]})
    if method not in ACKNOWLEDGEMENT_METHODS:
        raise InvalidData({"method": ["Select how the acknowledgement was received"]})
    row = NoticeAcknowledgement(form_id=record.id, received_on=received_on, method=method,
                                recorded_by_id=user.id)
    _add_once(row, "the person's acknowledgement")
    audit.record("change_notice.acknowledged", user=user, record_type="form",
                 record_id=record.id, person_id=record.case.person_id,
                 details={"received_on": received_on.isoformat(), "method": method})
    return row


def consulted_organisation(record: FormRecord) -> dict[str, Any] | None:
    """The organisation the notice says was consulted (``other_party_consulted``)."""
    consulted = record.data.get("other_party_consulted")
    org = consulted.get("organisation") if isinstance(consulted, dict) else None
    return org if isinstance(org, dict) and isinstance(org.get("code"), str) else None


def confirmation_refusal(record: FormRecord, user: User) -> str | None:
    """Why ``user`` cannot confirm the consultation now; None when they can.

    A commissioner of the organisation the notice names as consulted confirms it, once,
    on an issued notice.
    """
    org = consulted_organisation(record)
    if not is_issued(record) or org is None or not _commissioner_of(user, {org["code"]}):
        return ("only a commissioner of the organisation consulted can confirm the "
                "consultation on an issued change notice")
    return _already(confirmation_of(record), "the consultation")


def confirm_consultation(record: FormRecord, user: User) -> ConsultationConfirmation:
    """The consulted commissioner confirms the consultation the notice records; audited."""
    refused = confirmation_refusal(record, user)
    if refused is not None:
        raise NoticeError(refused)
    org = consulted_organisation(record) or {}
    row = ConsultationConfirmation(
        form_id=record.id, organisation_code=org["code"],
        organisation_name=str(org.get("name") or org["code"])[:200], confirmed_by_id=user.id)
    _add_once(row, "the consultation")
    audit.record("change_notice.consultation_confirmed", user=user, record_type="form",
                 record_id=record.id, person_id=record.case.person_id,
                 details={"organisation": org["code"]})
    return row


def _commissioner_of(user: User, codes: set[str]) -> bool:
    return any(m.role in COMMISSIONERS and m.organisation.code in codes
               for m in user.memberships)


def _already(existing: NoticeAcknowledgement | ConsultationConfirmation | None,
             what: str) -> str | None:
    if existing is None:
        return None
    when = getattr(existing, "recorded_at", None) or getattr(existing, "confirmed_at", None)
    return (f"{what} was already recorded{' on ' + long_date(when.date()) if when else ''}; "
            "it is recorded once")


def _add_once(row: NoticeAcknowledgement | ConsultationConfirmation, what: str) -> None:
    """Insert the row; a second one racing ours is refused by the unique ``form_id``."""
    try:
        with db.session.begin_nested():
            db.session.add(row)
            db.session.flush()
    except IntegrityError as error:
        raise NoticeError(f"{what} was already recorded; it is recorded once") from error
