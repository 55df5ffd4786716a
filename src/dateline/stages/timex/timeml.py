"""The TIMEX3 reading of what the scanner found: TimeML extent, type and value.

The scanner's spans suit event dating ("on Monday", "two days after"); TimeML
leaves prepositions and directions outside the extent ("Monday", "two days"),
keeps hedges and "the next" with a length ("about two years", "the next two
years"), reads a part of day as a TIME (1998-08-07TMO) and joins a clock time
to the day it names ("10 p.m. Wednesday"). A day or month named without a year
is read forwards when the clause speaks of the future or when the next one is
near; anchored forms are read from the publication date, the best reference a
tagger without the rest of the story has. The extents and conventions were
learnt from TimeBank and AQUAINT (TempEval-3 TBAQ-cleaned).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dateline.stages.timex import days
from dateline.stages.timex.anchor import shift
from dateline.stages.timex.conventions import conventions
from dateline.stages.timex.engine import Found, scan
from dateline.stages.timex.fragments import FLAGS, words
from dateline.stages.timex.lexicon import key, lexicon
from dateline.stages.timex.model import CLOCK, DURATION
from dateline.types import DateInterval

_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_ANCHORED = re.compile(r"ANCHOR([+-])(P(T?)(\d+|X)(DE|CE|[SMHDWY]))")
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True)
class Timex3:
    """A TimeML temporal expression: ``[start, end)`` of the scanned text, type and value."""

    start: int
    end: int
    type: str  # DATE, TIME, DURATION or SET
    value: str


@dataclass(frozen=True)
class _Patterns:
    drop_leading: re.Pattern[str]
    duration_lead: re.Pattern[str]
    vague_lead: re.Pattern[str]
    count_lead: re.Pattern[str]
    date_lead: re.Pattern[str]
    part_of_day: re.Pattern[str]
    merge_gap: re.Pattern[str]
    future: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    conv = conventions()
    return _Patterns(
        drop_leading=re.compile(rf"{words(conv.extent_drop_leading)}\s+", FLAGS),
        duration_lead=re.compile(rf"{words(conv.duration_lead)}\s+$", FLAGS),
        vague_lead=re.compile(
            rf"{words(lead for lead in conv.duration_lead if ' ' in lead)}\s+$", FLAGS
        ),
        count_lead=re.compile(rf"(?:{words(lexicon().numbers)}|\b\d+)\s*(?:to|or|-|–)\s*$", FLAGS),
        date_lead=re.compile(
            rf"(?:(?:\bthe\s+)?{words(conv.extent_keep_leading)}(?:\s+|-)"
            r"|\bthe\s+(?:end|beginning|start|middle|turn|close)\s+of\s+)$",
            FLAGS,
        ),
        part_of_day=re.compile(words(conv.part_of_day_codes), FLAGS),
        merge_gap=re.compile(r"[\s,]*(?:on\s+|of\s+)?", FLAGS),
        future=re.compile(
            "|".join(rf"(?<![\w'’]){re.escape(cue)}(?![\w'’])" for cue in conv.future_cues), FLAGS
        ),
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    patterns = _patterns()
    while (found := patterns.drop_leading.match(text, start, end)) and found.end() < end:
        if _AT_LEAST.match(text, start, end):  # "at least 72 hours" keeps its hedge
            break
        start = found.end()
    if text[end - 2 : end] in _POSSESSIVE and end - 2 > start:
        end -= 2
    return start, end


def _extended(text: str, start: int, pattern: re.Pattern[str]) -> int:
    found = pattern.search(text, max(0, start - 40), start)
    return found.start() if found and found.end() == start else start


_DECADES = re.compile(r"^P(\d+|X)DE$")


def _in_years(decades: re.Match[str]) -> str:
    """TimeML counts decades in years: P2DE is written P20Y."""
    count = decades[1]
    return f"P{int(count) * 10}Y" if count.isdigit() else "PXY"


_AT_LEAST = re.compile(r"at\s+least\b", FLAGS)
_OR_SO = re.compile(r"\s+or\s+so\b", FLAGS)
_ADJECTIVE = re.compile(r"\S+-\S+$")  # "two-week", "one-year"


def _with_lead(text: str, start: int, end: int, value: str) -> int:
    """A length takes "the next" and the like ("the next two years", "the next few days"),
    and the first count of "two to three weeks"; a bare "weeks" takes no article, and an
    adjective ("the two-week strike") nothing."""
    if _ADJECTIVE.match(text, start, end):
        return start
    start = _extended(text, start, _patterns().count_lead)
    lead = _patterns().vague_lead if "X" in value else _patterns().duration_lead
    return _extended(text, start, lead)


def _with_tail(text: str, end: int) -> int:
    """ "the next two years or so": the hedge after a length belongs to it."""
    found = _OR_SO.match(text, end)
    return found.end() if found else end


def _granular_value(interval: DateInterval, unit: str) -> str:
    if unit == "W":
        return days.week_value(interval.start)
    if unit == "M":
        return days.month_value(interval.start.year, interval.start.month)
    if unit in ("Y", "DE", "CE"):
        return days.year_value(interval.start.year)
    return days.day_value(interval.start)


def _from_publication(value: str, published: dt.date | None) -> str:
    """An anchored value ("ANCHOR-P1Y") read from the publication date instead."""
    match = _ANCHORED.fullmatch(value)
    if match is None or published is None:
        return "XXXX-XX-XX"
    try:
        moved = shift(days.one_day(published), value)
    except ValueError:
        return "XXXX-XX-XX"
    return _granular_value(moved, match[5])


def _anchored(text: str, found: Found, published: dt.date | None) -> Timex3:
    value = found.resolution.value
    start, end = _trimmed(text, found.start, found.end)
    last = key(text[start:end]).rsplit(" ", 1)[-1]
    directions = lexicon().anchored_directions
    match = _ANCHORED.fullmatch(value)
    if last in directions and last != "earlier" and match is not None:
        # "two days after", "three days later": TimeML tags the length, "two days"
        end = start + len(text[start:end][: -len(last)].rstrip())
        return Timex3(_with_lead(text, start, end, match[2]), end, "DURATION", match[2])
    value = _from_publication(value, published)
    return Timex3(start, end, "DATE", _year_back_in_quarters(text, start, end, value, published))


def _part_of_day(text: str, start: int, end: int, value: str) -> str | None:
    """The TIME value of "Friday morning", "last night"; None when no part of day is named."""
    day = _DAY_VALUE.match(value)
    if day is None:
        return None
    named = list(_patterns().part_of_day.finditer(text, start, end))
    if not named:
        return None
    code = conventions().part_of_day_codes[key(named[-1].group(0))]
    return f"{day.group(0)}T{code}"


def _first_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")
    except ValueError:
        return None


def _nearer(forward: str, backward: str, published: dt.date | None) -> bool:
    """Whether a month or a day of a month read forwards lies nearer publication (TimeML)."""
    ahead, back = _first_day(forward), _first_day(backward)
    if published is None or ahead is None or back is None or (ahead - back).days <= 7:
        return False  # a weekday named alone keeps the news reading: the past one
    if len(forward) == 7:  # a month: measure from its first day and to its last
        back = days.month_end(back.year, back.month)
    soon = (ahead - published).days <= 31 * conventions().forward_months
    return soon and (ahead - published) < (published - back)


_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


_QUARTER_WORD = re.compile(r"\bquarter\b", FLAGS)
_YEAR_BACK = re.compile(r"(?:an?|one)\s+year(?:\s+|-)(?:ago|earlier)|year-(?:ago|earlier)", FLAGS)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``[start, end)``, looking at most 300 characters out."""
    before = text[max(0, start - 300) : start]
    ends = list(_SENTENCE_END.finditer(before))
    first = start - len(before) + (ends[-1].end() if ends else 0)
    after = _SENTENCE_END.search(text, end, end + 300)
    return first, after.start() if after else min(len(text), end + 300)


_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|but|while|whereas|although)\b", FLAGS)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around ``[start, end)``: between commas, "and", "but"."""
    first, last = _sentence(text, start, end)
    breaks = list(_CLAUSE_BREAK.finditer(text, first, start))
    if breaks:
        first = breaks[-1].end()
    after = end + len(text[end:last]) - len(text[end:last].lstrip(" ,"))
    following = _CLAUSE_BREAK.search(text, after, last)
    return first, following.start() if following else last


def _speaks_of_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``[start, end)`` has a future cue ("will", "upcoming")."""
    return _patterns().future.search(text, *_clause(text, start, end)) is not None


def _year_back_in_quarters(
    text: str, start: int, end: int, value: str, published: dt.date | None
) -> str:
    """ "a year ago" among quarterly figures is the same quarter a year before (1988-Q3)."""
    if published is None or not re.fullmatch(r"\d{4}", value):
        return value
    if not _YEAR_BACK.search(text, start, end):
        return value
    if not _QUARTER_WORD.search(text, *_sentence(text, start, end)):
        return value
    quarter = (published.month - 1) // 3  # the last one reported, just ended
    return f"{int(value) - (quarter == 0)}-Q{quarter or 4}"


def reading(text: str, found: Found, published: dt.date | None) -> Timex3:
    """The TIMEX3 reading of one expression the scanner found in ``text``."""
    resolution = found.resolution
    if resolution.anchor_relative:
        return _anchored(text, found, published)
    start, end = _trimmed(text, found.start, found.end)
    kind = resolution.timex_type or ("DURATION" if resolution.kind == DURATION else "DATE")
    value = resolution.timex_value or resolution.value
    if resolution.forward_value and (
        _speaks_of_future(text, start, end) or _nearer(resolution.forward_value, value, published)
    ):
        value = resolution.forward_value
    if kind == "DURATION":
        start = _with_lead(text, start, end, value)
        end = _with_tail(text, end)
        value = _DECADES.sub(_in_years, value)
        return Timex3(start, end, kind, value)
    if kind == "DATE":
        start = _extended(text, start, _patterns().date_lead)
        timed = _part_of_day(text, start, end, value)
        if timed is not None:
            return Timex3(start, end, "TIME", timed)
        if "/" in value:  # a span of days: TimeML names where it starts
            value = value.split("/", 1)[0]
        value = _year_back_in_quarters(text, start, end, value, published)
    return Timex3(start, end, kind, value)


def _merge_clocks(text: str, readings: list[tuple[Found, Timex3]]) -> list[Timex3]:
    """ "10 p.m. Wednesday", "5 p.m. EST, Nov. 9": a clock time and its day are one TIME."""
    merged: list[Timex3] = []
    index = 0
    while index < len(readings):
        found, timex = readings[index]
        following = readings[index + 1][1] if index + 1 < len(readings) else None
        if (
            found.resolution.kind == CLOCK
            and following is not None
            and _DAY_VALUE.match(following.value)
            and _patterns().merge_gap.fullmatch(text, timex.end, following.start)
        ):
            clock = timex.value[timex.value.index("T") :]
            merged.append(Timex3(timex.start, following.end, "TIME", following.value[:10] + clock))
            index += 2
            continue
        merged.append(timex)
        index += 1
    return merged


# TimeML tags the two ends of "between 1994 and 1997" or "from Monday to Wednesday" apart
RANGES = frozenset(
    {
        "day range",
        "month day range",
        "day range across months",
        "month day range across months",
        "month range",
        "year range",
        "weekday range",
    }
)


def annotate(text: str, published: dt.date | None) -> list[Timex3]:
    """The TIMEX3 expressions of ``text``, read against the publication date."""
    readings: list[tuple[Found, Timex3]] = []
    for found in scan(text, published, without=RANGES):
        timex = reading(text, found, published)
        if readings and readings[-1][1].end > timex.start:
            # a lead took in the expression before ("the year-earlier nine months"): keep one
            if timex.start > readings[-1][1].start:
                continue
            readings.pop()
        readings.append((found, timex))
    return _merge_clocks(text, readings)
