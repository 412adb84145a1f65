"""The person's PDFs: PDF/UA-1, tagged with language and title, pictures with alt text, and
type sizes read back from the PDF itself (easy read >= 16 pt, large print >= 18 pt)."""

from __future__ import annotations

import io
from collections import Counter

import pdfplumber
import pikepdf
import pytest
from test_person_support import FORMS, model, rendered

WATERMARK_PT = 60  # the DRAFT watermark's letters are drawn far larger than any text


def _sizes(pdf: bytes) -> Counter:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return Counter(round(char["size"], 1) for page in document.pages for char in page.chars
                       if char["text"].strip())


def _figures(pdf: pikepdf.Pdf) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == "/Figure":
                found.append(str(node.get("/Alt", "")))
            if "/K" in node:
                walk(node["/K"])

    walk(pdf.Root.StructTreeRoot)
    return found


@pytest.mark.parametrize(("variant", "smallest"), [("easy_read", 16), ("large_print", 18)])
@pytest.mark.parametrize("form", ["adult", "child", "harrow"])
def test_plan_05_leaflet_text_is_big_enough(form, variant, smallest) -> None:
    sizes = _sizes(rendered(form, "pdf", variant))
    text_sizes = [s for s in sizes if s < WATERMARK_PT]
    assert sum(sizes.values()) > 1000
    assert min(text_sizes) >= smallest, sorted(sizes.items())


@pytest.mark.parametrize("form", ["discharge", "change"])
def test_chg_05_easy_read_letters_are_16pt_or_more(form) -> None:
    sizes = _sizes(rendered(form, "pdf"))
    assert min(s for s in sizes if s < WATERMARK_PT) >= 16


def test_standard_leaflet_is_smaller_than_easy_read() -> None:
    """The size test can fail: the standard layout prints 10-12 pt text."""
    sizes = _sizes(rendered("adult", "pdf", "standard"))
    assert min(sizes) < 16


@pytest.mark.parametrize("form", sorted(FORMS))
def test_pdf_is_pdf_ua_1_with_language_and_title(form) -> None:
    pdf = pikepdf.open(io.BytesIO(rendered(form, "pdf")))
    doc = model(form)
    assert str(pdf.Root.Lang) == "en-GB"
    assert pdf.Root.MarkInfo.Marked is True
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.docinfo.Title).startswith(doc["title"])
    with pdf.open_metadata() as meta:
        assert meta["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"
        assert meta["{http://purl.org/dc/elements/1.1/}title"].startswith(doc["title"])


@pytest.mark.parametrize("form", ["adult", "change"])
def test_plan_05_every_picture_is_a_tagged_figure_with_alt_text(form) -> None:
    """Each <img alt> becomes a Figure with /Alt, in reading order: in easy read one per
    point; in the other layouts the points are paragraphs and each heading has a picture."""
    doc = model(form)
    pictures = [p["icon"]["alt"] for p in doc["intro"] + doc["contact"]["points"]]
    for section in doc["sections"]:
        pictures += [p["icon"]["alt"] for p in section["points"]]
    assert _figures(pikepdf.open(io.BytesIO(rendered(form, "pdf")))) == pictures


def test_standard_leaflet_pictures_are_figures_beside_headings_and_lists() -> None:
    form = "adult"
    standard = model(form, "standard")
    headed = [p["icon"]["alt"] for p in standard["contact"]["points"]]
    for section in standard["sections"]:
        headed.append(section["icon"]["alt"])
        headed += [p["icon"]["alt"] for p in section["points"]] if section["list"] else []
    assert _figures(pikepdf.open(io.BytesIO(rendered(form, "pdf", "standard")))) == headed
