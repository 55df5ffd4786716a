"""Expressions TimeML tags that never date an event: "now", "weekly", "10 a.m.", "the quarter".

They carry their TIMEX3 reading so the tagger scores by TimeML conventions, and
kinds (reference, set, time, mention) that the event stage does not use for dating.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.stages.timex import days
from dateline.stages.timex.conventions import conventions
from dateline.stages.timex.fragments import DASH, Fragments, compile_pattern, names, words
from dateline.stages.timex.lexicon import key
from dateline.stages.timex.model import (
    CLOCK,
    DATE,
    MENTION,
    REFERENCE,
    SET,
    NotExpression,
    Resolution,
    Rule,
)
from dateline.stages.timex.periods import YEAR_WORD
from dateline.types import DateInterval, Granularity

_YEAR = rf"(?<![\w$£€.,/'’-])(?:{YEAR_WORD})(?![\w%]|[.,]\d|\s*(?:percent|per\s*cent)\b)"


_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    *("ten", "eleven", "twelve", "thirteen", "fourteen"),
    *("fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = {
    **{word: n for n, word in enumerate(_UNITS, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    **{word: 10 * n for n, word in enumerate(_TENS, 2)},
}
_UNDER_TEN = "|".join(_UNITS)
_UNDER_HUNDRED = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{_UNDER_TEN}))?|{'|'.join(_TEENS)}|{_UNDER_TEN})"
)
_UNKNOWN_PERIOD = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}


def _spelled(century: str, rest: str | None) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand one" -> 2001."""
    head = key(century)
    year = 2000 if head == "two thousand" else 100 * _NUMBER_WORDS[head]
    if rest:
        tens, _, unit = key(rest).replace("-", " ").partition(" ")
        year += _NUMBER_WORDS[tens] + (_NUMBER_WORDS[unit] if unit else 0)
    return year


def quarter_interval(year: int, quarter: int) -> DateInterval:
    first = 3 * quarter - 2
    start = days.day(year, first, 1)
    return DateInterval(start, days.month_end(year, first + 2), Granularity.RANGE)


def quarter_of(published: dt.date) -> int:
    return (published.month - 1) // 3 + 1


def clock_value(hour: int, minute: int, meridiem: str) -> str:
    """ "5 p.m." -> T17:00; a 24-hour time keeps its hour."""
    marker = meridiem.lower().replace(".", "").strip()
    if marker and not 1 <= hour <= 12:
        raise NotExpression(f"{hour} {meridiem}")
    if marker == "pm" and hour != 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        raise NotExpression(f"{hour}:{minute}")
    return f"T{hour:02d}:{minute:02d}"


def holiday(rule: tuple[int, ...], year: int) -> dt.date:
    """The day of a holiday in ``year``: a fixed day, or the nth weekday of its month."""
    if len(rule) == 2:
        return days.day(year, rule[0], rule[1])
    month, weekday, nth = rule
    if nth == 0:  # US Election Day: the Tuesday after the first Monday
        return days.weekday_after(days.day(year, month, 1), weekday)
    if nth < 0:
        return days.weekday_on_or_before(days.month_end(year, month), weekday)
    first = days.add_days(days.day(year, month, 1), -1)
    return days.add_days(days.weekday_after(first, weekday), 7 * (nth - 1))


def rules(frag: Fragments) -> list[Rule]:
    conv = conventions()
    nouns = words(conv.reference_nouns)
    latest = words(conv.latest_words)

    def reference(m: re.Match[str], published: dt.date | None) -> Resolution:
        word = key(m["w"])
        if word in conv.reference_needs_noun and m["noun"] is None:
            raise NotExpression(m.group(0))
        value = conv.references[word]
        return Resolution(REFERENCE, value, timex_type="DATE", timex_value=value)

    def bare_year(m: re.Match[str], published: dt.date | None) -> Resolution:
        year = int(m["y"])
        return Resolution(MENTION, days.year_value(year), days.whole_year(year), timex_type="DATE")

    def quarter(m: re.Match[str], published: dt.date | None) -> Resolution:
        mods = key(m["mods"] or "")
        ordinal = conv.quarter_ordinals.get(key(m["ord"] or ""))
        if ordinal is None and not (m.groupdict().get("the") or mods):
            raise NotExpression(m.group(0))
        written = m["y"] or m.groupdict().get("y2")
        back_a_year = bool(re.search(r"year[\s-](?:earlier|ago)|last year", mods))
        if written:
            year, number = int(written), ordinal
        elif published is None:
            return Resolution(MENTION, f"XXXX-Q{ordinal or 'X'}", timex_type="DATE")
        else:
            current = quarter_of(published)
            if ordinal is not None:
                number = ordinal
                year = published.year - (ordinal > current + 1)
            elif re.search(r"\b(?:current|this)\b", mods):
                number, year = current, published.year
            else:  # "the quarter", "the latest quarter": the last one reported, just ended
                number, year = (
                    (current - 1, published.year) if current > 1 else (4, published.year - 1)
                )
        year -= back_a_year
        if number is None:
            return Resolution(
                MENTION, days.year_value(year), timex_type="DATE", timex_value=f"{year:04d}-QX"
            )
        value = f"{year:04d}-Q{number}"
        kind = DATE if ordinal is not None else MENTION
        return Resolution(kind, value, quarter_interval(year, number), timex_type="DATE")

    def year_before(m: re.Match[str], published: dt.date | None) -> Resolution:
        if published is None:
            return Resolution(MENTION, "XXXX", timex_type="DATE")
        year = published.year - 1
        return Resolution(MENTION, days.year_value(year), days.whole_year(year), timex_type="DATE")

    def named_day(m: re.Match[str], published: dt.date | None) -> Resolution:
        rule = holidays[key(m["h"])]
        if m["y"]:
            date = holiday(rule, int(m["y"]))
        elif published is None:
            return Resolution(MENTION, "XXXX-XX-XX", timex_type="DATE")
        else:
            date = holiday(rule, published.year)
            if date > published:
                date = holiday(rule, published.year - 1)
        return Resolution(MENTION, days.day_value(date), days.one_day(date), timex_type="DATE")

    def century(m: re.Match[str], published: dt.date | None) -> Resolution:
        written = m["n"] or m["n2"]
        if written:
            number = int(written) if written.isdigit() else frag.lex.ordinals[key(written)]
        elif published is None:
            return Resolution(MENTION, "XX", timex_type="DATE")
        else:
            number = published.year // 100 + 1
        if not 1 <= number <= 99:
            raise NotExpression(m.group(0))
        return Resolution(MENTION, f"{number - 1:02d}", timex_type="DATE")

    def decade_word(m: re.Match[str], published: dt.date | None) -> Resolution:
        return Resolution(MENTION, f"19{conv.decade_words[key(m['d'])]}", timex_type="DATE")

    def ahead(m: re.Match[str], published: dt.date | None) -> Resolution:
        value = days.duration_value(None, frag.lex.unit(m["u"] or m["u2"]))
        return Resolution(MENTION, value, timex_type="DURATION", timex_value=value)

    def this_period(m: re.Match[str], published: dt.date | None) -> Resolution:
        unit = key(m["u"] or "year")
        if m.groupdict().get("ended") is not None:  # "the year ended June 30": a length
            length = days.duration_value(1, frag.lex.unit(unit))
            return Resolution(MENTION, length, timex_type="DURATION", timex_value=length)
        if published is None:
            return Resolution(MENTION, _UNKNOWN_PERIOD[unit], timex_type="DATE")
        if unit == "week":
            value = days.week_value(published)
        elif unit == "month":
            value = days.month_value(published.year, published.month)
        else:
            value = days.year_value(published.year)
        return Resolution(MENTION, value, timex_type="DATE")

    def one_unit(m: re.Match[str], published: dt.date | None) -> Resolution:
        value = days.duration_value(1, frag.lex.unit(m["u"]))
        return Resolution(MENTION, value, timex_type="DURATION", timex_value=value)

    def repeated(m: re.Match[str], published: dt.date | None) -> Resolution:
        word = key(m["w"])
        if word in conv.set_needs_count and m["count"] is None:
            raise NotExpression(m.group(0))
        value = conv.sets[word]
        return Resolution(SET, value, timex_type="SET")

    def every_weekday(m: re.Match[str], published: dt.date | None) -> Resolution:
        number = frag.lex.weekdays[key(m["w"] or m["w2"])]
        value = f"XXXX-WXX-{number}"
        if m["pod"]:
            code = conv.part_of_day_codes.get(key(m["pod"]).rstrip("s"), "")
            value += f"T{code}" if code and code[0].isalpha() else ""
        return Resolution(SET, value, timex_type="SET")

    def clock(m: re.Match[str], published: dt.date | None) -> Resolution:
        if m["noon"]:
            time = "T24:00" if key(m["noon"]) == "midnight" else "T12:00"
        elif m["h24"]:
            time = clock_value(int(m["h24"]), int(m["m24"]), "")
        elif m["h12"]:  # "4 in the morning", "9 in the evening"
            hour = int(m["h12"])
            morning = key(m["half"]) == "morning" or (key(m["half"]) == "night" and hour < 6)
            time = clock_value(hour, 0, "am" if morning else "pm")
        else:
            time = clock_value(int(m["h"]), int(m["min"] or 0), m["ampm"] or "")
        day = days.day_value(published) if published else "XXXX-XX-XX"
        return Resolution(CLOCK, day + time, timex_type="TIME")

    def spelled_year(m: re.Match[str], published: dt.date | None) -> Resolution:
        if m["c2"] and not (m["r2"] or m["the"] or m["mon"]):
            raise NotExpression(m.group(0))  # "two thousand" alone is a number
        year = _spelled(m["c"] or m["c2"], m["r"] or m["r2"])
        if m["mon"]:
            month = frag.lex.month(m["mon"])
            value = days.month_value(year, month)
            return Resolution(MENTION, value, days.whole_month(year, month), timex_type="DATE")
        return Resolution(MENTION, days.year_value(year), days.whole_year(year), timex_type="DATE")

    holidays = {key(name): rule for name, rule in conv.holidays.items()}
    holiday_names = "|".join(re.escape(h) for h in sorted(conv.holidays, key=len, reverse=True))
    weekday_names = names(frag.lex.weekdays)
    zones = words(conv.time_zones)
    count = r"(?:(?P<count>[\d,.]+\s*(?:%|percent|dollars|cents|[a-z]+)?|twice|times|once)\s+)?"
    table = [
        (
            "reference",
            rf"(?P<w>{words(conv.references)})(?:(?=\s+(?:fiscal\s+)?(?P<noun>{nouns}))|(?![\w-]))",
            reference,
        ),
        ("bare year", rf"(?:\bfiscal\s+(?:year\s+)?)?(?P<y>{_YEAR})", bare_year),
        (
            "quarter",
            rf"(?:(?P<the>\bthe)\s+)?"
            rf"(?P<mods>(?:(?:current|this|{latest}|comparable|same|fiscal|"
            rf"year{DASH}?(?:earlier|ago)|last\s+year['’]s|this\s+year['’]s|(?P<y>{_YEAR}))"
            rf"(?:\s+|{DASH}))*)"
            rf"(?:\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+)?"
            rf"(?:fiscal\s+)?\bquarter(?!s|{DASH})\b"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?:the\s+year\s+)?(?P<y2>{_YEAR}))?",
            quarter,
        ),
        (
            # "third-quarter profit": an adjective, without its article
            "quarter adjective",
            rf"(?P<mods>(?:(?P<y>{_YEAR})\s+)?)"
            rf"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th){DASH}quarter\b",
            quarter,
        ),
        (
            "year before",
            rf"\bthe\s+(?:comparable\s+)?year{DASH}?(?:earlier|ago)\s+period\b"
            rf"|\byear{DASH}(?:earlier|ago)\b",
            year_before,
        ),
        (
            "holiday",
            rf"(?-i:\b(?P<h>{holiday_names}))"
            rf"(?![\w'’])(?:,?\s+(?P<y>{_YEAR}))?",
            named_day,
        ),
        (
            "century",
            rf"(?:\bthe\s+(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<n2>{words(frag.lex.ordinals)}))"
            rf"|\bthis)\s+century\b",
            century,
        ),
        ("decade word", rf"\bthe\s+(?P<d>{words(conv.decade_words)})", decade_word),
        (
            "ahead",
            r"(?:\bthe\s+)?\bcoming\s+(?P<u>days|weeks|months|years|decades)\b"
            r"|\bthe\s+(?P<u2>days|weeks|months|years)\s+ahead\b",
            ahead,
        ),
        (
            "the year",
            r"\bthe\s+(?:(?:full|whole|entire|calendar|current)\s+)?(?P<u>year|month|week)\b"
            r"(?!\s*[\d'’-])(?P<ended>(?=\s+(?:ended|ending)\b))?",
            this_period,
        ),
        ("year end", rf"\byear{DASH}?\s*end\b(?P<u>)", this_period),
        (
            "spelled year",
            rf"(?:(?P<the>\bthe\s+year\s+)|{frag.month('mon', abbreviated=False)}\s+)?"
            rf"(?:\b(?P<c>nineteen|eighteen)\s+(?P<r>{_UNDER_HUNDRED})"
            rf"|\b(?P<c2>two\s+thousand)(?:(?:\s+and)?\s+(?P<r2>{_UNDER_TEN}))?)\b"
            rf"(?![\s-]+(?:hundred|thousand|million|billion|{_UNDER_HUNDRED})\b)",
            spelled_year,
        ),
        ("set", rf"{count}(?P<e>(?P<w>{words(conv.sets)}))(?![\w-])", repeated),
        (
            # "a decade of war": a length; the event stage has no use for it ("$5 a day" is a rate)
            "one unit",
            rf"\b(?:an?|one)\s+(?P<u>{words(u for u in frag.lex.units if not u.endswith('s'))})"
            rf"(?![\w-])",
            one_unit,
        ),
        (
            "every weekday",
            rf"(?:\b(?:every|each)\s+(?P<w>{weekday_names})(?![^\W\d_])"
            rf"|(?P<w2>{weekday_names})s\b)"
            rf"(?:\s+(?P<pod>mornings?|afternoons?|evenings?|nights?))?",
            every_weekday,
        ),
        (
            "clock",
            rf"(?:(?<![\d.:,$])(?P<h>\d{{1,2}})(?:[:.](?P<min>\d\d))?\s*"
            rf"(?P<ampm>[ap]\.?m\b\.?)"
            rf"|(?<![\d.:,$])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d|[.:,]\d)"
            rf"|\b(?P<noon>noon|midnight|midday)\b"
            rf"|(?<![\d.:,$])(?P<h12>1[0-2]|0?[1-9])(?:\s+o['’]clock)?\s+in\s+the\s+"
            rf"(?P<half>morning|afternoon|evening|night)\b)"
            rf"(?:\s+(?:{zones}|\({zones}\)))?",
            clock,
        ),
    ]
    return [Rule(name, compile_pattern(source), resolve) for name, source, resolve in table]
