"""``dateline bench api``: latency of the events API under concurrent clients on loopback.

N synthetic events go into a temporary SQLite store, ``dateline serve`` runs on
127.0.0.1 in a child process, and a bounded number of requests come from a fixed
number of concurrent clients. The baselines, measured in the same run, are
``GET /api/health`` (the web stack without the database) and the same query run
directly on the database without HTTP.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import click
from rich.console import Console
from rich.table import Table

from dateline.store import SQLiteStore
from dateline.store import query as q
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
from dateline.web.loadtest import LoadResult, load

# Countries the synthetic events fall in, with a point to scatter them around.
_COUNTRIES = {
    "SY": (35.0, 38.5), "IQ": (33.2, 43.7), "YE": (15.5, 47.5), "AF": (34.0, 66.0),
    "ML": (17.0, -3.0), "NG": (9.1, 8.7), "SO": (5.2, 46.2), "SD": (15.5, 30.0),
    "UA": (49.0, 32.0), "MX": (23.6, -102.5), "CO": (4.6, -74.1), "PK": (30.4, 69.3),
    "IN": (22.0, 79.0), "MM": (21.9, 95.9), "CD": (-2.9, 23.6), "ET": (9.1, 40.5),
    "LY": (27.0, 17.0), "KE": (0.2, 37.9), "PH": (12.9, 121.8), "BR": (-14.2, -51.9),
}  # fmt: skip
_ACTORS = [
    ("Military Forces of {c}", 1),
    ("Rebels ({c})", 2),
    ("Protesters ({c})", 6),
    ("Police Forces of {c}", 1),
    ("Civilians ({c})", 7),
    ("Unidentified Armed Group ({c})", 3),
]
_FIRST_DAY = dt.date(2010, 1, 1)
_DAYS = 15 * 365


def _types() -> list[tuple[str, str]]:
    data = json.loads(
        resources.files("dateline.resources").joinpath("acled_types.json").read_text()
    )
    return [(kind, sub) for kind, subs in data["event_types"].items() for sub in subs]


def synthetic_extractions(
    n: int, *, per_document: int = 500, seed: int = 7
) -> Iterator[Extraction]:
    """``n`` made-up events in documents of ``per_document`` events, the same for one seed."""
    rng = random.Random(seed)
    types = _types()
    made = 0
    while made < n:
        count = min(per_document, n - made)
        rows = []
        for i in range(count):
            code = rng.choice(list(_COUNTRIES))
            lat, lon = _COUNTRIES[code]
            kind, sub = rng.choice(types)
            name, actor_kind = rng.choice(_ACTORS)
            day = _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS))
            place = Place(
                f"Town {made + i}",
                code,
                lat + rng.uniform(-2, 2),
                lon + rng.uniform(-2, 2),
                Precision.TOWN,
            )
            deaths = rng.choice([None, None, 0, 1, 2, 5, 12])
            sentence = f"{name.format(c=code)} reported {sub.lower()} in {place.name} on {day}."
            rows.append(
                (
                    sentence,
                    kind,
                    sub,
                    Actor(name.format(c=code), actor_kind, code),
                    place,
                    day,
                    deaths,
                )
            )
        text = "\n".join(row[0] for row in rows)
        doc = Document.from_text(text, published=rows[-1][5], origin="<bench>")
        events, offset = [], 0
        for sentence, kind, sub, actor, place, day, deaths in rows:
            at = text.index(" in ", offset) + 4
            events.append(
                Event(
                    event_id=f"{doc.doc_id}{offset:08x}"[-16:],
                    doc_id=doc.doc_id,
                    event_type=kind,
                    sub_event_type=sub,
                    date=EventDate(DateInterval(day, day, Granularity.DAY), str(day)),
                    actor1=actor,
                    assoc_actor1=(),
                    actor2=None,
                    location=place,
                    fatalities=Fatalities(deaths, deaths, f"{deaths} killed") if deaths else None,
                    sentence=Span(offset, offset + len(sentence)),
                    evidence_text=sentence,
                    background=False,
                    trigger="reported",
                    provenance=(Evidence("location", Span(at, at + len(place.name)), place.name),),
                    confidence=0.5,
                )
            )
            offset += len(sentence) + 1
        made += count
        yield Extraction(doc, tuple(events))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                return
        except OSError:
            if process.poll() is not None:
                raise click.ClickException("the server exited before it answered") from None
            if time.monotonic() > deadline:
                raise click.ClickException("the server did not answer within a minute") from None
            time.sleep(0.2)


def _raw_query(db: Path, where: q.EventFilter, repeat: int) -> tuple[float, int]:
    """Median time in ms of the same count and page query straight on the database,
    and how many events match."""
    connection = q.connect(db)
    times = []
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            total = q.count_events(connection, where)
            q.event_records(connection, where)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        connection.close()
    return statistics.median(times), total


@click.command("api")
@click.option(
    "--events",
    "n_events",
    default=100_000,
    show_default=True,
    type=click.IntRange(1, 2_000_000),
    help="Synthetic events to store.",
)
@click.option(
    "--clients",
    default=20,
    show_default=True,
    type=click.IntRange(1, 200),
    help="Concurrent connections.",
)
@click.option(
    "--requests",
    "n_requests",
    default=2000,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Requests per endpoint measured.",
)
@click.option(
    "--seconds",
    default=60.0,
    show_default=True,
    type=click.FloatRange(1, 600),
    help="Time limit per endpoint measured.",
)
@click.option("--country", default="SY", show_default=True)
@click.option("--since", default="2020-01-01", show_default=True, metavar="YYYY-MM-DD")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def bench_api_command(
    n_events: int,
    clients: int,
    n_requests: int,
    seconds: float,
    country: str,
    since: str,
    as_json: bool,
) -> None:
    """Latency percentiles and throughput of GET /api/events?country=..&since=..

    Baselines from the same run: GET /api/health (HTTP and framework only) and
    the same query straight on the database. Loopback only; the temporary
    database is deleted afterwards.

    \b
    Examples:
      dateline bench api
      dateline bench api --events 20000 --clients 5 --requests 500 --json
    """
    err = Console(stderr=True)
    where = q.EventFilter(country=country, since=dt.date.fromisoformat(since))
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
        db = Path(folder) / "bench.db"
        started = time.perf_counter()
        with SQLiteStore(db) as store, err.status(f"storing {n_events} synthetic events"):
            for extraction in synthetic_extractions(n_events):
                store.add_extraction(extraction)
        load_s = time.perf_counter() - started
        raw_ms, matching = _raw_query(db, where, repeat=50)
        port = _free_port()
        command = [
            sys.executable,
            "-c",
            "from dateline.cli.main import cli; cli()",
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--tiles",
            "none",
        ]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_until_up(port, server)
            path = "/api/events?" + urlencode({"country": country, "since": since})
            results: list[LoadResult] = []
            for target in ("/api/health", path):
                load(port, target, clients=clients, requests=min(100, n_requests), seconds=10)
                with err.status(f"{n_requests} x GET {target}, {clients} clients"):
                    results.append(
                        load(port, target, clients=clients, requests=n_requests, seconds=seconds)
                    )
        finally:
            server.terminate()
            server.wait(10)
    health, events = results
    report: dict[str, Any] = {
        "events_stored": n_events,
        "store_load_s": round(load_s, 1),
        "matching_events": matching,
        "raw_query_ms": round(raw_ms, 2),
        "health": health.summary(),
        "events": events.summary(),
        "p95_ratio_to_health": round(events.percentile(95) / health.percentile(95), 2),
        "ms_per_request_ratio_to_health": round(
            (1000 / events.throughput) / (1000 / health.throughput), 2
        ),
        "ms_per_request_ratio_to_raw_query": round((1000 / events.throughput) / raw_ms, 2),
    }
    _print(report, as_json)


def _print(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    table = Table(
        title=f"GET /api/events at {report['events']['clients']} clients, "
        f"{report['events_stored']} events stored"
    )
    for column in ("endpoint", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "req/s"):
        table.add_column(column, justify="left" if column == "endpoint" else "right")
    for row in (report["health"], report["events"]):
        table.add_row(
            row["path"],
            str(row["requests"]),
            str(row["errors"]),
            str(row["p50_ms"]),
            str(row["p95_ms"]),
            str(row["p99_ms"]),
            str(row["throughput_rps"]),
        )
    Console().print(table)
    click.echo(
        f"raw query (count + first page, no HTTP): {report['raw_query_ms']} ms; "
        f"events p95 / health p95 = {report['p95_ratio_to_health']}; "
        f"time per request when busy: {report['ms_per_request_ratio_to_health']} x health, "
        f"{report['ms_per_request_ratio_to_raw_query']} x the raw query; "
        f"store filled in {report['store_load_s']} s"
    )
