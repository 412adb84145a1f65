"""Rendered documents: the bytes of a Word, PDF or HTML file made from a form version."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from forms_app.models.base import Base, UTCDateTime, check_in, utcnow
from forms_app.models.form import FormRecord

DOCUMENT_FORMATS: tuple[str, ...] = ("pdf", "docx", "html")
MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}


class Document(Base):
    """One rendered file. `sha256` is of `content`, set by `Document.from_bytes`."""

    __tablename__ = "documents"
    __table_args__ = (CheckConstraint(check_in("format", DOCUMENT_FORMATS), name="format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("form_records.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    variant: Mapped[str] = mapped_column(String(20), default="standard")
    format: Mapped[str] = mapped_column(String(10))
    # Deferred: listing documents must not pull every PDF into memory.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    form: Mapped[FormRecord] = relationship()

    @classmethod
    def from_bytes(cls, content: bytes, **fields: object) -> Document:
        """A document whose hash and size are computed from its content."""
        return cls(
            content=content, sha256=hashlib.sha256(content).hexdigest(), size=len(content),
            **fields,
        )

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]

    @property
    def filename(self) -> str:
        suffix = "" if self.variant == "standard" else f"-{self.variant}"
        return f"{self.name}{suffix}-v{self.form.version}.{self.format}"
