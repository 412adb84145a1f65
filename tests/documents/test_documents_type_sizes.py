"""Type sizes, read back from the PDFs and Word files.

Large print: every character in the page body at least 16pt (RNIB: 16-18pt); the running
header and footer, in the page margins, at least 14pt — nothing anywhere below 14pt.
Standard: body text at least 10.5pt, nothing below 8.5pt.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pdfplumber
import pytest
from docs_helpers import EXAMPLE_FILES, check_form, load_example
from docx import Document
from docx.shared import Pt

from forms_app.documents import registry
from forms_app.documents.context import PROFESSIONAL
from forms_app.documents.render import render
from forms_app.documents.signoff import SignOff

OURS = {d.name for d in PROFESSIONAL}
CASES = [(path.name, document) for path in EXAMPLE_FILES
         for document in registry.documents_for_kind(load_example(path.name)["kind"])
         if document in OURS]
MM = 72 / 25.4
# The page margins of print.css (top, bottom): the running header and footer live there.
MARGINS = {"standard": (22 * MM, 24 * MM), "large_print": (24 * MM, 26 * MM)}
SIGNOFF = SignOff("S117-TEST-0001", 2, "f" * 64, date(2026, 3, 19))


def _sizes(pdf: bytes, variant: str) -> tuple[Counter, Counter]:
    """(sizes of characters in the page body, sizes in the margins), in points."""
    top, bottom = MARGINS[variant]
    body: Counter = Counter()
    margins: Counter = Counter()
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for char in page.chars:
                if not char["text"].strip():
                    continue
                inside = char["top"] >= top - 1 and char["bottom"] <= page.height - bottom + 1
                (body if inside else margins)[round(char["size"], 2)] += 1
    return body, margins


@pytest.mark.parametrize("signed", [False, True], ids=["draft", "signed-off"])
@pytest.mark.parametrize(("example", "document"), CASES)
def test_large_print_is_16pt_in_the_body_and_never_below_14pt(example, document, signed):
    pdf = render(document, check_form(load_example(example)), "pdf", "large_print",
                 SIGNOFF if signed else None)
    body, margins = _sizes(pdf, "large_print")
    assert min(body) >= 16, body
    assert margins, "no running header or footer"
    assert min(margins) >= 14, margins


@pytest.mark.parametrize(("example", "document"), CASES)
def test_standard_body_is_at_least_10_5pt_and_nothing_below_8_5pt(example, document):
    pdf = render(document, check_form(load_example(example)), "pdf")
    body, margins = _sizes(pdf, "standard")
    assert body.most_common(1)[0][0] >= 10.5, body
    assert min(body) >= 8.5, body
    assert min(margins) >= 8.5, margins


def _size_of(page, text: str) -> float:
    found = page.search(text, regex=False)
    assert found, text
    return round(min(char["size"] for char in found[0]["chars"]), 2)


def test_large_print_signatory_name_is_not_smaller_than_the_role() -> None:
    raw = load_example("funding_agreement.json")
    pdf = render("funding_agreement", check_form(raw), "pdf", "large_print", SIGNOFF)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = next(p for p in document.pages if p.search("Tom Reed", regex=False))
        assert _size_of(page, "Tom Reed") >= _size_of(page, "Head of Mental Health") >= 16


def _run_sizes(document: Document) -> tuple[list[float], list[float]]:
    """(every body run's size, every header/footer run's size), resolved through styles."""
    def size(run, paragraph) -> float:
        style = paragraph.style
        value = run.font.size
        while value is None and style is not None:
            value, style = style.font.size, style.base_style
        return (value or document.styles["Normal"].font.size or Pt(11)).pt

    def runs(paragraphs) -> list[float]:
        return [size(r, p) for p in paragraphs for r in p.runs if r.text.strip()]

    body = runs(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                body += runs(cell.paragraphs)
    section = document.sections[0]
    return body, runs(section.header.paragraphs) + runs(section.footer.paragraphs)


@pytest.mark.parametrize(("example", "document"), CASES)
def test_large_print_word_file_is_16pt_in_the_body(example, document) -> None:
    data = render(document, check_form(load_example(example)), "docx", "large_print")
    body, margins = _run_sizes(Document(io.BytesIO(data)))
    assert min(body) >= 16
    assert min(margins) >= 14


def test_standard_word_file_is_never_below_8_5pt() -> None:
    data = render("aftercare_plan", check_form(load_example("aftercare_plan.json")), "docx")
    body, margins = _run_sizes(Document(io.BytesIO(data)))
    assert min(body + margins) >= 8.5
    assert Counter(body).most_common(1)[0][0] >= 10.5
