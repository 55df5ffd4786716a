"""Resolving an anchored expression ("two days later") against the date of another event."""

from __future__ import annotations

import datetime as dt
import re

from dateline.stages.timex import days
from dateline.stages.timex.lexicon import lexicon
from dateline.types import DateInterval, Granularity

_VALUE = re.compile(r"ANCHOR([+-])P(T?)(\d+|X)(DE|CE|[SMHDWY])")
_SECONDS = {"S": 1, "M": 60, "H": 3600}
_MONTHS = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}


def _move(date: dt.date, sign: int, count: int, unit: str, *, time: bool, far: bool) -> dt.date:
    """``date`` moved ``count`` units; for hours, ``far`` picks the farther of the two days."""
    try:
        if time:
            seconds = count * _SECONDS[unit]
            whole = -(-seconds // 86400) if far else seconds // 86400
            return days.add_days(date, sign * whole)
        if unit in ("D", "W"):
            return days.add_days(date, sign * count * (7 if unit == "W" else 1))
        return days.add_months(date, sign * count * _MONTHS[unit])
    except days.Unresolvable:
        return dt.date.max if sign > 0 else dt.date.min


def shift(interval: DateInterval, value: str) -> DateInterval:
    """The interval an anchored value (``ANCHOR-P2D``, ``ANCHOR+PXD``) gives from ``interval``.

    An unspecified count (X, "days later") spreads over the lexicon's vague range.
    Dates past the calendar's ends are clamped. Raises ``ValueError`` for a value
    that is not an anchored one.
    """
    match = _VALUE.fullmatch(value)
    if match is None:
        raise ValueError(f"not an anchored value: {value!r}")
    sign = 1 if match[1] == "+" else -1
    time, amount, unit = match[2] == "T", match[3], match[4]
    if (time and unit not in _SECONDS) or (not time and unit in ("S", "H")):
        raise ValueError(f"not an anchored value: {value!r}")
    low, high = lexicon().vague_count if amount == "X" else (int(amount), int(amount))
    # the earliest start and the latest end: forwards the start moves least, backwards most
    start_count, end_count = (low, high) if sign > 0 else (high, low)
    start = _move(interval.start, sign, start_count, unit, time=time, far=sign < 0)
    end = _move(interval.end, sign, end_count, unit, time=time, far=sign > 0)
    exact = low == high and start - interval.start == end - interval.end
    return DateInterval(start, end, interval.granularity if exact else Granularity.RANGE)
