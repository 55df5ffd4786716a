"""Country adjectives and demonyms ("Syrian", "Britons") to ISO 3166 alpha-2 codes."""

from __future__ import annotations

from functools import cache

from dateline.gazetteer.data import read_tsv
from dateline.gazetteer.normalize import normalize_name


@cache
def _table() -> dict[str, str]:
    return {normalize_name(row["demonym"]): row["iso2"] for row in read_tsv("demonyms.tsv")}


def country_of_demonym(word: str) -> str | None:
    """The country ``word`` refers to, or None. Plurals are accepted ("Afghans", "Swiss")."""
    key = normalize_name(word)
    table = _table()
    if key in table:
        return table[key]
    for suffix, replacement in (("s", ""), ("men", "man"), ("women", "woman")):
        if key.endswith(suffix) and (singular := key[: -len(suffix)] + replacement) in table:
            return table[singular]
    return None
