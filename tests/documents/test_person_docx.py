"""The person's Word files: header and footer on every page (DRAFT mark, page N of M), the
Atkinson Hyperlegible font embedded as Word embeds fonts, and boxes that never split."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import fontpkg_atkinson_hyperlegible
import pytest
from docx import Document
from docx.oxml.ns import qn
from test_person_support import VARIANTS, checked, example, rendered

from forms_app.documents.person.docx_fonts import obfuscate
from forms_app.documents.render import render
from forms_app.documents.signoff import SignOff

FORMS = ["adult", "child", "change", "discharge"]
FONTS = Path(fontpkg_atkinson_hyperlegible.ROOT) / "files"
MIN_PT = {"easy_read": 16, "large_print": 18, "standard": 12}


def _docx(form: str, variant: str) -> Document:
    return Document(io.BytesIO(rendered(form, "docx", variant)))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("form", FORMS)
def test_every_page_has_page_n_of_m_in_the_layouts_size(form, variant) -> None:
    for section in _docx(form, variant).sections:
        footer = section.footer.paragraphs[0]
        xml = footer._p.xml
        assert 'w:instr="PAGE"' in xml
        assert 'w:instr="NUMPAGES"' in xml
        assert re.fullmatch(r"Page\s+of\s*", footer.text)
        sizes = [run.font.size.pt for run in footer.runs if run.text.strip()]
        sizes += [int(v) / 2 for v in re.findall(r'<w:sz w:val="(\d+)"', xml)]
        assert sizes
        assert min(sizes) >= MIN_PT[variant]


@pytest.mark.parametrize("form", FORMS)
def test_a_draft_says_draft_at_the_top_of_every_page(form) -> None:
    document = _docx(form, "easy_read")
    assert document.sections
    for section in document.sections:
        header = section.header.paragraphs[0]
        assert header.text == "DRAFT — not signed off"
        assert header.runs[0].bold
        assert header.runs[0].font.size.pt >= 16


def test_a_signed_off_document_has_no_draft_mark() -> None:
    signoff = SignOff("S117-2026-0007", 2, "a" * 64, date(2026, 3, 19))
    data = render("rights_leaflet", checked(example("aftercare_plan")), "docx", None, signoff)
    document = Document(io.BytesIO(data))
    assert all(not s.header.paragraphs[0].text for s in document.sections)
    assert "DRAFT" not in " ".join(p.text for p in document.paragraphs)


def _parts(form: str, variant: str) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(rendered(form, "docx", variant))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("form", FORMS)
def test_atkinson_hyperlegible_is_embedded_as_word_embeds_fonts(form, variant) -> None:
    parts = _parts(form, variant)
    table = parts["word/fontTable.xml"].decode()
    entry = re.search(r'<w:font w:name="Atkinson Hyperlegible">(.*?)</w:font>', table).group(1)
    rels = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"',
                           parts["word/_rels/fontTable.xml.rels"].decode()))
    for element, face in (("embedRegular", "Regular"), ("embedBold", "Bold")):
        rid, key = re.search(rf'<w:{element} r:id="([^"]+)" w:fontKey="([^"]+)"/>',
                             entry).groups()
        stored = parts[f"word/{rels[rid]}"]
        packaged = (FONTS / f"AtkinsonHyperlegible-{face}.ttf").read_bytes()
        assert stored != packaged  # obfuscated, as the format requires
        assert obfuscate(stored, key) == packaged  # and reads back to the packaged font
    assert "<w:embedTrueTypeFonts/>" in parts["word/settings.xml"].decode()
    types = parts["[Content_Types].xml"].decode()
    obfuscated = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
    assert re.search(rf'(Extension="odttf"|PartName="/word/fonts/font1.odttf") '
                     rf'ContentType="{obfuscated}"', types)


def _box_tables(document: Document, first_words: tuple[str, ...]) -> list:
    return [t for t in document.tables
            if t.rows and t.rows[0].cells[-1].text.startswith(first_words)]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("form", "opening"), [
    ("adult", ("Priya Shah is your named worker",)), ("child", ("This part is for",)),
    ("change", ("This letter is from",)), ("discharge", ("Your contact is",))])
def test_boxes_never_split_across_pages(form, opening, variant) -> None:
    tables = _box_tables(_docx(form, variant), opening)
    assert len(tables) == 1
    rows = tables[0].rows
    assert len(rows) >= 4
    for row in rows:
        assert row._tr.trPr is not None
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    # Each row keeps with the next, so the box moves whole; the last lets what follows go.
    for row in rows[:-1]:
        for cell in row.cells:
            assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for cell in rows[-1].cells
                   for p in cell.paragraphs)
