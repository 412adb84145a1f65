"""A stored document's exact bytes as a download, audited: one answer for the pages and
the API, so both doors serve, name and audit a document the same way."""

from __future__ import annotations

from flask import g
from werkzeug.wrappers import Response

from forms_app.models import Document
from forms_app.store import audit
from forms_app.store.db import db


def stored_document(document: Document, *, api: bool = False) -> Response:
    """The bytes stored at sign-off (never rendered again), with their SHA-256."""
    audit.record("document.download", user=g.user, record_type="document",
                 record_id=document.id, person_id=document.form.case.person_id,
                 details={"api": api, "sha256": document.sha256, "format": document.format})
    db.session.commit()
    response = Response(document.content, mimetype=document.media_type.split(";")[0])
    response.headers["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response.headers["X-Content-SHA256"] = document.sha256
    return response
