"""Assembling a Document (or a Rejection) from text or HTML and the fields around it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.ingest.fields import Overrides
from dateline.ingest.html import extract_page
from dateline.ingest.text import normalise_newlines
from dateline.types import Document, Rejection, RejectReason


@dataclass(frozen=True)
class Where:
    """Where an input came from: a file (or ``<stdin>``) and, for JSON Lines, a line."""

    origin: str
    line: int | None = None

    @property
    def label(self) -> str:
        return self.origin if self.line is None else f"{self.origin}:{self.line}"

    def reject(self, reason: RejectReason, detail: str) -> Rejection:
        return Rejection(self.origin, self.line, reason, detail)


def build(
    text: str,
    where: Where,
    overrides: Overrides,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Document | Rejection:
    """A document from its text; the caller's overrides win over the input's own fields."""
    text = normalise_newlines(text)
    if not text.strip():
        return where.reject(RejectReason.EMPTY, "the text is empty or only whitespace")
    return Document.from_text(
        text,
        published=overrides.published or published,
        source=overrides.source or source,
        url=overrides.url or url,
        title=title,
        origin=where.label,
    )


def build_from_html(
    html: str,
    where: Where,
    overrides: Overrides,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Document | Rejection:
    """A document from a page's main text; given fields win over the page's metadata."""
    try:
        page = extract_page(html)
    except Exception as error:  # a parser failure on one page must not stop the batch
        detail = f"HTML extraction failed: {type(error).__name__}: {error}"
        return where.reject(RejectReason.PROCESSING_ERROR, detail)
    if not page.text.strip():
        return where.reject(RejectReason.EMPTY, "no main text found in the HTML")
    return build(
        page.text,
        where,
        overrides,
        published=published or page.published,
        source=source or page.source,
        url=url or page.url,
        title=title or page.title,
    )
