"""Hostile text goes through every professional document printed literally, never executed."""

from __future__ import annotations

import copy
import io
import zipfile

import pikepdf
import pytest
from docs_helpers import docx_text, html_text, load_example, pdf_text

from forms_app.documents.render import render

HOSTILE = ("{{ 7*7 }} {% include 'base.html' %} <script>alert(1)</script> "
           "<img src=file:///etc/passwd> & ]]> שלום مرحبا 😀")
# Literal pieces to find again (the PDF text layer reorders bidirectional runs).
PIECES = ["{{ 7*7 }}", "{% include 'base.html' %}", "<script>alert(1)</script>",
          "<img src=file:///etc/passwd>", "& ]]>"]

# Per kind: (example, document, path to its longest free-text field, that field's cap).
CASES = [
    ("aftercare_plan.json", "aftercare_plan", ("plan", "person_views"), 5000),
    ("funding_agreement.json", "funding_agreement", ("services", 0, "description"), 2000),
    ("leave_funding_agreement.json", "leave_funding_agreement", ("leave", "destination"), 200),
    ("discharge_decision.json", "discharge_decision", ("rationale",), 5000),
    ("dispute_notice.json", "dispute_notice", ("grounds",), 5000),
    ("register_entry.json", "register_extract", ("events", 0, "note"), 2000),
    ("responsibility.json", "responsibility_statement", None, 0),
]


def _hostile_form(example: str, path: tuple | None, cap: int) -> tuple[dict, str]:
    raw = copy.deepcopy(load_example(example))
    raw["person"]["preferred_name"] = HOSTILE
    word = ""
    if path:
        word = ("W" * (cap - 2)) + "Z!"
        target = raw
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = word
    return raw, word


@pytest.mark.parametrize(("example", "document", "path", "cap"), CASES)
def test_hostile_text_printed_literally_in_every_format(check, example, document, path, cap):
    raw, word = _hostile_form(example, path, cap)
    result = check(raw)
    assert result.data is not None, result.findings
    html = render(document, result, "html")
    assert b"<script>" not in html
    assert b"<img" not in html
    docx = render(document, result, "docx")
    pdf = render(document, result, "pdf")
    for text in (html_text(html), docx_text(docx)):
        assert HOSTILE in text
        assert word in text
    flat = pdf_text(pdf).replace(" ", "")
    for piece in PIECES:
        assert piece.replace(" ", "") in flat
    if word:  # broken across lines and pages, but nothing of it lost
        assert flat.count("W") >= len(word) - 2
        assert "Z!" in flat
    _assert_valid(docx, pdf)


def _assert_valid(docx: bytes, pdf: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert archive.testzip() is None
        body = archive.read("word/document.xml").decode()
    assert "alert(1)" in body
    assert "<script>" not in body
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert document.Root.MarkInfo.Marked
        assert len(document.pages) >= 1


def test_responsibility_statement_prints_markup_literally(check) -> None:
    raw = copy.deepcopy(load_example("responsibility.json"))
    hostile = "<script>alert(1)</script> <img src=file:///etc/passwd> & ]]> שלום 😀"
    raw["person"]["preferred_name"] = hostile
    result = check(raw)
    html = render("responsibility_statement", result, "html")
    assert b"<script>" not in html
    assert hostile in html_text(html)
    assert hostile in docx_text(render("responsibility_statement", result, "docx"))
    flat = pdf_text(render("responsibility_statement", result, "pdf")).replace(" ", "")
    assert "<script>alert(1)</script>" in flat
