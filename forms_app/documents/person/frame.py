"""The frame around every person-facing document: language, layout, notes, back page, meta."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from forms_app.documents.common import meta
from forms_app.documents.person.common import VARIANTS, credit, format_note, language_note
from forms_app.documents.person.i18n import Words, load_words

# CHG-05: the recorded communication format -> the printed layout. Braille, audio and BSL
# video cannot be printed: they get the standard layout plus a note that the accessible
# version is being arranged (see common.format_note).
FORMAT_LAYOUT = {"easy_read": "easy_read", "large_print": "large_print"}


def layout_for(communication: Mapping[str, Any] | None) -> str:
    return FORMAT_LAYOUT.get((communication or {}).get("format") or "", "standard")


def words_for(person: Mapping[str, Any]) -> Words:
    return load_words((person.get("communication") or {}).get("language"))


def frame(result: Any, signoff: Any, *, document: str, layout: str, words: Words,
          title: str, made_for: str) -> dict[str, Any]:
    """The keys every person document's templates share (content keys are added by callers)."""
    if layout not in VARIANTS:
        raise ValueError(f"unknown layout {layout!r}")
    _ = words.gettext
    person = (result.data or {}).get("person") or {}
    notes = [n for n in (format_note(words, (person.get("communication") or {}).get("format")),
                         language_note(words)) if n]
    info = meta(result, signoff, date.today())
    return {
        "document": document, "kind": result.kind, "layout": layout, "lang": words.lang,
        "title": title, "notes": notes,
        "back": {
            "heading": _("About this document"),
            "made_for": _("Made for %(name)s on %(day)s.") % {
                "name": made_for, "day": words.date(date.today())},
            "other_formats": _("You can ask for this in easy read, large print, braille, "
                               "audio, British Sign Language or another language."),
            "reference": _("Reference: %(ref)s") % {"ref": info["document_id"]},
            "credit": credit(words),
        },
        "meta": info,
    }
