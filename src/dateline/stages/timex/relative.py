"""Dates relative to publication: on Monday, yesterday, last week, two days ago, the past month."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateline.stages.timex import days
from dateline.stages.timex.absolute import RANGE_CONNECTOR, RANGE_LEAD, check_connector
from dateline.stages.timex.fragments import POSSESSIVE, Fragments, compile_pattern, words
from dateline.stages.timex.lexicon import Lexicon, key
from dateline.stages.timex.model import DATE, NotExpression, Resolution, Rule
from dateline.types import DateInterval, Granularity

_UNKNOWN = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX"}


def weekday_date(published: dt.date, weekday: int, relation: str) -> dt.date:
    """A weekday named alone is the latest on or before publication (news report the past)."""
    if relation == "before":
        return days.weekday_before(published, weekday)
    if relation == "after":
        return days.weekday_after(published, weekday)
    return days.weekday_on_or_before(published, weekday)


def calendar_period(published: dt.date, unit: str, offset: int, part: str) -> Resolution:
    """A calendar week, weekend, month or year around publication ("last week", "this year")."""
    if unit == "week":
        start = days.add_days(days.week_start(published), 7 * offset)
        end, value, granularity = days.add_days(start, 6), days.week_value(start), Granularity.WEEK
    elif unit == "weekend":
        saturday = (
            days.add_days(days.weekday_before(published, 7), -1)
            if offset < 0
            else days.weekday_after(published, 6)
            if offset > 0
            else days.weekday_on_or_before(published, 6)
        )
        start, end, granularity = saturday, days.add_days(saturday, 1), Granularity.RANGE
        value = f"{days.week_value(saturday)}-WE"
    elif unit == "month":
        start = days.add_months(days.day(published.year, published.month, 1), offset)
        end = days.month_end(start.year, start.month)
        value, granularity = days.month_value(start.year, start.month), Granularity.MONTH
    else:
        year = published.year + offset
        start, end = days.day(year, 1, 1), days.day(year, 12, 31)
        value, granularity = days.year_value(year), Granularity.YEAR
    if part == "to_published":
        end = min(end, published)
    elif part == "from_published":
        start = max(start, published)
    if start > end:
        raise NotExpression(f"{unit} {offset} {part}")
    return Resolution(DATE, value, DateInterval(start, end, granularity))


def count_and_unit(lex: Lexicon, match: re.Match[str]) -> tuple[int | None, str]:
    """The count (None when vague: "several days", "days") and the unit code of a match."""
    unit = lex.unit(match["u"])
    if match["n"] is not None:
        return lex.number(match["n"]), unit
    return (None if key(match["u"]).endswith("s") else 1), unit


def back(published: dt.date, count: int, unit: str) -> tuple[dt.date, dt.date]:
    """The earliest and latest day ``count`` units before publication (a range for hours)."""
    if unit.startswith("2"):
        count, unit = count * 2, unit[1:]
    seconds_per = {"S": 1, "MIN": 60, "H": 3600}
    if unit in seconds_per:
        seconds = count * seconds_per[unit]
        whole_days, part = divmod(seconds, 86400)
        earliest = days.add_days(published, -(whole_days + (part > 0)))
        return earliest, days.add_days(published, -whole_days)
    if unit in ("D", "W"):
        point = days.add_days(published, -count * (7 if unit == "W" else 1))
    else:
        months = count * {"M": 1, "Y": 12, "DE": 120, "CE": 1200}[unit]
        point = days.add_months(published, -months)
    return point, point


def rules(frag: Fragments) -> list[Rule]:
    lex = frag.lex
    relations = lex.weekday_modifiers

    def weekday(m: re.Match[str], published: dt.date | None) -> Resolution:
        number = lex.weekdays[key(m["w"])]
        if published is None:
            return Resolution(DATE, f"XXXX-WXX-{number}")
        relation = relations[key(m["rel"])] if m["rel"] else "on_or_before"
        date = weekday_date(published, number, relation)
        forward = ""
        if not m["rel"]:
            ahead = (number - published.isoweekday()) % 7
            try:
                forward = days.day_value(days.add_days(published, ahead))
            except days.Unresolvable:
                forward = ""
        return Resolution(DATE, days.day_value(date), days.one_day(date), forward_value=forward)

    def weekday_range(m: re.Match[str], published: dt.date | None) -> Resolution:
        check_connector(m)
        first, last = lex.weekdays[key(m["w1"])], lex.weekdays[key(m["w2"])]
        if first == last:
            raise NotExpression(m.group(0))
        if published is None:
            return Resolution(DATE, f"XXXX-WXX-{first}/XXXX-WXX-{last}")
        end = days.weekday_on_or_before(published, last)
        start = days.weekday_on_or_before(end, first)
        span = DateInterval(start, end, Granularity.RANGE)
        return Resolution(DATE, days.range_value(span), span)

    def day_word(m: re.Match[str], published: dt.date | None) -> Resolution:
        first, last = lex.day_words[key(m["w"])]
        if published is None:
            return Resolution(DATE, "XXXX-XX-XX")
        start, end = days.add_days(published, first), days.add_days(published, last)
        if start == end:
            return Resolution(DATE, days.day_value(start), days.one_day(start))
        span = DateInterval(start, end, Granularity.RANGE)
        return Resolution(DATE, days.range_value(span), span)

    def period(m: re.Match[str], published: dt.date | None) -> Resolution:
        unit, offset, part = lex.calendar_periods[key(m["w"])]
        if published is None:
            return Resolution(DATE, _UNKNOWN[unit])
        resolution = calendar_period(published, unit, offset, part)
        if unit != "weekend" or offset != 0:
            return resolution
        # "this weekend" in a future clause is the coming one
        try:
            coming = days.weekday_on_or_before(days.weekday_after(published, 7), 6)
        except days.Unresolvable:
            return resolution
        return replace(resolution, forward_value=f"{days.week_value(coming)}-WE")

    def ago(m: re.Match[str], published: dt.date | None) -> Resolution:
        count, unit = count_and_unit(lex, m)
        if published is None:
            return Resolution(DATE, "XXXX-XX-XX")
        if count is None:
            low, high = lex.vague_count
            start, end = back(published, high, unit)[0], back(published, low, unit)[1]
            span = DateInterval(start, end, Granularity.RANGE)
            # TimeML: "years ago" names no particular year, only the past
            return Resolution(DATE, days.range_value(span), span, timex_value="PAST_REF")
        earliest, latest = back(published, count, unit)
        fuzz = lex.unit_fuzz_days.get(unit.lstrip("2"), 0)
        start, end = days.add_days(earliest, -fuzz), days.add_days(latest, fuzz)
        center = latest
        if unit.lstrip("2") == "W":
            value = days.week_value(center)
        elif unit == "M":
            value = days.month_value(center.year, center.month)
        elif unit in ("Y", "DE", "CE"):
            value = days.year_value(center.year)
        else:
            value = days.day_value(center)
        granularity = Granularity.DAY if start == end else Granularity.RANGE
        return Resolution(DATE, value, DateInterval(start, end, granularity))

    def past(m: re.Match[str], published: dt.date | None) -> Resolution:
        count, unit = count_and_unit(lex, m)
        if published is None:
            return Resolution(
                DATE,
                "XXXX-XX-XX",
                timex_type="DURATION",
                timex_value=days.duration_value(count, unit),
            )
        start = back(published, lex.vague_count[1] if count is None else count, unit)[0]
        span = DateInterval(start, published, Granularity.RANGE)
        length = days.duration_value(count, unit)  # TimeML: "the past two months" is P2M
        return Resolution(
            DATE, days.range_value(span), span, timex_type="DURATION", timex_value=length
        )

    table = [
        (
            "weekday",
            rf"{frag.day_prefix}(?:(?P<rel>{words(relations)})\s+)?{frag.weekday('w')}"
            rf"(?:\s+{frag.part_of_day('pod')})?{POSSESSIVE}",
            weekday,
        ),
        (
            "weekday range",
            rf"{RANGE_LEAD}{frag.weekday('w1')}{RANGE_CONNECTOR}{frag.weekday('w2')}",
            weekday_range,
        ),
        (
            "day word",
            rf"(?P<w>{words(lex.day_words)})(?:\s+{frag.part_of_day('pod')})?{POSSESSIVE}",
            day_word,
        ),
        (
            "calendar period",
            rf"(?<!the\s)(?P<w>{words(lex.calendar_periods)}){POSSESSIVE}(?!\s+of\b)",
            period,
        ),
        (
            "ago",
            rf"{frag.approximately}(?:{frag.number('n')}(?:\s+|-))?{frag.unit('u')}\s+ago\b",
            ago,
        ),
        (
            "past period",
            rf"(?:\b(?:in|over|during|for|within|throughout)\s+)?\bthe\s+(?:past|last)\s+"
            rf"(?:{frag.number('n')}(?:\s+|-))?{frag.unit('u')}(?!\s+of\b)",
            past,
        ),
    ]
    return [Rule(name, compile_pattern(source), resolve) for name, source, resolve in table]
