"""The TimeML (TIMEX3) reading of the time tagger: extents, types and values."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.stages.time import find_expressions, timex3

# a Wednesday
P = dt.date(2013, 7, 31)


def read(text: str, published: dt.date | None = P) -> list[tuple[str, str, str]]:
    return [(text[t.start : t.end], t.type, t.value) for t in timex3(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # prepositions stay outside the extent; the value is the news reading
        ("Rebels attacked on Monday.", ("Monday", "DATE", "2013-07-29")),
        ("Talks collapsed in June.", ("June", "DATE", "2013-06")),
        ("The army left in 2012.", ("2012", "DATE", "2012")),
        ("Prices rose last week.", ("last week", "DATE", "2013-W30")),
        ("It happened last year's spring.", ("last year", "DATE", "2012")),
        ("They met this summer.", ("this summer", "DATE", "2013-SU")),
        ("He was jailed in the 1990s.", ("the 1990s", "DATE", "199")),
        (
            "Sales fell in the first quarter of 2012.",
            ("the first quarter of 2012", "DATE", "2012-Q1"),
        ),
        ("Third-quarter profit rose.", ("Third-quarter", "DATE", "2013-Q3")),
        ("Profit rose in the quarter.", ("the quarter", "DATE", "2013-Q2")),
        ("It is calm now.", ("now", "DATE", "PRESENT_REF")),
        ("Fighting flared recently.", ("recently", "DATE", "PAST_REF")),
        ("He fought for two days.", ("two days", "DURATION", "P2D")),
        ("Prices doubled over the past two months.", ("the past two months", "DURATION", "P2M")),
        ("It is due within the next three years.", ("the next three years", "DURATION", "P3Y")),
        ("The war lasted two decades.", ("two decades", "DURATION", "P20Y")),
        ("He stayed for years.", ("years", "DURATION", "PXY")),
        ("They returned three days later.", ("three days", "DURATION", "P3D")),
        ("Shelling resumed Friday morning.", ("Friday morning", "TIME", "2013-07-26TMO")),
        ("Shots rang out last night.", ("last night", "TIME", "2013-07-30TNI")),
        ("The vote closed at 10 p.m. Tuesday.", ("10 p.m. Tuesday", "TIME", "2013-07-30T22:00")),
        ("The paper appears weekly.", ("weekly", "SET", "P1W")),
        ("They meet every Thursday.", ("every Thursday", "SET", "XXXX-WXX-4")),
        ("Gas costs $5 a day.", ("a day", "SET", "P1D")),
    ],
)
def test_timeml_reading(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in read(text)


def test_future_tense_reads_a_bare_day_forwards() -> None:
    # the news reading (latest Monday) stays for events; TimeML resolves by tense
    assert read("The court will rule on Monday.") == [("Monday", "DATE", "2013-08-05")]
    assert read("The court ruled on Monday.") == [("Monday", "DATE", "2013-07-29")]
    assert read("Elections will be held in December.") == [("December", "DATE", "2013-12")]
    future = find_expressions("The court will rule on Monday.", P)
    assert future[0].interval is not None and future[0].interval.start == dt.date(2013, 7, 29)


def test_a_weekend_in_a_future_clause_is_the_coming_one() -> None:
    friday = dt.date(2013, 3, 22)
    assert read("They will meet this weekend.", friday) == [("this weekend", "DATE", "2013-W12-WE")]
    assert read("They met over the weekend.", friday) == [("the weekend", "DATE", "2013-W11-WE")]


def test_a_quarter_named_early_in_the_year_is_last_years() -> None:
    assert read("Fourth-quarter profit rose.", dt.date(2013, 2, 10)) == [
        ("Fourth-quarter", "DATE", "2012-Q4")
    ]


def test_a_year_ago_among_quarterly_figures_is_that_quarter() -> None:
    text = "Third-quarter profit rose 5% from a year ago."
    assert ("a year ago", "DATE", "2012-Q2") in read(text)
    assert read("He was elected a year ago.") == [("a year ago", "DATE", "2012")]


def test_without_a_publication_date_relative_values_are_unknown() -> None:
    assert read("Rebels attacked on Monday and in June 2012.", None) == [
        ("Monday", "DATE", "XXXX-WXX-1"),
        ("June 2012", "DATE", "2012-06"),
    ]


@pytest.mark.parametrize(
    "text",
    ["some 150 soldiers and 2012 civilians", "troops recently pulled out", "twice a day"],
)
def test_timeml_only_expressions_do_not_reach_event_dating(text: str) -> None:
    assert read(text) != []
    assert find_expressions(text, P) == []


@pytest.mark.parametrize(
    "text",
    [
        "a 25-year-old man was shot",
        "the victim, aged 30, was a teacher",
        "Theresa May spoke",
        "a quarter of the vote",
        "the French Quarter",
        "scores rose 3.5 percent",
        "he won 1,998 votes in 20001 districts",
    ],
)
def test_not_timeml_expressions(text: str) -> None:
    found = read(text)
    assert all(not value.startswith(("1998", "2000")) for _, _, value in found)
    assert [t for t in found if t[0].lower().startswith(("quarter", "the french", "may"))] == []
    assert not any(t[1] == "DURATION" and "year" in t[0] for t in found if "old" in text)
