"""Web pages: the main text and metadata through trafilatura, boilerplate left behind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import trafilatura

from dateline.errors import BadInputError
from dateline.ingest.fields import parse_published
from dateline.ingest.text import normalise_newlines

# Dates from metadata and dated markup only: the broad search turns a footer's
# "Copyright 2019" into 2019-01-01, a wrong anchor for "on Friday".
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class Page:
    """What trafilatura finds in a page. ``text`` is empty when it finds no main text."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None


def extract_page(html: str) -> Page:
    """The page's main text (comments and navigation dropped) and its metadata."""
    found: Any = trafilatura.bare_extraction(
        html,
        include_comments=False,
        with_metadata=True,
        deduplicate=False,
        date_extraction_params=_DATE_SEARCH,
    )
    if found is None:
        return Page("")
    data: dict[str, Any] = found if isinstance(found, dict) else found.as_dict()
    title = _clean(data.get("title"))
    text = normalise_newlines(data.get("text") or "")
    return Page(
        text=_without_heading(text, title),
        title=title,
        published=_date(data.get("date")),
        url=_clean(data.get("url")),
        source=_clean(data.get("sitename")),
    )


def _without_heading(text: str, title: str | None) -> str:
    """The text without a first line that only repeats the headline, kept in ``title``."""
    first, newline, rest = text.partition("\n")
    if title and newline and first.strip() == title:
        return rest
    return text


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_published(value)
    except BadInputError:
        return None  # a page's date is a guess; a bad guess is no date
