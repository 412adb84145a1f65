"""The Word file is a real document: heading styles, header rows, page numbers, DRAFT mark."""

from __future__ import annotations

import io

from docs_helpers import check_form, load_example
from docx import Document
from docx.oxml.ns import qn

from forms_app.documents.render import render


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
