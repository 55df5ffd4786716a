"""Runs the stages, in order, over documents.

clean -> parse -> time -> geo -> actors -> events -> dedup -> interop. Each stage takes one
frozen record and returns the next; the pipeline only wires them together and
turns a stage failure into a rejection of that one document.
"""

from __future__ import annotations

import datetime as dt
import time as time_module
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from dateline.gazetteer.home import SourceRegions
from dateline.settings import Settings
from dateline.stages import actors, clean, dedup, events, geo, interop, parse, time
from dateline.types import Document, Event, Extraction, Rejection, RejectReason


@contextmanager
def _untimed(stage: str) -> Iterator[None]:
    yield


class StageClock:
    """Seconds spent in each stage, summed over the documents it timed (for ``dateline bench``)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time_module.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time_module.perf_counter() - started


STAGES = ("clean", "parse", "time", "geo", "actors", "events", "dedup", "interop")


class Pipeline:
    """The extraction pipeline. Heavy resources load on first use, once per process.

    It learns, as it goes, where each source's stories happen (``SourceRegions``): the
    places of a paper's earlier articles settle the bare town names of its later ones.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.regions = SourceRegions()

    def process(self, document: Document, clock: StageClock | None = None) -> Extraction:
        """All the events of one document. Raises on a stage failure."""
        timed_stage = clock or _untimed
        with timed_stage("clean"):
            cleaned = clean.clean(document)
        with timed_stage("parse"):
            parsed = parse.parse(cleaned, model=self.settings.model)
        with timed_stage("time"):
            timed = time.tag(parsed)
        with timed_stage("geo"):
            placed = geo.locate(
                timed,
                gazetteer_path=self.settings.gazetteer,
                home=self.regions.home(document.source),
            )
            learned = self.regions.learn(
                document.source, document.doc_id, geo.mention_places(placed)
            )
        with timed_stage("actors"):
            with_actors = actors.find(placed)
        with timed_stage("events"):
            found = events.extract(with_actors, background_days=self.settings.background_days)
        with timed_stage("dedup"):
            merged = dedup.merge(found)
        with timed_stage("interop"):
            coded = interop.code(merged)
        return Extraction(document, coded, learned)

    def run(self, documents: Iterable[Document | Rejection]) -> Iterator[Extraction | Rejection]:
        """Process a stream; inputs that fail come out as rejections and the stream goes on."""
        for item in documents:
            if isinstance(item, Rejection):
                yield item
                continue
            try:
                yield self.process(item)
            except Exception as error:  # one bad document must not stop a batch
                yield Rejection(
                    item.origin,
                    None,
                    RejectReason.PROCESSING_ERROR,
                    f"{type(error).__name__}: {error}",
                )


_default: Pipeline | None = None


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> list[Event]:
    """The events reported in one article.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates such as "on Monday".
    """
    global _default
    if _default is None:
        _default = Pipeline()
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    document = Document.from_text(text, published=published, source=source, url=url, title=title)
    return list(_default.process(document).events)
