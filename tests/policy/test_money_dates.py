"""Money, dates and NHS numbers: tabled cases and hypothesis properties."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from forms_app.policy.dates import add_months, add_working_days, is_working_day
from forms_app.policy.money import apportion, format_gbp
from forms_app.policy.nhs_number import is_valid
from forms_app.policy.packs import load_pack
from forms_app.policy.rules.review import review_dates

BANK = holidays.country_holidays("GB", subdiv="ENG", years=range(2015, 2036))
days = st.dates(min_value=date(2016, 1, 1), max_value=date(2034, 12, 31))


@pytest.mark.parametrize(("total", "weights", "parts"), [
    (133500, [60, 40], [80100, 53400]),   # Worcestershire example
    (1, [50, 50], [1, 0]),                # a tie goes to the council (first)
    (101, [1, 1, 1], [34, 34, 33]),       # leftover pence to the earliest of equal remainders
    (100, [1, 2], [33, 67]),              # the larger remainder wins
    (0, [60, 40], [0, 0]),
])
def test_apportion_table(total: int, weights: list[int], parts: list[int]) -> None:
    assert apportion(total, weights) == parts


def test_apportion_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="negative"):
        apportion(-1, [1])
    with pytest.raises(ValueError, match="negative"):
        apportion(10, [1, -1])
    with pytest.raises(ValueError, match="zero weights"):
        apportion(10, [0, 0])


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=6)
       .filter(lambda w: sum(w) > 0))
def test_apportion_sums_to_total_and_never_negative(total: int, weights: list[int]) -> None:
    parts = apportion(total, weights)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)
    exact = [total * w / sum(weights) for w in weights]
    assert all(abs(p - e) < 1 for p, e in zip(parts, exact, strict=True))


@pytest.mark.parametrize(("pence", "text"), [
    (0, "£0.00"), (5, "£0.05"), (123456, "£1,234.56"), (100000000, "£1,000,000.00"),
    (-150, "-£1.50"),
])
def test_format_gbp(pence: int, text: str) -> None:
    assert format_gbp(pence) == text


@pytest.mark.parametrize(("start", "months", "end"), [
    ("2026-01-31", 1, "2026-02-28"),  # no 31 February: last day
    ("2024-01-31", 1, "2024-02-29"),  # leap year
    ("2026-03-20", 3, "2026-06-20"),  # ordinary
    ("2026-08-31", 3, "2026-11-30"),  # November has 30 days
])
def test_add_months_table(start: str, months: int, end: str) -> None:
    assert add_months(date.fromisoformat(start), months) == date.fromisoformat(end)


@pytest.mark.parametrize(("start", "n", "end"), [
    ("2026-12-24", 1, "2026-12-29"),  # Christmas, Boxing Day (observed Mon 28th) and weekend
    ("2025-12-24", 3, "2025-12-31"),  # 25 and 26 December 2025 are Thu and Fri
    ("2027-03-25", 1, "2027-03-30"),  # Good Friday 26 March and Easter Monday 29 March 2027
    ("2026-08-28", 1, "2026-09-01"),  # late summer bank holiday Monday 31 August
    ("2026-01-02", 5, "2026-01-09"),  # New Year's Day already past
])
def test_add_working_days_table(start: str, n: int, end: str) -> None:
    assert add_working_days(date.fromisoformat(start), n) == date.fromisoformat(end)


@given(days, st.integers(0, 30))
def test_working_day_deadline_skips_weekends_and_bank_holidays(start: date, n: int) -> None:
    due = add_working_days(start, n)
    between = [start + timedelta(days=i) for i in range(1, (due - start).days + 1)]
    counted = [day for day in between if day.weekday() < 5 and day not in BANK]
    assert len(counted) == n
    if n:
        assert due.weekday() < 5
        assert due not in BANK
        assert is_working_day(due)


@given(days, st.one_of(st.none(), days), st.sampled_from(["worcestershire", "harrow"]))
def test_review_due_never_before_the_event(left: date, last: date | None, pack: str) -> None:
    first, nxt = review_dates({"left_hospital_on": left, "last_review_date": last},
                              load_pack(pack))
    assert first is not None
    assert first > left
    assert nxt is not None
    assert nxt > (last or left)


@pytest.mark.parametrize(("number", "valid"), [
    ("9990000018", True),    # the examples' test numbers
    ("9990000026", True),
    ("9990000034", True),
    ("9990000019", False),   # wrong check digit
    ("943 476 5919", True),  # spaced as people write it
    ("1000000010", False),   # remainder gives check digit 10: never issued
    ("999000001", False),    # nine digits
    ("99900000１8", False),  # a non-ASCII digit
])
def test_nhs_number(number: str, valid: bool) -> None:
    assert is_valid(number) is valid


def test_nhs_number_rejects_non_strings() -> None:
    assert is_valid(9990000018) is False
