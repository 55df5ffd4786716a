"""What every event store offers, whatever database sits behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from types import TracebackType
from typing import Protocol, Self

import pycountry

from dateline.errors import BadInputError
from dateline.types import DivisionCount, Document, Event, Extraction, Rejection


class Store(Protocol):
    """Documents, their events and the inputs that were rejected.

    Every write is idempotent: storing the same document, extraction or
    rejection twice leaves the store as it was after the first time.
    """

    def add_document(self, doc: Document) -> bool:
        """Store a document; True when it was not there yet."""
        ...

    def has_document(self, doc_id: str) -> bool: ...

    def document(self, doc_id: str) -> Document | None: ...

    def add_extraction(self, extraction: Extraction) -> int:
        """Store a document and its events, all or nothing; the number of events that were new."""
        ...

    def add_rejection(self, rejection: Rejection) -> bool:
        """Store a rejection; True when no rejection with its origin, line and reason was there."""
        ...

    def source_divisions(self) -> Iterable[tuple[str, str, DivisionCount]]:
        """(source, doc_id, division count) of the stored documents that name their source:
        what their pipeline learned of each source's home regions."""
        ...

    def events(
        self,
        *,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Events matching every filter given, earliest first.

        ``since`` keeps events that end on or after it, ``until`` those that start
        on or before it; events with an unresolved date are dropped by either.
        """
        ...

    def event(self, event_id: str) -> Event | None: ...

    def rejections(self) -> list[Rejection]: ...

    def counts(self) -> dict[str, int]:
        """Row counts: documents, events, evidence, rejections."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def country_code(text: str) -> str:
    """The ISO 3166 alpha-2 code of a country given by code or name ("sy", "SYR", "Syria")."""
    query = text.strip()
    if not query:
        raise BadInputError("empty country", hint="Give an ISO 3166 code (SY) or a country name.")
    try:
        return str(pycountry.countries.lookup(query).alpha_2)
    except LookupError:
        pass
    try:
        matches = pycountry.countries.search_fuzzy(query)
    except LookupError:
        matches = []
    if not matches:
        raise BadInputError(
            f"unknown country {text!r}",
            hint="Give an ISO 3166 code (SY, SYR) or an English country name (Syria).",
        )
    return str(matches[0].alpha_2)
