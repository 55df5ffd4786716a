"""Read a GeoNames dump (https://download.geonames.org/export/dump/) into index records.

Files are recognised by name, zipped or not: the main table (``allCountries``, a
country file such as ``SY``, or ``cities500``...), ``alternateNamesV2`` (or
``alternateNames``), ``admin1CodesASCII``, ``admin2Codes`` and ``countryInfo``. Feature
classes and codes decide what a place is: PCL* a country, ADM1 and ADM2 divisions,
ADM3-5 lower divisions, P towns and villages (sections of towns included), H waters,
L regions, T terrain, S sites. Waters, regions, terrain and sites are kept when they have
an alternate name or a population, which leaves out most unnamed wells and hills.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import GazetteerError
from dateline.gazetteer.data import read_tsv, split_list
from dateline.gazetteer.sources import Gathered, PlaceRecord, Progress, country_names

# Alternate names in these "languages" are codes and links, not names.
_SKIPPED_LANGUAGES = {"link", "wkdt", "post", "iata", "icao", "faac", "unlc", "tcid", "fr_1793"}
_OTHER_CLASSES = {"H": "water", "L": "region", "T": "terrain", "S": "site"}


def _lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n]
            if not members:
                raise GazetteerError(f"{path} holds no .txt table")
            with archive.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as handle:
            yield from handle


def _rows(path: Path) -> Iterator[list[str]]:
    for line in _lines(path):
        if line.startswith("#") or not line.strip():
            continue
        yield line.rstrip("\n").split("\t")


def _role(path: Path) -> str:
    stem = path.name.split(".")[0].lower()
    for prefix, role in (
        ("alternatenames", "alternates"),
        ("admin1codes", "admin1"),
        ("admin2codes", "admin2"),
        ("countryinfo", "countries"),
    ):
        if stem.startswith(prefix):
            return role
    return "places"


def feature_of(feature_class: str, code: str) -> str | None:
    """The index's feature for a GeoNames class and code, or None to leave it out."""
    if feature_class == "A":
        if code.startswith("PCL"):
            return "country"
        if code in {"ADM1", "ADM2"}:
            return code.lower().replace("adm", "admin")
        if code.startswith("ADM"):
            return "admin3"
        return "region"
    if feature_class == "P":
        return "city"
    return _OTHER_CLASSES.get(feature_class)


def gather_dump(paths: list[Path], progress: Progress | None = None) -> Gathered:
    by_role: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        if not path.is_file():
            raise GazetteerError(f"no GeoNames file at {path}")
        by_role[_role(path)].append(path)
    if not by_role["places"]:
        raise GazetteerError(
            "no GeoNames place table given",
            hint="Pass allCountries.zip or a country file such as SY.zip with --geonames.",
        )
    countries: dict[str, tuple[str, int]] = {}  # iso2 -> (iso3, geonameid)
    for path in by_role["countries"]:
        for cells in _rows(path):
            if len(cells) > 16 and cells[16].isdigit():
                countries[cells[0]] = (cells[1], int(cells[16]))
    divisions: dict[tuple[str, str], tuple[str, int | None]] = {}
    for path in by_role["admin1"]:
        for cells in _rows(path):
            if len(cells) >= 4 and "." in cells[0]:
                country, code = cells[0].split(".", 1)
                divisions[(country, code)] = (cells[2] or cells[1], _int(cells[3]))

    alternates: dict[int, list[str]] = defaultdict(list)
    for path in by_role["alternates"]:
        for cells in _rows(path):
            if len(cells) >= 4 and cells[2] not in _SKIPPED_LANGUAGES and cells[1].isdigit():
                alternates[int(cells[1])].append(cells[3])

    us_abbreviations = {
        row["code"]: split_list(row["abbreviations"]) for row in read_tsv("gazetteer_us_states.tsv")
    }
    aliases = {
        row["iso2"]: split_list(row["names"]) for row in read_tsv("gazetteer_country_aliases.tsv")
    }
    country_ids = {geonameid for _, geonameid in countries.values()}
    places: list[PlaceRecord] = []
    read = 0
    for path in by_role["places"]:
        for cells in _rows(path):
            read += 1
            if progress and read % 100_000 == 0:
                progress("reading GeoNames places", read, read)
            record = _place(cells, alternates, divisions, country_ids, us_abbreviations, aliases)
            if record is not None:
                places.append(record)
    if progress:
        progress("reading GeoNames places", read, read)
    for place in places:  # a country file without countryInfo still names its country
        if place.feature == "country" and place.country not in countries:
            countries[place.country] = ("", place.geonameid)
    country_rows = [(iso2, iso3, geonameid) for iso2, (iso3, geonameid) in countries.items()]
    no_iso: str | None = None  # admin1CodesASCII has no ISO 3166-2 codes
    division_rows = [
        (country, code, name, no_iso, geonameid)
        for (country, code), (name, geonameid) in divisions.items()
    ]
    names = ", ".join(p.name for paths in by_role.values() for p in paths)
    return Gathered(places, country_rows, division_rows, f"GeoNames dump: {names}")


def _int(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _place(
    cells: list[str],
    alternates: dict[int, list[str]],
    divisions: dict[tuple[str, str], tuple[str, int | None]],
    country_ids: set[int],
    us_abbreviations: dict[str, list[str]],
    aliases: dict[str, list[str]],
) -> PlaceRecord | None:
    if len(cells) < 15 or not cells[0].isdigit():
        return None
    feature = feature_of(cells[6], cells[7])
    if feature is None:
        return None
    geonameid = int(cells[0])
    if feature == "country" and country_ids and geonameid not in country_ids:
        feature = "region"  # a dependency or historical entity, not a current country
    written = [n for n in cells[3].split(",") if n] + alternates.get(geonameid, [])
    population = int(cells[14] or 0) if cells[14].lstrip("-").isdigit() else 0
    if feature in _OTHER_CLASSES.values() and not written and population <= 0:
        return None
    country, admin1 = cells[8], cells[10] or None
    names = [(cells[1], True), (cells[2], False)] + [(n, False) for n in written]
    if feature == "country":
        names += country_names(country, cells[1], aliases)
    if feature == "admin1" and country == "US" and admin1:
        names += [(a, False) for a in us_abbreviations.get(admin1, [])]
    division = divisions.get((country, admin1)) if admin1 else None
    return PlaceRecord(
        geonameid,
        cells[1],
        country,
        admin1,
        division[0] if division else None,
        float(cells[4]),
        float(cells[5]),
        max(population, 0),
        feature,
        names,
        cells[7],
    )
