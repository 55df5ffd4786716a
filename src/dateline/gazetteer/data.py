"""The gazetteer's own data files under ``dateline/resources`` (TSV with ``#`` comments)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a resource TSV file as dicts keyed by its header line; ``#`` lines are comments."""
    text = (resources.files("dateline") / "resources" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


@cache
def _admin_term_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    terms = sorted(
        (row["term"] for row in read_tsv("gazetteer_admin_terms.tsv")), key=len, reverse=True
    )
    alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in terms)
    suffix = re.compile(rf"^(?P<name>.+?)\s+(?:{alternatives})$", re.IGNORECASE)
    prefix = re.compile(rf"^(?:{alternatives})\s+of\s+(?:the\s+)?(?P<name>.+)$", re.IGNORECASE)
    return suffix, prefix


def strip_admin_term(name: str) -> str | None:
    """The division name inside "Homs Governorate", "Governorate of Homs", or None."""
    name = name.strip()
    for pattern in _admin_term_patterns():
        match = pattern.match(name)
        if match:
            return match.group("name").strip(" ,-")
    return None
