"""Read-side queries over a SQLite store, for the HTTP API and the dashboard.

Every value reaches SQL as a bound parameter; the only SQL text built from input
is chosen from the allow-lists below (sort orders), never copied from a request.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from dateline.errors import BadInputError
from dateline.serialize import event_from_dict, event_to_dict
from dateline.store.base import country_code
from dateline.types import Actor, Event, EventDate, Place, Precision, Span

MAX_LIMIT = 1000
# The sort orders a caller may ask for, and the SQL each one stands for; unknown dates
# and counts come last either way (SQLite sorts NULL first, so DESC needs no more).
ORDERS: dict[str, str] = {
    "date": "date_start IS NULL, date_start, rowid",
    "-date": "date_start DESC, rowid DESC",
    "fatalities": "fatalities_min IS NULL, fatalities_min, rowid",
    "-fatalities": "fatalities_min DESC, rowid DESC",
}
# Stats that group by one column: the name a caller uses -> the column.
GROUPS: dict[str, str] = {
    "by_type": "event_type",
    "by_sub_type": "sub_event_type",
    "by_day": "date_start",
    "by_country": "country",
}
_PASSAGE_CONTEXT = 240  # characters either side of evidence that lies outside the event sentence


@dataclass(frozen=True)
class BBox:
    """A box of longitudes and latitudes; ``west > east`` crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``west,south,east,north`` in degrees, as in GeoJSON and OpenStreetMap."""
        parts = text.split(",")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise BadInputError(
                f"bbox {text!r} is not four numbers",
                hint="Give bbox as west,south,east,north in degrees, e.g. 35.5,32,42.5,37.5.",
            ) from None
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise BadInputError(f"bbox longitudes must lie in [-180, 180], got {text!r}")
        if not (-90 <= south <= north <= 90):
            raise BadInputError(
                f"bbox latitudes must satisfy -90 <= south <= north <= 90: {text!r}"
            )
        return cls(west, south, east, north)


@dataclass(frozen=True)
class EventFilter:
    """What to keep; every field left None keeps everything."""

    event_type: str | None = None
    sub_event_type: str | None = None
    country: str | None = None  # ISO code or English name
    actor: str | None = None  # part of an actor's name
    since: dt.date | None = None  # events ending on or after
    until: dt.date | None = None  # events starting on or before
    bbox: BBox | None = None
    text: str | None = None  # part of the evidence sentence, a place or an actor name
    doc_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (empty when nothing is filtered) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.event_type:
            clauses.append("event_type = ?")  # the columns compare without case
            params.append(self.event_type.strip())
        if self.sub_event_type:
            clauses.append("sub_event_type = ?")
            params.append(self.sub_event_type.strip())
        if self.country:
            clauses.append("country = ?")
            params.append(country_code(self.country))
        if self.since is not None:
            clauses.append("date_end >= ?")
            params.append(self.since.isoformat())
        if self.until is not None:
            clauses.append("date_start <= ?")
            params.append(self.until.isoformat())
        if self.since and self.until and self.since > self.until:
            raise BadInputError(f"since {self.since} is after until {self.until}")
        if self.doc_id:
            clauses.append("doc_id = ?")
            params.append(self.doc_id)
        if self.actor:
            pattern = _like(self.actor)
            clauses.append(
                "(actor1_name LIKE ? ESCAPE '\\' OR actor2_name LIKE ? ESCAPE '\\'"
                " OR assoc_actor1 LIKE ? ESCAPE '\\')"
            )
            params += [pattern] * 3
        if self.text:
            pattern = _like(self.text)
            clauses.append(
                "(evidence LIKE ? ESCAPE '\\' OR location_name LIKE ? ESCAPE '\\'"
                " OR admin1 LIKE ? ESCAPE '\\' OR actor1_name LIKE ? ESCAPE '\\'"
                " OR actor2_name LIKE ? ESCAPE '\\')"
            )
            params += [pattern] * 5
        if self.bbox is not None:
            box = self.bbox
            clauses.append("lat BETWEEN ? AND ?")
            params += [box.south, box.north]
            if box.west <= box.east:
                clauses.append("lon BETWEEN ? AND ?")
                params += [box.west, box.east]
            else:
                clauses.append("(lon >= ? OR lon <= ?)")
                params += [box.west, box.east]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _like(text: str) -> str:
    """A LIKE pattern that matches ``text`` anywhere, its own % and _ taken literally."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection for reading only; open the file with SQLiteStore first to create it."""
    db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA query_only = ON")
    return db


def _event_dict(row: sqlite3.Row) -> dict[str, Any]:
    # Through the Event type, so records stored by older versions come out in today's shape.
    return event_to_dict(event_from_dict(json.loads(row["record"])))


@functools.cache
def _record_keys() -> tuple[str, ...]:
    """The top-level keys of today's event JSON (from a throwaway event)."""
    event = Event(
        event_id="", doc_id="", event_type="", sub_event_type="",
        date=EventDate(None, None), actor1=Actor("", 0), assoc_actor1=(), actor2=None,
        location=Place("", None, 0.0, 0.0, Precision.TOWN), fatalities=None,
        sentence=Span(0, 0), evidence_text="", background=False, trigger="",
    )  # fmt: skip
    return tuple(event_to_dict(event))


class EventRecord(NamedTuple):
    event_id: str
    lat: float
    lon: float
    json: str  # the event as event_to_dict wrote it when it was stored


def count_events(db: sqlite3.Connection, where: EventFilter) -> int:
    sql, params = where.where()
    return int(db.execute("SELECT count(*) FROM events" + sql, params).fetchone()[0])


def event_records(
    db: sqlite3.Connection,
    where: EventFilter,
    *,
    limit: int = 100,
    offset: int = 0,
    order: str = "date",
) -> list[EventRecord]:
    """One page of matching events as stored JSON text, ready to send without re-encoding.

    Top-level keys that today's :func:`~dateline.serialize.event_to_dict` writes but an
    older record lacks are added as null, so every record has today's keys.
    """
    if order not in ORDERS:
        raise BadInputError(f"unknown order {order!r}; expected one of {', '.join(ORDERS)}")
    if not 0 <= limit <= MAX_LIMIT:
        raise BadInputError(f"limit must lie in [0, {MAX_LIMIT}], got {limit}")
    if offset < 0:
        raise BadInputError(f"offset must not be negative, got {offset}")
    sql, params = where.where()
    keys = _record_keys()
    record = "json_insert(record" + ", ?, NULL" * len(keys) + ")"
    # Sort the small index entries first and read only the page's records.
    rows = db.execute(
        f"SELECT event_id, lat, lon, {record} FROM events WHERE rowid IN"
        f" (SELECT rowid FROM events{sql} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?)"
        f" ORDER BY {ORDERS[order]}",
        [*(f"$.{key}" for key in keys), *params, limit, offset],
    )
    return [EventRecord(*row) for row in rows]


def find_events(
    db: sqlite3.Connection,
    where: EventFilter,
    *,
    limit: int = 100,
    offset: int = 0,
    order: str = "date",
) -> list[dict[str, Any]]:
    """One page of matching events as :func:`~dateline.serialize.event_to_dict` dicts."""
    records = event_records(db, where, limit=limit, offset=offset, order=order)
    return [json.loads(r.json) for r in records]


def stats(db: sqlite3.Connection, where: EventFilter) -> dict[str, Any]:
    """Counts and fatalities of matching events by type, by start day and by country."""
    sql, params = where.where()
    result: dict[str, Any] = {}
    for name, column in GROUPS.items():
        rows = db.execute(
            f"SELECT {column} AS key, count(*) AS n, sum(fatalities_min) AS deaths"
            f" FROM events{sql} GROUP BY {column} ORDER BY {column}",
            params,
        )
        result[name] = [
            {"key": row["key"], "count": row["n"], "fatalities": row["deaths"] or 0} for row in rows
        ]
    result["total"] = sum(group["count"] for group in result["by_type"])
    return result


def document(db: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """A stored document with its text and the ids and types of its events."""
    row = db.execute(
        "SELECT doc_id, origin, source, url, published, title, text, n_events, added_at"
        " FROM documents WHERE doc_id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        return None
    events = db.execute(
        "SELECT event_id, event_type, sub_event_type, date_start FROM events WHERE doc_id = ?"
        " ORDER BY date_start IS NULL, date_start, rowid",
        (doc_id,),
    )
    return {**dict(row), "events": [dict(e) for e in events]}


def event_detail(db: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """An event with every source that reports it, each with its evidence spans and the
    passages of text they lie in (span offsets relative to the passage)."""
    row = db.execute(
        "SELECT e.record, d.doc_id, d.title, d.source, d.url, d.published, d.origin, d.text"
        " FROM events AS e JOIN documents AS d ON d.doc_id = e.doc_id WHERE e.event_id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return None
    event = _event_dict(row)
    spans = [
        dict(span)
        for span in db.execute(
            'SELECT field, start, "end", text FROM event_evidence WHERE event_id = ?'
            ' ORDER BY start, "end" DESC, rowid',
            (event_id,),
        )
    ]
    sentence = (event["sentence"]["start"], event["sentence"]["end"])
    source = {key: row[key] for key in ("doc_id", "title", "source", "url", "published", "origin")}
    source["evidence"] = spans
    source["passages"] = passages(row["text"], sentence, spans)
    return {**event, "sources": [source]}


def passages(
    text: str, sentence: tuple[int, int], spans: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The event sentence, plus the line around any span outside it, merged where they
    overlap; each with the spans that fall inside it, offsets relative to its start."""
    ranges = [sentence]
    for span in spans:
        start, end = span["start"], span["end"]
        if not (sentence[0] <= start and end <= sentence[1]):
            left = max(text.rfind("\n", 0, start) + 1, start - _PASSAGE_CONTEXT)
            found = text.find("\n", end)
            right = min(found if found >= 0 else len(text), end + _PASSAGE_CONTEXT)
            ranges.append((left, right))
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    result = []
    for start, end in merged:
        inside = [
            {**span, "start": span["start"] - start, "end": span["end"] - start}
            for span in spans
            if start <= span["start"] and span["end"] <= end
        ]
        result.append({"start": start, "end": end, "text": text[start:end], "spans": inside})
    return result
