"""The whole pipeline on real text with the real spaCy model and gazetteer."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

import dateline
from dateline import Document, Pipeline
from dateline.types import Extraction, Rejection

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_3005e7dc9fbba295.txt"

REPORT = (
    "Rebels overran the town of Gao on Sunday after heavy fighting with government troops, "
    "a military source said.\n\n"
    "At least 14 soldiers were killed in the battle.\n\n"
    "Share this article\n"
    "Subscribe to our newsletter\n"
)


def test_extract_returns_typed_events_with_evidence() -> None:
    events = dateline.extract(REPORT, published="2024-03-12", source="Example Wire")
    assert events, "a battle report must produce an event"
    battle = events[0]
    assert battle.event_type == "Battles"
    assert battle.sub_event_type == "Non-state actor overtakes territory"
    assert battle.location.country == "ML"
    assert battle.date.interval is not None
    assert battle.date.interval.start == dt.date(2024, 3, 10)  # the Sunday before publication
    assert battle.fatalities is not None and battle.fatalities.min == 14
    for evidence in battle.provenance:
        assert REPORT[evidence.span.start : evidence.span.end] == evidence.text


def test_boilerplate_alone_gives_no_event() -> None:
    tail = "Click here to subscribe.\nShare this article\nComments powered by Disqus\n"
    assert dateline.extract(tail, published="2024-03-12") == []


def test_statements_and_hypotheticals_give_no_event() -> None:
    text = (
        "The minister said the army would retake the town of Gao if the rebels refused to leave. "
        "Rebel leaders threatened to attack the capital."
    )
    assert dateline.extract(text, published="2024-03-12") == []


def test_run_turns_a_failing_document_into_a_rejection() -> None:
    pipeline = Pipeline()
    good = Document.from_text(REPORT, published=dt.date(2024, 3, 12), origin="good.txt")
    rejected = Rejection("bad.txt", None, dateline.types.RejectReason.EMPTY, "empty file")
    results = list(pipeline.run([rejected, good]))
    assert results[0] is rejected
    assert isinstance(results[1], Extraction) and results[1].events


def test_extraction_pickles_for_worker_processes() -> None:
    extraction = Pipeline().process(Document.from_text(REPORT, published=dt.date(2024, 3, 12)))
    assert pickle.loads(pickle.dumps(extraction)) == extraction


def test_seed_tail_gives_no_events() -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    tail_start = text.index("Your feedback is important")
    events = Pipeline().process(Document.from_text(text, published=dt.date(2013, 7, 29))).events
    assert events
    assert all(e.sentence.end <= tail_start for e in events)
    assert all(p.span.end <= tail_start for e in events for p in e.provenance)
