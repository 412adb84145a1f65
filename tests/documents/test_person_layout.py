"""Page layout of the person's PDFs: no section left alone at the top of a page, a DRAFT
mark on every page of a draft, and page numbers throughout."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from test_person_support import VARIANTS, rendered

FORMS = ["adult", "child", "harrow", "change", "discharge", "harrow_change", "harrow_discharge"]
DRAFT = "DRAFT — not signed off"
WATERMARK_PT = 60


def _text(page) -> str:
    """The page's words without the DRAFT watermark (drawn far larger than any text)."""
    words = page.filter(lambda obj: obj["object_type"] != "char" or obj["size"] < WATERMARK_PT)
    return words.extract_text() or ""


def _pages(form: str, variant: str) -> list[list[str]]:
    """Each page's lines, without the running header (DRAFT) and footer (N / M)."""
    with pdfplumber.open(io.BytesIO(rendered(form, "pdf", variant))) as pdf:
        pages = [_text(page).splitlines() for page in pdf.pages]
    return [[line for line in lines if line.strip() != DRAFT
             and not re.fullmatch(r"\d+ / \d+", line.strip())] for lines in pages]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("form", FORMS)
def test_about_this_document_never_starts_a_page_alone(form, variant) -> None:
    pages = _pages(form, variant)
    last = next(lines for lines in pages if "About this document" in lines)
    assert last.index("About this document") > 0, "the back box starts a page on its own"
    assert last is pages[-1]


def _filled(page) -> float:
    """How far down the page the text goes, as a share of the space between the margins."""
    top, bottom = 45, page.height - 62  # the header and footer bands (16 mm, 22 mm)
    lines = [c["bottom"] for c in page.chars
             if c["size"] < WATERMARK_PT and top < c["top"] < bottom and c["text"].strip()]
    return (max(lines) - top) / (bottom - top) if lines else 0.0


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("form", FORMS)
def test_no_page_before_the_last_is_left_half_empty(form, variant) -> None:
    """A box that must stay whole (contact, parent) fits on its page, not after a gap."""
    with pdfplumber.open(io.BytesIO(rendered(form, "pdf", variant))) as pdf:
        filled = [round(_filled(page), 2) for page in pdf.pages]
    assert min(filled[:-1], default=1) >= 0.5, filled


@pytest.mark.parametrize("form", ["adult", "discharge"])
def test_every_page_of_a_draft_is_marked_and_numbered(form) -> None:
    with pdfplumber.open(io.BytesIO(rendered(form, "pdf", "easy_read"))) as pdf:
        count = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            text = _text(page)
            assert DRAFT in text
            assert f"{number} / {count}" in text
