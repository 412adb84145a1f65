"""The document model's table widths: short words never split, the line is shared out."""

from __future__ import annotations

import pytest

from forms_app.documents.model import LINE_CHARS, VARIANT_LINE_CHARS, column_widths, table


def test_widths_add_up_to_the_line() -> None:
    widths = column_widths([["ID", "Service", "Weekly cost"],
                            ["S1", "Supported living placement with 24-hour staff", "£1,125.00"]])
    assert sum(widths) == pytest.approx(100, abs=0.3)


def test_every_column_gets_at_least_its_longest_word() -> None:
    rows = [["ID", "Delivery", "Description"],
            ["S1", "Commissioned", "word " * 80]]
    widths = column_widths(rows)
    share_of_line = [w / 100 * LINE_CHARS for w in widths]
    assert share_of_line[1] >= len("Commissioned")
    assert share_of_line[2] > share_of_line[1]  # the long text takes the spare room


def test_short_table_is_laid_out_by_its_text() -> None:
    widths = column_widths([["Plan", "Reference", "Applies"],
                            ["Care Act support plan", "CA-2026-0412", "Yes"]])
    assert widths[0] > widths[1] > widths[2]


def test_table_records_drop_empty_cells() -> None:
    built = table("Costs", ["ID", "Service", "Weekly cost"], [["S1", "Nurse", "£1.00"]],
                  numeric=[2], footer=["", "Total", "£1.00"])
    assert built["records"][1] == [
        {"label": "Service", "text": "Total", "num": False, "long": False},
        {"label": "Weekly cost", "text": "£1.00", "num": True, "long": False}]
    assert [c["num"] for c in built["columns"]] == [False, False, True]


def test_large_print_widths_keep_short_words_whole_on_its_shorter_line() -> None:
    rows = [["Rule", "Requirement", "Result", "Source"],
            ["FUND-01", "The policy default basis uses the pack's default split; a different "
             "split is an agreed variation", "Noted", "Worcestershire policy Annex 2 A2.1"]]
    line = VARIANT_LINE_CHARS["large_print"]
    assert line < LINE_CHARS
    large, standard = column_widths(rows, line), column_widths(rows)
    share_of_line = [w / 100 * line for w in large]
    for share, word in zip(share_of_line, ("FUND-01", "Requirement", "Result", "Worcestershire")):
        assert share >= len(word)
    assert large[0] > standard[0]  # the rule ID's column grows as the line gets shorter
    assert large[1] < standard[1]
