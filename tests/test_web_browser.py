"""The dashboard in a real browser: headless Chromium driven by Playwright (npm
``playwright-core``) against a real server on loopback, over a database that the
real pipeline filled from the seed article and the bundled samples."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from dateline.ingest import InputReader
from dateline.pipeline import Pipeline
from dateline.store import SQLiteStore
from dateline.types import Extraction, Rejection
from dateline.web import create_app
from dateline.web.assets import missing

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_3005e7dc9fbba295.txt"
SCRIPT = REPO / "tests" / "browser" / "dashboard.mjs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HOMS = (34.72682, 36.72339)  # the city's centre (GeoNames)
TOKEN = "browser-test-token"
# Written for this test: markup in the text and the fields around it must stay text.
INJECTED = {
    "text": (
        "Riot police fired tear gas at hundreds of protesters "
        "<img src=x onerror=\"window.__pwned='img'\"> in Homs on Monday and arrested 20 of "
        "them, witnesses said.\n\nSecurity forces <script>window.__pwned='script'</script> "
        "shelled the Waer district of Homs on Sunday, killing 5 people."
    ),
    "published": "2013-07-29",
    "title": "<script>window.__pwned='title'</script>Homs raids",
    "source": "<img src=x onerror=\"window.__pwned='source'\">",
    "url": "javascript:window.__pwned='url'",
}


def _browser_missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed (CI installs it: .ci/run)"
    if not (REPO / "node_modules" / "playwright-core").is_dir():
        return "node_modules is missing: run `make assets` (npm ci)"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}: apt-get install chromium (CI does: .ci/run)"
    if missing():
        return "the map assets are not in static/vendor: run `make assets`"
    return None


# Locally a missing browser skips these tests; in CI (CI=true) they run and fail instead,
# so a broken install step cannot pass unnoticed.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        _browser_missing() is not None and os.environ.get("CI") != "true",
        reason=str(_browser_missing()),
    ),
]


def drive(plan: dict[str, Any]) -> dict[str, Any]:
    """Run the browser script with ``plan``; what it saw."""
    done = subprocess.run(
        ["node", str(SCRIPT), json.dumps(plan)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CHROMIUM": CHROMIUM},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen: dict[str, Any] = json.loads(done.stdout)
    return seen


def get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


class LoopbackServer:
    """uvicorn in a thread, on a port the OS chose on 127.0.0.1."""

    def __init__(self, app: Any) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True
        )

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.socket.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, nlp_pipeline: Pipeline) -> Path:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    path = tmp_path_factory.mktemp("dashboard") / "events.db"
    seed = InputReader(published=dt.date(2013, 7, 29)).read([SEED])
    samples = InputReader().read([REPO / "samples"])
    with SQLiteStore(path) as store:
        for result in nlp_pipeline.run([*seed, *samples]):
            assert not isinstance(result, Rejection), str(result)
            assert isinstance(result, Extraction)
            store.add_extraction(result)
    return path


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[LoopbackServer]:
    with LoopbackServer(create_app(db, token=TOKEN, tiles=None)) as running:
        request = urllib.request.Request(
            running.url + "api/documents",
            data=json.dumps(INJECTED).encode(),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            assert response.status == 201
        yield running


def seed_doc_id(db: Path) -> str:
    with sqlite3.connect(db) as raw:
        row = raw.execute("SELECT doc_id FROM documents WHERE origin = ?", (str(SEED),)).fetchone()
    assert row is not None
    return str(row[0])


def near(lat: float, lon: float, degrees: float = 0.15) -> bool:
    return abs(lat - HOMS[0]) <= degrees and abs(lon - HOMS[1]) <= degrees


@pytest.fixture(scope="module")
def seen(server: LoopbackServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    injected = get(server.url + "api/events?text=onerror")["events"]
    assert injected, "the injected article produced no event"
    shot = tmp_path_factory.mktemp("shots") / "dashboard.png"
    plan = {
        "base": server.url,
        "focus": {"lat": HOMS[0], "lon": HOMS[1], "degrees": 0.15, "zoom": 10},
        "filter_type": "Battles",
        "brush": [0.5, 0.999],
        "screenshot": str(shot),
        "open_event": injected[0]["event_id"],
    }
    result = drive(plan)
    result["screenshot_path"] = str(shot)
    return result


def test_the_page_loads_without_errors(seen: dict[str, Any]) -> None:
    assert seen["page_errors"] == []
    assert seen["console_errors"] == []
    assert seen["notice"] is None
    assert seen["outlines"] > 100  # offline country outlines, no tiles needed
    assert Path(seen["screenshot_path"]).stat().st_size > 20_000


def test_the_map_shows_the_seed_events_at_homs(
    seen: dict[str, Any], server: LoopbackServer, db: Path
) -> None:
    seed_events = get(server.url + f"api/events?doc_id={seed_doc_id(db)}&limit=1000")["events"]
    at_homs = {
        e["event_id"] for e in seed_events if near(e["location"]["lat"], e["location"]["lon"])
    }
    assert at_homs, "the pipeline placed no seed event at Homs"
    assert seen["focus_marker"] is not None, seen["markers"]
    shown = {i for m in seen["markers"] if near(m["lat"], m["lon"]) for i in m["event_ids"]}
    assert at_homs <= shown


def test_clicking_an_event_opens_its_evidence_highlighted(
    seen: dict[str, Any], server: LoopbackServer
) -> None:
    panel = seen["panel"]
    assert panel["event_id"] in seen["focus_marker"]["event_ids"]
    assert seen["focus_marker"]["count"] == 1 or seen["cluster_entries"][0] == panel["event_id"]
    event = get(server.url + f"api/events/{panel['event_id']}")
    assert event["event_type"] in panel["heading"] and event["sub_event_type"] in panel["heading"]
    [source] = event["sources"]
    assert panel["passages"] == [part["text"] for part in source["passages"]]
    marks = panel["marks"]
    assert marks and all(m["background"] not in ("rgba(0, 0, 0, 0)", "transparent") for m in marks)
    for part in source["passages"]:
        for span in part["spans"]:
            covering = "".join(m["text"] for m in marks if span["field"] in m["fields"])
            assert span["text"] in covering, span
    assert {"trigger", "location"} <= {m["field"] for m in marks}


def test_filtering_by_type_changes_the_table(seen: dict[str, Any], server: LoopbackServer) -> None:
    before, after = seen["rows_before"], seen["rows_after"]
    assert len({row["type"] for row in before}) > 1
    assert after and {row["type"] for row in after} == {"Battles"}
    battles = get(server.url + "api/events?type=Battles&limit=50")
    assert {row["event_id"] for row in after} == {e["event_id"] for e in battles["events"]}
    assert len(after) < len(before)


def test_brushing_the_timeline_filters_by_date(seen: dict[str, Any]) -> None:
    brushed = seen["brushed"]
    since, until = brushed["since"], brushed["until"]
    assert since and until and since <= until
    rows = brushed["rows"]
    assert rows and {row["type"] for row in rows} == {"Battles"}  # the type filter still holds
    assert all(row["end"] >= since and row["start"] <= until for row in rows)
    assert len(rows) < len(seen["rows_after"])


def test_script_in_an_article_is_shown_as_text_and_never_runs(seen: dict[str, Any]) -> None:
    opened = seen["opened"]
    assert opened["pwned"] is None
    assert seen["dialogs"] == []
    assert opened["injected_elements"] == 0
    assert "<img src=x onerror" in opened["panel_text"] or "<script>" in opened["panel_text"]
    assert "<script>window.__pwned='title'</script>" in opened["panel_text"]
    assert not any(link and link.startswith("javascript:") for link in opened["links"])


def test_without_map_assets_the_page_says_so_and_still_lists_events(
    db: Path, tmp_path: Path
) -> None:
    with LoopbackServer(create_app(db, tiles=None, vendor=tmp_path / "absent")) as running:
        seen = drive({"base": running.url})
    assert seen["page_errors"] == []
    assert "Map assets are missing" in seen["notice"]
    assert seen["rows_before"]
