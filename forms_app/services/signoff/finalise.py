"""Freezing a record at sign-off: fingerprint, documents rendered once, older versions superseded.

Documents are rendered here and only here; downloads serve the stored bytes, never a new
rendering (rendering is not byte-for-byte repeatable, and a signed record must not change).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import select

from forms_app.contract.check import CheckResult
from forms_app.documents import registry
from forms_app.documents.fingerprint import fingerprint
from forms_app.documents.render import render_signed
from forms_app.documents.signing import SigningIdentity, ensure_dev_signing_identity
from forms_app.documents.signoff import SignOff
from forms_app.models import Document, FormRecord, User, utcnow
from forms_app.store import audit
from forms_app.store.db import db

PRINTED_VARIANTS = ("standard", "easy_read", "large_print")


def sign_off(record: FormRecord, user: User, result: CheckResult) -> list[Document]:
    """Freeze the record with its signatures, store its documents, supersede older versions."""
    from forms_app.services.signoff import merged_data

    record.data = merged_data(record)
    record.fingerprint = fingerprint(record.data)
    record.status = "signed_off"
    record.signed_off_at = utcnow()
    record.updated_by_id = user.id
    _supersede_older(record, user)
    documents = [doc for name in registry.documents_for_kind(record.kind)
                 for doc in _render(record, name, result, user)]
    audit.record("form.signoff", user=user, record_type="form", record_id=record.id,
                 person_id=record.case.person_id,
                 details={"kind": record.kind, "version": record.version,
                          "fingerprint": record.fingerprint})
    return documents


def _supersede_older(record: FormRecord, user: User) -> None:
    older = db.session.scalars(select(FormRecord).where(
        FormRecord.case_id == record.case_id, FormRecord.kind == record.kind,
        FormRecord.status == "signed_off", FormRecord.id != record.id))
    for old in older:
        old.status = "superseded"
        audit.record("form.supersede", user=user, record_type="form", record_id=old.id,
                     person_id=record.case.person_id, details={"by": record.id})


def variant_for(document: str, data: dict[str, Any]) -> str:
    """The variant stored at sign-off, as `s117 render` would choose it: the letter format
    the form itself asks for (a change notice's ``format``), else the document's default
    for the person (their recorded format for the person's documents, CHG-05)."""
    asked = data.get("format")
    requested = asked if asked in PRINTED_VARIANTS else None
    try:
        return registry.choose_variant(document, data.get("kind"), data, requested).variant
    except registry.UnknownDocument:
        return "standard"


def _render(record: FormRecord, name: str, result: CheckResult, user: User) -> list[Document]:
    variant = variant_for(name, record.data)
    signoff = SignOff(document_id=f"S117-{record.case_id}-{record.kind}-{record.id}",
                      version=record.version, fingerprint=record.fingerprint or "",
                      signed_off_on=record.signed_off_at.date() if record.signed_off_at else None)
    pdf, docx = render_signed(name, result, signoff, signing_identity(), variant)
    stored = []
    for fmt, content in (("pdf", pdf), ("docx", docx)):
        document = Document.from_bytes(content, form_id=record.id, name=name, variant=variant,
                                       format=fmt, created_by_id=user.id)
        db.session.add(document)
        stored.append(document)
    db.session.flush()
    for document in stored:
        audit.record("document.create", user=user, record_type="document",
                     record_id=document.id, person_id=record.case.person_id,
                     details={"name": name, "format": document.format,
                              "sha256": document.sha256})
    return stored


def signing_identity() -> SigningIdentity:
    """The configured key and certificate, else the instance's development identity."""
    config = current_app.config
    if config.get("S117_SIGNING_KEY") and config.get("S117_SIGNING_CERT"):
        return SigningIdentity(Path(config["S117_SIGNING_KEY"]), Path(config["S117_SIGNING_CERT"]))
    return ensure_dev_signing_identity(config["S117_INSTANCE_PATH"])
