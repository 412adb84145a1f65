"""The PDF is an accessible record: tagged PDF/UA-1, language, title, embedded fonts."""

from __future__ import annotations

import io

import pikepdf
import pytest
from docs_helpers import load_example

from forms_app.documents.render import render


@pytest.fixture(scope="module")
def plan_pdf() -> pikepdf.Pdf:
    from docs_helpers import check_form

    pdf = render("aftercare_plan", check_form(load_example("aftercare_plan.json")), "pdf")
    return pikepdf.open(io.BytesIO(pdf))


def test_pdf_is_tagged_with_structure_tree(plan_pdf) -> None:
    assert plan_pdf.Root.MarkInfo.Marked is True
    assert "/StructTreeRoot" in plan_pdf.Root
    metadata = plan_pdf.open_metadata()
    assert metadata.get("pdfuaid:part") == "1"


def test_pdf_has_language_and_title_shown(plan_pdf) -> None:
    assert str(plan_pdf.Root.Lang) == "en-GB"
    assert str(plan_pdf.docinfo.Title).startswith("Section 117 aftercare plan")
    assert plan_pdf.Root.ViewerPreferences.DisplayDocTitle is True


def _struct_types(node, found: list[str]) -> list[str]:
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append(str(node.S))
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            for kid in kids:
                _struct_types(kid, found)
        elif isinstance(kids, pikepdf.Dictionary):
            _struct_types(kids, found)
    return found


def test_headings_in_order_and_table_headers(plan_pdf) -> None:
    types = _struct_types(plan_pdf.Root.StructTreeRoot, [])
    headings = [t for t in types if t in ("/H1", "/H2", "/H3")]
    assert headings[0] == "/H1"
    assert headings.count("/H1") == 1
    assert "/H3" not in headings or headings.index("/H3") > headings.index("/H2")
    assert "/TH" in types
    assert "/Table" in types
    assert "/Figure" not in types  # the DRAFT watermark is a CSS background: an artifact


def test_fonts_are_embedded(plan_pdf) -> None:
    fonts = []
    for page in plan_pdf.pages:
        for font in (page.Resources.get("/Font") or {}).values():
            fonts.append(font)
    assert fonts
    for font in fonts:
        descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
        descriptor = descendant.FontDescriptor
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_fingerprint_in_pdf_metadata(plan_pdf) -> None:
    value = str(plan_pdf.docinfo["/s117fingerprint"])
    assert len(value) == 64
    assert int(value, 16) >= 0


def _cells_with_headers(node, counts: dict[str, int]) -> dict[str, int]:
    if isinstance(node, pikepdf.Dictionary):
        kind = str(node.get("/S", ""))
        attributes = node.get("/A")
        if isinstance(attributes, pikepdf.Array):
            attributes = attributes[0]
        if kind == "/TD" and attributes is not None and "/Headers" in attributes:
            counts["td_with_headers"] += 1
        if kind == "/TH" and "/ID" in node:
            counts["th_with_id"] += 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            _cells_with_headers(kid, counts)
    return counts


def test_data_cells_point_at_their_header_cells(plan_pdf) -> None:
    """th scope="col"/"row" becomes /Headers on every data cell (screen readers announce it)."""
    counts = _cells_with_headers(plan_pdf.Root.StructTreeRoot,
                                 {"td_with_headers": 0, "th_with_id": 0})
    assert counts["th_with_id"] > 20
    assert counts["td_with_headers"] > 50


@pytest.mark.parametrize("variant", ["standard", "large_print"])
def test_nothing_runs_off_the_page(variant) -> None:
    """Wide tables (8 columns of services) stay inside the page, in large print too."""
    import pdfplumber
    from docs_helpers import check_form

    pdf = render("aftercare_plan", check_form(load_example("aftercare_plan.json")), "pdf",
                 variant=variant)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            assert all(char["x1"] <= page.width - 20 for char in page.chars), page.page_number


def test_large_print_type_is_at_least_16pt() -> None:
    import pdfplumber
    from docs_helpers import check_form

    pdf = render("aftercare_plan", check_form(load_example("aftercare_plan.json")), "pdf",
                 variant="large_print")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        sizes = [round(c["size"]) for c in document.pages[0].chars if c["text"].strip()]
    body = max(set(sizes), key=sizes.count)
    assert body >= 16


def test_render_pauses_the_collector_and_always_restores_it() -> None:
    """The collector is off only while a document is laid out (pdf_speed.py), and on again
    afterwards, also when the render fails."""
    import gc

    from docs_helpers import check_form

    from forms_app.documents.pdf import DocumentRenderError, html_to_pdf

    render("dispute_notice", check_form(load_example("dispute_notice.json")), "pdf")
    assert gc.isenabled()
    with pytest.raises(DocumentRenderError):
        html_to_pdf('<html><body><img src="s117-asset:documents/missing.svg"></body></html>')
    assert gc.isenabled()


def test_collector_pause_nests_and_leaves_a_disabled_collector_disabled() -> None:
    import gc

    from forms_app.documents.pdf_speed import collector_paused

    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_trimmed_user_agent_stylesheet_is_in_use() -> None:
    """WeasyPrint's own user-agent stylesheet gives every element seven computed styles;
    an upgrade that changes its rules falls back to it (slower, never wrong)."""
    from forms_app.documents.pdf_speed import DocumentHTML, trimmed_ua_stylesheet

    trimmed = trimmed_ua_stylesheet()
    assert trimmed is not None
    assert DocumentHTML(string="<p>x</p>")._ua_stylesheets() == [trimmed]
