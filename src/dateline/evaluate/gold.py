"""Reading gold annotations: JSON Lines in the format of the gold SCHEMA.md.

Every line is checked on load, so a mistake in a hand-written gold file is
reported with its file, line and reason instead of surfacing later as a
puzzling score.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import GoldFormatError
from dateline.types import Document

_OPTIONAL_TEXT_FIELDS = ("url", "source", "title")


@dataclass(frozen=True)
class GoldDocument:
    """One annotated document; ``events`` stay dicts in the gold shape."""

    doc_id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    events: tuple[dict[str, Any], ...] = field(default=(), hash=False)
    origin: str = "<memory>"  # "path:line" of the record

    def to_document(self) -> Document:
        """The document as the pipeline receives it."""
        return Document.from_text(
            self.text,
            published=self.published,
            source=self.source,
            url=self.url,
            title=self.title,
            origin=self.origin,
        )


def load_gold(path: Path) -> list[GoldDocument]:
    """All documents of a gold file, in file order. Blank lines are skipped.

    Raises :class:`GoldFormatError` naming the file, line and reason for the
    first malformed line, an unreadable file, or a repeated ``doc_id``.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFormatError(f"{path}: cannot read gold file: {error}") from error
    documents: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            document = _parse_line(line, origin=f"{path}:{number}")
        except ValueError as error:
            raise GoldFormatError(f"{path}:{number}: {error}") from error
        if document.doc_id in seen:
            raise GoldFormatError(
                f"{path}:{number}: doc_id {document.doc_id!r} already used on line "
                f"{seen[document.doc_id]}"
            )
        seen[document.doc_id] = number
        documents.append(document)
    return documents


def _parse_line(line: str, *, origin: str) -> GoldDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error.msg} at column {error.colno}") from error
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    doc_id = _required_str(record, "doc_id")
    text = _required_str(record, "text")
    for name in _OPTIONAL_TEXT_FIELDS:
        _optional_str(record, name)
    published = _optional_date(record.get("published"), "published")
    events = record.get("events")
    if not isinstance(events, list):
        raise ValueError("`events` must be a list")
    for index, event in enumerate(events):
        try:
            _check_event(event)
        except ValueError as error:
            raise ValueError(f"event {index}: {error}") from error
    return GoldDocument(
        doc_id=doc_id,
        text=text,
        published=published,
        source=record.get("source"),
        url=record.get("url"),
        title=record.get("title"),
        events=tuple(events),
        origin=origin,
    )


def _check_event(event: Any) -> None:
    """The fields the scorer relies on must be present and well typed."""
    if not isinstance(event, dict):
        raise ValueError("an event must be a JSON object")
    _required_str(event, "event_type")
    _required_str(event, "sub_event_type")
    _check_actor(event.get("actor1"), "actor1", nullable=False)
    _check_actor(event.get("actor2"), "actor2", nullable=True)
    _check_date(event.get("date"))
    _check_location(event.get("location"))
    _check_fatalities(event.get("fatalities"))
    if not isinstance(event.get("background", False), bool):
        raise ValueError("`background` must be true or false")


def _check_actor(actor: Any, name: str, *, nullable: bool) -> None:
    if actor is None and nullable:
        return
    if not isinstance(actor, dict):
        raise ValueError(f"`{name}` must be an object with `name` and `kind`")
    _required_str(actor, "name", prefix=f"{name}.")
    kind = actor.get("kind")
    if isinstance(kind, bool) or not isinstance(kind, int) or not 1 <= kind <= 8:
        raise ValueError(f"`{name}.kind` must be an integer from 1 to 8")


def _check_date(date: Any) -> None:
    if date is None:
        return
    if not isinstance(date, dict):
        raise ValueError("`date` must be null or an object with `start` and `end`")
    start = _optional_date(date.get("start"), "date.start")
    end = _optional_date(date.get("end"), "date.end")
    if start is None or end is None:
        raise ValueError("`date` needs both `start` and `end`")
    if start > end:
        raise ValueError(f"`date` starts after it ends: {start} > {end}")


def _check_location(location: Any) -> None:
    if not isinstance(location, dict):
        raise ValueError("`location` must be an object")
    _required_str(location, "name", prefix="location.")
    for key in ("lat", "lon"):
        value = location.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"`location.{key}` must be a number")


def _check_fatalities(fatalities: Any) -> None:
    if fatalities is None:
        return
    if not isinstance(fatalities, dict):
        raise ValueError("`fatalities` must be null or an object with `min` and `max`")
    low, high = fatalities.get("min"), fatalities.get("max")
    if isinstance(low, bool) or not isinstance(low, int) or low < 0:
        raise ValueError("`fatalities.min` must be a non-negative integer")
    if high is not None and (isinstance(high, bool) or not isinstance(high, int) or high < low):
        raise ValueError("`fatalities.max` must be null or an integer not below `min`")


def _required_str(record: Mapping[str, Any], name: str, *, prefix: str = "") -> str:
    value = record.get(name)
    if not isinstance(value, str):
        raise ValueError(f"`{prefix}{name}` is missing or not a string")
    return value


def _optional_str(record: Mapping[str, Any], name: str) -> None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"`{name}` must be a string or null")


def _optional_date(value: Any, name: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"`{name}` must be a YYYY-MM-DD string or null")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"`{name}` is not a YYYY-MM-DD date: {value!r}") from error
