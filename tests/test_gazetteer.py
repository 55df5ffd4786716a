"""The place index, built once per test session from the real GeoNames data."""

from __future__ import annotations

import json
import pickle
import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.gazetteer import gazetteer_group
from dateline.errors import GazetteerError
from dateline.gazetteer import (
    FORMAT_VERSION,
    BuildStats,
    Candidate,
    Gazetteer,
    build_gazetteer,
    ensure_gazetteer,
    haversine_km,
    open_gazetteer,
)

QUSAYR_SY = 173322  # GeoNames: Al Quşayr, Homs governorate
QUSAYR_EG = 360531  # GeoNames: Al Quşayr, Red Sea governorate
DARAA_SY = 170905  # GeoNames: Dar‘ā, the town
HOMS_SY = 169577  # GeoNames: Homs, the city


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildStats, list[str]]:
    phases: list[str] = []

    def record(phase: str, done: int, total: int) -> None:
        assert 0 <= done <= total
        if not phases or phases[-1] != phase:
            phases.append(phase)

    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    return build_gazetteer(path, progress=record), phases


@pytest.fixture(scope="session")
def gazetteer(built: tuple[BuildStats, list[str]]) -> Gazetteer:
    return open_gazetteer(built[0].path)


def ids(candidates: list[Candidate]) -> list[int]:
    return [c.geonameid for c in candidates]


# --------------------------------------------------------------------------- build


def test_build_holds_the_world_in_a_small_file(built: tuple[BuildStats, list[str]]) -> None:
    stats, phases = built
    assert stats.countries >= 240
    assert stats.admin1 >= 3500
    assert stats.cities >= 230_000
    assert stats.names >= stats.cities
    assert stats.size_bytes == stats.path.stat().st_size < 150_000_000
    assert stats.seconds < 120
    assert phases[0] == "reading GeoNames towns" and phases[-1] == "indexing"
    leftovers = [p.name for p in stats.path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_build_records_its_format(gazetteer: Gazetteer) -> None:
    rows = dict(gazetteer.connection.execute("SELECT key, value FROM meta").fetchall())
    assert rows["format_version"] == str(FORMAT_VERSION)
    assert int(rows["count_city"]) >= 230_000


def test_names_of_other_scripts_are_left_out(gazetteer: Gazetteer) -> None:
    (count,) = gazetteer.connection.execute(
        "SELECT COUNT(*) FROM names WHERE norm GLOB '*[^a-z0-9 ]*'"
    ).fetchone()
    assert count == 0
    assert gazetteer.lookup("حمص") == []


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    "spelling", ["Qusayr", "Al-Qusayr", "Qusair", "al Quşayr", "Quseir", "QUSAYR", "El Qoussair"]
)
def test_qusayr_spellings_find_the_syrian_town(gazetteer: Gazetteer, spelling: str) -> None:
    found = gazetteer.lookup(spelling)
    assert QUSAYR_SY in ids(found[:3])
    assert gazetteer.lookup(spelling, country="SY")[0].geonameid == QUSAYR_SY


def test_lookup_ranks_the_larger_town_first(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Al-Qusayr")
    assert ids(found[:2]) == [QUSAYR_SY, QUSAYR_EG]  # 41,062 people against 24,653


def test_lookup_within_a_country(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Al Qusayr", country="EG")
    assert found and {c.country for c in found} == {"EG"}
    assert found[0].geonameid == QUSAYR_EG
    assert gazetteer.lookup("Qusayr", country="Egypt")[0].geonameid == QUSAYR_EG


@pytest.mark.parametrize("spelling", ["Daraa", "Deraa", "Dar'a", "Dar‘ā", "DARAA"])
def test_daraa_spellings_find_the_syrian_town(gazetteer: Gazetteer, spelling: str) -> None:
    found = gazetteer.lookup(spelling)
    assert DARAA_SY in ids(found[:3])
    assert found[0].country == "SY"


def test_homs(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Homs")
    assert found[0].country == "SY"
    city = next(c for c in found if c.feature == "city")
    assert city.geonameid == HOMS_SY
    assert city.admin1_code == "11" and city.admin1_name == "Homs"
    assert city.population > 500_000


def test_exact_key_beats_a_shared_skeleton(gazetteer: Gazetteer) -> None:
    # "Salvador" (Brazil) is not "El Salvador" once the article is gone.
    assert gazetteer.lookup("Salvador")[0].country == "BR"
    assert gazetteer.lookup("El Salvador")[0].feature == "country"


def test_lookup_of_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup("  ,, ") == []
    assert gazetteer.lookup("Xqzzvbnmplk") == []
    assert gazetteer.lookup("Homs", country="Atlantis") == []


def test_limit(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.lookup("San Jose", limit=3)) == 3


def test_get(gazetteer: Gazetteer) -> None:
    homs = gazetteer.get(HOMS_SY)
    assert homs is not None and homs.name == "Homs"
    assert gazetteer.get(-1) is None


# --------------------------------------------------------------------------- countries, divisions


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("U.S.", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("US", "US"),
        ("SY", "SY"),
        ("SYR", "SY"),
        ("Syria", "SY"),
        ("Syrian Arab Republic", "SY"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("DRC", "CD"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Burma", "MM"),
        ("Republic of Korea", "KR"),
        ("North Korea", "KP"),
        ("Iran", "IR"),
        ("the Netherlands", "NL"),
        ("Palestine", "PS"),
    ],
)
def test_country(gazetteer: Gazetteer, query: str, code: str) -> None:
    found = gazetteer.country(query)
    assert found is not None and found.country == code and found.feature == "country"


def test_country_not_found(gazetteer: Gazetteer) -> None:
    assert gazetteer.country("Atlantis") is None
    assert gazetteer.country("ZZ") is None


def test_country_point_lies_in_the_country(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country("Syria")
    assert syria is not None
    assert 32.3 < syria.lat < 37.3 and 35.7 < syria.lon < 42.4


@pytest.mark.parametrize(
    ("query", "country", "name"),
    [
        ("W.Va.", None, "West Virginia"),
        ("Calif.", "US", "California"),
        ("Kan.", None, "Kansas"),
        ("Homs", "SY", "Homs"),
        ("Homs Governorate", "SY", "Homs"),
        ("Homs province", None, "Homs"),
        ("Aleppo", "SY", "Aleppo"),
        ("Nineveh", "IQ", "Nineveh"),
        ("Lagos State", None, "Lagos"),
    ],
)
def test_admin1(gazetteer: Gazetteer, query: str, country: str | None, name: str) -> None:
    found = gazetteer.admin1(query, country)
    assert found is not None and found.name == name and found.feature == "admin1"


def test_ap_abbreviation_is_a_name_of_the_state(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("W.Va.")
    assert found[0].name == "West Virginia" and found[0].country == "US"


def test_admin1_point_lies_near_its_towns(gazetteer: Gazetteer) -> None:
    homs = gazetteer.admin1("Homs", "SY")
    assert homs is not None
    assert haversine_km(homs.lat, homs.lon, 34.72405, 36.72559) < 150


def test_admin1_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.admin1_name("SY", "11") == "Homs"
    assert gazetteer.admin1_name("sy", "06") == "Daraa"
    assert gazetteer.admin1_name("US", "CA") == "California"
    assert gazetteer.admin1_name("SY", "99") is None


def test_demonym(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym("Syrian") == "SY"
    assert gazetteer.demonym("table") is None


# --------------------------------------------------------------------------- the file


def test_index_is_read_only(gazetteer: Gazetteer) -> None:
    with pytest.raises(sqlite3.OperationalError):
        gazetteer.connection.execute("INSERT INTO meta VALUES ('x', 'y')")
    with pytest.raises(sqlite3.OperationalError):
        gazetteer.connection.execute("DELETE FROM places")
    assert gazetteer.get(HOMS_SY) is not None


def test_open_is_cached_per_path(built: tuple[BuildStats, list[str]]) -> None:
    path = built[0].path
    assert open_gazetteer(path) is open_gazetteer(path)
    assert ensure_gazetteer(path) is open_gazetteer(path)


def test_pickles_as_its_path(gazetteer: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.path == gazetteer.path
    assert copy.lookup("Qusayr", country="SY")[0].geonameid == QUSAYR_SY


def test_shared_between_threads(gazetteer: Gazetteer) -> None:
    names = ["Homs", "Daraa", "Qusayr", "Aleppo"] * 25
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda n: gazetteer.lookup(n)[0].country, names))
    assert set(results) == {"SY"}


def test_open_refuses_what_is_not_an_index(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        Gazetteer.open(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    with pytest.raises(GazetteerError):
        Gazetteer.open(junk)


def test_ensure_rebuilds_an_older_format(
    built: tuple[BuildStats, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copyfile(built[0].path, old)
    with sqlite3.connect(old) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'format_version'")
    connection.close()
    with pytest.raises(GazetteerError, match="format 0"):
        Gazetteer.open(old)
    rebuilt = ensure_gazetteer(old)
    assert "building the place index" in capsys.readouterr().err
    assert rebuilt.lookup("Homs")[0].country == "SY"
    ensure_gazetteer(old)
    assert capsys.readouterr().err == ""  # current now: no second build


# --------------------------------------------------------------------------- CLI


def test_cli_lookup_table(built: tuple[BuildStats, list[str]]) -> None:
    result = CliRunner().invoke(
        gazetteer_group, ["lookup", "Qusair", "--index", str(built[0].path)]
    )
    assert result.exit_code == 0, result.output
    assert "Al Quşayr" in result.output and "SY" in result.output


def test_cli_lookup_json(built: tuple[BuildStats, list[str]]) -> None:
    result = CliRunner().invoke(
        gazetteer_group,
        ["lookup", "Deraa", "--country", "SY", "--json", "--index", str(built[0].path)],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert DARAA_SY in [row["geonameid"] for row in rows]
    assert {row["country"] for row in rows} == {"SY"}


def test_cli_lookup_unknown_name(built: tuple[BuildStats, list[str]]) -> None:
    result = CliRunner().invoke(
        gazetteer_group, ["lookup", "Xqzzvbnmplk", "--index", str(built[0].path)]
    )
    assert result.exit_code == 1
    assert "no place called" in result.output


def test_cli_lookup_missing_index(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        gazetteer_group, ["lookup", "Homs", "--index", str(tmp_path / "none.sqlite")]
    )
    assert result.exit_code == 1
    assert "E005" in result.output


def test_cli_build_reports_an_unwritable_place(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(gazetteer_group, ["build", "--output", str(blocker / "x.sqlite")])
    assert result.exit_code == 1
    assert "cannot build the place index" in result.output
