"""The document model: the plain data every template (Word and HTML) renders.

A document context is a dict of str/int/bool/list/dict only::

    {
      "document": "aftercare_plan", "title": "...", "subtitle": "...", "lang": "en-GB",
      "variant": "standard",
      "parties": [{"role": "Local authority", "name": "...", "code": "..."}, ...],
      "person": {"heading": "...", "fields": [{"label": "...", "value": "..."}]},
      "sections": [{"heading": "...", "paragraphs": ["..."], "fields": [...],
                    "tables": [{"caption": "...", "columns": [{"label", "num", "width"}],
                                "rows": [[{"text", "num"}]], "footer": [[...]]}]}],
      "checklist": {"heading": "...", "caption": "...", "columns": [{"label", "num", "width"}],
                    # large print: three columns, the source under the requirement
                    "rows": [{"rule", "title", "result", "result_key", "citation", "message"}]},
      "signoff": {"heading", "complete", "statement", "columns": [{"label", "num", "width"}],
                  "signatories": [...], "missing": [...]},
      "meta": {"document_id", "version", "version_label", "fingerprint", "draft",
               "draft_mark", "draft_reasons": [...], "policy", "dated"},
    }

Templates only lay this out: every word about the form is chosen here (or in wording.py /
formatting.py), so the Word and PDF versions never carry two copies of the same wording.
Column ``width``s (percent of the text width, from :func:`column_widths`) are the one
source of a table's proportions: the HTML sets them on ``<col>``, the Word templates on
``w:gridCol`` and every cell's ``w:tcW`` (templates/docx/build.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Field = dict[str, str]
Table = dict[str, Any]
Section = dict[str, Any]


LONG_WORD = 24


def has_long_word(value: str) -> bool:
    """A word too long for a table column: the layout may break it anywhere."""
    return any(len(word) > LONG_WORD for word in value.split())


# Characters of table text across the A4 text width, less padding: 84 at 9.5pt, so fewer
# at the sizes print.css sets tables in (10.5pt; large print 16pt), where each column's
# longest word takes a larger share of the line.
TABLE_POINTS = {"standard": 10.5, "large_print": 16}
VARIANT_LINE_CHARS = {variant: round(84 * 9.5 / points) for variant, points in TABLE_POINTS.items()}
LINE_CHARS = VARIANT_LINE_CHARS["standard"]
CELL_PADDING = 2  # characters' worth of cell padding and rule


def _longest_word(text: str, bold: bool) -> float:
    longest = max((len(word) for word in str(text).split()), default=0)
    return min(LONG_WORD, longest) * (1.15 if bold else 1.0)


def column_widths(rows: Sequence[Sequence[str]], line_chars: int = LINE_CHARS,
                  caps: Sequence[int] = ()) -> list[float]:
    """Column widths in percent for a fixed table layout, found from the text the way an
    automatic layout would (at a fraction of WeasyPrint's cost): every column first gets
    its longest word (the header's in bold), then the rest of the line goes to the
    columns in proportion to how much more text they hold. ``rows[0]`` is the header.
    ``caps[i]`` limits how many characters of column i's text claim width (a column of
    notes should not take the line from the text beside it)."""
    columns = list(zip(*rows))
    limits = list(caps) + [60] * (len(columns) - len(caps))
    least = [CELL_PADDING + max(2, _longest_word(col[0], True),
                                *(_longest_word(text, False) for text in col[1:]))
             for col in columns]
    most = [CELL_PADDING + max(min(cap, len(str(text))) for text in col)
            for col, cap in zip(columns, limits)]
    if sum(most) <= line_chars:
        chars = most
    else:
        spare = max(0.0, line_chars - sum(least))
        extra = [max(0.0, m - lo) for m, lo in zip(most, least)]
        share = sum(extra) or 1.0
        chars = [lo + spare * e / share for lo, e in zip(least, extra)]
    return [round(100 * c / sum(chars), 1) for c in chars]


def field(label: str, value: str) -> Field:
    return {"label": label, "value": value}


def table_columns(labels: Sequence[str], rows: Iterable[Sequence[str]],
                  numeric: Iterable[int] = (), variant: str = "standard",
                  caps: Sequence[int] = ()) -> list[dict[str, Any]]:
    """The column heads of a table: label, right-aligned or not, and the width in percent
    of the text width that both the PDF and the Word file give the column (for the
    variant's type size; ``caps`` as in :func:`column_widths`)."""
    num = set(numeric)
    widths = column_widths([list(labels)] + [list(row) for row in rows],
                           VARIANT_LINE_CHARS.get(variant, LINE_CHARS), caps)
    return [{"label": label, "num": i in num, "width": widths[i]}
            for i, label in enumerate(labels)]


def table(caption: str, columns: Sequence[str], rows: Iterable[Sequence[str]],
          numeric: Iterable[int] = (), footer: Sequence[str] | None = None) -> Table:
    """A captioned table; ``numeric`` columns are right-aligned (money, percentages)."""
    num = set(numeric)
    rows = [list(row) for row in rows]

    def cells(row: Sequence[str]) -> list[dict[str, Any]]:
        return [{"text": str(value), "num": i in num, "long": has_long_word(str(value))}
                for i, value in enumerate(row)]

    body = [cells(row) for row in rows] or [cells(["None recorded"] + [""] * (len(columns) - 1))]
    tail = [cells(footer)] if footer else []
    return {
        "caption": caption,
        "columns": table_columns(columns, rows, numeric=num),
        "rows": body,
        "footer": tail,
        # The same rows as label/value records (large print lays a table out this way).
        "records": [[{"label": columns[i], **cell} for i, cell in enumerate(row) if cell["text"]]
                    for row in body + tail],
    }


def section(heading: str, *, fields: Sequence[Field] = (), tables: Sequence[Table] = (),
            paragraphs: Sequence[str] = ()) -> Section:
    return {"heading": heading, "paragraphs": list(paragraphs), "fields": list(fields),
            "tables": list(tables)}
