"""Person-facing words come from gettext catalogues, never from code.

Documents are rendered outside any Flask request, so Babel's ``support.Translations`` is
used directly, from the ``forms_app/translations`` directory. Source strings (msgids) are
British English, so a language without a catalogue falls back to English and the document
says a translation must be arranged.

Catalogue text may mark key words with ``**double stars**``; :func:`runs` turns a message
into ``[{"text", "bold"}]`` runs *before* named placeholders are filled, so text typed into
a form can never switch bold on or inject markup (templates escape each run).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.support import NullTranslations, Translations

DOMAIN = "messages"
CATALOGUE_DIR = Path(__file__).resolve().parents[2] / "translations"
SOURCE_LOCALE = "en_GB"


def N_(message: str) -> str:  # noqa: N802 - the gettext marker name Babel extracts by default
    """Marks a msgid for extraction where it is translated later (tables of wording)."""
    return message


@dataclass(frozen=True)
class Words:
    """One document's translator: gettext/ngettext, dates, and the language actually used."""

    translations: NullTranslations
    locale: Locale
    requested: str
    available: bool

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    @property
    def lang(self) -> str:
        """BCP 47 tag of the language the document is written in (``en-GB``)."""
        return str(self.locale).replace("_", "-")

    def date(self, value: date | str | None, long: bool = False) -> str:
        """``15 June 2026`` (``Monday 15 June 2026`` when ``long``) in the document language."""
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            value = date.fromisoformat(value)
        pattern = "EEEE d MMMM y" if long else "d MMMM y"
        return format_date(value, pattern, locale=self.locale)


def _locale_for(tag: str | None) -> Locale | None:
    try:
        return Locale.parse((tag or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


def load_words(language: str | None, directory: Path | None = None) -> Words:
    """The catalogue for a BCP 47 ``language`` (``en``, ``cy``, ``pl-PL``), else British English.

    ``available`` is False when the person's language has no catalogue, so the document can
    say that a translated copy has to be arranged (CHG-05).
    """
    directory = directory or CATALOGUE_DIR
    requested = language or "en"
    locale = _locale_for(requested)
    if locale is None or locale.language == "en":
        return Words(_catalogue(directory, SOURCE_LOCALE), Locale.parse(SOURCE_LOCALE),
                     requested, True)
    for candidate in (str(locale), locale.language):
        if (directory / candidate / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
            return Words(_catalogue(directory, candidate), locale, requested, True)
    return Words(_catalogue(directory, SOURCE_LOCALE), Locale.parse(SOURCE_LOCALE),
                 requested, False)


def _catalogue(directory: Path, locale: str) -> NullTranslations:
    return Translations.load(str(directory), [locale], DOMAIN)


def runs(template: str, values: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Split a translated message on ``**`` into bold/plain runs, then fill placeholders."""
    values = values or {}
    out: list[dict[str, Any]] = []
    for index, part in enumerate(template.split("**")):
        if part:
            out.append({"text": part % values, "bold": index % 2 == 1})
    return out


def plain(parts: list[dict[str, Any]]) -> str:
    """The text of some runs without emphasis (for alt text, titles and readability tests)."""
    return "".join(part["text"] for part in parts)
