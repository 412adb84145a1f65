"""The frame around every person-facing document: language, layout, notes, back page, meta."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from forms_app.documents.common import meta
from forms_app.documents.person.common import VARIANTS, credit, format_note, language_note
from forms_app.documents.person.i18n import Words, load_words, runs

# Splits "Page %(page)s of %(pages)s" around its numbers, which Word fills in as fields.
_PAGE, _PAGES = "\x00page\x00", "\x00pages\x00"


def words_for(person: Mapping[str, Any]) -> Words:
    return load_words((person.get("communication") or {}).get("language"))


def page_label(words: Words) -> dict[str, str]:
    """The footer's words around the page number and page count, in the document language."""
    text = words.gettext("Page %(page)s of %(pages)s") % {"page": _PAGE, "pages": _PAGES}
    before, _sep, rest = text.partition(_PAGE)
    middle, _sep, after = rest.partition(_PAGES)
    return {"before": before, "middle": middle, "after": after}


def back_page(words: Words, made_for: str, made_on: date, reference: str) -> dict[str, Any]:
    """"About this document": other formats, who it was made for, reference, picture credit."""
    _ = words.gettext
    return {
        "heading": _("About this document"),
        "other_formats": [
            runs(_("You can ask for this in **other formats**.")),
            runs(_("For example: easy read, large print, braille, audio or sign language.")),
            runs(_("You can also ask for it in **another language**.")),
        ],
        "made_for": _("Made for %(name)s on %(day)s.") % {
            "name": made_for, "day": words.date(made_on)},
        "reference": _("Reference: %(ref)s") % {"ref": reference},
        "credit": credit(words),
    }


def frame(result: Any, signoff: Any, *, document: str, layout: str, words: Words,
          title: str, made_for: str, dated: date | None = None) -> dict[str, Any]:
    """The keys every person document's templates share (content keys are added by callers).

    ``layout`` is the variant being produced (chosen by ``formats.choose``); ``dated`` is a
    letter's own date, printed as the day it was made so the back page and the letter head
    agree (otherwise the sign-off date, else today)."""
    if layout not in VARIANTS:
        raise ValueError(f"unknown layout {layout!r}")
    person = (result.data or {}).get("person") or {}
    notes = [n for n in (format_note(words, (person.get("communication") or {}).get("format")),
                         language_note(words)) if n]
    info = meta(result, signoff, date.today())
    return {
        "document": document, "kind": result.kind, "layout": layout, "lang": words.lang,
        "title": title, "notes": notes,
        "back": back_page(words, made_for, dated or (signoff and signoff.signed_off_on)
                          or date.today(), info["document_id"]),
        "page": page_label(words),
        "meta": info,
    }

