"""Properties of the time matcher over arbitrary text and any publication date."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.stages.time import find_expressions, resolve_relative, shift, timex3
from dateline.stages.timex import scan
from dateline.types import DateInterval, Granularity

EDGE_DATES = [
    dt.date.min,
    dt.date.max,
    dt.date(1, 1, 7),
    dt.date(1, 2, 28),
    dt.date(9999, 12, 1),
    dt.date(9999, 12, 25),
    dt.date(9998, 12, 31),
    dt.date(2012, 12, 31),
    dt.date(2013, 1, 1),
    dt.date(2016, 2, 29),
]
publication_dates = st.one_of(st.none(), st.dates(), st.sampled_from(EDGE_DATES))

# words that make the rules fire, mixed with numbers at and beyond the calendar's edges
WORDS = """
on in the of last next this coming past early late mid between from to and - – , . ago
now currently recently future will daily weekly every each a.m. p.m. 10 5:30 noon EST
quarter third-quarter fiscal year-earlier Tuesdays
later earlier before after for over long old aged a an few several two twenty-one thirty
st th 29th 31st 0 1 12 13 29 30 31 32 99 0001 1000 1999 2000 2013 2199 9999 10000 999999
1,000 7/4/2013 2/30/2013 13/13/13 2013-02-29 9999-12-31 0000-01-01 January February
March May June December Sept. Monday Sunday Saturday night morning day days week weeks
weekend month months year years hours decade centuries fortnight summer winter fall
spring yesterday today tomorrow overnight previous following same that 1990s 's end
beginning first quarter half twenty-ninth thirty-first USA Today Good Friday
"""
VOCABULARY = WORDS.split()
composed = st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join)


def check(text: str, published: dt.date | None) -> None:
    found = find_expressions(text, published, offset=5, sentence=3)
    previous_end = 5
    for expression in found:
        assert expression.span.start >= previous_end  # ordered, no overlaps
        previous_end = expression.span.end
        assert text[expression.span.start - 5 : expression.span.end - 5] == expression.text
        assert expression.text == expression.text.strip() != ""
        assert expression.sentence == 3
        assert expression.kind in ("date", "duration")
        if expression.kind == "duration":
            assert expression.interval is None
            assert expression.value.startswith("P")
        if expression.anchor_relative:
            assert expression.interval is None
            assert expression.value.startswith("ANCHOR")
        if expression.interval is not None:
            assert expression.interval.start <= expression.interval.end
            if published is None:  # only a written year can place it
                assert re.search(r"\d\d", expression.text)


@settings(max_examples=300)
@given(st.text(max_size=200), publication_dates)
def test_any_text_gives_a_list(text: str, published: dt.date | None) -> None:
    check(text, published)


@settings(max_examples=1500)
@given(composed, publication_dates)
def test_time_words_in_any_order_at_any_date(text: str, published: dt.date | None) -> None:
    check(text, published)
    scan(text, published, strict=True)  # no rule fails other than by naming no real date


@given(composed)
def test_relative_forms_need_a_publication_date(text: str) -> None:
    for expression in find_expressions(text, None):
        assert expression.interval is None or re.search(r"\d\d", expression.text)


intervals = st.tuples(st.dates(), st.dates()).map(
    lambda pair: DateInterval(min(pair), max(pair), Granularity.RANGE)
)
anchor_values = st.builds(
    lambda sign, amount, unit: f"ANCHOR{sign}{unit[0]}{amount}{unit[1]}",
    st.sampled_from("+-"),
    st.one_of(st.integers(0, 10**6).map(str), st.just("X")),
    st.sampled_from([("P", "D"), ("P", "W"), ("P", "M"), ("P", "Y"), ("P", "DE"), ("PT", "H")]),
)


@given(intervals, anchor_values)
def test_shift_never_leaves_the_calendar(interval: DateInterval, value: str) -> None:
    moved = shift(interval, value)
    assert moved.start <= moved.end
    if "+" in value:
        assert moved.start >= interval.start
    else:
        assert moved.end <= interval.end


TIMEX3_VALUE = re.compile(
    r"(?:\d{3,4}|X{4}|\d{5})(?:-(?:\d\d|XX|W\d\d|WXX|Q[1-4X]|H[12]|SP|SU|FA|WI))*"
    r"(?:-(?:\d\d|\d|WE))?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?"
    r"|P(?:T?(?:\d+|X)[A-Z]{1,2})|(?:PRESENT|PAST|FUTURE)_REF|XXXX-WXX-\d(?:T(?:MO|AF|EV|NI))?"
)


@settings(max_examples=1000)
@given(composed, publication_dates)
def test_timeml_readings_are_well_formed(text: str, published: dt.date | None) -> None:
    previous_end = 0
    for timex in timex3(text, published):
        assert previous_end <= timex.start < timex.end <= len(text)
        previous_end = timex.end
        assert text[timex.start : timex.end].strip() == text[timex.start : timex.end]
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert TIMEX3_VALUE.fullmatch(timex.value), timex


@settings(max_examples=300)
@given(st.text(max_size=200), publication_dates)
def test_timeml_reading_of_any_text_never_raises(text: str, published: dt.date | None) -> None:
    for timex in timex3(text, published):
        assert 0 <= timex.start < timex.end <= len(text)


@settings(max_examples=500)
@given(st.one_of(composed, st.text(max_size=80)), publication_dates)
def test_resolved_phrases_never_end_before_they_start(text: str, published: dt.date | None) -> None:
    interval = resolve_relative(text, published)
    assert interval is None or interval.start <= interval.end
    for expression in find_expressions(text, published):
        if expression.interval is not None:
            assert expression.interval.start <= expression.interval.end


@settings(max_examples=800)
@given(st.one_of(composed, st.text(max_size=120)), publication_dates)
def test_trigger_words_only_skip_rules_that_cannot_match(
    text: str, published: dt.date | None
) -> None:
    assert scan(text, published) == scan(text, published, exhaustive=True)
