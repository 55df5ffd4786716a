"""Query the place index: names to candidate places, countries, first-level divisions."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import threading
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

from dateline.errors import GazetteerError
from dateline.gazetteer.build import FORMAT_VERSION, build_gazetteer
from dateline.gazetteer.data import strip_admin_term
from dateline.gazetteer.demonyms import country_of_demonym
from dateline.gazetteer.memory import Match, NameTable, PlaceRow
from dateline.gazetteer.normalize import split_article

Feature = Literal[
    "country", "admin1", "admin2", "city", "admin3", "region", "water", "terrain", "site"
]

_COLUMNS = (
    "p.geonameid, p.name, p.country, p.admin1_code, p.admin1_name, p.lat, p.lon, "
    "p.population, p.feature, p.fcode"
)


_CACHE_SIZE = 200_000  # answers kept per open index before the cache starts over


@dataclass(frozen=True)
class Candidate:
    """A place the index holds for a name."""

    geonameid: int
    name: str
    country: str
    admin1_code: str | None
    admin1_name: str | None
    lat: float
    lon: float
    population: int
    feature: Feature
    fcode: str = ""  # GeoNames feature code where known (PPLC, ADM2, STM...)
    # "exact": the place's own name; "alternate": one of its other names;
    # "loose": only the transliteration skeleton matched
    match: Match = "exact"

    @property
    def exact(self) -> bool:
        """Whether the name itself matched, not just its transliteration skeleton."""
        return self.match != "loose"


class Gazetteer:
    """A read-only place index. Safe to share between threads; pickles as its path."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        self._lock = threading.Lock()
        # News text names the same places over and over: remember recent answers.
        self._cache: dict[tuple[Any, ...], tuple[Candidate, ...]] = {}
        self._table: NameTable | None = None  # the name table, loaded on the first lookup
        self._candidates: dict[tuple[int, str], Candidate] = {}  # one object per place and match

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        """Open an index built by ``build_gazetteer``; raises GazetteerError if unusable."""
        path = Path(path).resolve()
        if not path.is_file():
            raise GazetteerError(f"no place index at {path}")
        try:
            connection = sqlite3.connect(
                f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            connection.execute("PRAGMA query_only = ON")
            version = format_version(connection)
        except sqlite3.DatabaseError as error:
            raise GazetteerError(f"{path} is not a place index: {error}") from error
        if version != FORMAT_VERSION:
            connection.close()
            raise GazetteerError(
                f"{path} has index format {version}, this version of dateline reads "
                f"{FORMAT_VERSION}"
            )
        return cls(path, connection)

    def __reduce__(self) -> tuple[Any, ...]:
        return (open_gazetteer, (self.path,))

    def close(self) -> None:
        self._connection.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The read-only SQLite connection, for queries this class does not offer."""
        return self._connection

    def _query(self, sql: str, parameters: dict[str, Any] | tuple[Any, ...]) -> list[Any]:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()

    # ----------------------------------------------------------------------- queries

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        limit: int = 20,
        feature: Feature | None = None,
    ) -> list[Candidate]:
        """Places called ``name``, best first (see ``memory``); optionally within a country."""
        memo = (name, country, limit, feature)
        cached = self._cache.get(memo)
        if cached is None:
            cached = tuple(self._lookup(name, country, limit, feature))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[memo] = cached
        return list(cached)

    def clear_cache(self) -> None:
        """Forget remembered answers (benchmarks measure lookups that are not cached)."""
        self._cache.clear()

    def _lookup(
        self, name: str, country: str | None, limit: int, feature: Feature | None
    ) -> list[Candidate]:
        key, article = split_article(name)
        if not key:
            return []
        code = None
        if country is not None:
            code = self._country_code(country)
            if code is None:
                return []
        table = self._names()
        rows = table.find(key, article, limit, code, feature)
        found = []
        for row, match in rows:
            candidate = self._candidates.get((row[0], match))
            if candidate is None:
                candidate = self._candidates[(row[0], match)] = _candidate_of_row(row, match)
            found.append(candidate)
        return found

    def _names(self) -> NameTable:
        if self._table is None:
            with self._lock:
                if self._table is None:
                    self._table = NameTable(self._connection)
        return self._table

    def get(self, geonameid: int) -> Candidate | None:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM places AS p WHERE p.geonameid = ?", (geonameid,)
        )
        return _candidate(rows[0]) if rows else None

    def country(self, code_or_name: str) -> Candidate | None:
        """A country from its ISO code (SY, SYR) or a name ("Syria", "U.S.", "the DRC")."""
        code = self._country_code(code_or_name)
        if code is None:
            return None
        rows = self._query(
            f"SELECT {_COLUMNS} FROM places AS p JOIN countries AS c "
            "ON c.geonameid = p.geonameid WHERE c.iso2 = ?",
            (code,),
        )
        return _candidate(rows[0]) if rows else None

    def _country_code(self, code_or_name: str) -> str | None:
        text = code_or_name.strip()
        if text.isalpha() and text.isupper() and len(text) in (2, 3):
            column = "iso2" if len(text) == 2 else "iso3"
            rows = self._query(f"SELECT iso2 FROM countries WHERE {column} = ?", (text,))
            if rows:
                return str(rows[0][0])
        found = self.lookup(text, feature="country", limit=1)
        return found[0].country if found else None

    def admin1(self, name: str, country: str | None = None) -> Candidate | None:
        """A first-level division by name ("Homs", "Homs Governorate", "Calif.")."""
        found = self.lookup(name, country=country, feature="admin1", limit=1)
        if not found and (bare := strip_admin_term(name)):
            found = self.lookup(bare, country=country, feature="admin1", limit=1)
        return found[0] if found else None

    def admin1_name(self, country: str, admin1_code: str) -> str | None:
        """The English name of a GeoNames division code: ("SY", "11") -> "Homs"."""
        rows = self._query(
            "SELECT name FROM admin1 WHERE country = ? AND code = ?", (country.upper(), admin1_code)
        )
        return str(rows[0][0]) if rows else None

    def demonym(self, word: str) -> str | None:
        """The country an adjective or demonym refers to: "Syrian" -> "SY"."""
        return country_of_demonym(word)


_FIELDS = tuple(field.name for field in fields(Candidate))


def _candidate(row: Any, match: Match = "exact") -> Candidate:
    return Candidate(
        int(row[0]),
        row[1],
        row[2],
        row[3],
        row[4],
        float(row[5]),
        float(row[6]),
        int(row[7]),
        row[8],
        row[9],
        match,
    )


def _candidate_of_row(row: PlaceRow, match: Match) -> Candidate:
    """``_candidate`` for the name table's rows, whose cells already have their types.

    A lookup that meets new places builds many candidates; filling the frozen instance's
    fields directly costs a third of running its ``__init__``.
    """
    candidate = object.__new__(Candidate)
    candidate.__dict__.update(zip(_FIELDS, (*row, match), strict=True))
    return candidate


def format_version(connection: sqlite3.Connection) -> int | None:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0]) if row else None


# --------------------------------------------------------------------------- per process

_open: dict[tuple[Path, int, int], Gazetteer] = {}
_open_lock = threading.Lock()


def open_gazetteer(path: Path) -> Gazetteer:
    """The index at ``path``, opened once per process (reopened when the file is replaced)."""
    path = Path(path).resolve()
    try:
        stat = path.stat()
    except OSError as error:
        raise GazetteerError(f"no place index at {path}") from error
    key = (path, stat.st_ino, stat.st_mtime_ns)
    with _open_lock:
        gazetteer = _open.get(key)
        if gazetteer is None:
            gazetteer = Gazetteer.open(path)
            for stale in [k for k in _open if k[0] == path]:
                del _open[stale]  # a replaced file: callers may still hold the old one
            _open[key] = gazetteer
        return gazetteer


def _is_current(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return format_version(connection) == FORMAT_VERSION
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False


def ensure_gazetteer(path: Path) -> Gazetteer:
    """The index at ``path``, built first when it is missing or of an older format."""
    path = Path(path).resolve()
    if not _is_current(path):
        with _build_lock(path):
            if not _is_current(path):  # another process may have built it meanwhile
                print(
                    f"dateline: building the place index at {path} (about a minute, once)",
                    file=sys.stderr,
                )
                stats = build_gazetteer(path)
                print(
                    f"dateline: place index ready: {stats.names:,} names of "
                    f"{stats.cities + stats.admin1 + stats.countries:,} places "
                    f"in {stats.seconds:.0f} s",
                    file=sys.stderr,
                )
    return open_gazetteer(path)


@contextlib.contextmanager
def _build_lock(path: Path) -> Any:
    """Serialise builds of one index across processes (where the platform offers flock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: concurrent builds just race to rename
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{path}.lock", "w") as handle:  # noqa: PTH123 - need the descriptor
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
