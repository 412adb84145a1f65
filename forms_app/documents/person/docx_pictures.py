"""Pictures in the person's Word documents: PNG paths in the model -> docxtpl InlineImage.

The document model stays plain data (each picture is ``{"png": path, "alt": ...}``); only
while a Word file is being rendered are those turned into InlineImage objects, which need
the template object. Each picture carries its own alt text into Word's ``wp:docPr/@descr``
as it is inserted: one drawing can stand for different ideas (a tick beside different
reassurances), so alt text cannot be looked up by file name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from forms_app.documents.person.icons import ICON_DIR

# Picture width in Word per layout (mm): big pictures for easy read. The opening lines and
# the contact box use smaller ones, so the box (which never splits) fits on the first page.
WIDTH_MM = {"easy_read": 24, "large_print": 16, "standard": 11}
SMALL_WIDTH_MM = {"easy_read": 15, "large_print": 13, "standard": 11}
FIRST_PAGE = ("intro", "contact")


class _DescribedImage(InlineImage):
    """An InlineImage whose alt text is set on the drawing it inserts."""

    def __init__(self, tpl: DocxTemplate, path: str, width: Any, alt: str) -> None:
        super().__init__(tpl, path, width=width)
        self.alt = alt

    def _insert_image(self) -> str:
        inline = self.tpl.current_rendering_part.new_pic_inline(
            self.image_descriptor, self.width, self.height)
        inline.docPr.set("descr", self.alt)
        return (f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r>"
                '<w:t xml:space="preserve">')


def _walk(template: DocxTemplate, value: Any, width: Any) -> None:
    if isinstance(value, dict):
        png = value.get("png")
        if isinstance(png, str) and Path(png).resolve().parent == (ICON_DIR / "png"):
            value["image"] = _DescribedImage(template, png, width, str(value.get("alt", "")))
        for item in value.values():
            _walk(template, item, width)
    elif isinstance(value, list):
        for item in value:
            _walk(template, item, width)


def add_pictures(template: DocxTemplate, context: dict[str, Any]) -> dict[str, str]:
    """Give every picture dict an ``image`` (with its alt text) for the template."""
    layout = context.get("layout", "standard")
    for key in FIRST_PAGE:
        _walk(template, context.get(key), Mm(SMALL_WIDTH_MM.get(layout, 11)))
    rest = {key: value for key, value in context.items() if key not in FIRST_PAGE}
    _walk(template, rest, Mm(WIDTH_MM.get(layout, 11)))
    return {}


def describe_pictures(template: DocxTemplate, alts: dict[str, str]) -> None:
    """What ``documents.docx`` calls once the Word file is rendered. Alt text is already set
    as each picture is inserted; what is left is page flow (``docx_layout.finish``)."""
    from forms_app.documents.person.docx_layout import finish

    finish(template.docx)
