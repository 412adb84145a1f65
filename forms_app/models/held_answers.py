"""Answers a person posted to a journey step just after their session had ended.

Without JavaScript nothing saves a page before the idle timeout, so a step posted after
it would otherwise be lost. The posted fields are kept here, on the server (health data
never goes into the cookie), for the same user only, until they sign in again and come
back to the step (forms_app/web/journeys/held.py), or for at most the absolute session
lifetime (`S117_ABSOLUTE_LIFETIME`), after which they are ignored and purged.

`fields` is the posted form as a list of ``[name, value]`` pairs (order and repeated
names kept, as a browser sends them), limited to the step's own fields and its controls.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from forms_app.models.base import Base, JSONDocument, UTCDateTime, utcnow


class HeldAnswers(Base):
    __tablename__ = "held_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("form_records.id", ondelete="CASCADE"),
                                         index=True)
    step: Mapped[str] = mapped_column(String(60))
    fields: Mapped[list[list[str]]] = mapped_column(JSONDocument)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
