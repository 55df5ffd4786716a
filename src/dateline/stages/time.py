"""The time stage: temporal expressions of each sentence, resolved against the publication date.

Matching works on raw sentence text with patterns built from
``resources/time_words.json``, so it needs no tokens and runs on plain strings.
News conventions decide relative forms: a weekday named alone is the latest one
on or before publication, "last week" is the calendar week before, "a month ago"
is a fuzzy interval. Durations ("for two days") never become dates, and anchored
forms ("two days later") are left for the event stage to resolve with :func:`shift`.
"""

from __future__ import annotations

import datetime as dt

from dateline.stages.timex import scan, shift
from dateline.stages.timex.model import DATE
from dateline.types import DateInterval, ParsedDoc, Span, TimedDoc, TimeExpression

__all__ = ["find_expressions", "resolve_relative", "shift", "tag"]


def _as_date(published: dt.date | None) -> dt.date | None:
    # a datetime is a date, but comparing it with one raises
    return published.date() if isinstance(published, dt.datetime) else published


def find_expressions(
    text: str, published: dt.date | None, *, offset: int = 0, sentence: int = 0
) -> list[TimeExpression]:
    """The time expressions of ``text``; spans are shifted by ``offset`` into the document.

    Never raises for any text or publication date; relative forms get no interval
    when ``published`` is None.
    """
    found = scan(text, _as_date(published))
    return [
        TimeExpression(
            text=text[f.start : f.end],
            span=Span(offset + f.start, offset + f.end),
            kind=f.resolution.kind,
            value=f.resolution.value,
            interval=f.resolution.interval,
            sentence=sentence,
            anchor_relative=f.resolution.anchor_relative,
        )
        for f in found
    ]


def resolve_relative(phrase: str, published: dt.date | None) -> DateInterval | None:
    """The interval a whole phrase such as "last week" or "on Monday" stands for, if it is one."""
    phrase = phrase.strip()
    for expression in find_expressions(phrase, published):
        if expression.kind == DATE and expression.span == Span(0, len(phrase)):
            return expression.interval
    return None


def tag(parsed: ParsedDoc) -> TimedDoc:
    """The parsed document with the time expressions of every sentence."""
    text = parsed.document.text
    published = parsed.document.published
    expressions: list[TimeExpression] = []
    for sentence in parsed.sentences:
        expressions.extend(
            find_expressions(
                text[sentence.start : sentence.end],
                published,
                offset=sentence.start,
                sentence=sentence.index,
            )
        )
    return TimedDoc(parsed, tuple(expressions))
