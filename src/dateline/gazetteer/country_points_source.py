"""Regenerate ``resources/gazetteer_country_points.tsv``: a conventional point per country.

The point is the country's usual map centre as packaged by ``countryinfo`` (MIT):
``data/*.json`` of its wheel, field ``latlng``. A maintenance step::

    python -m dateline.gazetteer.country_points_source COUNTRYINFO_DATA_DIR \
        src/dateline/resources/gazetteer_country_points.tsv
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dateline.gazetteer.conversion import convert_main

_HEADER = (
    "# A conventional centre point per country, from the countryinfo package (MIT).\n"
    "# Regenerate with `python -m dateline.gazetteer.country_points_source`.\n"
)


def convert(data: Path, output: Path) -> int:
    points: dict[str, tuple[float, float]] = {}
    for path in sorted(data.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        latlng = record.get("latlng") or []
        if iso and len(latlng) == 2 and iso not in points:
            points[iso] = (float(latlng[0]), float(latlng[1]))
    with output.open("w", encoding="utf-8", newline="") as handle:
        handle.write(_HEADER)
        handle.write("iso2\tlat\tlon\n")
        for iso, (lat, lon) in sorted(points.items()):
            handle.write(f"{iso}\t{lat:g}\t{lon:g}\n")
    return len(points)


def main(argv: list[str]) -> int:
    return convert_main(argv, __doc__, convert, "countries")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
