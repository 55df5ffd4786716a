"""The time stage on plain strings, with a publication date of Monday 29 July 2013."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.stages.time import find_expressions, resolve_relative
from dateline.types import Granularity, TimeExpression

P = dt.date(2013, 7, 29)  # a Monday


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def only(text: str, published: dt.date | None = P) -> TimeExpression:
    found = find_expressions(text, published)
    assert len(found) == 1, found
    return found[0]


def days_of(text: str, published: dt.date | None = P) -> tuple[str, str]:
    interval = only(text, published).interval
    assert interval is not None
    return interval.start.isoformat(), interval.end.isoformat()


@pytest.mark.parametrize(
    ("sentence", "expression", "start", "end"),
    [
        ("Troops entered the town on Monday.", "on Monday", "2013-07-29", "2013-07-29"),
        ("Rebels seized the base last week.", "last week", "2013-07-22", "2013-07-28"),
        ("The army took the town in June.", "in June", "2013-06-01", "2013-06-30"),
        ("It fell in March 2012 after a siege.", "in March 2012", "2012-03-01", "2012-03-31"),
        ("Police fired on Saturday night.", "on Saturday night", "2013-07-27", "2013-07-27"),
        ("Clashes broke out yesterday.", "yesterday", "2013-07-28", "2013-07-28"),
        ("Voting ran between 5 and 7 May.", "between 5 and 7 May", "2013-05-05", "2013-05-07"),
        ("The report is dated 7/4/2013.", "7/4/2013", "2013-07-04", "2013-07-04"),
        ("Talks ended on 29 July 2013.", "on 29 July 2013", "2013-07-29", "2013-07-29"),
        ("Talks ended on July 28, 2013.", "on July 28, 2013", "2013-07-28", "2013-07-28"),
        ("A bomb went off on July 20.", "on July 20", "2013-07-20", "2013-07-20"),
        ("A file stamped 2013-07-02 leaked.", "2013-07-02", "2013-07-02", "2013-07-02"),
        ("Shelling resumed on the 14th.", "on the 14th", "2013-07-14", "2013-07-14"),
        ("Since mid-June the road is shut.", "mid-June", "2013-06-11", "2013-06-20"),
        ("They arrived in early June.", "in early June", "2013-06-01", "2013-06-10"),
        ("They left in late June.", "in late June", "2013-06-21", "2013-06-30"),
        ("Strikes were held June 5-7.", "June 5-7", "2013-06-05", "2013-06-07"),
        (
            "Marches ran from Monday to Wednesday.",
            "from Monday to Wednesday",
            "2013-07-22",
            "2013-07-24",
        ),
        ("The vote is next Monday.", "next Monday", "2013-08-05", "2013-08-05"),
        ("Guards left last Monday.", "last Monday", "2013-07-22", "2013-07-22"),
        ("Gunmen attacked early on Sunday.", "early on Sunday", "2013-07-28", "2013-07-28"),
        ("A mine exploded two days ago.", "two days ago", "2013-07-27", "2013-07-27"),
        ("It began 3 weeks ago.", "3 weeks ago", "2013-07-07", "2013-07-09"),
        ("It began a week ago.", "a week ago", "2013-07-21", "2013-07-23"),
        ("The siege began a month ago.", "a month ago", "2013-06-24", "2013-07-04"),
        ("Six people died this week.", "this week", "2013-07-29", "2013-07-29"),
        ("Riots started earlier this month.", "earlier this month", "2013-07-01", "2013-07-29"),
        ("The truce collapsed last month.", "last month", "2013-06-01", "2013-06-30"),
        ("Elections were held last year.", "last year", "2012-01-01", "2012-12-31"),
        ("Prices rose this year.", "this year", "2013-01-01", "2013-07-29"),
        ("Crops failed this summer.", "this summer", "2013-06-01", "2013-08-31"),
        ("Floods hit last winter.", "last winter", "2012-12-01", "2013-02-28"),
        ("Sirens sounded tonight.", "tonight", "2013-07-29", "2013-07-29"),
        ("Shells fell overnight.", "overnight", "2013-07-28", "2013-07-29"),
        ("Towns were taken in 2012.", "in 2012", "2012-01-01", "2012-12-31"),
        ("A sit-in over the past two days.", "over the past two days", "2013-07-27", "2013-07-29"),
        (
            "Curfews ran 28 December to 3 January.",
            "28 December to 3 January",
            "2012-12-28",
            "2013-01-03",
        ),
    ],
)
def test_resolved_dates(sentence: str, expression: str, start: str, end: str) -> None:
    found = [e for e in find_expressions(sentence, P) if e.kind == "date"]
    assert [e.text for e in found] == [expression]
    assert found[0].interval is not None
    assert (found[0].interval.start, found[0].interval.end) == (d(start), d(end))


@pytest.mark.parametrize(
    ("text", "granularity", "value"),
    [
        ("on Monday", Granularity.DAY, "2013-07-29"),
        ("last week", Granularity.WEEK, "2013-W30"),
        ("in June", Granularity.MONTH, "2013-06"),
        ("this summer", Granularity.SEASON, "2013-SU"),
        ("in 2012", Granularity.YEAR, "2012"),
        ("a month ago", Granularity.RANGE, "2013-06"),
        ("between 5 and 7 May", Granularity.RANGE, "2013-05-05/2013-05-07"),
    ],
)
def test_granularity_and_timex_value(text: str, granularity: Granularity, value: str) -> None:
    expression = only(text)
    assert expression.interval is not None
    assert expression.interval.granularity is granularity
    assert expression.value == value


def test_a_weekday_on_the_publication_day_is_that_day() -> None:
    assert days_of("Monday") == ("2013-07-29", "2013-07-29")
    assert days_of("Sunday") == ("2013-07-28", "2013-07-28")
    assert days_of("Tuesday") == ("2013-07-23", "2013-07-23")


def test_month_and_day_without_year_follow_news_conventions() -> None:
    assert days_of("in August") == ("2012-08-01", "2012-08-31")  # the latest August begun
    assert days_of("on August 10") == ("2013-08-10", "2013-08-10")  # within a month ahead
    assert days_of("on September 10") == ("2012-09-10", "2012-09-10")
    assert days_of("on the 30th") == ("2013-06-30", "2013-06-30")  # after P: the month before
    assert days_of("in December", dt.date(2014, 1, 3)) == ("2013-12-01", "2013-12-31")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("after a relentless one-month offensive", "one-month", "P1M"),
        ("a month-long siege", "a month-long", "P1M"),
        ("they fought for two days", "for two days", "P2D"),
        ("three years of war", "three years", "P3Y"),
        ("after months of fighting", "after months", "PXM"),
        ("the second such win in two months", "in two months", "P2M"),
        ("a curfew of 48 hours", "48 hours", "PT48H"),
    ],
)
def test_durations_are_never_dates(text: str, expression: str, value: str) -> None:
    found = only(text)
    assert (found.text, found.kind, found.value) == (expression, "duration", value)
    assert found.interval is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two days after the raid", "ANCHOR+P2D"),
        ("two days later", "ANCHOR+P2D"),
        ("a week earlier", "ANCHOR-P1W"),
        ("the previous day", "ANCHOR-P1D"),
        ("the day before", "ANCHOR-P1D"),
        ("the next day", "ANCHOR+P1D"),
        ("days later", "ANCHOR+PXD"),
    ],
)
def test_anchored_expressions_wait_for_an_event(text: str, value: str) -> None:
    found = only(text)
    assert found.anchor_relative
    assert (found.kind, found.value, found.interval) == ("date", value, None)


@pytest.mark.parametrize(
    "text",
    [
        "a 25-year-old man was shot",
        "the victim, aged 30, was a teacher",
        "a three-year-old girl",
        "he is 40 years old",
        "troops recently pulled out",
        "as reported earlier",
        "the army may withdraw",
        "a protest march on the capital",
        "Theresa May spoke",
        "the fall of the city",
        "they patrol twice a day",
        "on the 5th floor",
        "the Sunday Times reported",
        "some 150 soldiers and 2012 civilians",
        "USA Today reported",
        "shops opened for Good Friday",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert find_expressions(text, P) == []


def test_ordinal_words_and_weekday_names_before_dates() -> None:
    assert days_of("on the first of May") == ("2013-05-01", "2013-05-01")
    assert days_of("the twenty-ninth of July 2012") == ("2012-07-29", "2012-07-29")
    assert days_of("Monday, July 22") == ("2013-07-22", "2013-07-22")


def test_longest_match_wins_and_nothing_overlaps() -> None:
    found = find_expressions("On Friday, 21 June 2013 and then two days later, calm.", P)
    assert [e.text for e in found] == ["On Friday, 21 June 2013", "two days later"]
    assert found[0].value == "2013-06-21"


def test_without_a_publication_date_only_absolute_forms_resolve() -> None:
    assert days_of("on 29 July 2013", None) == ("2013-07-29", "2013-07-29")
    assert days_of("March 2012", None) == ("2012-03-01", "2012-03-31")
    for text, value in [
        ("on Monday", "XXXX-WXX-1"),
        ("last week", "XXXX-WXX"),
        ("in June", "XXXX-06"),
        ("July 29", "XXXX-07-29"),
        ("yesterday", "XXXX-XX-XX"),
    ]:
        expression = only(text, None)
        assert (expression.value, expression.interval) == (value, None)


def test_offsets_and_sentence_index_are_passed_through() -> None:
    found = find_expressions("It ended on Monday.", P, offset=100, sentence=7)
    assert (found[0].span.start, found[0].span.end, found[0].sentence) == (109, 118, 7)


def test_resolve_relative_takes_whole_phrases_only() -> None:
    interval = resolve_relative(" last week ", P)
    assert interval is not None
    assert (interval.start, interval.end) == (d("2013-07-22"), d("2013-07-28"))
    assert resolve_relative("clashes last week", P) is None
    assert resolve_relative("for two days", P) is None


def test_a_datetime_publication_date_is_treated_as_its_day() -> None:
    found = find_expressions("on Monday", dt.datetime(2013, 7, 29, 23, 59))
    assert found[0].interval is not None
    assert found[0].interval.start == P
