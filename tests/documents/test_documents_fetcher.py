"""WeasyPrint reads only the service's packaged assets, and a missing one fails the render."""

from __future__ import annotations

import pytest

from forms_app.documents import pdf as pdf_engine
from forms_app.documents.fetcher import AllowListFetcher, AssetRefusedError


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "http://example.org/x.css", "https://example.org/font.ttf",
    "data:text/plain,hello", "s117-asset:fonts/atkinson/../../../etc/passwd",
    "s117-asset:../etc/passwd", "s117-asset:unknown/print.css", "ftp://example.org/x",
])
def test_fetcher_refuses_anything_but_packaged_assets(url) -> None:
    with pytest.raises(AssetRefusedError):
        AllowListFetcher().fetch(url)


def test_fetcher_serves_print_css_and_fonts() -> None:
    fetcher = AllowListFetcher()
    assert b"@page" in fetcher.fetch("s117-asset:documents/print.css").read()
    font = fetcher.fetch("s117-asset:fonts/atkinson/AtkinsonHyperlegible-Regular.ttf")
    assert font.content_type == "font/ttf"


def test_missing_asset_raises() -> None:
    with pytest.raises(AssetRefusedError, match="missing asset"):
        AllowListFetcher().fetch("s117-asset:documents/no-such-icon.svg")


def _page(body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en-GB"><head><title>t</title></head>'
            f"<body>{body}</body></html>")


@pytest.mark.parametrize("body", [
    '<img src="file:///etc/passwd" alt="x">',
    '<img src="s117-asset:documents/missing.svg" alt="x">',
    '<div style="background: url(http://example.org/x.png)">x</div>',
])
def test_render_fails_instead_of_dropping_an_asset(body) -> None:
    with pytest.raises(pdf_engine.DocumentRenderError):
        pdf_engine.html_to_pdf(_page(body))


def test_local_file_never_reaches_the_pdf() -> None:
    with pytest.raises(pdf_engine.DocumentRenderError):
        pdf_engine.html_to_pdf(_page('<link rel="stylesheet" href="file:///etc/passwd">'))


def test_engine_checks_harfbuzz_subsetting(monkeypatch) -> None:
    pdf_engine.check_engine()
    monkeypatch.setattr(pdf_engine.pdf_fonts, "harfbuzz_subset", None)
    with pytest.raises(pdf_engine.StartupCheckError, match="libharfbuzz-subset0"):
        pdf_engine.check_engine()


def test_weasyprint_failed_to_load_warning_fails_the_render(tmp_path, monkeypatch) -> None:
    """An asset that is served but cannot be used only makes WeasyPrint log "Failed to
    load"; that log line must fail the render (style.md #4), not ship a gap."""
    from forms_app.documents.fetcher import default_roots

    (tmp_path / "broken.png").write_bytes(b"not a picture")
    fetcher = AllowListFetcher({**default_roots(), "test": tmp_path})
    _, font_config, css = pdf_engine.engine()
    monkeypatch.setattr(pdf_engine, "engine", lambda: (fetcher, font_config, css))
    with pytest.raises(pdf_engine.DocumentRenderError, match="Failed to load"):
        pdf_engine.html_to_pdf(_page('<img src="s117-asset:test/broken.png" alt="x">'))
