"""Word XML the generated templates need that python-docx does not offer: fields, repeated
header rows, shading, fixed widths (from the model's percentages) and cell margins.

Used by build.py (run: python templates/docx/build.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm

PAGE_WIDTH, SIDE_MARGIN = Mm(210), Mm(18)
TEXT_TWIPS = Emu(PAGE_WIDTH - 2 * SIDE_MARGIN).twips  # the width tables span
CELL_MARGIN_TWIPS = Mm(1.5).twips


def field(paragraph, instruction: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) Word and LibreOffice compute when laying out."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        half_points = OxmlElement(tag)
        half_points.set(qn("w:val"), str(int(size * 2)))
        props.append(half_points)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def widths(table, millimetres: tuple[int, ...]) -> None:
    """Fixed column widths Word and LibreOffice both honour (grid and every cell)."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), millimetres):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, millimetres):
            cell.width = Mm(width)


def twips(percent: str) -> str:
    """Jinja for a model column width (percent of the text width) in twips."""
    return f"{{{{ ({percent} * {TEXT_TWIPS} / 100) | round | int }}}}"


def cell_margins(table) -> None:
    """The PDF's cell padding (print.css), which the model's widths allow for."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption",
                                           "w:tblDescription", "w:tblPrChange")


def model_widths(table, percents: Sequence[str], columns_loop: str = "") -> None:
    """A fixed layout across the text width with the model's column widths: one
    ``w:gridCol`` per column (``columns_loop``: one repeated for a ``{%tc %}`` table) and
    the same width on the cell of that column in every row (``cell_width``)."""
    table.autofit = False
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(TEXT_TWIPS))
    cell_margins(table)
    grid = table._tbl.tblGrid
    for col in grid.findall(qn("w:gridCol")):
        grid.remove(col)
    for percent in percents:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), twips(percent))
        grid.append(col)
    if columns_loop:
        grid.text, col.tail = f"{{% for {columns_loop} %}}", "{% endfor %}"


def table_text(table) -> None:
    """Every paragraph of a model-width table in the "Table text" style."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.style = "Table text"


def cell_width(cell, percent: str, numeric: str = "") -> None:
    """The cell's width from the model; ``numeric`` right-aligns it (money, percentages)."""
    width = cell._tc.get_or_add_tcPr().get_or_add_tcW()
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), twips(percent))
    if numeric:
        align = cell.paragraphs[0]._p.get_or_add_pPr().get_or_add_jc()
        align.set(qn("w:val"), f"{{{{ 'right' if {numeric} else 'left' }}}}")
