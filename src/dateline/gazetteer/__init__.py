"""The place index: built once from GeoNames data, queried by the geo stage.

>>> gazetteer = ensure_gazetteer(Settings.from_env().gazetteer)  # doctest: +SKIP
>>> gazetteer.lookup("Al-Qusayr", country="SY")[0].name  # doctest: +SKIP
'Al Quşayr'
"""

from __future__ import annotations

from dateline.gazetteer.build import FORMAT_VERSION, BuildStats, build_gazetteer
from dateline.gazetteer.demonyms import country_of_demonym
from dateline.gazetteer.distance import haversine_km
from dateline.gazetteer.index import (
    Candidate,
    Feature,
    Gazetteer,
    ensure_gazetteer,
    open_gazetteer,
)
from dateline.gazetteer.normalize import normalize_name, skeleton
from dateline.gazetteer.resolve import DocumentResolver, Resolved, Toponym
from dateline.gazetteer.sources import Progress

__all__ = [
    "FORMAT_VERSION",
    "BuildStats",
    "Candidate",
    "DocumentResolver",
    "Feature",
    "Gazetteer",
    "Progress",
    "Resolved",
    "Toponym",
    "build_gazetteer",
    "country_of_demonym",
    "ensure_gazetteer",
    "haversine_km",
    "normalize_name",
    "open_gazetteer",
    "skeleton",
]
