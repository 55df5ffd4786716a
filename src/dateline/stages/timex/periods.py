"""Months and their parts, seasons, years, decades: March 2012, in June, mid-June, last winter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateline.stages.timex import days, infer
from dateline.stages.timex.absolute import RANGE_CONNECTOR, RANGE_LEAD, check_connector
from dateline.stages.timex.fragments import DASH, Fragments, compile_pattern, words
from dateline.stages.timex.lexicon import Season, key
from dateline.stages.timex.model import DATE, NotExpression, Resolution, Rule
from dateline.types import DateInterval, Granularity

YEAR_WORD = r"(?:1[0-9]|20|21)\d\d"  # a bare number is read as a year only in 1000..2199


def month_resolution(year: int, month: int) -> Resolution:
    return Resolution(DATE, days.month_value(year, month), days.whole_month(year, month))


def _forward_month(month: int, published: dt.date) -> str:
    return days.month_value(infer.month_year_forward(month, published), month)


def season_start_year(season: Season, published: dt.date, relation: str) -> int:
    """The year in which the named season begins (winter begins in December)."""
    begun = (
        published.year
        if days.day(published.year, season.first_month, 1) <= published
        else (published.year - 1)
    )
    if relation == "recent":  # "in the summer": the latest that has begun
        return begun
    begun_end = days.add_days(days.add_months(days.day(begun, season.first_month, 1), 3), -1)
    if relation == "on_or_before":  # "this summer": the one under way, else this year's
        return begun if published <= begun_end else published.year
    if relation == "before":  # "last summer": the latest that is over
        return begun if published > begun_end else begun - 1
    return begun + 1  # "next summer"


def season_interval(season: Season, year: int) -> DateInterval:
    start = days.day(year, season.first_month, 1)
    return DateInterval(start, days.add_days(days.add_months(start, 3), -1), Granularity.SEASON)


def rules(frag: Fragments) -> list[Rule]:
    lex = frag.lex
    period = frag.period_prefix
    relations = lex.weekday_modifiers
    relation_words = words(relations)

    def month_with_year(m: re.Match[str], published: dt.date | None) -> Resolution:
        return month_resolution(int(m["y"]), lex.month(m["mon"]))

    def month_part(m: re.Match[str], published: dt.date | None) -> Resolution:
        month = lex.month(m["mon"])
        first, last = lex.month_parts[key(m["part"])]
        if m["y"]:
            year = int(m["y"])
        elif published is None:
            return Resolution(DATE, f"XXXX-{month:02d}")
        else:
            year = infer.month_year(month, published)
        start = days.day(year, month, first)
        end = days.day(year, month, min(last, days.month_end(year, month).day))
        forward = "" if m["y"] or published is None else _forward_month(month, published)
        return Resolution(
            DATE,
            days.month_value(year, month),
            DateInterval(start, end, Granularity.RANGE),
            forward_value=forward,
        )

    def bare_month(m: re.Match[str], published: dt.date | None) -> Resolution:
        month = lex.month(m["mon"])
        context = key(m["ctx"] or "")
        strong_context = bool(context) and (
            context not in lex.weak_context or key(m["mon"]) not in lex.name_like_months
        )
        if not (m["pre"] or m["rel"] or m["poss"] or strong_context):
            raise NotExpression(m.group(0))
        if published is None:
            return Resolution(DATE, f"XXXX-{month:02d}")
        relation = relations[key(m["rel"])] if m["rel"] else "recent"
        resolution = month_resolution(infer.month_year(month, published, relation), month)
        if m["rel"]:
            return resolution
        return replace(resolution, forward_value=_forward_month(month, published))

    def month_range(m: re.Match[str], published: dt.date | None) -> Resolution:
        check_connector(m)
        first, last = lex.month(m["m1"]), lex.month(m["m2"])
        if m["y2"]:
            end_year = int(m["y2"])
        elif published is None:
            return Resolution(DATE, f"XXXX-{first:02d}/XXXX-{last:02d}")
        else:
            end_year = infer.month_year(last, published)
        start_year = int(m["y1"]) if m["y1"] else end_year - (first > last)
        start = days.day(start_year, first, 1)
        end = days.month_end(end_year, last)
        if start >= end or end_year - start_year > 5:
            raise NotExpression(m.group(0))
        span = DateInterval(start, end, Granularity.RANGE)
        return Resolution(DATE, days.range_value(span), span)

    def year(m: re.Match[str], published: dt.date | None) -> Resolution:
        if m["ctx"] is None and m["listed"] is None and not m["pre"] and not m["the"]:
            raise NotExpression(m.group(0))
        value = int(m["y"])
        return Resolution(DATE, days.year_value(value), days.whole_year(value))

    def year_part(m: re.Match[str], published: dt.date | None) -> Resolution:
        value = int(m["y"])
        first, last = lex.year_parts[key(m["part"])]
        span = DateInterval(
            days.day(value, first, 1), days.month_end(value, last), Granularity.RANGE
        )
        part = key(m["part"])
        quarter = f"-Q{(first + 2) // 3}" if "quarter" in part else ""
        half = f"-H{(first + 5) // 6}" if "half" in part else ""
        timex = days.year_value(value) + (quarter or half)
        return Resolution(DATE, days.year_value(value), span, timex_value=timex)

    def year_range(m: re.Match[str], published: dt.date | None) -> Resolution:
        check_connector(m)
        first, last = int(m["y1"]), int(m["y2"])
        if not 0 < last - first <= 100:
            raise NotExpression(m.group(0))
        span = DateInterval(days.day(first, 1, 1), days.day(last, 12, 31), Granularity.RANGE)
        return Resolution(DATE, days.range_value(span), span)

    def decade(m: re.Match[str], published: dt.date | None) -> Resolution:
        start = int(m["dec"])
        span = DateInterval(days.day(start, 1, 1), days.day(start + 9, 12, 31), Granularity.RANGE)
        return Resolution(DATE, f"{start // 10:03d}", span)

    def season(m: re.Match[str], published: dt.date | None) -> Resolution:
        found = lex.seasons[key(m["s"])]
        rel = key(m["rel"] or "")
        if m["y"]:
            start_year = int(m["y"])
        elif rel in relations or m["pre"]:
            if published is None:
                return Resolution(DATE, f"XXXX-{found.code}")
            start_year = season_start_year(found, published, relations.get(rel, "recent"))
        else:
            raise NotExpression(m.group(0))
        return Resolution(
            DATE, f"{start_year:04d}-{found.code}", season_interval(found, start_year)
        )

    year_of = rf"(?:,?\s+(?:of\s+)?{frag.year('y')})"
    listed_year = r"(?:(?<=\d{4}\sand\s)|(?<=\d{4},\s)|(?<=\d{4}\sor\s))(?P<listed>)"
    table = [
        ("month year", rf"{period}{frag.month('mon')}{year_of}", month_with_year),
        (
            "part of month",
            rf"{period}(?:the\s+)?(?P<part>{words(lex.month_parts)})(?:\s+of\s+|{DASH}|\s+)"
            r"(?:the\s+month\s+of\s+)?"
            rf"{frag.month('mon')}{year_of}?",
            month_part,
        ),
        (
            "month",
            rf"(?:(?P<ctx>{words(lex.context_prepositions)})\s+)?(?P<e>"
            rf"(?:(?P<pre>{words(lex.period_prefixes)})\s+)?(?:the\s+month\s+of\s+)?"
            rf"(?:(?P<rel>{relation_words})\s+)?"
            rf"{frag.month('mon', abbreviated=False)}(?P<poss>['’]s)?)",
            bare_month,
        ),
        (
            "month range",
            rf"{RANGE_LEAD}{frag.month('m1', abbreviated=False)}(?:\s+{frag.year('y1')})?"
            rf"{RANGE_CONNECTOR}{frag.month('m2', abbreviated=False)}(?:,?\s+{frag.year('y2')})?",
            month_range,
        ),
        (
            "year",
            rf"(?:(?P<ctx>{words(lex.year_context)})\s+|{listed_year})?(?P<e>"
            rf"(?:(?P<pre>{words(lex.period_prefixes)})\s+)?(?P<the>the\s+year\s+)?"
            rf"(?<![\d.,/])(?P<y>{YEAR_WORD}))(?![\d/%]|[.,]\d|['’]?s\b|{DASH}\w|\s*per\s*cent)",
            year,
        ),
        (
            "part of year",
            rf"{period}(?:the\s+)?(?P<part>{words(lex.year_parts)})(?:\s+of\s+|{DASH}|\s+)"
            r"(?:the\s+year\s+)?"
            rf"(?P<y>{YEAR_WORD})\b",
            year_part,
        ),
        (
            "year range",
            rf"\b(?P<lead>between|from)\s+(?P<y1>{YEAR_WORD})"
            rf"(?:\s*(?P<dash>{DASH})\s*|\s+(?P<conj>to|until|till|through|and)\s+)"
            rf"(?P<y2>{YEAR_WORD})\b",
            year_range,
        ),
        ("decade", rf"{period}(?:the\s+)?(?P<dec>(?:1[0-9]|20)\d0)['’]?s\b", decade),
        (
            "season",
            rf"(?:(?P<pre>{words([*lex.period_prefixes, 'over'])})\s+)?"
            rf"(?:(?P<rel>{relation_words}|the)\s+)?(?P<s>{words(lex.seasons)})"
            rf"(?:{year_of}|(?!\s+of\b))",
            season,
        ),
    ]
    return [Rule(name, compile_pattern(source), resolve) for name, source, resolve in table]
