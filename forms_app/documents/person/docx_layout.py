"""Page flow in the person's Word files, fixed once the rows of each table exist.

A box (the contact box, the parent's box) is built from one template row whose row never
splits and whose paragraphs keep with the next row, so Word moves the box whole to the next
page rather than splitting it. After rendering, two things only the finished file knows:

* the box's last row must let go, or it chains the next heading and its first point onto
  the box's page (pushing the box to the next page when it would have fitted);
* the last row of the last section keeps with the block that follows it, the signature
  and "About this document" (the file's last table, whose rows keep together), so that
  block never stands alone on a page.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _cant_split(row: Any) -> bool:
    return row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None


def _keep_with_next(row: Any, keep: bool) -> None:
    for paragraph in row.iter(qn("w:p")):
        paragraph.get_or_add_pPr().keepNext_val = keep or None


def finish(document: Any) -> None:
    """Release each box's last row; tie the last section's last row to the closing."""
    tables = [table._tbl for table in document.tables]
    for tbl in tables:
        rows = tbl.tr_lst
        if rows and all(_cant_split(row) for row in rows):
            _keep_with_next(rows[-1], False)
    if len(tables) > 1 and tables[-2].tr_lst:
        last = tables[-2].tr_lst[-1]
        if not _cant_split(last):
            last.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        _keep_with_next(last, True)
