"""Score toponym resolution (and recognition) against a geoparsing corpus.

The measures are those of the geoparsing literature (Gritta et al. 2018, 2020):
accuracy within 161 km (100 miles), the median error, and the AUC of the error curve:
the area under the sorted log(1 + error km) values, scaled by log of half the earth's
circumference, so 0 is perfect and 1 is always on the far side of the planet. A toponym
the resolver leaves unresolved counts as that maximum error. The oracle is the share of
gold toponyms for which the index holds a candidate of that name within 161 km: the
ceiling of any resolver on the same index.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.evaluate.geo_corpora import GeoDocument, GoldToponym
from dateline.gazetteer import Gazetteer, haversine_km
from dateline.gazetteer.home import SourceRegions
from dateline.gazetteer.resolve import (
    DocumentResolver,
    candidates,
    locale_votes,
    named_places,
    toponym_in_text,
)
from dateline.types import Place

ACCURATE_KM = 161.0
_LISTED = 15  # names listed beyond the oracle
MAX_ERROR_KM = 20039.0  # half the earth's circumference

Advance = Callable[[], None]


def auc_of(errors: Sequence[float]) -> float:
    """Area under the curve of sorted log errors, scaled to 0..1 (lower is better)."""
    if not errors:
        return 0.0
    points = [math.log(1 + e) for e in sorted(errors)]
    if len(points) == 1:
        return points[0] / math.log(MAX_ERROR_KM)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(points))
    return area / (len(points) - 1) / math.log(MAX_ERROR_KM)


@dataclass
class GeoScores:
    documents: int = 0
    toponyms: int = 0  # gold toponyms with coordinates that were scored
    errors: list[float] = field(default_factory=list)
    oracle_hits: int = 0
    # gold toponyms beyond the oracle: the index has no entry of that name, or only far away
    missing: Counter[str] = field(default_factory=Counter)
    far: Counter[str] = field(default_factory=Counter)
    recognised_true: int = 0  # predicted spans that match a gold span
    predicted: int = 0
    gold_spans: int = 0
    end_to_end: bool = False

    @property
    def acc161(self) -> float:
        return sum(e <= ACCURATE_KM for e in self.errors) / len(self.errors) if self.errors else 0.0

    @property
    def oracle161(self) -> float:
        return self.oracle_hits / self.toponyms if self.toponyms else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors) if self.errors else 0.0

    @property
    def mean_km(self) -> float:
        return statistics.fmean(self.errors) if self.errors else 0.0

    @property
    def auc(self) -> float:
        return auc_of(self.errors)

    @property
    def recognition(self) -> tuple[float, float, float] | None:
        if not self.end_to_end:
            return None
        p = self.recognised_true / self.predicted if self.predicted else 0.0
        r = self.recognised_true / self.gold_spans if self.gold_spans else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "documents": self.documents,
            "toponyms": self.toponyms,
            "acc161": round(self.acc161, 4),
            "oracle161": round(self.oracle161, 4),
            "acc_over_oracle": round(self.acc161 / self.oracle161, 4) if self.oracle161 else None,
            "median_km": round(self.median_km, 1),
            "mean_km": round(self.mean_km, 1),
            "auc": round(self.auc, 4),
            "beyond_oracle": {
                "no_entry": sum(self.missing.values()),
                "only_far_away": sum(self.far.values()),
                "most_common_no_entry": self.missing.most_common(_LISTED),
                "most_common_only_far_away": self.far.most_common(_LISTED),
            },
        }
        if (recognition := self.recognition) is not None:
            data.update(
                recognition_precision=round(recognition[0], 4),
                recognition_recall=round(recognition[1], 4),
                recognition_f1=round(recognition[2], 4),
                predicted=self.predicted,
                gold_spans=self.gold_spans,
            )
        return data


def _error(place: Place | None, gold: GoldToponym) -> float:
    if place is None or gold.lat is None or gold.lon is None:
        return MAX_ERROR_KM
    return haversine_km(place.lat, place.lon, gold.lat, gold.lon)


def _oracle(gazetteer: Gazetteer, gold: GoldToponym, scores: GeoScores) -> None:
    """Count the toponym in the oracle, or among the names beyond it."""
    assert gold.lat is not None and gold.lon is not None
    found = candidates(gazetteer, gold.text)
    if any(haversine_km(c.lat, c.lon, gold.lat, gold.lon) <= ACCURATE_KM for c in found):
        scores.oracle_hits += 1
    else:
        (scores.far if found else scores.missing)[gold.text] += 1


def score_gold_toponyms(
    documents: Iterable[GeoDocument], gazetteer: Gazetteer, advance: Advance | None = None
) -> GeoScores:
    """Resolve the gold spans of each document and score the places against the gold points.

    Documents that name their source are resolved twice: the first pass learns each
    source's home regions from the resolver's own output (never from the gold), the
    second resolves each document with what its source's other documents say.
    """
    resolver = DocumentResolver(gazetteer)
    prepared = [
        (document, [toponym_in_text(document.text, t.start, t.end) for t in document.located])
        for document in documents
    ]
    votes = {document.doc_id: locale_votes(document.text) for document, _ in prepared}
    regions = SourceRegions()
    for document, toponyms in prepared:
        if document.source:
            resolved, _ = resolver.resolve(toponyms, votes[document.doc_id])
            regions.learn(document.source, document.doc_id, named_places(toponyms, resolved))
    scores = GeoScores()
    for document, toponyms in prepared:
        home = regions.home(document.source, leave_out=document.doc_id)
        resolved, _ = resolver.resolve(toponyms, votes[document.doc_id], home)
        scores.documents += 1
        for toponym, result in zip(document.located, resolved, strict=True):
            scores.toponyms += 1
            scores.errors.append(_error(result.place if result else None, toponym))
            _oracle(gazetteer, toponym, scores)
        if advance:
            advance()
    return scores


PlaceFinder = Callable[[GeoDocument], list[tuple[int, int, Place]]]


def score_end_to_end(
    documents: Iterable[GeoDocument],
    gazetteer: Gazetteer,
    find: PlaceFinder,
    advance: Advance | None = None,
) -> GeoScores:
    """Recognise and resolve places in raw text; resolution is scored on recognised spans.

    A predicted span matches a gold span with the same offsets (the literature's strict
    match). Recognition counts every gold toponym, with or without coordinates.
    """
    scores = GeoScores(end_to_end=True)
    for document in documents:
        found = {(start, end): place for start, end, place in find(document)}
        gold_spans = {(t.start, t.end) for t in document.toponyms}
        scores.documents += 1
        scores.predicted += len(found)
        scores.gold_spans += len(gold_spans)
        scores.recognised_true += len(found.keys() & gold_spans)
        for toponym in document.located:
            place = found.get((toponym.start, toponym.end))
            if place is None:
                continue
            scores.toponyms += 1
            scores.errors.append(_error(place, toponym))
            _oracle(gazetteer, toponym, scores)
        if advance:
            advance()
    return scores
