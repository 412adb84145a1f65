"""HTML → PDF/UA-1 with WeasyPrint: one print stylesheet, one font configuration, loud failures.

Speed (see pdf_speed.py and bench/documents_bench.py): the stylesheet, fonts and fetcher
are built once per process; the collector pauses during a render; the user-agent
stylesheet leaves out the pseudo-elements documents never use.

Start-up checks (at import): WeasyPrint 70 or later (earlier versions let
``write_pdf(stylesheets=...)`` bypass a custom fetcher) and HarfBuzz subsetting loaded
(without ``libharfbuzz-subset0`` WeasyPrint silently falls back to fontTools and every PDF
takes ~2.4x longer).
"""

from __future__ import annotations

import contextvars
import logging
from functools import lru_cache

import weasyprint
from weasyprint import CSS
from weasyprint.pdf import fonts as pdf_fonts
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from forms_app.documents.fetcher import SCHEME, AllowListFetcher
from forms_app.documents.pdf_speed import DocumentHTML, collector_paused


class DocumentRenderError(RuntimeError):
    """The document could not be rendered completely (missing asset, refused URL, ...)."""


class StartupCheckError(RuntimeError):
    """The PDF engine is not set up as the service requires."""


def check_engine() -> None:
    """Fail loudly unless WeasyPrint >= 70 with HarfBuzz subsetting is loaded."""
    major = int(weasyprint.__version__.split(".")[0])
    if major < 70:
        raise StartupCheckError(f"WeasyPrint {weasyprint.__version__} < 70")
    harfbuzz = pdf_fonts.harfbuzz
    if pdf_fonts.harfbuzz_subset is None or not harfbuzz.hb_version_atleast(4, 1, 0):
        raise StartupCheckError(
            "HarfBuzz subsetting is not loaded: install libharfbuzz-subset0 "
            "(WeasyPrint would fall back to fontTools, ~2.4x slower)")


check_engine()

# Log lines WeasyPrint emits when it drops something from the document: treated as fatal.
_FATAL_PREFIXES = ("Failed to", "Error fetching", "Unable to", "Missing")
_problems: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "s117_pdf_problems", default=None)


class _FailLoudly(logging.Filter):
    """Collects WeasyPrint's "Failed to load ..." warnings for the render in progress.

    Raising from a logging filter can be swallowed by WeasyPrint's own ``except`` blocks,
    so the messages are collected and the render raises after ``write_pdf`` returns
    (the approach of alphagov/notifications-template-preview's weasyprint_hack.py).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        problems = _problems.get()
        message = record.getMessage()
        if problems is not None and record.levelno >= logging.WARNING \
                and message.startswith(_FATAL_PREFIXES):
            problems.append(message)
        return True


weasyprint.LOGGER.addFilter(_FailLoudly())


@lru_cache(maxsize=1)
def engine() -> tuple[AllowListFetcher, FontConfiguration, CSS]:
    """The fetcher, font configuration and parsed print stylesheet, built once per process."""
    fetcher = AllowListFetcher()
    font_config = FontConfiguration()
    css = CSS(url=f"{SCHEME}documents/print.css", url_fetcher=fetcher, font_config=font_config)
    return fetcher, font_config, css


def html_to_pdf(html: str) -> bytes:
    """Render trusted template output (user text already escaped) to PDF/UA-1 bytes."""
    fetcher, font_config, css = engine()
    problems: list[str] = []
    token = _problems.set(problems)
    try:
        with collector_paused():
            document = DocumentHTML(string=html, base_url=f"{SCHEME}documents/",
                                    url_fetcher=fetcher)
            pdf = document.write_pdf(
                stylesheets=[css], font_config=font_config, pdf_variant="pdf/ua-1",
                custom_metadata=True)
    except FatalURLFetchingError as error:  # a BaseException: keep it inside the renderer
        raise DocumentRenderError(str(error)) from error.__cause__
    finally:
        _problems.reset(token)
    if problems:
        raise DocumentRenderError("; ".join(problems))
    return pdf
