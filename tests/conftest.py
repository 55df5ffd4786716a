"""Shared fixtures: the real spaCy pipeline and gazetteer, loaded once per test session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dateline.pipeline import Pipeline
from dateline.stages import actors, clean, dedup, events, geo, parse, time
from dateline.types import ActorDoc, Document, Event

# A Wednesday: "on Monday" is 2021-03-08, "on Sunday" 2021-03-07.
PUBLISHED = dt.date(2021, 3, 10)

StageRunner = Callable[..., ActorDoc]
EventFinder = Callable[..., list[Event]]


@pytest.fixture(scope="session")
def published() -> dt.date:
    """The publication date the stage fixtures use unless told otherwise (a Wednesday)."""
    return PUBLISHED


@pytest.fixture(scope="session")
def nlp_pipeline() -> Pipeline:
    """The default pipeline; its model and gazetteer load on first use (the index builds once)."""
    return Pipeline()


@pytest.fixture(scope="session")
def run_stages(nlp_pipeline: Pipeline) -> StageRunner:
    """``run(text, published=PUBLISHED)``: clean, parse, time, geo and actors over ``text``."""
    settings = nlp_pipeline.settings

    def run(text: str, published: dt.date | None = PUBLISHED) -> ActorDoc:
        document = Document.from_text(text, published=published)
        parsed = parse.parse(clean.clean(document), model=settings.model)
        placed = geo.locate(time.tag(parsed), gazetteer_path=settings.gazetteer)
        return actors.find(placed)

    return run


@pytest.fixture(scope="session")
def find_events(nlp_pipeline: Pipeline, run_stages: StageRunner) -> EventFinder:
    """``find(text, published=PUBLISHED, *, merged=True, background_days=None)``: the events.

    ``merged`` runs the dedup stage as the pipeline does; without it the events stage's
    own output comes back, one event per reported trigger.
    """

    def find(
        text: str,
        published: dt.date | None = PUBLISHED,
        *,
        merged: bool = True,
        background_days: int | None = None,
    ) -> list[Event]:
        days = nlp_pipeline.settings.background_days if background_days is None else background_days
        found = events.extract(run_stages(text, published), background_days=days)
        return list(dedup.merge(found) if merged else found)

    return find
