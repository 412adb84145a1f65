"""What makes a document render faster without changing a pixel of it.

Measured with bench/documents_bench.py and CPU-time A/B runs on the aftercare plan
(PDF/UA-1): pausing the collector saves about 15% of a render, the trimmed user-agent
stylesheet another 6-8%; the print stylesheet's fixed widths (margin boxes, letterhead
without flex) a few per cent more. With them a page costs about 50 ms of CPU instead of 70.

Looked at and left alone: ``counter(pages)`` in a margin box costs no second layout pass
(WeasyPrint lays margin boxes out after pagination; counted: one layout per page), and
separate instead of collapsed table borders, ``break-inside``/``break-after``, the
``overflow-wrap`` rules and fewer fallback fonts each changed the time by less than the
noise. Parsing the HTML with expat instead of tinyhtml5 would save about 10 ms more, at the
price of bypassing WeasyPrint's HTML parser.
"""

from __future__ import annotations

import gc
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from weasyprint import CSS, HTML
from weasyprint import html as weasy_html
from weasyprint.css.counters import CounterStyle

LOGGER = logging.getLogger(__name__)


class _CollectorPause:
    """Counted, so overlapping renders on several threads re-enable the collector only
    when the last one ends, and only if it was running before the first began."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._holders == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._holders += 1

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self._holders -= 1
            resume = self._holders == 0 and self._resume
            if resume:
                gc.enable()
        if resume:
            # The render's cycles are all young: collect them now, in one pass, rather
            # than let them drift into the old generation (RSS grew 137 -> 272 MiB over
            # the bench's 1,000 documents without this; flat with it).
            gc.collect(1)


_PAUSE = _CollectorPause()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a document is laid out.

    WeasyPrint builds some 10^5 linked objects per document; the collector's passes over
    them while they are all alive cost about 15% of a render's CPU (aftercare plan, median
    CPU in one A/B run: 265 ms paused, 315 ms not). They are garbage once the PDF is
    written and are collected then, in one pass of the young generations, so memory stays
    flat.
    """
    with _PAUSE:
        yield


# WeasyPrint's user-agent stylesheet gives every element a ::marker, ::footnote-* and
# ::note-* pseudo-element style (universal selectors), so each element's style is
# computed seven times: about a sixth of a render. Documents use no footnotes or notes,
# and only list items have markers.
_UNIVERSAL_NOTES = re.compile(r"^::(?:footnote|note)-[a-z]+ \{[^}]*\}$", re.M)
_UNIVERSAL_MARKER = re.compile(r"^::marker \{", re.M)


@lru_cache(maxsize=1)
def trimmed_ua_stylesheet() -> CSS | None:
    """The user-agent stylesheet without the universal pseudo-element rules; None (use
    WeasyPrint's own) if a WeasyPrint upgrade has changed them."""
    text, notes = _UNIVERSAL_NOTES.subn("", weasy_html.UA)
    text, markers = _UNIVERSAL_MARKER.subn("li::marker, summary::marker {", text)
    if (notes, markers) != (5, 1):
        LOGGER.warning("WeasyPrint's user-agent stylesheet changed (%d note rules, %d "
                       "marker rules): documents use it as it is, a little slower",
                       notes, markers)
        return None
    # Its @counter-style rules are already in WeasyPrint's own user-agent counter styles.
    return CSS(string=text, counter_style=CounterStyle())


class DocumentHTML(HTML):
    """An HTML document rendered with the trimmed user-agent stylesheet."""

    def _ua_stylesheets(self, forms: bool = False) -> Any:
        trimmed = trimmed_ua_stylesheet()
        return [trimmed] if trimmed and not forms else super()._ua_stylesheets(forms)
