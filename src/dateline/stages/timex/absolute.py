"""Days written out: 29 July 2013, July 29, 7/29/2013, the 29th, between 5 and 7 May."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateline.stages.timex import days, infer
from dateline.stages.timex.fragments import DASH, Fragments, compile_pattern, words
from dateline.stages.timex.model import DATE, NotExpression, Resolution, Rule
from dateline.types import DateInterval, Granularity

RANGE_LEAD = r"(?:\b(?P<lead>between|from)\s+)?"
RANGE_CONNECTOR = (
    rf"(?:\s*(?P<dash>{DASH})\s*|\s+(?P<conj>to|until|till|through|thru|and)\s+(?:the\s+)?)"
)


def check_connector(match: re.Match[str]) -> None:
    """A range with "and" needs "between" ("between 5 and 7 May"); "5 to 7 May" needs no lead."""
    conj = (match.group("conj") or "").lower()
    lead = (match.group("lead") or "").lower()
    if conj == "and" and lead != "between":
        raise NotExpression(match.group(0))
    if lead == "between" and conj not in ("and", ""):
        raise NotExpression(match.group(0))


def day_resolution(date: dt.date) -> Resolution:
    return Resolution(DATE, days.day_value(date), days.one_day(date))


def range_resolution(start: dt.date, end: dt.date) -> Resolution:
    if start >= end:
        raise NotExpression(f"{start}..{end}")
    span = DateInterval(start, end, Granularity.RANGE)
    return Resolution(DATE, days.range_value(span), span)


def _unknown_day(month: int, day_of_month: int) -> str:
    infer.check_day(month, day_of_month)
    return f"XXXX-{month:02d}-{day_of_month:02d}"


def rules(frag: Fragments) -> list[Rule]:
    lex = frag.lex
    on = frag.day_prefix
    lead_weekday = frag.weekday_lead

    def iso(m: re.Match[str], published: dt.date | None) -> Resolution:
        return day_resolution(days.day(int(m["y"]), int(m["m"]), int(m["d"])))

    def numeric(m: re.Match[str], published: dt.date | None) -> Resolution:
        first, second, written_year = int(m["a"]), int(m["b"]), m["y"]
        year = (
            int(written_year) if len(written_year) == 4 else infer.two_digit_year(int(written_year))
        )
        # US month/day with slashes; day.month with dots or dashes; an impossible month swaps
        month, dom = (first, second) if m["sep"] == "/" else (second, first)
        if month > 12 >= dom:
            month, dom = dom, month
        return day_resolution(days.day(year, month, dom))

    def named_month(m: re.Match[str], published: dt.date | None) -> Resolution:
        month, dom = lex.month(m["mon"]), lex.day_of_month(m["d"])
        if m.groupdict().get("y"):
            return day_resolution(days.day(int(m["y"]), month, dom))
        if published is None:
            return Resolution(DATE, _unknown_day(month, dom))
        resolution = day_resolution(infer.day_without_year(month, dom, published))
        try:
            forward = days.day_value(infer.day_on_or_after(month, dom, published))
        except days.Unresolvable:
            return resolution
        return replace(resolution, forward_value=forward)

    def nth(m: re.Match[str], published: dt.date | None) -> Resolution:
        dom = int(m["d"])
        if not 1 <= dom <= 31:
            raise NotExpression(m.group(0))
        if published is None:
            return Resolution(DATE, f"XXXX-XX-{dom:02d}")
        return day_resolution(infer.day_of_recent_month(dom, published))

    def day_range(m: re.Match[str], published: dt.date | None) -> Resolution:
        check_connector(m)
        names = m.groupdict()
        end_month = lex.month(names.get("m2") or m["m1"])
        start_month = lex.month(m["m1"])
        first, last = int(m["d1"]), int(m["d2"])
        if m["y"]:
            end = days.day(int(m["y"]), end_month, last)
        elif published is None:
            if start_month == end_month and first >= last:
                raise NotExpression(m.group(0))
            return Resolution(
                DATE, f"{_unknown_day(start_month, first)}/{_unknown_day(end_month, last)}"
            )
        else:
            end = infer.day_without_year(end_month, last, published)
        start = days.day(end.year, start_month, first)
        if start > end and start_month != end_month:  # 28 December to 3 January
            start = days.day(end.year - 1, start_month, first)
        return range_resolution(start, end)

    def same_month(order: str) -> str:
        # "between 5 and 7 May" / "May 5-7"; m2 is absent so the end shares m1
        year = rf"(?:,?\s+{frag.year('y')})?"
        if order == "dm":
            return (
                rf"{RANGE_LEAD}(?:the\s+)?{frag.day('d1')}{RANGE_CONNECTOR}{frag.day('d2')}"
                rf"(?:\s+of)?\s+{frag.month('m1')}{year}"
            )
        return (
            rf"{RANGE_LEAD}{frag.month('m1')}\s+{frag.day('d1')}{RANGE_CONNECTOR}"
            rf"{frag.day('d2')}{year}"
        )

    def two_months(order: str) -> str:
        year = rf"(?:,?\s+{frag.year('y')})?"
        if order == "dm":
            return (
                rf"{RANGE_LEAD}(?:the\s+)?{frag.day('d1')}(?:\s+of)?\s+{frag.month('m1')}"
                rf"{RANGE_CONNECTOR}{frag.day('d2')}(?:\s+of)?\s+{frag.month('m2')}{year}"
            )
        return (
            rf"{RANGE_LEAD}{frag.month('m1')}\s+{frag.day('d1')}{RANGE_CONNECTOR}"
            rf"{frag.month('m2')}\s+{frag.day('d2')}{year}"
        )

    sep_digits = r"(?![\w/]|[.\-]\d)"
    table = [
        (
            "iso",
            rf"{on}(?<![\w./-])(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)"
            rf"(?P<d>\d{{1,2}}){sep_digits}",
            iso,
        ),
        (
            "numeric",
            rf"{on}(?<![\w./-])(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)"
            rf"(?P<y>\d{{4}}|\d{{2}}){sep_digits}",
            numeric,
        ),
        (
            "day month year",
            rf"{on}{lead_weekday}(?:the\s+)?{frag.day('d')}(?:\s+of)?\s+{frag.month('mon')}"
            rf",?\s+{frag.year('y')}",
            named_month,
        ),
        (
            "month day year",
            rf"{on}{lead_weekday}{frag.month('mon')}\s+{frag.day('d')},?\s+{frag.year('y')}",
            named_month,
        ),
        (
            "day month",
            rf"{on}{lead_weekday}(?:the\s+)?{frag.day('d')}(?:\s+of)?\s+{frag.month('mon')}",
            named_month,
        ),
        ("month day", rf"{on}{lead_weekday}{frag.month('mon')}\s+{frag.day('d')}", named_month),
        (
            "ordinal day of month",
            rf"{on}{lead_weekday}(?:the\s+)?(?P<d>{words(lex.ordinals)})\s+of\s+{frag.month('mon')}"
            rf"(?:,?\s+{frag.year('y')})?",
            named_month,
        ),
        (
            "the nth",
            rf"{on}\bthe\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b"
            r"(?=\s*(?:[,.;:!?)\"”]|$)|\s+(?:and|when|at|in|as|after|before|or|but|while)\b)",
            nth,
        ),
        ("day range", same_month("dm"), day_range),
        ("month day range", same_month("md"), day_range),
        ("day range across months", two_months("dm"), day_range),
        ("month day range across months", two_months("md"), day_range),
    ]
    return [Rule(name, compile_pattern(source), resolve) for name, source, resolve in table]
