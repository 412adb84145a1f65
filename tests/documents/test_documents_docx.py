"""The Word file is a real document: heading styles, header rows, page numbers, DRAFT mark,
and the model's column widths."""

from __future__ import annotations

import io
import re

import pytest
from docs_helpers import check_form, load_example
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu

from forms_app.documents.render import context, render


def _open(example: str, document: str, **kwargs) -> Document:
    data = render(document, check_form(load_example(example)), "docx", **kwargs)
    return Document(io.BytesIO(data))


def test_headings_use_word_heading_styles_in_order() -> None:
    doc = _open("aftercare_plan.json", "aftercare_plan")
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert headings[0] == ("Heading 1", "Section 117 aftercare plan")
    assert [h for h in headings if h[0] == "Heading 1"] == headings[:1]
    names = [text for _, text in headings]
    for section in ("Person", "Needs", "Services", "Compliance checklist", "Sign-off"):
        assert section in names


def test_tables_have_repeating_header_rows() -> None:
    doc = _open("aftercare_plan.json", "aftercare_plan")
    data_tables = [t for t in doc.tables if t.rows[0]._tr.trPr is not None
                   and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]
    captions = [t.rows[0].cells[0].text for t in data_tables]
    assert "ID" in captions
    assert "Rule" in captions
    assert "Name" in captions
    services = next(t for t in data_tables if t.rows[0].cells[-1].text == "Weekly cost")
    assert services.rows[1].cells[-1].text == "£1,125.00"


def test_footer_has_page_n_of_m_and_document_id() -> None:
    doc = _open("aftercare_plan.json", "aftercare_plan")
    footer = doc.sections[0].footer.paragraphs[0]
    xml = footer._p.xml
    assert 'w:instr="PAGE"' in xml
    assert 'w:instr="NUMPAGES"' in xml
    assert footer.text.startswith("Document DRAFT-")


def test_draft_mark_in_header_and_body_when_not_signed_off() -> None:
    doc = _open("aftercare_plan.json", "aftercare_plan")
    assert "DRAFT — not signed off" in doc.sections[0].header.paragraphs[0].text
    assert any(p.text == "DRAFT — not signed off" for p in doc.paragraphs)


def test_large_print_word_file_has_larger_type() -> None:
    standard = _open("aftercare_plan.json", "aftercare_plan")
    large = _open("aftercare_plan.json", "aftercare_plan", variant="large_print")
    assert large.styles["Normal"].font.size.pt >= 16
    assert large.styles["Normal"].font.size > standard.styles["Normal"].font.size


# Column widths: the Word tables take the model's widths (the PDF's), not equal shares.

def _model_and_docx(example: str, document: str, variant: str = "standard"):
    result = check_form(load_example(example))
    model = context(document, result, variant)
    return model, Document(io.BytesIO(render(document, result, "docx", variant)))


def _text_twips(doc: Document) -> int:
    section = doc.sections[0]
    return Emu(section.page_width - section.left_margin - section.right_margin).twips


def _grid(table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def _cell_widths(table) -> list[list[int]]:
    return [[int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in tr.findall(qn("w:tc"))]
            for tr in table._tbl.tr_lst]


def _header_tables(doc: Document) -> list:
    """The tables with a repeating header row: the model's tables, checklist, sign-off."""
    return [t for t in doc.tables if t.rows[0]._tr.trPr is not None
            and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]


def _model_columns(model: dict) -> list[list[dict]]:
    """The model's column lists in the order the Word file lays their tables out."""
    tables = [] if model["variant"] == "large_print" else [
        t["columns"] for s in model["sections"] for t in s["tables"]]
    tables.append(model["checklist"]["columns"])
    if model["signoff"]["signatories"]:
        tables.append(model["signoff"]["columns"])
    return tables


WIDTH_CASES = [("aftercare_plan.json", "aftercare_plan", "standard"),
               ("funding_agreement.json", "funding_agreement", "standard"),
               ("discharge_decision.json", "discharge_decision", "standard"),
               ("register_entry.json", "register_extract", "standard"),
               ("aftercare_plan.json", "aftercare_plan", "large_print"),
               ("funding_agreement.json", "funding_agreement", "large_print")]


@pytest.mark.parametrize(("example", "document", "variant"), WIDTH_CASES)
def test_word_column_widths_are_the_models(example, document, variant) -> None:
    model, doc = _model_and_docx(example, document, variant)
    text = _text_twips(doc)
    tables, columns = _header_tables(doc), _model_columns(model)
    assert [t.rows[0].cells[0].text for t in tables] == [c[0]["label"] for c in columns]
    for table, cols in zip(tables, columns):
        grid = _grid(table)
        assert [round(100 * w / text, 1) for w in grid] == pytest.approx(
            [c["width"] for c in cols], abs=0.06)
        assert sum(grid) == pytest.approx(text, rel=0.004)  # the model rounds to 0.1%
        assert all(row == grid for row in _cell_widths(table))  # every w:tcW agrees
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None
        assert layout.get(qn("w:type")) == "fixed"


def test_word_columns_are_not_equal_shares() -> None:
    model, doc = _model_and_docx("aftercare_plan.json", "aftercare_plan")
    services = next(t for t in _header_tables(doc) if t.rows[0].cells[1].text == "Service"
                    and t.rows[0].cells[-1].text == "Weekly cost")
    grid = _grid(services)
    assert len(set(grid)) > 2
    assert grid[0] * 2 < grid[2]  # "ID" holds S1; "Provider" holds NHS trust names
    checklist = _grid(next(t for t in _header_tables(doc) if t.rows[0].cells[0].text == "Rule"))
    assert checklist[1] > 2 * checklist[0]  # the requirement, not the rule ID, takes room
    assert checklist[1] > 2 * checklist[2]


def test_word_and_html_give_each_table_the_same_widths() -> None:
    """One source: the PDF's <col> widths and the Word grid are the model's numbers."""
    result = check_form(load_example("aftercare_plan.json"))
    html = render("aftercare_plan", result, "html").decode()
    colgroups = [[float(w) for w in re.findall(r'width: ([\d.]+)%', group)]
                 for group in re.findall(r"<colgroup>(.*?)</colgroup>", html)]
    doc = Document(io.BytesIO(render("aftercare_plan", result, "docx")))
    text = _text_twips(doc)
    word = [[round(100 * w / text, 1) for w in _grid(t)] for t in _header_tables(doc)]
    assert len(colgroups) >= 6
    assert word[:len(colgroups)] == [pytest.approx(c, abs=0.06) for c in colgroups]


def test_money_columns_are_right_aligned_in_word() -> None:
    doc = _open("aftercare_plan.json", "aftercare_plan")
    services = next(t for t in _header_tables(doc) if t.rows[0].cells[-1].text == "Weekly cost")
    for row in services.rows:
        assert row.cells[-1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
