"""Copy the OpenMoji pictures the person documents use and rasterise them for Word.

A developer tool, run after changing ``icons.ICONS``::

    python -m forms_app.documents.person.build_icons

It reads ``node_modules/openmoji/color/svg`` (npm ``openmoji`` 17, CC BY-SA 4.0), writes
``icons/svg/<hex>.svg``, ``icons/png/<hex>.png`` (PNG for Word: no SVG rasteriser ships
with the service, so WeasyPrint draws the SVG into a one-page PDF and pypdfium2 — installed
with pdfplumber — turns that page into pixels) and ``icons/SOURCES.json``.
The outputs are committed so a fresh clone renders without Node or this tool.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from forms_app.documents.person.icons import ICON_DIR, hexcodes

OPENMOJI_SVG = Path(__file__).resolve().parents[3] / "node_modules" / "openmoji" / "color" / "svg"
PNG_PIXELS = 240  # about 20 mm at 300 dpi: the largest size a Word document shows them


def sources() -> dict[str, str]:
    """hexcode -> SHA-256 of the packaged SVG (what the PNG was made from)."""
    return {
        hexcode: hashlib.sha256((ICON_DIR / "svg" / f"{hexcode}.svg").read_bytes()).hexdigest()
        for hexcode in hexcodes()
    }


def rasterise(svg: Path, png: Path) -> None:
    import pypdfium2
    from weasyprint import HTML

    page = (f"<style>@page{{size:{PNG_PIXELS}px {PNG_PIXELS}px;margin:0}}"
            f"img{{width:{PNG_PIXELS}px;height:{PNG_PIXELS}px;display:block}}</style>"
            f"<img src='{svg.as_uri()}'>")
    pdf = pypdfium2.PdfDocument(HTML(string=page).write_pdf())
    # PDF units are 1/72 in and CSS px 1/96 in: scale so the bitmap is PNG_PIXELS wide.
    bitmap = pdf[0].render(scale=96 / 72, fill_color=(255, 255, 255, 0), may_draw_forms=False)
    bitmap.to_pil().save(png, optimize=True)


def main() -> None:
    for sub in ("svg", "png"):
        (ICON_DIR / sub).mkdir(parents=True, exist_ok=True)
    used = hexcodes()
    for hexcode in used:
        svg = ICON_DIR / "svg" / f"{hexcode}.svg"
        shutil.copyfile(OPENMOJI_SVG / f"{hexcode}.svg", svg)
        rasterise(svg, ICON_DIR / "png" / f"{hexcode}.png")
    # A picture no longer used must not ship: its licence record would be wrong.
    for stale in [*(ICON_DIR / "svg").glob("*.svg"), *(ICON_DIR / "png").glob("*.png")]:
        if stale.stem not in used:
            stale.unlink()
    (ICON_DIR / "SOURCES.json").write_text(json.dumps(sources(), indent=2) + "\n")


if __name__ == "__main__":
    main()
