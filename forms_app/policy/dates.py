"""Calendar-month and working-day arithmetic, and dates written for people."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta

# Pack `calendar` values -> holidays subdivision. England and Wales share bank holidays.
_CALENDARS = {"england-and-wales": ("GB", "ENG")}


def known_calendars() -> tuple[str, ...]:
    return tuple(_CALENDARS)


def add_months(start: date, months: int) -> date:
    """``start`` plus calendar months; 31 January + 1 month is 28 (or 29) February."""
    return start + relativedelta(months=months)


@lru_cache(maxsize=256)
def _bank_holidays(calendar: str, year: int) -> frozenset[date]:
    country, subdiv = _CALENDARS[calendar]
    return frozenset(holidays.country_holidays(country, subdiv=subdiv, years=[year]))


def is_working_day(day: date, calendar: str = "england-and-wales") -> bool:
    """Monday to Friday and not a bank holiday (substitute days included)."""
    return day.weekday() < 5 and day not in _bank_holidays(calendar, day.year)


def add_working_days(start: date, days: int, calendar: str = "england-and-wales") -> date:
    """The ``days``-th working day after ``start`` (the day of notice itself is day 0)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    counted = 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current, calendar):
            counted += 1
    return current


def long_date(day: date) -> str:
    """'1 September 2020' — the form used in letters and reasons."""
    return f"{day.day} {day:%B %Y}"


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years of age on ``day``."""
    return relativedelta(day, date_of_birth).years


def eighteenth_birthday(date_of_birth: date) -> date:
    """A 29 February birthday falls on 28 February in a common year."""
    return add_months(date_of_birth, 18 * 12)
