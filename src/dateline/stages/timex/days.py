"""Calendar arithmetic that never leaves the calendar silently, and TIMEX3 value formats.

Every helper raises :class:`Unresolvable` (never ``OverflowError``) when a date
would fall outside years 1..9999 or does not exist (30 February).
"""

from __future__ import annotations

import calendar
import datetime as dt

from dateline.types import DateInterval, Granularity


class Unresolvable(Exception):  # noqa: N818 - a signal, not an error surfaced to users
    """The expression names no real calendar date."""


def day(year: int, month: int, day_of_month: int) -> dt.date:
    try:
        return dt.date(year, month, day_of_month)
    except (ValueError, OverflowError) as error:
        raise Unresolvable(str(error)) from None


def add_days(date: dt.date, days: int) -> dt.date:
    try:
        return date + dt.timedelta(days=days)
    except (ValueError, OverflowError) as error:
        raise Unresolvable(str(error)) from None


def month_end(year: int, month: int) -> dt.date:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        raise Unresolvable(f"no month {year}-{month}")
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(date: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clamped to the end of a shorter month."""
    year, month0 = divmod(date.year * 12 + date.month - 1 + months, 12)
    if not 1 <= year <= 9999:
        raise Unresolvable(f"year {year}")
    last = calendar.monthrange(year, month0 + 1)[1]
    return day(year, month0 + 1, min(date.day, last))


def one_day(date: dt.date) -> DateInterval:
    return DateInterval(date, date, Granularity.DAY)


def whole_month(year: int, month: int) -> DateInterval:
    return DateInterval(day(year, month, 1), month_end(year, month), Granularity.MONTH)


def whole_year(year: int) -> DateInterval:
    return DateInterval(day(year, 1, 1), day(year, 12, 31), Granularity.YEAR)


def week_start(date: dt.date) -> dt.date:
    """The Monday of the ISO week of ``date``."""
    return add_days(date, -date.weekday())


def weekday_on_or_before(date: dt.date, weekday: int) -> dt.date:
    """The latest day with ISO weekday ``weekday`` that is not after ``date``."""
    return add_days(date, -((date.isoweekday() - weekday) % 7))


def weekday_before(date: dt.date, weekday: int) -> dt.date:
    return add_days(date, -((date.isoweekday() - weekday) % 7 or 7))


def weekday_after(date: dt.date, weekday: int) -> dt.date:
    return add_days(date, (weekday - date.isoweekday()) % 7 or 7)


# ---------------------------------------------------------------- TIMEX3 values


def day_value(date: dt.date) -> str:
    return date.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def week_value(date: dt.date) -> str:
    year, week, _ = date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def range_value(span: DateInterval) -> str:
    return f"{span.start.isoformat()}/{span.end.isoformat()}"


def duration_value(count: int | None, unit: str) -> str:
    """TIMEX3 duration: P2D, P1M, PT48H, PXY (an unspecified count)."""
    amount = "X" if count is None else str(count)
    if unit.startswith("2"):  # a fortnight is two weeks
        unit = unit[1:]
        amount = "X" if count is None else str(count * 2)
    if unit in ("S", "MIN", "H"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    return f"P{amount}{unit}"
