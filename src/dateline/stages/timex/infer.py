"""News conventions for dates written without a year (or without a month)."""

from __future__ import annotations

import datetime as dt

from dateline.stages.timex.days import Unresolvable, add_months, day

# A date named without its year may lie a little after publication ("on July 30" in
# a preview); more than this many months after, it is last year's.
_FUTURE_MONTHS = 1


def _future_limit(published: dt.date) -> dt.date:
    try:
        return add_months(published, _FUTURE_MONTHS)
    except Unresolvable:
        return dt.date.max


def day_without_year(month: int, day_of_month: int, published: dt.date) -> dt.date:
    """``July 29``: in the publication year, or the year before when that is too far ahead."""
    limit = _future_limit(published)
    for year in range(published.year, max(published.year - 8, 0), -1):  # 29 Feb: a leap year
        try:
            candidate = day(year, month, day_of_month)
        except Unresolvable:
            continue
        if candidate <= limit:
            return candidate
    raise Unresolvable(f"no {month}-{day_of_month} near {published}")


def check_day(month: int, day_of_month: int) -> None:
    """Whether some year has this day (a leap year has them all)."""
    day(2000, month, day_of_month)


def month_year(month: int, published: dt.date, relation: str = "recent") -> int:
    """The year of a month named alone.

    ``recent`` ("in June"): the latest June that has begun by publication;
    ``before`` ("last June"): the latest that ended before the publication month;
    ``after`` ("next June"): the first after it; ``on_or_before`` ("this June"): this year's.
    """
    year = published.year
    if relation == "before":
        return year if month < published.month else year - 1
    if relation == "after":
        return year if month > published.month else year + 1
    if relation == "on_or_before":
        return year
    return year if month <= published.month else year - 1


def day_of_recent_month(day_of_month: int, published: dt.date) -> dt.date:
    """``the 29th``: that day of the publication month, else of the latest month that has it."""
    first = day(published.year, published.month, 1)
    for back in range(4):
        month_start = add_months(first, -back)
        try:
            candidate = day(month_start.year, month_start.month, day_of_month)
        except Unresolvable:
            continue
        if candidate <= published:
            return candidate
    raise Unresolvable(f"no day {day_of_month} before {published}")


def two_digit_year(short: int) -> int:
    return 2000 + short if short < 50 else 1900 + short


def day_on_or_after(month: int, day_of_month: int, published: dt.date) -> dt.date:
    """``July 29`` read forwards: the first one on or after publication."""
    for year in range(published.year, published.year + 8):
        try:
            candidate = day(year, month, day_of_month)
        except Unresolvable:
            continue
        if candidate >= published:
            return candidate
    raise Unresolvable(f"no {month}-{day_of_month} after {published}")


def month_year_forward(month: int, published: dt.date) -> int:
    """``in June`` read forwards: this year's June unless it is over."""
    return published.year if month >= published.month else published.year + 1
