"""Generate the person-facing Word templates (run: python templates/docx/person/build.py).

One layout serves the rights leaflet and both letters (their contexts share one shape, see
forms_app/documents/person/common.py); each document has a file per layout:
``<name>.docx`` (standard), ``<name>.easy_read.docx`` and ``<name>.large_print.docx``.
Easy read puts a picture beside each point in a two-column table; standard and large print
write each topic as a paragraph. Pictures arrive as InlineImage objects (docx_pictures.py).
Every page has a header (DRAFT on a draft) and a footer ("Page N of M", Word fields); boxes
never split across pages; Atkinson Hyperlegible is embedded (docx_fonts.py). Generated
files are committed; ``--check`` fails when one is stale.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from pathlib import Path

import fontpkg_atkinson_hyperlegible
from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from forms_app.documents.person.docx_fonts import embed_fonts

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # templates/docx: ooxml.py
import ooxml  # noqa: E402 (the professional templates' Word XML helpers)

HERE = Path(__file__).resolve().parent
DOCUMENTS = ("rights_leaflet", "discharge_letter", "change_notice")
# layout -> (body, title, heading, picture column mm)
SIZES = {"standard": (12, 24, 16, 14), "easy_read": (16, 30, 22, 30),
         "large_print": (18, 32, 24, 22)}
FONT = "Atkinson Hyperlegible"
FONT_DIR = Path(fontpkg_atkinson_hyperlegible.ROOT) / "files"
FONT_FACES = {"embedRegular": FONT_DIR / "AtkinsonHyperlegible-Regular.ttf",
              "embedBold": FONT_DIR / "AtkinsonHyperlegible-Bold.ttf"}
DARK, RED, BLUE = RGBColor(0x00, 0x30, 0x87), RGBColor(0xD5, 0x28, 0x1B), "005EB8"


def _styles(doc, layout: str) -> None:
    body, title, heading, _pic = SIZES[layout]
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(body)
    normal.paragraph_format.space_after = Pt(body * 0.6)
    normal.paragraph_format.line_spacing = 1.4 if layout == "easy_read" else 1.25
    for name, size in (("Heading 1", title), ("Heading 2", heading)):
        style = doc.styles[name]
        style.font.name, style.font.size, style.font.color.rgb = FONT, Pt(size), DARK
        _no_theme_font(style)
        style.font.bold = True
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(size * 0.8)


def _no_theme_font(style) -> None:
    """The default headings name a theme font, which wins over a named one: drop it."""
    fonts = style.element.rPr.rFonts
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)


def _runs(paragraph, items: str = "p.runs") -> None:
    """Bold and plain runs from the model's runs: one bold run and one plain run per item."""
    paragraph.add_run(f"{{%r for r in {items} %}}")
    paragraph.add_run("{{ r.text if r.bold else '' }}").bold = True
    paragraph.add_run("{{ '' if r.bold else r.text }}")
    paragraph.add_run("{%r endfor %}")


def _borders(table, edges: tuple[str, ...], **values: str) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        for key, value in values.items():
            element.set(qn(f"w:{key}"), value)
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _no_borders(table) -> None:
    _borders(table, ("top", "left", "bottom", "right", "insideH", "insideV"), val="nil")


def _box(table) -> None:
    _borders(table, ("top", "left", "bottom", "right"), val="single", sz="24", color=BLUE)


def _keep_together(row) -> None:
    """A boxed row never splits and keeps with the next one, so the box stays on one page
    (Word moves it whole to the next page when it does not fit)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.space_after = Pt(2)


def _points_table(doc, items: str, layout: str, boxed: bool = False) -> None:
    """Picture on the left, words on the right, one row per point (docxtpl row loop)."""
    pic = SIZES[layout][3]
    table = doc.add_table(rows=3, cols=2)
    (_box if boxed else _no_borders)(table)
    table.rows[0].cells[0].merge(table.rows[0].cells[1]).text = f"{{%tr for p in {items} %}}"
    left, right = table.rows[1].cells
    left.vertical_alignment = right.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    left.paragraphs[0].add_run("{{ p.icon.image }}")
    _runs(right.paragraphs[0])
    right.add_paragraph("{%p if p.detail %}")
    _runs(right.add_paragraph(), "p.detail")
    right.add_paragraph("{%p endif %}")
    table.rows[2].cells[0].merge(table.rows[2].cells[1]).text = "{%tr endfor %}"
    if boxed:
        _keep_together(table.rows[1])
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), (pic + 4, 170 - pic),
                          strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for cell, width in zip(table.rows[1].cells, (pic + 4, 170 - pic), strict=True):
        cell.width = Mm(width)


def _topic(doc, items: str, layout: str, listed: str = "") -> None:
    """Easy read: a picture row per point. Otherwise one paragraph, or rows when ``listed``."""
    if layout == "easy_read":
        _points_table(doc, items, layout)
        return
    if listed:
        doc.add_paragraph(f"{{%p if {listed} %}}")
        _points_table(doc, items, layout)
        doc.add_paragraph("{%p else %}")
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{{%r for p in {items} %}}")
    _runs(paragraph)
    paragraph.add_run("{{ (' ' + p.detail | map(attribute='text') | join('')) "
                      "if p.detail else '' }}{{ '' if loop.last else ' ' }}")
    paragraph.add_run("{%r endfor %}")
    if listed:
        doc.add_paragraph("{%p endif %}")


def _head(doc) -> None:
    """Letter head (letters only), title, greeting and notes; a draft is marked in the page
    header, on every page (_header_footer)."""
    doc.add_paragraph("{%p if letter %}")
    sender = doc.add_paragraph()
    sender.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sender.add_run("{{ letter.sender }}").bold = True
    doc.add_paragraph("{%p if letter.address %}")
    doc.add_paragraph("{{ letter.address }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ letter.date }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("{{ letter.to }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("{{ title }}", level=1)
    doc.add_paragraph("{%p if subtitle %}")
    doc.add_paragraph("{{ subtitle }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if letter %}")
    doc.add_paragraph("{{ letter.greeting }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for note in notes %}")
    _runs(doc.add_paragraph(), "note")
    doc.add_paragraph("{%p endfor %}")


def _body(doc, layout: str) -> None:
    _head(doc)
    _topic(doc, "intro", layout)
    doc.add_heading("{{ contact.heading }}", level=2)
    _points_table(doc, "contact.points", layout, boxed=True)
    doc.add_paragraph("{%p for s in sections %}")
    doc.add_heading("{{ s.heading }}", level=2)
    doc.add_paragraph("{%p if s.box %}")
    _points_table(doc, "s.points", layout, boxed=True)
    doc.add_paragraph("{%p else %}")
    _topic(doc, "s.points", layout, listed="s.list")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    _closing_and_back(doc)


# The signature and "About this document" are rows of one borderless table whose rows keep
# together: Word and LibreOffice then also carry the last point before it onto its page
# (docx_layout), which they do not do for plain paragraphs, so the block is never left
# alone on the last page.
BACK_ROWS = ("{%tr if letter %}", "{{ letter.closing }}", "{{ letter.signatory }}",
             "{%tr endif %}", "{{ back.heading }}", "{%tr for line in back.other_formats %}",
             "line", "{%tr endfor %}", "{{ back.made_for }}", "{{ back.reference }}",
             "{{ back.credit }}")


def _closing_and_back(doc) -> None:
    table = doc.add_table(rows=len(BACK_ROWS), cols=1)
    _no_borders(table)
    for row, text in zip(table.rows, BACK_ROWS, strict=True):
        paragraph = row.cells[0].paragraphs[0]
        if text == "line":
            _runs(paragraph, "line")
        else:
            paragraph.add_run(text).bold = text == "{{ letter.signatory }}"
        if text == "{{ back.heading }}":
            paragraph.style = doc.styles["Heading 2"]
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        paragraph.paragraph_format.keep_with_next = text != "{{ back.credit }}"
        paragraph.paragraph_format.space_after = Pt(3)


def _header_footer(section, layout: str) -> None:
    """DRAFT at the top of every page of a draft; "Page N of M" at the foot of every page,
    in the body's size (easy read and large print keep their minimum size there too)."""
    size = SIZES[layout][0]
    mark = section.header.paragraphs[0].add_run("{{ meta.draft_mark if meta.draft else '' }}")
    mark.bold, mark.font.color.rgb, mark.font.size = True, RED, Pt(size)
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text, instruction in (("{{ page.before }}", "PAGE"), ("{{ page.middle }}", "NUMPAGES")):
        footer.add_run(text).font.size = Pt(size)
        ooxml.field(footer, instruction, size)
    footer.add_run("{{ page.after }}").font.size = Pt(size)


def build(layout: str) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(18)
    doc.core_properties.title = "{{ title }}"
    doc.core_properties.language = "{{ lang }}"
    _styles(doc, layout)
    _header_footer(section, layout)
    _body(doc, layout)
    out = io.BytesIO()
    doc.save(out)
    return _normalise(embed_fonts(out.getvalue(), FONT, FONT_FACES))


def _normalise(data: bytes) -> bytes:
    """Fixed timestamps and order inside the zip, so a rebuild is byte-identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", body)
            fixed = zipfile.ZipInfo(info.filename, (2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo defaults to stored
            target.writestr(fixed, body)
    return out.getvalue()


def outputs() -> dict[Path, bytes]:
    built = {layout: build(layout) for layout in SIZES}
    files = {}
    for name in DOCUMENTS:
        files[HERE / f"{name}.docx"] = built["standard"]
        files[HERE / f"{name}.easy_read.docx"] = built["easy_read"]
        files[HERE / f"{name}.large_print.docx"] = built["large_print"]
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a template is stale")
    args = parser.parse_args()
    stale = [path.name for path, data in outputs().items()
             if args.check and (not path.exists() or path.read_bytes() != data)]
    if not args.check:
        for path, data in outputs().items():
            path.write_bytes(data)
    if stale:
        print("stale Word templates (run python templates/docx/person/build.py):", *stale,
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
