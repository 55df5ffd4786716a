"""The index's name table held in memory: one dictionary probe per key instead of a query.

Loaded from the SQLite file on a worker's first lookup (a second or two) and ranked as the
SQL lookup ranks: the same exact key (an article such as "al-" present in both or
neither), the exact key, then the loose key; within a tier countries, divisions, towns,
then the larger place.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Literal

# A place row: geonameid, name, country, admin1_code, admin1_name, lat, lon, population,
# feature, fcode, feature_rank.
Match = Literal["exact", "alternate", "loose"]
PlaceRow = tuple[int, str, str, str | None, str | None, float, float, int, str, str, int]


class NameTable:
    """Keys to place ids: ``id << 2 | had an article << 1 | is the place's own name``."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        shared: dict[str | None, str | None] = {}  # one string object per repeated value
        self.places: dict[int, PlaceRow] = {}
        for row in connection.execute(
            "SELECT geonameid, name, country, admin1_code, admin1_name, lat, lon, "
            "population, feature, fcode, feature_rank FROM places"
        ):
            cells = list(row)
            for i in (2, 3, 4, 8, 9):
                cells[i] = shared.setdefault(cells[i], cells[i])
            self.places[row[0]] = tuple(cells)
        # countries, divisions, towns, then the larger place: one number per place
        ranked = sorted(self.places.values(), key=lambda r: (r[10], -r[7], r[0]))
        self.order = {row[0]: position for position, row in enumerate(ranked)}
        exact: dict[str, list[int]] = defaultdict(list)
        loose: dict[str, list[int]] = defaultdict(list)
        for norm, key, geonameid, article, primary in connection.execute(
            "SELECT norm, skeleton, geonameid, article, is_primary FROM names"
        ):
            exact[norm].append(geonameid << 2 | article << 1 | primary)
            if key != norm:
                loose[key].append(geonameid)
        self.exact = {k: tuple(v) for k, v in exact.items()}
        self.loose = {k: tuple(set(v)) for k, v in loose.items()}

    def find(
        self,
        key: str,
        article: bool,
        loose_key: str,
        limit: int,
        country: str | None = None,
        feature: str | None = None,
    ) -> list[tuple[PlaceRow, Match]]:
        """Place rows, best first, with how they matched: "exact" (the place's own name),
        "alternate" (another of its names) or "loose" (the skeleton key only)."""
        tiers: dict[int, int] = {}  # 0, 1: exact key with or without the same article; 2: loose
        primary: set[int] = set()
        for code in self.exact.get(key, ()):
            geonameid = code >> 2
            tier = 0 if bool(code & 2) == article else 1
            if tier < tiers.get(geonameid, 2):
                tiers[geonameid] = tier
            if code & 1:
                primary.add(geonameid)
        # a short key is its own skeleton, so names whose key is the loose key match too
        for code in self.exact.get(loose_key, ()):
            tiers.setdefault(code >> 2, 2)
        for geonameid in self.loose.get(loose_key, ()):
            tiers.setdefault(geonameid, 2)
        order = self.order
        items = []
        for geonameid, tier in tiers.items():
            row = self.places.get(geonameid)
            if row is None:
                continue
            if (country is not None and row[2] != country) or (
                feature is not None and row[8] != feature
            ):
                continue
            items.append((tier, order[geonameid], geonameid))
        items.sort()
        return [
            (
                self.places[geonameid],
                "loose" if tier == 2 else "exact" if geonameid in primary else "alternate",
            )
            for tier, _, geonameid in items[:limit]
        ]
