"""The SQLite store, on real database files."""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import BadInputError, StoreError
from dateline.store import SCHEMA_VERSION, SQLiteStore, Store
from dateline.store.sqlite import MIGRATIONS, _statements
from dateline.types import (
    Actor,
    DateInterval,
    DivisionCount,
    Document,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Fatalities,
    Granularity,
    InteropCodes,
    Place,
    Precision,
    Rejection,
    RejectReason,
    Span,
)

TEXT = (
    "BEIRUT, July 30 - Government troops retook the district of Khalidiya on Monday, "
    "a monitor said. In a village near Aleppo, 12 people were killed by shelling last week."
)
DOC = Document.from_text(
    TEXT, published=dt.date(2013, 7, 30), source="A Wire", url="https://example.org/a", title="T"
)
ARMY = Actor("Military Forces of Syria", 1, "SY")
REBELS = Actor("Rebels (Syria)", 2, "SY")
HOMS = Place("Khalidiya", "SY", 34.747, 36.703, Precision.NEIGHBOURHOOD, "Homs", None, "Homs")
ALEPPO = Place("Aleppo", "SY", 36.2021, 37.1343, Precision.TOWN, "Aleppo", 170063)


def make_event(
    event_id: str,
    *,
    doc: Document = DOC,
    event_type: str = "Battles",
    sub_event_type: str = "Government regains territory",
    start: dt.date | None = dt.date(2013, 7, 29),
    end: dt.date | None = None,
    place: Place = HOMS,
    background: bool = False,
) -> Event:
    interval = DateInterval(start, end or start, Granularity.DAY) if start else None
    return Event(
        event_id=event_id,
        doc_id=doc.doc_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=EventDate(interval, "on Monday" if interval else None),
        actor1=ARMY,
        assoc_actor1=(Actor("Hezbollah", 3, "LB"),),
        actor2=REBELS,
        location=place,
        fatalities=Fatalities(51, None, "more than 50"),
        sentence=Span(16, 105),
        evidence_text=TEXT[16:105],
        background=background,
        trigger="retook",
        provenance=(
            Evidence("trigger", Span(33, 39), "retook"),
            Evidence("location", Span(56, 65), "Khalidiya"),
            Evidence("date", Span(66, 75), "on Monday"),
        ),
        confidence=0.87654321,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "events.db") as opened:
        yield opened


def raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


# ------------------------------------------------------------------ round trip


def test_an_event_reads_back_equal_in_every_field(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    event = make_event("e1")
    with SQLiteStore(path) as store:
        assert store.add_extraction(Extraction(DOC, (event,))) == 1
    with SQLiteStore(path) as reopened:
        assert reopened.event("e1") == event
        assert reopened.events() == [event]
        assert reopened.document(DOC.doc_id) == DOC
    rows = raw(path, 'SELECT field, start, "end", text FROM event_evidence ORDER BY start')
    assert rows == [(e.field, e.span.start, e.span.end, e.text) for e in event.provenance]
    columns = raw(path, "SELECT event_type, country, date_start, interaction FROM events")
    assert columns == [("Battles", "SY", "2013-07-29", 12)]


def test_an_event_with_no_date_no_target_and_no_deaths_reads_back_equal(
    store: SQLiteStore,
) -> None:
    event = replace(
        make_event("bare", start=None), actor2=None, fatalities=None, assoc_actor1=(), provenance=()
    )
    store.add_extraction(Extraction(DOC, (event,)))
    assert store.event("bare") == event
    assert store.event("missing") is None


names = st.text(min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(
    name=names,
    evidence=st.text(max_size=200),
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
    deaths=st.none() | st.builds(Fatalities, st.integers(0, 10**6), st.none(), names),
    confidence=st.floats(0, 1),
    allies=st.lists(st.builds(Actor, names, st.integers(1, 8), st.none()), max_size=3),
)
def test_any_event_round_trips(
    name: str,
    evidence: str,
    lat: float,
    lon: float,
    deaths: Fatalities | None,
    confidence: float,
    allies: list[Actor],
) -> None:
    place = Place(name, "SY", lat, lon, Precision.TOWN)
    event = replace(
        make_event("h1", place=place),
        actor1=Actor(name, 4, None),
        assoc_actor1=tuple(allies),
        evidence_text=evidence,
        fatalities=deaths,
        confidence=confidence,
    )
    with SQLiteStore(":memory:") as store:
        store.add_extraction(Extraction(DOC, (event,)))
        assert store.event("h1") == event


# ------------------------------------------------------------------ idempotence


def test_storing_an_extraction_twice_stores_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    extraction = Extraction(DOC, (make_event("e1"), make_event("e2", place=ALEPPO)))
    with SQLiteStore(path) as store:
        assert store.add_extraction(extraction) == 2
        first = store.counts()
        assert store.add_extraction(extraction) == 0
        assert store.counts() == first
    assert first == {"documents": 1, "events": 2, "evidence": 6, "rejections": 0}
    assert raw(path, "SELECT n_events FROM documents") == [(2,)]


def test_a_document_is_added_once_and_its_events_later(store: SQLiteStore) -> None:
    assert not store.has_document(DOC.doc_id)
    assert store.add_document(DOC) is True
    assert store.add_document(DOC) is False
    assert store.has_document(DOC.doc_id)
    assert store.add_extraction(Extraction(DOC, (make_event("e1"),))) == 1
    assert store.counts()["documents"] == 1


def test_rejections_are_deduplicated_on_origin_line_and_reason(store: SQLiteStore) -> None:
    bad_line = Rejection("in.jsonl", 3, RejectReason.MALFORMED_JSON, "Expecting value")
    bad_file = Rejection("x.bin", None, RejectReason.BINARY, "NUL bytes")
    assert store.add_rejection(bad_line)
    assert not store.add_rejection(replace(bad_line, detail="another wording"))
    assert store.add_rejection(replace(bad_line, line=4))
    assert store.add_rejection(bad_file)
    assert not store.add_rejection(bad_file)  # no line: still one row
    assert store.add_rejection(replace(bad_file, reason=RejectReason.EMPTY))
    assert store.rejections() == [
        bad_line,
        replace(bad_line, line=4),
        bad_file,
        replace(bad_file, reason=RejectReason.EMPTY),
    ]
    assert store.counts()["rejections"] == 4


# ------------------------------------------------------------------ filters


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    other = Document.from_text("Protesters marched in Nairobi.", published=dt.date(2013, 7, 2))
    nairobi = Place("Nairobi", "KE", -1.28, 36.82, Precision.TOWN, "Nairobi")
    store.add_extraction(
        Extraction(
            DOC,
            (
                make_event("battle", start=dt.date(2013, 7, 29)),
                make_event(
                    "shelling",
                    event_type="Explosions/Remote violence",
                    sub_event_type="Shelling/artillery/missile attack",
                    start=dt.date(2013, 7, 22),
                    end=dt.date(2013, 7, 28),
                    place=ALEPPO,
                ),
                make_event("undated", start=None),
                make_event("old", start=dt.date(2012, 3, 1), background=True),
            ),
        )
    )
    store.add_extraction(
        Extraction(
            other,
            (
                make_event(
                    "protest",
                    doc=other,
                    event_type="Protests",
                    sub_event_type="Peaceful protest",
                    start=dt.date(2013, 7, 1),
                    place=nairobi,
                ),
            ),
        )
    )
    return store


def ids(events: list[Event]) -> list[str]:
    return [e.event_id for e in events]


def test_events_come_earliest_first_with_undated_last(filled: SQLiteStore) -> None:
    assert ids(filled.events()) == ["old", "protest", "shelling", "battle", "undated"]


def test_type_filters_ignore_case(filled: SQLiteStore) -> None:
    assert ids(filled.events(event_type="battles")) == ["old", "battle", "undated"]
    assert ids(filled.events(event_type="PROTESTS")) == ["protest"]
    assert ids(filled.events(sub_event_type="peaceful protest")) == ["protest"]
    assert filled.events(event_type="Riots") == []


@pytest.mark.parametrize("country", ["KE", "ke", "KEN", "Kenya"])
def test_country_filter_takes_codes_and_names(filled: SQLiteStore, country: str) -> None:
    assert ids(filled.events(country=country)) == ["protest"]


def test_syria_by_name(filled: SQLiteStore) -> None:
    assert ids(filled.events(country="Syria")) == ["old", "shelling", "battle", "undated"]


def test_an_unknown_country_is_an_input_error(filled: SQLiteStore) -> None:
    with pytest.raises(BadInputError, match="Narnia"):
        filled.events(country="Narnia")


def test_date_filters_keep_overlapping_events_and_drop_undated(filled: SQLiteStore) -> None:
    # The shelling spans 22-28 July: it overlaps a window that starts on its last day.
    assert ids(filled.events(since=dt.date(2013, 7, 28))) == ["shelling", "battle"]
    assert ids(filled.events(since=dt.date(2013, 7, 29))) == ["battle"]
    assert ids(filled.events(until=dt.date(2013, 7, 22))) == ["old", "protest", "shelling"]
    assert ids(filled.events(until=dt.date(2013, 7, 21))) == ["old", "protest"]
    window = filled.events(since=dt.date(2013, 7, 1), until=dt.date(2013, 7, 1))
    assert ids(window) == ["protest"]


def test_doc_and_limit_filters(filled: SQLiteStore) -> None:
    assert ids(filled.events(doc_id=DOC.doc_id, limit=2)) == ["old", "shelling"]
    assert filled.events(limit=0) == []
    with pytest.raises(BadInputError):
        filled.events(limit=-1)


# ------------------------------------------------------------------ schema


def test_a_new_database_is_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "events.db"
    SQLiteStore(path).close()
    assert raw(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert raw(path, "PRAGMA journal_mode") == [("wal",)]
    tables = {row[0] for row in raw(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "events", "event_evidence", "rejections"} <= tables
    indexes = {row[0] for row in raw(path, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"events_event_type", "events_country", "events_date_start", "events_doc_id"} <= indexes


def test_a_database_from_a_newer_dateline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}") as caught:
        SQLiteStore(path)
    assert "Upgrade dateline" in str(caught.value)
    assert raw(path, "SELECT name FROM sqlite_master") == []  # left untouched


def test_an_unversioned_database_is_given_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (x TEXT)")
    connection.close()
    with SQLiteStore(path) as store:
        assert store.add_extraction(Extraction(DOC, (make_event("e1"),))) == 1
    assert raw(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_a_version_1_database_keeps_its_events_and_gains_the_interop_codes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v1.db"
    connection = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    coded = replace(make_event("new"), codes=InteropCodes("190", "FIGHT", "firearms"))
    with SQLiteStore(path) as store:
        assert store.add_extraction(Extraction(DOC, (coded,))) == 1
        assert store.event("new") == coded
    assert raw(path, "SELECT cameo, plover_type, plover_mode FROM events") == [
        ("190", "FIGHT", "firearms")
    ]
    assert raw(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 100)
    with pytest.raises(StoreError, match="not a dateline database"):
        SQLiteStore(path)


# ------------------------------------------------------------------ transactions


def test_a_failed_extraction_leaves_nothing_half_written(store: SQLiteStore) -> None:
    nowhere = replace(HOMS, lat=math.nan)  # stored as NULL, which the schema refuses
    bad = Extraction(DOC, (make_event("good"), make_event("bad", place=nowhere)))
    with pytest.raises(StoreError, match=r"events\.lat"):
        store.add_extraction(bad)
    assert store.counts() == {"documents": 0, "events": 0, "evidence": 0, "rejections": 0}
    assert not store.has_document(DOC.doc_id)
    # The connection is usable again afterwards.
    assert store.add_extraction(Extraction(DOC, (make_event("good"),))) == 1


def test_an_event_of_another_document_aborts_the_whole_extraction(store: SQLiteStore) -> None:
    stranger = Document.from_text("Another article.")
    bad = Extraction(DOC, (make_event("mine"), make_event("theirs", doc=stranger)))
    with pytest.raises(StoreError, match="belongs to document"):
        store.add_extraction(bad)
    assert store.counts()["events"] == 0
    assert not store.has_document(DOC.doc_id)


def test_a_closed_store_refuses_work(tmp_path: Path) -> None:
    store: Store = SQLiteStore(tmp_path / "events.db")
    with store:
        store.add_document(DOC)
    with pytest.raises(sqlite3.ProgrammingError):
        store.has_document(DOC.doc_id)


def test_a_reader_sees_committed_events_while_the_writer_stays_open(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with SQLiteStore(path) as writer, SQLiteStore(path) as reader:
        writer.add_extraction(Extraction(DOC, (make_event("e1"),)))
        assert ids(reader.events()) == ["e1"]


def test_what_a_document_taught_of_its_source_is_kept_once(tmp_path: Path) -> None:
    texas = (DivisionCount("US", "Texas", 2), DivisionCount("US", "Ohio", 1))
    sourceless = Document.from_text("Another text.", published=dt.date(2013, 7, 30))
    with SQLiteStore(tmp_path / "d.db") as store:
        store.add_extraction(Extraction(DOC, (), texas))
        store.add_extraction(Extraction(DOC, (), texas))  # again: nothing twice
        store.add_extraction(Extraction(sourceless, (), texas))
        learned = list(store.source_divisions())
    assert sorted(learned, key=lambda row: row[2].admin1) == [
        ("A Wire", DOC.doc_id, DivisionCount("US", "Ohio", 1)),
        ("A Wire", DOC.doc_id, DivisionCount("US", "Texas", 2)),
    ]
