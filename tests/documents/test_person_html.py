"""The HTML version is one self-contained, accessible page (pictures and font embedded)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from test_person_support import FORMS, checked, example, rendered

from forms_app.documents.render import context, render
from forms_app.documents.signoff import SignOff

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_html_page_stands_alone(form) -> None:
    html = rendered(form, "html").decode()
    assert "s117-asset:" not in html
    assert re.search(r'<html lang="en-GB">', html)
    images = re.findall(r"<img [^>]*>", html)
    assert images
    assert all('src="data:image/svg+xml;base64,' in img for img in images)
    assert all(re.search(r'alt="[^"]+"', img) for img in images)
    assert 'font-family:"Atkinson Hyperlegible"' in html


def test_signed_off_leaflet_has_no_draft_mark_and_prints_its_reference() -> None:
    signoff = SignOff("S117-2026-0007", 2, "a" * 64, date(2026, 3, 19))
    result = checked(example("aftercare_plan"))
    doc = context("rights_leaflet", result, "easy_read", signoff)
    assert not doc["meta"]["draft"]
    html = render("rights_leaflet", result, "html", "easy_read", signoff).decode()
    assert "DRAFT" not in html
    assert "Reference: S117-2026-0007" in html


@pytest.mark.browser
@pytest.mark.parametrize(("form", "variant"), [("adult", "easy_read"), ("child", "easy_read"),
                                               ("adult", "large_print"), ("change", "standard")])
def test_html_page_has_no_axe_violations(form, variant, tmp_path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "page.html"
    page_file.write_bytes(rendered(form, "html", variant))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(page_file.as_uri())
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {runOnly: "
                               "['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']})")
        browser.close()
    assert [(v["id"], len(v["nodes"])) for v in result["violations"]] == []
