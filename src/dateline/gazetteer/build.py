"""Build the place index: one SQLite file from the sources in ``sources``.

The file is written under a temporary name and renamed into place, so a reader never
sees a half-built index.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.gazetteer.normalize import skeleton, split_article
from dateline.gazetteer.sources import Gathered, PlaceRecord, Progress, gather

FORMAT_VERSION = 5
FEATURE_RANK = {
    "country": 0,
    "admin1": 1,
    "city": 2,  # a bare name is a town before it is a district ("Al-Qusayr District")
    "admin2": 3,
    "admin3": 4,
    "region": 5,
    "water": 6,
    "terrain": 7,
    "site": 8,
}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1_code TEXT,
    admin1_name TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL,
    feature TEXT NOT NULL,
    feature_rank INTEGER NOT NULL,
    fcode TEXT NOT NULL
);
CREATE TABLE names (
    norm TEXT NOT NULL,
    skeleton TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    is_primary INTEGER NOT NULL,
    article INTEGER NOT NULL
);
CREATE TABLE countries (
    iso2 TEXT PRIMARY KEY,
    iso3 TEXT,
    geonameid INTEGER NOT NULL
);
CREATE TABLE admin1 (
    country TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    iso TEXT,
    geonameid INTEGER,
    PRIMARY KEY (country, code)
) WITHOUT ROWID;
"""

INDEXES = """
CREATE INDEX names_norm ON names (norm);
CREATE INDEX names_skeleton ON names (skeleton);
CREATE INDEX places_admin1 ON places (country, admin1_code);
"""


@dataclass(frozen=True)
class BuildStats:
    path: Path
    countries: int
    admin1: int
    cities: int
    names: int
    seconds: float
    size_bytes: int
    admin2: int = 0
    other: int = 0  # regions, waters, sites and lower divisions (from a GeoNames dump)


def _name_rows(place: PlaceRecord) -> Iterator[tuple[str, str, int, int, int]]:
    seen: set[str] = set()
    for text, primary in place.names:
        key, article = split_article(text)
        if not key or not key.isascii() or key in seen:
            continue  # another script (the index is for English text), or a repeat
        seen.add(key)
        yield key, skeleton(key), place.geonameid, int(primary), int(article)


# --------------------------------------------------------------------------- writing


def _write(
    connection: sqlite3.Connection, gathered: Gathered, progress: Progress | None
) -> tuple[int, list[PlaceRecord]]:
    connection.executescript(SCHEMA)
    connection.executemany("INSERT INTO countries VALUES (?, ?, ?)", gathered.countries)
    connection.executemany("INSERT INTO admin1 VALUES (?, ?, ?, ?, ?)", gathered.divisions)
    places = gathered.places
    seen: set[int] = set()
    unique = []
    for place in places:  # a division and a town can share a GeoNames id in old data
        if place.geonameid not in seen:
            seen.add(place.geonameid)
            unique.append(place)
    connection.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                p.geonameid,
                p.name,
                p.country,
                p.admin1_code,
                p.admin1_name,
                p.lat,
                p.lon,
                p.population,
                p.feature,
                FEATURE_RANK[p.feature],
                p.fcode,
            )
            for p in unique
        ),
    )
    # names in rank order (countries, divisions, towns; the larger place first), so a
    # reader's lists of places per name come out ranked (see ``memory``)
    unique.sort(key=lambda p: (FEATURE_RANK[p.feature], -p.population, p.geonameid))
    names = 0
    step = max(len(unique) // 50, 1)
    for start in range(0, len(unique), step):
        batch = [row for place in unique[start : start + step] for row in _name_rows(place)]
        connection.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", batch)
        names += len(batch)
        if progress:
            progress("names", min(start + step, len(unique)), len(unique))
    if progress:
        progress("indexing", 0, 1)
    connection.executescript(INDEXES)
    connection.execute("ANALYZE")
    if progress:
        progress("indexing", 1, 1)
    return names, unique


def build_gazetteer(
    output: Path, *, geonames: Sequence[Path] = (), progress: Progress | None = None
) -> BuildStats:
    """Build the place index at ``output`` (replacing it atomically) and say what it holds.

    ``geonames``: files of a GeoNames dump (see ``geonames_dump``); without them the
    index is built from the installed packages.
    """
    started = time.perf_counter()
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if geonames:
        from dateline.gazetteer.geonames_dump import gather_dump

        gathered = gather_dump([Path(p) for p in geonames], progress)
    else:
        gathered = gather(progress)
    handle, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            with connection:
                names, places = _write(connection, gathered, progress)
                counts = dict.fromkeys(FEATURE_RANK, 0)
                for place in places:
                    counts[place.feature] += 1
                meta = {
                    "format_version": str(FORMAT_VERSION),
                    "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "source": gathered.source,
                    **{f"count_{feature}": str(n) for feature, n in counts.items()},
                    "count_names": str(names),
                    "names_ranked": "1",  # see ``memory``: names in rank order
                }
                connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        finally:
            connection.close()
        temporary.chmod(0o644)
        temporary.replace(output)  # atomic: readers see the old file or the new one
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return BuildStats(
        output,
        counts["country"],
        counts["admin1"],
        counts["city"],
        names,
        time.perf_counter() - started,
        output.stat().st_size,
        counts["admin2"],
        sum(n for f, n in counts.items() if f not in {"country", "admin1", "admin2", "city"}),
    )
