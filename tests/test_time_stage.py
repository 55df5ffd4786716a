"""The time stage over parsed documents: sentence offsets become document offsets."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from dateline.stages import time as time_stage
from dateline.stages.time import shift
from dateline.types import (
    Block,
    CleanDoc,
    DateInterval,
    Document,
    Granularity,
    ParsedDoc,
    Sentence,
    TimedDoc,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_3005e7dc9fbba295.txt"
P = dt.date(2013, 7, 29)


def parsed_doc(text: str, published: dt.date | None) -> ParsedDoc:
    """A document split naively into sentences at full stops and line breaks (no tokens)."""
    document = Document.from_text(text, published=published)
    sentences = tuple(
        Sentence(i, m.start(), m.end(), 0, 0, m.group())
        for i, m in enumerate(re.finditer(r"[^\n.!?]+[.!?]*", text))
    )
    return ParsedDoc(CleanDoc(document, (Block(0, len(text)),)), sentences, (), ())


def test_spans_are_document_offsets() -> None:
    text = (
        "Headline here\n\nRebels attacked on Monday. Troops left last week after a two-week siege."
    )
    timed = time_stage.tag(parsed_doc(text, P))
    assert isinstance(timed, TimedDoc)
    assert [(e.text, e.sentence, e.kind) for e in timed.expressions] == [
        ("on Monday", 1, "date"),
        ("last week", 2, "date"),
        ("two-week", 2, "duration"),
    ]
    for expression in timed.expressions:
        assert text[expression.span.start : expression.span.end] == expression.text
    assert timed.expressions[0].span.start == text.index("on Monday")
    assert timed.document is timed.parsed.document


def test_a_document_without_publication_date_keeps_expressions_unresolved() -> None:
    timed = time_stage.tag(parsed_doc("Clashes broke out on Friday. It was 4 May 2010.", None))
    assert [(e.text, e.interval is None) for e in timed.expressions] == [
        ("on Friday", True),
        ("4 May 2010", False),
    ]


def test_shift_resolves_anchored_values() -> None:
    monday = DateInterval(P, P, Granularity.DAY)
    assert shift(monday, "ANCHOR-P2D") == DateInterval(
        dt.date(2013, 7, 27), dt.date(2013, 7, 27), Granularity.DAY
    )
    assert shift(monday, "ANCHOR+P1W").start == dt.date(2013, 8, 5)
    days_later = shift(monday, "ANCHOR+PXD")
    assert days_later.granularity is Granularity.RANGE
    assert (days_later.start, days_later.end) == (dt.date(2013, 7, 30), dt.date(2013, 8, 8))
    hours_before = shift(monday, "ANCHOR-PT6H")
    assert (hours_before.start, hours_before.end) == (dt.date(2013, 7, 28), P)
    assert shift(DateInterval(dt.date.max, dt.date.max, Granularity.DAY), "ANCHOR+P1M").end == (
        dt.date.max
    )
    with pytest.raises(ValueError, match="anchored"):
        shift(monday, "2013-07-29")


def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    timed = time_stage.tag(parsed_doc(text, P))
    found = [(e.text, e.kind, e.value) for e in timed.expressions]
    for expression in timed.expressions:
        assert text[expression.span.start : expression.span.end] == expression.text
    assert found.count(("on Monday", "date", "2013-07-29")) == 2
    assert found.count(("last week", "date", "2013-W30")) == 3
    assert found.count(("in June", "date", "2013-06")) == 2
    assert ("March 2012", "date", "2012-03") in found
    assert ("a month ago", "date", "2013-06") in found
    assert ("one-month", "duration", "P1M") in found
    assert ("two days after", "date", "ANCHOR+P2D") in found
    assert all(e.kind == "duration" or e.interval or e.anchor_relative for e in timed.expressions)


def test_matching_is_fast() -> None:
    sentence = (
        "The army, backed by allied fighters, launched the assault on the district a month "
        "ago, two days after rebels seized a mosque on 14 June 2013 following months of fighting."
    )
    time_stage.find_expressions(sentence, P)  # compile the patterns
    rounds = 50
    started = time.perf_counter()
    for _ in range(rounds):
        time_stage.find_expressions(sentence, P)
    per_sentence = (time.perf_counter() - started) / rounds
    assert per_sentence < 0.005
