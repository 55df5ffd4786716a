"""The HTTP API over a real SQLite file, through FastAPI's test client."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.serialize import event_to_dict
from dateline.store import SCHEMA_VERSION, SQLiteStore
from dateline.store.query import EventFilter, passages
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
    Place,
    Precision,
    Span,
)
from dateline.web import create_app
from dateline.web.assets import SWAGGER_FILES

HOMS = Place("Khaldiyeh", "SY", 34.75, 36.71, Precision.NEIGHBOURHOOD, "Homs")
ALEPPO = Place("Aleppo", "SY", 36.20, 37.16, Precision.TOWN, "Aleppo")
NAIROBI = Place("Nairobi", "KE", -1.28, 36.82, Precision.TOWN, "Nairobi")
FIJI = Place("Suva", "FJ", -18.14, 178.44, Precision.TOWN, "Central")
ARMY = Actor("Military Forces of Syria", 1, "SY")
REBELS = Actor("Rebels (Syria)", 2, "SY")


def make_event(
    doc: Document,
    sentence: str,
    event_type: str,
    sub_event_type: str,
    day: dt.date | None,
    place: Place,
    actor1: Actor,
    *,
    actor2: Actor | None = None,
    deaths: int | None = None,
    evidence: tuple[tuple[str, str], ...] = (),
) -> Event:
    start = doc.text.index(sentence)
    spans = []
    for field, words in evidence:
        at = doc.text.index(words, start)
        spans.append(Evidence(field, Span(at, at + len(words)), words))
    key = f"{doc.doc_id}{sentence}{sub_event_type}".encode()
    return Event(
        event_id=hashlib.sha256(key).hexdigest()[:16],
        doc_id=doc.doc_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=EventDate(DateInterval(day, day, Granularity.DAY) if day else None, None),
        actor1=actor1,
        assoc_actor1=(),
        actor2=actor2,
        location=place,
        fatalities=Fatalities(deaths, deaths, f"{deaths} killed") if deaths is not None else None,
        sentence=Span(start, start + len(sentence)),
        evidence_text=sentence,
        background=False,
        trigger=evidence[0][1] if evidence else "",
        provenance=tuple(spans),
        confidence=0.8,
    )


SYRIA = (
    "Troops retook Khaldiyeh on Monday after a month of fighting; 12 rebels were killed.\n"
    "The army had shelled Aleppo on Saturday.\n"
    "Officials said on Monday the offensive would go on."
)
KENYA = "Thousands of teachers marched in Nairobi on Tuesday to demand higher pay."
FIJI_TEXT = "Police in Suva arrested 3 union leaders on Sunday, 100% of them unarmed."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "events.db"
    syria = Document.from_text(SYRIA, published=dt.date(2013, 7, 30), title="Army retakes")
    kenya = Document.from_text(KENYA, published=dt.date(2013, 7, 3))
    fiji = Document.from_text(FIJI_TEXT, published=dt.date(2014, 1, 6))
    retook = make_event(
        syria, SYRIA.splitlines()[0], "Battles", "Government regains territory",
        dt.date(2013, 7, 29), HOMS, ARMY, actor2=REBELS, deaths=12,
        evidence=(("actor1", "Troops"), ("trigger", "retook"), ("location", "Khaldiyeh"),
                  ("fatalities", "12 rebels were killed"), ("date", "on Monday"),
                  ("date", "Officials said on Monday")),
    )  # fmt: skip
    shelled = make_event(
        syria,
        SYRIA.splitlines()[1],
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        dt.date(2013, 7, 27),
        ALEPPO,
        ARMY,
        evidence=(("trigger", "shelled"), ("location", "Aleppo")),
    )
    marched = make_event(
        kenya, KENYA, "Protests", "Peaceful protest", dt.date(2013, 7, 2), NAIROBI,
        Actor("Protesters (Kenya)", 6, "KE"), evidence=(("trigger", "marched"),),
    )  # fmt: skip
    arrested = make_event(
        fiji, FIJI_TEXT, "Strategic developments", "Arrests", None, FIJI,
        Actor("Police Forces of Fiji", 1, "FJ"), evidence=(("trigger", "arrested"),),
    )  # fmt: skip
    with SQLiteStore(path) as store:
        store.add_extraction(Extraction(syria, (retook, shelled)))
        store.add_extraction(Extraction(kenya, (marched,)))
        store.add_extraction(Extraction(fiji, (arrested,)))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, tiles=None), raise_server_exceptions=False) as test_client:
        yield test_client


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["location"]["name"] for e in response.json()["events"]]


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code
    return error


# ------------------------------------------------------------------ reading


def test_events_are_listed_earliest_first_with_a_total(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 4
    assert [e["location"]["name"] for e in body["events"]] == [
        "Nairobi", "Aleppo", "Khaldiyeh", "Suva",
    ]  # fmt: skip
    newest = client.get("/api/events", params={"order": "-date"}).json()["events"]
    assert [e["location"]["name"] for e in newest][:3] == ["Khaldiyeh", "Aleppo", "Nairobi"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "battles"}, ["Khaldiyeh"]),
        ({"sub_type": "peaceful PROTEST"}, ["Nairobi"]),
        ({"country": "Syria"}, ["Aleppo", "Khaldiyeh"]),
        ({"country": "SY", "since": "2013-07-28"}, ["Khaldiyeh"]),
        ({"until": "2013-07-27"}, ["Nairobi", "Aleppo"]),
        ({"actor": "rebels"}, ["Khaldiyeh"]),
        ({"actor": "forces of"}, ["Aleppo", "Khaldiyeh", "Suva"]),
        ({"text": "teachers"}, ["Nairobi"]),
        ({"text": "100%"}, ["Suva"]),  # % is a character to find, not a LIKE wildcard
        ({"text": "_"}, []),
        ({"bbox": "35,33,38,37"}, ["Aleppo", "Khaldiyeh"]),
        ({"bbox": "170,-30,-170,0"}, ["Suva"]),  # across the antimeridian
        ({"doc_id": "0" * 16}, []),
    ],
)
def test_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    assert ids(client.get("/api/events", params=params)) == expected


def test_pages(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    names = [e["location"]["name"] for e in first["events"] + second["events"]]
    assert names == ["Nairobi", "Aleppo", "Khaldiyeh", "Suva"]


def test_geojson(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "geojson", "country": "KE"})
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 1
    [feature] = body["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.82, -1.28]}
    assert feature["properties"]["sub_event_type"] == "Peaceful protest"


def test_one_event_has_its_source_and_evidence(client: TestClient) -> None:
    [listed] = client.get("/api/events", params={"type": "Battles"}).json()["events"]
    event = client.get(f"/api/events/{listed['event_id']}").json()
    assert event["fatalities"]["min"] == 12
    [source] = event["sources"]
    assert source["title"] == "Army retakes" and source["published"] == "2013-07-30"
    fields = [(span["field"], span["text"]) for span in source["evidence"]]
    assert ("location", "Khaldiyeh") in fields and ("actor1", "Troops") in fields
    # The sentence, and the line of the date span that lies outside it.
    first, second = source["passages"]
    assert first["text"] == SYRIA.splitlines()[0]
    assert second["text"] == SYRIA.splitlines()[2]
    for part in source["passages"]:
        for span in part["spans"]:
            assert part["text"][span["start"] : span["end"]] == span["text"]


def test_document(client: TestClient) -> None:
    [event] = client.get("/api/events", params={"country": "KE"}).json()["events"]
    doc = client.get(f"/api/documents/{event['doc_id']}").json()
    assert doc["text"] == KENYA and doc["n_events"] == 1
    assert [e["event_id"] for e in doc["events"]] == [event["event_id"]]


def test_stats(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["total"] == 4
    assert {g["key"]: g["count"] for g in stats["by_country"]} == {"FJ": 1, "KE": 1, "SY": 2}
    assert {"key": "Battles", "count": 1, "fatalities": 12} in stats["by_type"]
    assert [g["key"] for g in stats["by_day"]] == [None, "2013-07-02", "2013-07-27", "2013-07-29"]
    syria = client.get("/api/stats", params={"country": "SY"}).json()
    assert syria["total"] == 2


def test_dashboard_page_and_docs_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>dateline" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/js/main.js").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    assert client.get("/api/health").json() == {"status": "ok"}


def test_missing_map_assets_are_reported_and_the_api_still_works(db: Path, tmp_path: Path) -> None:
    app = create_app(db, tiles=None, vendor=tmp_path / "absent")
    with TestClient(app) as test_client:
        assert "leaflet.js" in test_client.get("/api/config").json()["missing_assets"]
        assert test_client.get("/api/events").json()["total"] == 4
        assert_error(test_client.get("/static/vendor/leaflet.js"), 404, "not_found")


def test_the_openapi_page_uses_local_swagger_files_when_they_are_there(
    db: Path, tmp_path: Path
) -> None:
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    with TestClient(create_app(db, tiles=None, vendor=vendor)) as test_client:
        online = test_client.get("/docs")
        assert online.status_code == 200 and "/static/vendor/swagger-ui" not in online.text
        for name in SWAGGER_FILES.values():
            (vendor / name).write_text("/* swagger */", encoding="utf-8")
        offline = test_client.get("/docs")
        assert "/static/vendor/swagger-ui-bundle.js" in offline.text
        assert test_client.get("/static/vendor/swagger-ui-bundle.js").text == "/* swagger */"


def test_vendor_files_do_not_escape_their_folder(db: Path, tmp_path: Path) -> None:
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    (tmp_path / "secret.txt").write_text("not for the web", encoding="utf-8")
    with TestClient(create_app(db, tiles=None, vendor=vendor)) as test_client:
        for name in ("../secret.txt", "..%2Fsecret.txt", "%2E%2E/secret.txt"):
            response = test_client.get(f"/static/vendor/{name}")
            assert "not for the web" not in response.text
            assert response.status_code == 404


# ------------------------------------------------------------------ errors


def test_not_found_shapes(client: TestClient) -> None:
    assert_error(client.get("/api/events/nope"), 404, "not_found")
    assert_error(client.get("/api/documents/nope"), 404, "not_found")
    assert_error(client.get("/api/no-such-route"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "ten"},
        {"limit": "5000"},
        {"offset": "-1"},
        {"since": "yesterday"},
        {"since": "2013-08-01", "until": "2013-07-01"},
        {"order": "event_type; DROP TABLE events"},
        {"format": "xml"},
        {"bbox": "1,2,3"},
        {"bbox": "0,80,10,10"},
        {"country": "Atlantis"},
        {"text": "x" * 201},
    ],
)
def test_bad_parameters_are_422_in_the_error_shape(
    client: TestClient, params: dict[str, str]
) -> None:
    assert_error(client.get("/api/events", params=params), 422)


def test_an_unexpected_failure_is_500_in_the_error_shape(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    doc = Document.from_text(KENYA)
    marched = make_event(
        doc, KENYA, "Protests", "Peaceful protest", dt.date(2013, 7, 2), NAIROBI,
        Actor("Protesters (Kenya)", 6, "KE"),
    )  # fmt: skip
    with SQLiteStore(path) as store:
        store.add_extraction(Extraction(doc, (marched,)))
    with sqlite3.connect(path) as raw:  # a record damaged outside dateline
        raw.execute("UPDATE events SET record = '{not json'")
    with TestClient(create_app(path, tiles=None), raise_server_exceptions=False) as test_client:
        error = assert_error(test_client.get(f"/api/events/{marched.event_id}"), 500)
        assert error["code"] == "internal_error"
        assert "not json" not in error["message"]


# ------------------------------------------------------------------ injection

INJECTIONS = [
    "' OR '1'='1",
    "SY' OR 1=1 --",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "1) UNION SELECT record FROM events --",
    "%' OR 'x'='x",
    "\\' OR 1=1 --",
    "Battles' /*",
]
FILTERS = ["type", "sub_type", "country", "actor", "text", "doc_id"]


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("attack", INJECTIONS)
def test_sql_injection_in_any_filter_matches_nothing_and_changes_nothing(
    client: TestClient, db: Path, name: str, attack: str
) -> None:
    for path in ("/api/events", "/api/stats"):
        response = client.get(path, params={name: attack})
        if response.status_code == 422:  # e.g. not a country: refused, in the error shape
            assert_error(response, 422)
            continue
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["total"] == 0
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_sql_injection_in_paths_is_not_found(client: TestClient) -> None:
    for attack in ("x' OR '1'='1", "x%27%20OR%201=1--"):
        assert_error(client.get(f"/api/events/{attack}"), 404)
        assert_error(client.get(f"/api/documents/{attack}"), 404)


# ------------------------------------------------------------------ ingest


def test_ingest_is_refused_on_a_read_only_server(client: TestClient) -> None:
    error = assert_error(client.post("/api/documents", json={"text": KENYA}), 403)
    assert error["code"] == "ingest_disabled"


def test_ingest_needs_the_right_token(db: Path) -> None:
    with TestClient(create_app(db, token="s3cret", tiles=None)) as test_client:
        for headers in (
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": "Basic s3cret"},
            {"Authorization": "Bearer s3cret-and-more"},
        ):
            response = test_client.post("/api/documents", json={"text": KENYA}, headers=headers)
            assert_error(response, 401, "unauthorized")
            assert response.headers["www-authenticate"] == "Bearer"
        good = {"Authorization": "Bearer s3cret"}
        assert_error(test_client.post("/api/documents", json={}, headers=good), 422)
        assert_error(test_client.post("/api/documents", json={"text": "  "}, headers=good), 422)
        malformed = test_client.post(
            "/api/documents", content=b"{", headers={**good, "Content-Type": "application/json"}
        )
        assert_error(malformed, 422, "validation_error")


@pytest.mark.slow
def test_ingest_runs_the_pipeline_and_stores_the_events(tmp_path: Path) -> None:
    path = tmp_path / "ingest.db"
    text = (
        "Riot police fired tear gas at hundreds of protesters in Homs on Monday and "
        "arrested 20 of them, witnesses said."
    )
    article = {"text": text, "published": "2013-07-29", "source": "Test Wire"}
    good = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(path, token="s3cret", tiles=None)) as test_client:
        created = test_client.post("/api/documents", json=article, headers=good)
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["new"] is True and body["events"]
        assert all(e["location"]["country"] == "SY" for e in body["events"])
        again = test_client.post("/api/documents", json=article, headers=good)
        assert again.status_code == 200 and again.json()["new"] is False
        listed = test_client.get("/api/events", params={"doc_id": body["doc_id"]}).json()
        assert listed["total"] == len(body["events"])
        stored = test_client.get(f"/api/documents/{body['doc_id']}").json()
        assert stored["source"] == "Test Wire" and stored["published"] == "2013-07-29"


@pytest.mark.slow
def test_ingest_knows_where_a_source_s_stored_articles_were(tmp_path: Path) -> None:
    path = tmp_path / "courier.db"
    earlier = Document.from_text("An earlier article.", source="East Texas Courier")
    with SQLiteStore(path) as store:
        store.add_extraction(Extraction(earlier, (), (DivisionCount("US", "Texas", 3),)))
    text = "About 200 parents protested outside the Athens school board offices on Thursday."
    article = {"text": text, "published": "2024-03-08", "source": "East Texas Courier"}
    good = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(path, token="s3cret", tiles=None)) as test_client:
        created = test_client.post("/api/documents", json=article, headers=good)
    assert created.status_code == 201, created.text
    assert [e["location"]["admin1"] for e in created.json()["events"]] == ["Texas"]


def test_listed_events_are_event_to_dict_records_in_todays_shape(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    doc = Document.from_text(KENYA)
    marched = make_event(
        doc, KENYA, "Protests", "Peaceful protest", dt.date(2013, 7, 2), NAIROBI,
        Actor("Protesters (Kenya)", 6, "KE"), evidence=(("trigger", "marched"),),
    )  # fmt: skip
    with SQLiteStore(path) as store:
        store.add_extraction(Extraction(doc, (marched,)))
    with TestClient(create_app(path, tiles=None)) as test_client:
        [listed] = test_client.get("/api/events").json()["events"]
        assert listed == event_to_dict(marched)
    with sqlite3.connect(path) as raw:  # as a version that had no "codes" would have stored it
        raw.execute("UPDATE events SET record = json_remove(record, '$.codes')")
    with TestClient(create_app(path, tiles=None)) as test_client:
        [listed] = test_client.get("/api/events").json()["events"]
        assert listed == event_to_dict(marched)


def test_a_country_and_date_query_is_answered_from_the_index(db: Path) -> None:
    where = EventFilter(country="SY", since=dt.date(2013, 7, 1))
    sql, params = where.where()
    with sqlite3.connect(db) as raw:
        plan = " ".join(
            str(row[3])
            for row in raw.execute(f"EXPLAIN QUERY PLAN SELECT count(*) FROM events{sql}", params)
        )
    assert "COVERING INDEX events_country_dates" in plan


def test_a_version_2_database_gains_the_api_indexes(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    with sqlite3.connect(path) as raw:
        for statement in _statements(MIGRATIONS[0]) + _statements(MIGRATIONS[1]):
            raw.execute(statement)
        raw.execute("PRAGMA user_version = 2")
    SQLiteStore(path).close()
    with sqlite3.connect(path) as raw:
        indexes = {
            row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"events_country_dates", "events_type_dates", "events_lat_lon"} <= indexes


def test_passages_merge_and_shift_spans() -> None:
    text = "First line.\nSecond line with a date.\nThird."
    spans = [
        {"field": "trigger", "start": 0, "end": 5, "text": "First"},
        {"field": "date", "start": 31, "end": 35, "text": "date"},
    ]
    first, second = passages(text, (0, 11), spans)
    assert first == {"start": 0, "end": 11, "text": "First line.", "spans": [spans[0]]}
    assert second["text"] == "Second line with a date."
    [date] = second["spans"]
    assert second["text"][date["start"] : date["end"]] == "date"


def test_dateline_serve_answers_on_loopback(db: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-c", "from dateline.cli.main import cli; cli()"]
    args = ["serve", "--db", str(db), "--port", str(port), "--tiles", "none"]
    process = subprocess.Popen([*command, *args], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                health = get_json(f"http://127.0.0.1:{port}/api/health")
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "dateline serve did not answer"
                time.sleep(0.2)
        assert health == {"status": "ok"}
        assert get_json(f"http://127.0.0.1:{port}/api/stats")["total"] > 0
    finally:
        process.terminate()
        process.wait(10)
