"""SQLAlchemy 2 models, one module per aggregate. Import models from here.

    from forms_app.models import Case, FormRecord, Role

`Base.metadata` is what Alembic's env.py compares against.
"""

from forms_app.models.api_token import ApiToken
from forms_app.models.audit import AuditEvent, AuditImmutable
from forms_app.models.base import Base, utcnow
from forms_app.models.case import (
    CASE_STATUSES,
    QUALIFYING_SECTIONS,
    SECTIONS,
    STATUS_LABELS,
    Case,
    Detention,
)
from forms_app.models.document import DOCUMENT_FORMATS, Document
from forms_app.models.form import FORM_STATUSES, SIGNATURE_PARTIES, FormRecord, Signature
from forms_app.models.held_answers import HeldAnswers
from forms_app.models.notice import (
    ACKNOWLEDGEMENT_METHODS,
    ConsultationConfirmation,
    NoticeAcknowledgement,
)
from forms_app.models.organisation import ORGANISATION_TYPES, Organisation
from forms_app.models.person import COMMUNICATION_FORMATS, Person
from forms_app.models.user import ALL_ROLES, ROLE_LABELS, LoginThrottle, Membership, Role, User

__all__ = [
    "ACKNOWLEDGEMENT_METHODS",
    "ALL_ROLES",
    "CASE_STATUSES",
    "COMMUNICATION_FORMATS",
    "DOCUMENT_FORMATS",
    "FORM_STATUSES",
    "ORGANISATION_TYPES",
    "QUALIFYING_SECTIONS",
    "ROLE_LABELS",
    "SECTIONS",
    "SIGNATURE_PARTIES",
    "STATUS_LABELS",
    "ApiToken",
    "AuditEvent",
    "AuditImmutable",
    "Base",
    "Case",
    "ConsultationConfirmation",
    "Detention",
    "Document",
    "FormRecord",
    "HeldAnswers",
    "LoginThrottle",
    "Membership",
    "NoticeAcknowledgement",
    "Organisation",
    "Person",
    "Role",
    "Signature",
    "User",
    "utcnow",
]
