"""Runs the stages, in order, over documents.

clean -> parse -> time -> geo -> actors -> events -> dedup. Each stage takes one
frozen record and returns the next; the pipeline only wires them together and
turns a stage failure into a rejection of that one document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from dateline.settings import Settings
from dateline.stages import actors, clean, dedup, events, geo, parse, time
from dateline.types import Document, Event, Extraction, Rejection, RejectReason


class Pipeline:
    """The extraction pipeline. Heavy resources load on first use, once per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()

    def process(self, document: Document) -> Extraction:
        """All the events of one document. Raises on a stage failure."""
        cleaned = clean.clean(document)
        parsed = parse.parse(cleaned, model=self.settings.model)
        timed = time.tag(parsed)
        placed = geo.locate(timed, gazetteer_path=self.settings.gazetteer)
        with_actors = actors.find(placed)
        found = events.extract(with_actors, background_days=self.settings.background_days)
        return Extraction(document, dedup.merge(found))

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
