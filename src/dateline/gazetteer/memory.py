"""The index's name table held in memory: one dictionary probe per key instead of a query.

Loaded from the SQLite file on a worker's first lookup (a second or two) and ranked as the
SQL lookup ranks: the same exact key (an article such as "al-" present in both or
neither), the exact key, then the loose key; within a tier countries, divisions, towns,
then the larger place. The index writes its names in that order (see ``build``), so each
key's places are already ranked and a lookup stops as soon as it has enough of them.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Literal, cast

from dateline.gazetteer.build import FEATURE_RANK
from dateline.gazetteer.normalize import skeleton

# A place row: geonameid, name, country, admin1_code, admin1_name, lat, lon, population,
# feature, fcode.
Match = Literal["exact", "alternate", "loose"]
PlaceRow = tuple[int, str, str, str | None, str | None, float, float, int, str, str]


def _names_ranked(connection: sqlite3.Connection) -> bool:
    row = connection.execute("SELECT value FROM meta WHERE key = 'names_ranked'").fetchone()
    return bool(row and row[0] == "1")


class NameTable:
    """Exact keys to their loose key (stored by the build), then place ids, best place
    first: ``id << 2 | had an article << 1 | is the place's own name``."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        shared: dict[str | None, str | None] = {}  # one string object per repeated value
        self.places: dict[int, PlaceRow] = {}
        for row in connection.execute(
            "SELECT geonameid, name, country, admin1_code, admin1_name, lat, lon, "
            "population, feature, fcode FROM places"
        ):
            cells = list(row)
            for i in (2, 3, 4, 8, 9):
                cells[i] = shared.setdefault(cells[i], cells[i])
            self.places[row[0]] = tuple(cells)
        exact: dict[str, list[str | int]] = {}
        loose: dict[str, list[int]] = defaultdict(list)
        keys: dict[str, str] = {}
        for norm, key, geonameid, article, primary in connection.execute(
            "SELECT norm, skeleton, geonameid, article, is_primary FROM names ORDER BY rowid"
        ):
            key = keys.setdefault(key, key)  # one string per loose key
            entry = exact.get(norm)
            if entry is None:
                entry = exact[norm] = [key]
            entry.append(geonameid << 2 | article << 1 | primary)
            loose[key].append(self.places[geonameid][0])  # the row's int: one object per id
        # one flat tuple per key, (loose key, *codes): a lookup needs no skeleton of its own
        if not _names_ranked(connection):  # an index from before names were written ranked
            rank = {
                row[0]: (FEATURE_RANK.get(row[8], len(FEATURE_RANK)), -row[7], row[0])
                for row in self.places.values()
            }
            for entry in exact.values():
                codes = cast(list[int], entry[1:])
                ranked: list[int] = sorted(codes, key=lambda code: rank[code >> 2])
                entry[1:] = ranked
            for ids in loose.values():
                ids.sort(key=rank.__getitem__)
        self.exact: dict[str, tuple[str | int, ...]] = {k: tuple(v) for k, v in exact.items()}
        # a place with several names of one skeleton is listed once, at its first (best) rank
        self.loose = {
            k: tuple(dict.fromkeys(v)) if len(v) > 1 else (v[0],) for k, v in loose.items()
        }

    def find(
        self,
        key: str,
        article: bool,
        limit: int,
        country: str | None = None,
        feature: str | None = None,
    ) -> list[tuple[PlaceRow, Match]]:
        """Place rows, best first, with how they matched: "exact" (the place's own name),
        "alternate" (another of its names) or "loose" (the skeleton key only)."""
        places = self.places
        found: list[tuple[PlaceRow, Match]] = []
        seen: set[int] = set()
        entry = self.exact.get(key)
        if entry is None:
            loose_key = skeleton(key)
        else:
            loose_key = cast(str, entry[0])
            codes = cast(tuple[int, ...], entry[1:])
            flag = 2 if article else 0
            same = [code for code in codes if code & 2 == flag]
            if len(same) < len(codes):  # the same article first, then the other form
                codes = (*same, *(code for code in codes if code & 2 != flag))
            if country is None and feature is None:  # no filter: the first ones are the answer
                found = [
                    (places[code >> 2], "exact" if code & 1 else "alternate")
                    for code in codes[:limit]
                ]
                if len(found) >= limit:
                    return found
                seen = {code >> 2 for code in codes}
                codes = ()
            for code in codes:
                geonameid = code >> 2
                seen.add(geonameid)
                row = places[geonameid]
                if (country is None or row[2] == country) and (
                    feature is None or row[8] == feature
                ):
                    found.append((row, "exact" if code & 1 else "alternate"))
                    if len(found) >= limit:
                        return found
        for geonameid in self.loose.get(loose_key, ()):
            if geonameid in seen:
                continue
            row = places[geonameid]
            if (country is None or row[2] == country) and (feature is None or row[8] == feature):
                found.append((row, "loose"))
                if len(found) >= limit:
                    break
        return found
