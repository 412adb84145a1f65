"""Every person-facing word is in a gettext catalogue: another language is a file, not code."""

from __future__ import annotations

import io
import shutil

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from test_person_support import checked, example, points

from forms_app.documents.person import catalogue, i18n
from forms_app.documents.render import context


def test_catalogues_are_current_with_the_sources() -> None:
    """Every msgid in the code is in messages.pot/.po and the committed .mo matches the .po."""
    assert catalogue.stale_files(catalogue.outputs()) == []


def test_source_catalogue_translates_every_message() -> None:
    po = i18n.CATALOGUE_DIR / "en_GB" / "LC_MESSAGES" / "messages.po"
    catalog = read_po(po.open("rb"))
    messages = [m for m in catalog if m.id]
    assert len(messages) > 150
    assert all(m.string for m in messages)
    assert catalogue._messages(po.with_suffix(".mo").read_bytes(), mo=True) == \
        catalogue._messages(po.read_bytes())


def _pseudo_catalogue(directory, language: str) -> None:
    """A complete fake translation: every msgstr is the English one marked with [xx]."""
    source = read_po((i18n.CATALOGUE_DIR / "en_GB" / "LC_MESSAGES" / "messages.po").open("rb"))
    for message in source:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            marked = tuple(f"[{language}] {s}" for s in strings)
            message.string = marked if isinstance(message.string, tuple) else marked[0]
    target = directory / language / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "messages.mo").open("wb") as out:
        write_mo(out, source)
    shutil.copytree(i18n.CATALOGUE_DIR / "en_GB", directory / "en_GB")


def test_a_new_language_is_only_a_catalogue_file(tmp_path, monkeypatch) -> None:
    _pseudo_catalogue(tmp_path, "pl")
    monkeypatch.setattr(i18n, "CATALOGUE_DIR", tmp_path)
    raw = example("aftercare_plan")
    raw["person"]["communication"]["language"] = "pl-PL"
    doc = context("rights_leaflet", checked(raw), "easy_read")
    assert doc["lang"] == "pl-PL"
    assert doc["title"] == "[pl] Your section 117 aftercare"
    assert all(p["text"].startswith("[pl] ") for p in points(doc))
    assert all(p["icon"]["alt"].startswith("[pl] ") for p in points(doc))
    assert any("15 czerwca 2026" in p["text"] for p in points(doc))  # dates in Polish too
    assert doc["notes"] == []


def test_a_language_without_a_catalogue_falls_back_to_english_and_says_so() -> None:
    raw = example("change_notice")
    raw["person"]["communication"]["language"] = "so"
    doc = context("change_notice", checked(raw))
    assert doc["lang"] == "en-GB"
    notes = [" ".join(r["text"] for r in note) for note in doc["notes"]]
    assert notes == ["You asked for information in another language (so). "
                     "We are getting it translated for you."]


@pytest.mark.parametrize("language", ["en", "en-GB", "en-US", None, "not a tag!"])
def test_english_and_unusable_tags_use_the_source_catalogue(language) -> None:
    words = i18n.load_words(language)
    assert words.lang == "en-GB"
    assert words.gettext("Who to contact") == "Who to contact"


def test_bold_markers_come_only_from_the_catalogue() -> None:
    parts = i18n.runs("Ask **%(who)s** now.", {"who": "**Eve** <b>"})
    assert parts == [{"text": "Ask ", "bold": False}, {"text": "**Eve** <b>", "bold": True},
                     {"text": " now.", "bold": False}]
    assert i18n.plain(parts) == "Ask **Eve** <b> now."


def test_mo_round_trip_helper_reads_what_babel_writes() -> None:
    out = io.BytesIO()
    write_mo(out, read_po((i18n.CATALOGUE_DIR / "messages.pot").open("rb")))
    assert read_mo(io.BytesIO(out.getvalue()))
