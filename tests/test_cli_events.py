"""``dateline events`` over a real database file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dateline.cli.events import events_command
from dateline.cli.output import CSV_COLUMNS
from dateline.store import SCHEMA_VERSION, SQLiteStore
from dateline.types import (
    Actor,
    DateInterval,
    Document,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Fatalities,
    Granularity,
    Place,
    Precision,
    Span,
)

SYRIA_TEXT = "Troops retook Khalidiya [Homs] on Monday; 12 fighters were killed."
KENYA_TEXT = "Thousands of teachers marched in Nairobi on Tuesday."


def event(
    event_id: str,
    doc: Document,
    event_type: str,
    sub_event_type: str,
    day: dt.date | None,
    place: Place,
    actor1: Actor,
    *,
    actor2: Actor | None = None,
    fatalities: Fatalities | None = None,
    background: bool = False,
) -> Event:
    interval = DateInterval(day, day, Granularity.DAY) if day else None
    return Event(
        event_id=event_id,
        doc_id=doc.doc_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=EventDate(interval, "on Monday" if day else None),
        actor1=actor1,
        assoc_actor1=(),
        actor2=actor2,
        location=place,
        fatalities=fatalities,
        sentence=Span(0, len(doc.text)),
        evidence_text=doc.text,
        background=background,
        trigger="retook",
        provenance=(Evidence("trigger", Span(7, 13), "retook"),),
        confidence=0.9,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.db"
    syria = Document.from_text(SYRIA_TEXT, published=dt.date(2013, 7, 30))
    kenya = Document.from_text(KENYA_TEXT, published=dt.date(2013, 7, 3))
    homs = Place("Khalidiya [Homs]", "SY", 34.747, 36.703, Precision.NEIGHBOURHOOD, "Homs")
    nairobi = Place("Nairobi", "KE", -1.28, 36.82, Precision.TOWN, "Nairobi")
    army = Actor("Military Forces of Syria", 1, "SY")
    with SQLiteStore(path) as store:
        store.add_extraction(
            Extraction(
                syria,
                (
                    event(
                        "battle0000000001", syria, "Battles", "Government regains territory",
                        dt.date(2013, 7, 29), homs, army,
                        actor2=Actor("Rebels (Syria)", 2, "SY"),
                        fatalities=Fatalities(12, 12, "12 fighters"),
                    ),
                    event(
                        "capture000000002", syria, "Battles", "Non-state actor overtakes territory",
                        dt.date(2012, 3, 1), homs, Actor("Rebels (Syria)", 2, "SY"),
                        background=True,
                    ),
                    event(
                        "undated000000003", syria, "Strategic developments", "Arrests",
                        None, homs, army,
                    ),
                ),
            )
        )  # fmt: skip
        store.add_extraction(
            Extraction(
                kenya,
                (
                    event(
                        "protest000000004", kenya, "Protests", "Peaceful protest",
                        dt.date(2013, 7, 2), nairobi, Actor("Protesters (Kenya)", 6, "KE"),
                    ),
                ),
            )
        )  # fmt: skip
    return path


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner(env={"COLUMNS": "200", **(env or {})}).invoke(events_command, list(args))


def test_json_lists_every_event_earliest_first(db: Path) -> None:
    result = invoke("--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [r["event_id"] for r in records] == [
        "capture000000002",
        "protest000000004",
        "battle0000000001",
        "undated000000003",
    ]
    battle = records[2]
    assert battle["location"]["country"] == "SY"
    assert battle["date"] == {"start": "2013-07-29", "end": "2013-07-29", "granularity": "day"}
    assert battle["fatalities"] == {"min": 12, "max": 12, "text": "12 fighters"}
    assert battle["provenance"] == [{"field": "trigger", "start": 7, "end": 13, "text": "retook"}]


def test_filters_combine(db: Path) -> None:
    result = invoke(
        "--db", str(db), "--type", "battles", "--country", "Syria", "--since", "2013-07-01",
        "--format", "jsonl",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == ["battle0000000001"]


def test_sub_type_until_and_limit(db: Path) -> None:
    protests = invoke("--db", str(db), "--sub-type", "PEACEFUL PROTEST", "--format", "jsonl")
    assert [json.loads(x)["event_id"] for x in protests.output.splitlines()] == ["protest000000004"]
    early = invoke("--db", str(db), "--until", "2013-07-02", "--limit", "1", "--format", "jsonl")
    assert [json.loads(x)["event_id"] for x in early.output.splitlines()] == ["capture000000002"]


def test_csv_has_a_stable_header_and_flat_values(db: Path) -> None:
    result = invoke("--db", str(db), "--country", "sy", "--format", "csv")
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.output))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    rows = {row["event_id"]: row for row in reader}
    assert set(rows) == {"capture000000002", "battle0000000001", "undated000000003"}
    battle = rows["battle0000000001"]
    assert battle["location_name"] == "Khalidiya [Homs]"
    assert (battle["actor2_name"], battle["actor2_kind"], battle["interaction"]) == (
        "Rebels (Syria)",
        "2",
        "12",
    )
    assert (battle["fatalities_min"], battle["fatalities_max"]) == ("12", "12")
    assert rows["capture000000002"]["background"] == "true"
    assert rows["undated000000003"]["date_start"] == ""


def test_table_shows_short_ids_places_and_background(db: Path) -> None:
    result = invoke("--db", str(db))
    assert result.exit_code == 0, result.output
    assert "4 events" in result.output
    assert "battle00" in result.output and "battle0000000001" not in result.output
    assert "Khalidiya [Homs], SY" in result.output  # brackets printed, not read as markup
    assert "(background)" in result.output
    assert "unknown" in result.output  # the undated event


def test_no_match_is_not_an_error(db: Path) -> None:
    assert "No events." in invoke("--db", str(db), "--type", "Riots").output
    assert json.loads(invoke("--db", str(db), "--type", "Riots", "--format", "json").output) == []


def test_the_database_defaults_to_dateline_db_from_the_environment(db: Path) -> None:
    result = invoke("--format", "jsonl", env={"DATELINE_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 4


def test_a_missing_database_says_how_to_make_one(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    result = invoke("--db", str(missing))
    assert result.exit_code == 2
    assert str(missing) in result.output
    assert "dateline run" in result.output
    assert not missing.exists()


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--country", "Narnia"], "--country"),
        (["--since", "2013-08-01", "--until", "2013-07-01"], "--since"),
        (["--since", "29/07/2013"], "--since"),
        (["--format", "xml"], "--format"),
        (["--limit", "0"], "--limit"),
    ],
)
def test_bad_options_are_usage_errors(db: Path, args: list[str], complaint: str) -> None:
    result = invoke("--db", str(db), *args)
    assert result.exit_code == 2
    assert complaint in result.output


def test_a_database_from_a_newer_dateline_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    result = invoke("--db", str(path))
    assert result.exit_code == 1
    assert "E003" in result.output and "schema version" in result.output


def test_help_has_examples() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "dateline events --type battles --country Syria --since 2013-07-01" in result.output
