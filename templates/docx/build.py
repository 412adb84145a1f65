"""Generate the Word templates in this folder from ONE layout (run: python templates/docx/build.py).

Every professional document shares the document model (forms_app/documents/model.py), so
each ``<document>.docx`` is the same docxtpl layout; ``<document>.large_print.docx`` is the
same layout with large-print sizes and the checklist's source under the requirement. The
generated files are committed; a test checks they
are current (``python templates/docx/build.py --check``).

Tables take their column widths from the model (``columns[i].width``, percent of the text
width, the same numbers the PDF's ``<col>``s get). The templates hold them as Jinja in the
``w:gridCol`` and ``w:tcW`` widths: they are sources for forms_app/documents/docx.py (Word
itself may refuse to open a template; a rendered document is plain OOXML).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or imported
import ooxml  # noqa: E402 (this folder's helper, found through the line above)

HERE = Path(__file__).resolve().parent
DOCUMENTS = ("aftercare_plan", "funding_agreement", "leave_funding_agreement",
             "discharge_decision", "dispute_notice", "register_extract",
             "responsibility_statement")
# body, title, heading, table caption, running header/footer (points). Large print is 16pt
# or more in the body; the running header and footer, outside it, are 14pt.
SIZES = {"standard": (11, 21, 14, 10.5, 9), "large_print": (16, 28, 21, 16, 14)}
# Text in tables laid out by the model's widths: the PDF's size (print.css), which the
# model's column_widths assumes (model.TABLE_POINTS).
TABLE_TEXT = {"standard": 10.5, "large_print": 16}
# Notes: the fingerprint and the policy line (never below 8.5pt; 16pt in large print).
NOTE_TEXT = {"standard": 9, "large_print": 16}
BLUE, DARK, RED, GREY = (RGBColor(0x00, 0x5E, 0xB8), RGBColor(0x00, 0x30, 0x87),
                         RGBColor(0xD5, 0x28, 0x1B), RGBColor(0x42, 0x55, 0x63))
FONT = "Arial"
PAGE_HEIGHT = Mm(297)
PAGE_WIDTH, SIDE_MARGIN = ooxml.PAGE_WIDTH, ooxml.SIDE_MARGIN


def _styles(doc: Document, variant: str) -> None:
    body, title, heading, table, _ = SIZES[variant]
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(body)
    normal.paragraph_format.space_after = Pt(3)
    for name, size, colour in (("Heading 1", title, DARK), ("Heading 2", heading, DARK),
                               ("Heading 3", body + 1, DARK)):
        style = doc.styles[name]
        style.font.name, style.font.size, style.font.color.rgb = FONT, Pt(size), colour
        style.font.bold = True
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(10)
    caption = doc.styles["Caption"]
    caption.font.name, caption.font.size, caption.font.italic = FONT, Pt(table), False
    caption.font.bold, caption.font.color.rgb = True, GREY
    caption.paragraph_format.keep_with_next = True
    cell_text = doc.styles.add_style("Table text", WD_STYLE_TYPE.PARAGRAPH)
    cell_text.base_style = normal
    cell_text.font.size = Pt(TABLE_TEXT[variant])


def _header_footer(doc: Document, variant: str) -> None:
    small = SIZES[variant][4]
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    head = section.header.paragraphs[0]
    head.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    run = head.add_run("{% for p in parties %}{{ p.name }}{% if not loop.last %} · "
                       "{% endif %}{% endfor %}\t")
    run.font.size, run.font.color.rgb = Pt(small), GREY
    mark = head.add_run("{{ meta.draft_mark }}")
    mark.bold, mark.font.color.rgb, mark.font.size = True, RED, Pt(small + 1)
    foot = section.footer.paragraphs[0]
    foot.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    foot.add_run("Document {{ meta.document_id }}, {{ meta.version_label }}\tPage ")
    ooxml.field(foot, "PAGE", small)
    foot.add_run(" of ")
    ooxml.field(foot, "NUMPAGES", small)
    for run in foot.runs:
        run.font.size, run.font.color.rgb = Pt(small), GREY


def _tag(doc: Document, tag: str) -> None:
    doc.add_paragraph(tag)


def _fields_table(doc: Document, items: str, label: str = "f.label",
                  value: str = "f.value") -> None:
    table = doc.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].merge(table.rows[0].cells[1]).text = f"{{%tr for f in {items} %}}"
    label_cell, value_cell = table.rows[1].cells
    label_cell.paragraphs[0].add_run(f"{{{{ {label} }}}}").bold = True
    ooxml.shade(label_cell, "F0F4F5")
    value_cell.text = f"{{{{ {value} }}}}"
    table.rows[2].cells[0].merge(table.rows[2].cells[1]).text = "{%tr endfor %}"
    ooxml.widths(table, (60, 114))


def _records(doc: Document) -> None:
    """Large print: each row as a two-column label/value table (the model's ``records``)."""
    _tag(doc, "{%p for t in s.tables %}")
    doc.add_heading("{{ t.caption }}", level=3)
    _tag(doc, "{%p for record in t.records %}")
    _fields_table(doc, "record", label="f.label", value="f.text")
    doc.add_paragraph()  # keeps Word from merging consecutive tables into one
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")


def _data_table(doc: Document) -> None:
    """Columns and rows both come from the model: docxtpl's {%tc %} and {%tr %} loops."""
    _tag(doc, "{%p for t in s.tables %}")
    doc.add_paragraph("{{ t.caption }}", style="Caption")
    table = doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    ooxml.model_widths(table, ["c.width"], columns_loop="c in t.columns")
    head = table.rows[0].cells
    head[0].text, head[2].text = "{%tc for c in t.columns %}", "{%tc endfor %}"
    head[1].paragraphs[0].add_run("{{ c.label }}").bold = True
    ooxml.cell_width(head[1], "c.width", numeric="c.num")
    ooxml.shade(head[1], "E8EDEE")
    head[1].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    ooxml.repeat_header(table.rows[0])
    table.rows[1].cells[0].merge(table.rows[1].cells[2]).text = \
        "{%tr for row in t.rows + t.footer %}"
    body = table.rows[2].cells
    body[0].text, body[2].text = "{%tc for cell in row %}", "{%tc endfor %}"
    body[1].text = "{{ cell.text }}"
    ooxml.cell_width(body[1], "t.columns[loop.index0].width", numeric="cell.num")
    table.rows[3].cells[0].merge(table.rows[3].cells[2]).text = "{%tr endfor %}"
    ooxml.table_text(table)
    _tag(doc, "{%p endfor %}")


def _head(table, columns: str) -> None:
    """A fixed table's header row: the model's column labels and widths, repeated on
    every page."""
    count = len(table.columns)
    ooxml.model_widths(table, [f"{columns}[{i}].width" for i in range(count)])
    for i, cell in enumerate(table.rows[0].cells):
        cell.paragraphs[0].add_run(f"{{{{ {columns}[{i}].label }}}}").bold = True
        ooxml.cell_width(cell, f"{columns}[{i}].width")
        ooxml.shade(cell, "E8EDEE")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    ooxml.repeat_header(table.rows[0])


def _checklist(doc: Document, variant: str) -> None:
    """Rule, requirement (with what the engine found), result and source; large print puts
    the source under the requirement (checklist.LARGE_PRINT_COLUMNS)."""
    doc.add_heading("{{ checklist.heading }}", level=2)
    doc.add_paragraph("{{ checklist.caption }}", style="Caption")
    count = 3 if variant == "large_print" else 4
    table = doc.add_table(rows=4, cols=count)
    table.style = "Table Grid"
    _head(table, "checklist.columns")
    table.rows[1].cells[0].merge(table.rows[1].cells[-1]).text = \
        "{%tr for r in checklist.rows %}"
    cells = table.rows[2].cells
    for i, cell in enumerate(cells):
        ooxml.cell_width(cell, f"checklist.columns[{i}].width")
    cells[0].text, cells[1].text = "{{ r.rule }}", "{{ r.title }}"
    cells[1].add_paragraph("{%p if r.message %}")
    cells[1].add_paragraph("{{ r.message }}").runs[0].font.color.rgb = GREY
    cells[1].add_paragraph("{%p endif %}")
    if variant == "large_print":
        cells[1].add_paragraph("Source: {{ r.citation }}").runs[0].font.color.rgb = GREY
    cells[2].paragraphs[0].add_run("{{ r.result }}").bold = True
    if variant != "large_print":
        cells[3].text = "{{ r.citation }}"
    table.rows[3].cells[0].merge(table.rows[3].cells[-1]).text = "{%tr endfor %}"
    ooxml.table_text(table)


def _signoff(doc: Document, variant: str) -> None:
    doc.add_heading("{{ signoff.heading }}", level=2)
    doc.add_paragraph("{{ signoff.statement }}")
    _tag(doc, "{%p if signoff.signatories %}")
    table = doc.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    _head(table, "signoff.columns")
    table.rows[1].cells[0].merge(table.rows[1].cells[4]).text = \
        "{%tr for s in signoff.signatories %}"
    for i, (cell, key) in enumerate(zip(table.rows[2].cells, ("name", "role", "organisation",
                                                              "party", "signed_on"))):
        cell.text = f"{{{{ s.{key} }}}}"
        ooxml.cell_width(cell, f"signoff.columns[{i}].width")
    table.rows[3].cells[0].merge(table.rows[3].cells[4]).text = "{%tr endfor %}"
    ooxml.table_text(table)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for m in signoff.missing %}")
    doc.add_paragraph("Signature still needed: {{ m }}").runs[0].bold = True
    _tag(doc, "{%p endfor %}")
    fingerprint = doc.add_paragraph("Fingerprint (SHA-256 of the form): {{ meta.fingerprint }}")
    fingerprint.runs[0].font.size = Pt(NOTE_TEXT[variant])
    policy = doc.add_paragraph("Policy: {{ meta.policy }}. Document dated {{ meta.dated }}.")
    policy.runs[0].font.size, policy.runs[0].font.color.rgb = Pt(NOTE_TEXT[variant]), GREY


def _letterhead(doc: Document) -> None:
    _tag(doc, "{%p for p in parties %}")
    org = doc.add_paragraph()
    org.add_run("{{ p.role }}: ").font.color.rgb = GREY
    name = org.add_run("{{ p.name }}")
    name.bold, name.font.color.rgb = True, BLUE
    org.add_run(" ({{ p.code }})").font.color.rgb = GREY
    _tag(doc, "{%p endfor %}")


def _title_and_draft(doc: Document, variant: str) -> None:
    doc.add_heading("{{ title }}", level=1)
    doc.add_paragraph("{{ subtitle }}")
    doc.add_paragraph("Document {{ meta.document_id }}, {{ meta.version_label }}. "
                      "Document dated {{ meta.dated }}.")
    _tag(doc, "{%p if meta.draft %}")
    draft = doc.add_paragraph()
    draft.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark = draft.add_run("{{ meta.draft_mark }}")
    mark.bold, mark.font.size, mark.font.color.rgb = True, Pt(SIZES[variant][2] + 2), RED
    _tag(doc, "{%p for reason in meta.draft_reasons %}")
    doc.add_paragraph("{{ reason }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")


def _sections(doc: Document, variant: str) -> None:
    doc.add_heading("{{ person.heading }}", level=2)
    _fields_table(doc, "person.fields")
    _tag(doc, "{%p for s in sections %}")
    doc.add_heading("{{ s.heading }}", level=2)
    _tag(doc, "{%p for para in s.paragraphs %}")
    doc.add_paragraph("{{ para }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if s.fields %}")
    _fields_table(doc, "s.fields")
    _tag(doc, "{%p endif %}")
    _records(doc) if variant == "large_print" else _data_table(doc)
    _tag(doc, "{%p endfor %}")


def _body(doc: Document, variant: str) -> None:
    _letterhead(doc)
    _title_and_draft(doc, variant)
    _sections(doc, variant)
    _checklist(doc, variant)
    _signoff(doc, variant)


def build(variant: str) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    doc.core_properties.title = "{{ title }}"
    doc.core_properties.language = "en-GB"
    _styles(doc, variant)
    _header_footer(doc, variant)
    _body(doc, variant)
    for table in doc.tables:
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
    out = io.BytesIO()
    doc.save(out)
    return _normalise(out.getvalue())


def _normalise(data: bytes) -> bytes:
    """Fixed timestamps and order inside the zip, so a rebuild is byte-identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _strip_dates(body)
            fixed = zipfile.ZipInfo(info.filename, (2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo defaults to stored
            target.writestr(fixed, body)
    return out.getvalue()


def _strip_dates(core: bytes) -> bytes:
    import re

    return re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", core)


def outputs() -> dict[Path, bytes]:
    built = {variant: build(variant) for variant in SIZES}
    files = {}
    for name in DOCUMENTS:
        files[HERE / f"{name}.docx"] = built["standard"]
        files[HERE / f"{name}.large_print.docx"] = built["large_print"]
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a template is stale")
    args = parser.parse_args()
    stale = []
    for path, data in outputs().items():
        if args.check:
            current = path.read_bytes() if path.exists() else b""
            if hashlib.sha256(current).digest() != hashlib.sha256(data).digest():
                stale.append(path.name)
        else:
            path.write_bytes(data)
    if stale:
        print("stale Word templates (run python templates/docx/build.py):", *stale,
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
