"""The default store: one SQLite file in WAL mode (one writer, many concurrent readers).

Each event is kept twice: as flat columns that queries filter on, and as the
JSON record of :func:`dateline.serialize.event_to_dict` that it is read back from.
``PRAGMA user_version`` holds the schema version.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from dateline.errors import BadInputError, StoreError
from dateline.serialize import event_from_dict, event_to_dict
from dateline.store.base import country_code
from dateline.types import (
    Actor,
    DivisionCount,
    Document,
    Event,
    Extraction,
    Rejection,
    RejectReason,
)

SCHEMA_VERSION = 4

# MIGRATIONS[n] takes a database from schema version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE IF NOT EXISTS documents (
        doc_id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        source TEXT,
        url TEXT,
        published TEXT,
        title TEXT,
        text TEXT NOT NULL,
        n_events INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS events (
        event_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        event_type TEXT NOT NULL COLLATE NOCASE,
        sub_event_type TEXT NOT NULL COLLATE NOCASE,
        date_start TEXT,
        date_end TEXT,
        date_granularity TEXT,
        date_text TEXT,
        actor1_name TEXT NOT NULL,
        actor1_kind INTEGER NOT NULL,
        actor2_name TEXT,
        actor2_kind INTEGER,
        assoc_actor1 TEXT NOT NULL,
        interaction INTEGER NOT NULL,
        location_name TEXT NOT NULL,
        admin1 TEXT,
        country TEXT COLLATE NOCASE,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        geo_precision TEXT NOT NULL,
        fatalities_min INTEGER,
        fatalities_max INTEGER,
        fatalities_text TEXT,
        evidence TEXT NOT NULL,
        background INTEGER NOT NULL,
        "trigger" TEXT NOT NULL,
        confidence REAL NOT NULL,
        record TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS events_event_type ON events(event_type);
    CREATE INDEX IF NOT EXISTS events_country ON events(country);
    CREATE INDEX IF NOT EXISTS events_date_start ON events(date_start);
    CREATE INDEX IF NOT EXISTS events_doc_id ON events(doc_id);
    CREATE TABLE IF NOT EXISTS event_evidence (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS event_evidence_event_id ON event_evidence(event_id);
    CREATE TABLE IF NOT EXISTS rejections (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    -- An expression index rather than UNIQUE(origin, line, reason): SQLite treats
    -- NULLs as distinct, so rejections of whole files (line NULL) would never dedupe.
    CREATE UNIQUE INDEX IF NOT EXISTS rejections_key
        ON rejections(origin, ifnull(line, 0), reason);
    """,
    # 1 -> 2: the CAMEO and PLOVER codes, for joining with GDELT and POLECAT.
    """
    ALTER TABLE events ADD COLUMN cameo TEXT;
    ALTER TABLE events ADD COLUMN plover_type TEXT;
    ALTER TABLE events ADD COLUMN plover_mode TEXT;
    CREATE INDEX IF NOT EXISTS events_plover_type ON events(plover_type);
    """,
    # 2 -> 3: indexes for the HTTP API: a country or a type with a date range answered from
    # the index alone (counts, and the sort before a page is read), dates alone, map boxes.
    """
    CREATE INDEX IF NOT EXISTS events_country_dates ON events(country, date_end, date_start);
    CREATE INDEX IF NOT EXISTS events_type_dates ON events(event_type, date_end, date_start);
    CREATE INDEX IF NOT EXISTS events_date_end ON events(date_end);
    CREATE INDEX IF NOT EXISTS events_lat_lon ON events(lat, lon);
    """,
    # 3 -> 4: where each document's places lie, so a later run knows its source's home.
    """
    CREATE TABLE IF NOT EXISTS document_divisions (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        country TEXT NOT NULL,
        admin1 TEXT NOT NULL,
        names INTEGER NOT NULL,
        PRIMARY KEY (doc_id, country, admin1)
    );
    """,
)

_EVENT_COLUMNS = (
    "event_id", "doc_id", "event_type", "sub_event_type",
    "date_start", "date_end", "date_granularity", "date_text",
    "actor1_name", "actor1_kind", "actor2_name", "actor2_kind", "assoc_actor1", "interaction",
    "location_name", "admin1", "country", "lat", "lon", "geo_precision",
    "fatalities_min", "fatalities_max", "fatalities_text",
    "evidence", "background", "trigger", "confidence", "record", "added_at",
    "cameo", "plover_type", "plover_mode",
)  # fmt: skip
_QUOTED_COLUMNS = ", ".join(f'"{column}"' for column in _EVENT_COLUMNS)  # "trigger" is a keyword
_INSERT_EVENT = (
    f"INSERT INTO events ({_QUOTED_COLUMNS}) "
    f"VALUES ({', '.join('?' for _ in _EVENT_COLUMNS)}) ON CONFLICT DO NOTHING"
)
_READ_EVENT = "SELECT record, assoc_actor1, confidence FROM events"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _event_values(event: Event, added_at: str) -> tuple[Any, ...]:
    interval = event.date.interval
    place = event.location
    deaths = event.fatalities
    actor2 = event.actor2
    codes = event.codes
    assoc = [{"name": a.name, "kind": a.kind, "country": a.country} for a in event.assoc_actor1]
    return (
        event.event_id, event.doc_id, event.event_type, event.sub_event_type,
        interval.start.isoformat() if interval else None,
        interval.end.isoformat() if interval else None,
        interval.granularity.value if interval else None,
        event.date.text,
        event.actor1.name, event.actor1.kind,
        actor2.name if actor2 else None, actor2.kind if actor2 else None,
        json.dumps(assoc, ensure_ascii=False), event.interaction,
        place.name, place.admin1, place.country, place.lat, place.lon, place.precision.value,
        deaths.min if deaths else None, deaths.max if deaths else None,
        deaths.text if deaths else None,
        event.evidence_text, int(event.background), event.trigger, event.confidence,
        json.dumps(event_to_dict(event), ensure_ascii=False), added_at,
        codes.cameo if codes else None,
        codes.plover_type if codes else None,
        codes.plover_mode if codes else None,
    )  # fmt: skip


def _event_from_row(row: sqlite3.Row) -> Event:
    event = event_from_dict(json.loads(row["record"]))
    # The JSON record keeps only allies' names and a rounded confidence; the columns keep all.
    assoc = tuple(
        Actor(a["name"], int(a["kind"]), a.get("country")) for a in json.loads(row["assoc_actor1"])
    )
    return replace(event, assoc_actor1=assoc, confidence=float(row["confidence"]))


class SQLiteStore:
    """A :class:`~dateline.store.base.Store` in one SQLite file, created if missing."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        in_memory = str(path) == ":memory:"
        if not in_memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open database {self.path}: {error}") from error
        self._db.row_factory = sqlite3.Row
        try:
            self._open()
        except BaseException:
            self._db.close()
            raise

    def _open(self) -> None:
        try:
            version = self._version()
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{self.path} is not a dateline database ({error})",
                hint="Point --db (or DATELINE_DB) at a dateline database or a new file name.",
            ) from error
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {version}, but this dateline "
                f"only knows versions up to {SCHEMA_VERSION}",
                hint="Upgrade dateline (pip install -U dateline), or use another database file.",
            )
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute("PRAGMA journal_mode = WAL")
        if version < SCHEMA_VERSION:
            with self._transaction("migrate the schema"):
                # Another process may have migrated while this one waited for the lock.
                for step in range(self._version(), SCHEMA_VERSION):
                    for statement in _statements(MIGRATIONS[step]):
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _transaction(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(f"cannot {what} in {self.path}: {error}") from error
        try:
            yield self._db
        except sqlite3.Error as error:
            self._db.execute("ROLLBACK")
            raise StoreError(f"cannot {what} in {self.path}: {error}") from error
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # ----------------------------------------------------------------- writes

    def _insert_document(self, doc: Document) -> bool:
        cursor = self._db.execute(
            "INSERT INTO documents (doc_id, origin, source, url, published, title, text, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (
                doc.doc_id, doc.origin, doc.source, doc.url,
                doc.published.isoformat() if doc.published else None,
                doc.title, doc.text, _now(),
            ),
        )  # fmt: skip
        return cursor.rowcount == 1

    def add_document(self, doc: Document) -> bool:
        with self._transaction(f"store document {doc.doc_id}"):
            return self._insert_document(doc)

    def add_extraction(self, extraction: Extraction) -> int:
        doc = extraction.document
        added_at = _now()
        new = 0
        with self._transaction(f"store the events of document {doc.doc_id}"):
            self._insert_document(doc)
            for event in extraction.events:
                if event.doc_id != doc.doc_id:
                    raise StoreError(
                        f"event {event.event_id} belongs to document {event.doc_id}, "
                        f"not to {doc.doc_id}; nothing of this document was stored"
                    )
                cursor = self._db.execute(_INSERT_EVENT, _event_values(event, added_at))
                if cursor.rowcount != 1:
                    continue
                new += 1
                self._db.executemany(
                    'INSERT INTO event_evidence (event_id, field, start, "end", text)'
                    " VALUES (?, ?, ?, ?, ?)",
                    [(event.event_id, e.field, e.span.start, e.span.end, e.text)
                     for e in event.provenance],
                )  # fmt: skip
            self._db.execute(
                "UPDATE documents SET n_events = (SELECT count(*) FROM events WHERE doc_id = ?)"
                " WHERE doc_id = ?",
                (doc.doc_id, doc.doc_id),
            )
            self._db.executemany(
                "INSERT INTO document_divisions (doc_id, country, admin1, names)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(doc.doc_id, d.country, d.admin1, d.names) for d in extraction.divisions],
            )
        return new

    def add_rejection(self, rejection: Rejection) -> bool:
        r = rejection
        with self._transaction(f"store the rejection of {r.origin}"):
            cursor = self._db.execute(
                "INSERT INTO rejections (origin, line, reason, detail, added_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (r.origin, r.line, r.reason.value, r.detail, _now()),
            )
            return cursor.rowcount == 1

    # ------------------------------------------------------------------ reads

    def source_divisions(self) -> Iterator[tuple[str, str, DivisionCount]]:
        """(source, doc_id, division count) of every stored document that names its source."""
        rows = self._db.execute(
            "SELECT d.source, v.doc_id, v.country, v.admin1, v.names"
            " FROM document_divisions AS v JOIN documents AS d USING (doc_id)"
            " WHERE d.source IS NOT NULL ORDER BY v.doc_id"
        )
        for source, doc_id, country, admin1, names in rows:
            yield source, doc_id, DivisionCount(country, admin1, names)

    def has_document(self, doc_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None

    def document(self, doc_id: str) -> Document | None:
        row = self._db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        published = dt.date.fromisoformat(row["published"]) if row["published"] else None
        return Document(
            row["doc_id"], row["text"], published, row["source"], row["url"], row["title"],
            row["origin"],
        )  # fmt: skip

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
        # Comparisons on event_type, sub_event_type and country ignore case (COLLATE NOCASE).
        filters: list[tuple[str, object]] = []
        if event_type is not None:
            filters.append(("event_type = ?", event_type.strip()))
        if sub_event_type is not None:
            filters.append(("sub_event_type = ?", sub_event_type.strip()))
        if country is not None:
            filters.append(("country = ?", country_code(country)))
        if since is not None:
            filters.append(("date_end >= ?", since.isoformat()))
        if until is not None:
            filters.append(("date_start <= ?", until.isoformat()))
        if doc_id is not None:
            filters.append(("doc_id = ?", doc_id))
        sql = _READ_EVENT
        if filters:
            sql += " WHERE " + " AND ".join(clause for clause, _ in filters)
        sql += " ORDER BY date_start IS NULL, date_start, rowid"
        params = [value for _, value in filters]
        if limit is not None:
            if limit < 0:
                raise BadInputError(f"limit must not be negative, got {limit}")
            sql += " LIMIT ?"
            params.append(limit)
        return [_event_from_row(row) for row in self._db.execute(sql, params)]

    def event(self, event_id: str) -> Event | None:
        row = self._db.execute(_READ_EVENT + " WHERE event_id = ?", (event_id,)).fetchone()
        return _event_from_row(row) if row else None

    def rejections(self) -> list[Rejection]:
        rows = self._db.execute("SELECT origin, line, reason, detail FROM rejections ORDER BY id")
        return [
            Rejection(row["origin"], row["line"], RejectReason(row["reason"]), row["detail"])
            for row in rows
        ]

    def counts(self) -> dict[str, int]:
        tables = {"documents": "documents", "events": "events", "evidence": "event_evidence",
                  "rejections": "rejections"}  # fmt: skip
        return {
            name: int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for name, table in tables.items()
        }

    # -------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({str(self.path)!r})"
