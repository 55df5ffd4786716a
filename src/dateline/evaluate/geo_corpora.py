"""Readers for geoparsing corpora: GeoWebNews, LGL, TR-News and GeoVirus XML.

Each reader returns documents with their gold toponyms as character spans of the
document text. The corpora differ in their offsets: LGL's match the text; TR-News'
are sometimes shifted by a few characters (offsets counted over CRLF line ends),
GeoVirus' are 1-based, and a few of GeoWebNews' are off. Every span is re-anchored
on its surface form, searched for near the stated offset.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import GoldFormatError

_ANCHOR_WINDOW = 60  # characters either side of a stated offset searched for the surface form
TRAIN_SHARE = 0.7  # the first 70% of a corpus' documents, in file order, are for development


@dataclass(frozen=True)
class GoldToponym:
    text: str
    start: int
    end: int
    lat: float | None  # None: a toponym without coordinates (recognition gold only)
    lon: float | None
    geonameid: int | None = None


@dataclass(frozen=True)
class GeoDocument:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    source: str | None = None  # the publisher (LGL's and TR-News' <domain>)

    @property
    def located(self) -> tuple[GoldToponym, ...]:
        return tuple(t for t in self.toponyms if t.lat is not None)


def _text(element: ET.Element | None, tag: str) -> str:
    found = element.find(tag) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def anchor(text: str, surface: str, start: int) -> int | None:
    """The offset of ``surface`` in ``text`` nearest to ``start``, or None."""
    if not surface:
        return None
    if text[start : start + len(surface)] == surface:
        return start
    low = max(0, start - _ANCHOR_WINDOW)
    best: int | None = None
    position = text.find(surface, low)
    while position != -1 and position <= start + _ANCHOR_WINDOW:
        if best is None or abs(position - start) < abs(best - start):
            best = position
        position = text.find(surface, position + 1)
    return best


def _toponym(
    text: str, surface: str, start: int, lat: float | None, lon: float | None, gid: int | None
) -> GoldToponym | None:
    found = anchor(text, surface, start)
    if found is None:
        return None
    return GoldToponym(surface, found, found + len(surface), lat, lon, gid)


def _read_lgl_style(article: ET.Element, index: int) -> GeoDocument:
    """LGL and TR-News: ``<toponym>`` with ``<phrase>``, ``<start>`` and a ``<gaztag>``."""
    text = article.findtext("text") or ""
    toponyms = []
    for element in article.iter("toponym"):
        surface = _text(element, "phrase")
        start = _int(_text(element, "start"))
        if start is None:
            continue
        gaztag = element.find("gaztag")
        lat = _float(_text(gaztag, "lat")) if gaztag is not None else None
        lon = _float(_text(gaztag, "lon")) if gaztag is not None else None
        gid = _int(gaztag.get("geonameid")) if gaztag is not None else None
        if (toponym := _toponym(text, surface, start, lat, lon, gid)) is not None:
            toponyms.append(toponym)
    source = _text(article, "domain") or None
    return GeoDocument(article.get("docid") or str(index), text, tuple(toponyms), source)


def _read_gwn(article: ET.Element, index: int) -> GeoDocument:
    """GeoWebNews: ``<extractedName>``; only spans with coordinates are toponyms to resolve."""
    text = article.findtext("text") or ""
    toponyms = []
    for element in article.iter("toponym"):
        lat, lon = _float(_text(element, "latitude")), _float(_text(element, "longitude"))
        start = _int(_text(element, "start"))
        if lat is None or lon is None or start is None:
            continue
        surface = _text(element, "extractedName")
        gid = _int(_text(element, "geonamesID"))
        if (toponym := _toponym(text, surface, start, lat, lon, gid)) is not None:
            toponyms.append(toponym)
    return GeoDocument(article.get("file") or str(index), text, tuple(toponyms))


def _read_geovirus(article: ET.Element, index: int) -> GeoDocument:
    """GeoVirus: ``<location>`` with 1-based offsets."""
    text = article.findtext("text") or ""
    toponyms = []
    for element in article.iter("location"):
        start = _int(_text(element, "start"))
        lat, lon = _float(_text(element, "lat")), _float(_text(element, "lon"))
        if start is None:
            continue
        surface = _text(element, "name")
        if (toponym := _toponym(text, surface, start - 1, lat, lon, None)) is not None:
            toponyms.append(toponym)
    return GeoDocument(str(index), text, tuple(toponyms))


def read_geo_corpus(path: Path) -> list[GeoDocument]:
    """The documents of a GeoWebNews, LGL, TR-News or GeoVirus XML file, in file order."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise GoldFormatError(f"cannot read {path} as geoparsing XML: {error}") from error
    articles = root.findall("article")
    if not articles:
        raise GoldFormatError(f"{path} has no <article> elements")
    first = articles[0]
    if first.find("locations") is not None:
        reader = _read_geovirus
    elif first.find(".//extractedName") is not None or first.get("file") is not None:
        reader = _read_gwn
    else:
        reader = _read_lgl_style
    return [reader(article, index) for index, article in enumerate(articles)]


def split_part(documents: list[GeoDocument], part: str) -> list[GeoDocument]:
    """``train``: the first 70% in file order; ``test``: the rest; ``all``: every document."""
    cut = round(len(documents) * TRAIN_SHARE)
    if part == "train":
        return documents[:cut]
    if part == "test":
        return documents[cut:]
    return documents
