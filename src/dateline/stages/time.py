"""The time stage: temporal expressions of each sentence, resolved against the publication date.

Matching works on raw sentence text with patterns built from
``resources/time_words.json``, so it needs no tokens and runs on plain strings.
News conventions decide relative forms: a weekday named alone is the latest one
on or before publication, "last week" is the calendar week before, "a month ago"
is a fuzzy interval. Durations ("for two days") never become dates, and anchored
forms ("two days later") are left for the event stage to resolve with :func:`shift`.
:func:`timex3` reads the same text by TimeML conventions, for scoring against
TimeML corpora (``dateline eval time``).
"""

from __future__ import annotations

import datetime as dt

from dateline.stages.timex import scan, shift
from dateline.stages.timex.model import DATE, DURATION
from dateline.stages.timex.timeml import Timex3, annotate
from dateline.types import DateInterval, ParsedDoc, Span, TimedDoc, TimeExpression

_NEWS_KINDS = (DATE, DURATION)

__all__ = ["Timex3", "find_expressions", "resolve_relative", "shift", "tag", "timex3"]


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
    # TimeML-only kinds ("now", "weekly", a bare "1996") never date an event and a
    # bare number must stay free for the fatality counts: they are left to timex3()
    found = [f for f in scan(text, _as_date(published)) if f.resolution.kind in _NEWS_KINDS]
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


def timex3(text: str, published: dt.date | None) -> list[Timex3]:
    """The TimeML (TIMEX3) expressions of ``text``: TimeML extents, types and values.

    The rules of :func:`find_expressions`, read by TimeML conventions ("Monday"
    rather than "on Monday", "10 p.m. Wednesday" as one TIME, the two ends of
    "from 1994 to 1997" apart), plus what TimeML tags and dateline does not date
    events with ("now", "weekly", "the quarter").
    """
    return annotate(text, _as_date(published))


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
