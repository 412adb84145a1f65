"""Pictures in the person's Word documents: PNG paths in the model -> docxtpl InlineImage.

The document model stays plain data (each picture is ``{"png": path, "alt": ...}``); only
while a Word file is being rendered are those turned into InlineImage objects, which need
the template object. Word's alt text ("descr") is set afterwards from the same model,
matched by the picture's file name (each OpenMoji hexcode has one meaning and one alt text).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from forms_app.documents.person.icons import ICON_DIR

# Picture width in Word per layout (mm): big pictures for easy read.
WIDTH_MM = {"easy_read": 24, "large_print": 16, "standard": 11}


def add_pictures(template: DocxTemplate, context: dict[str, Any]) -> dict[str, str]:
    """Give every picture dict an ``image`` for the template; return file name -> alt text."""
    width = Mm(WIDTH_MM.get(context.get("layout", "standard"), 11))
    alts: dict[str, str] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            png = value.get("png")
            if isinstance(png, str) and Path(png).resolve().parent == (ICON_DIR / "png"):
                value["image"] = InlineImage(template, png, width=width)
                alts[Path(png).name] = str(value.get("alt", ""))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(context)
    return alts


def describe_pictures(template: DocxTemplate, alts: dict[str, str]) -> None:
    """Set each picture's alt text (``wp:docPr/@descr``) after rendering."""
    body = template.docx.element.body
    for inline in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline"):
        pic = inline.find(".//{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr")
        doc_pr = inline.find(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
        if pic is not None and doc_pr is not None and pic.get("name") in alts:
            doc_pr.set("descr", alts[pic.get("name")])
