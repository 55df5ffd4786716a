"""Where a news source's stories happen: the home regions of its articles.

A local paper writes "Athens" for the Athens of its own state and never says which one.
Lieberman, Samet and Sankaranarayanan (2010) call what a reader of that paper knows its
*local lexicon*. ``SourceRegions`` learns it without labels from the source's other
articles: the first-level divisions of the places resolved in them with confidence. The
resolver then favours readings in those divisions (``home_region`` in geo_weights.json).

A document's own places never count for itself, so a name cannot confirm its own guess.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dateline.gazetteer.normalize import normalize_name
from dateline.gazetteer.weights import weights
from dateline.types import DivisionCount, Place, Precision

Division = tuple[str, str]  # (country code, first-level division name)

_LEARNED_FROM = {Precision.TOWN, Precision.ADMIN2, Precision.ADMIN1}


def division_of(place: Place) -> Division | None:
    """The first-level division a place lies in (None for countries and unknown ones)."""
    if place.country is None or place.admin1 is None:
        return None
    return place.country, place.admin1


@dataclass(frozen=True)
class HomeRegions:
    """The share of a source's confidently placed names that lie in each division, and how
    many of its documents that rests on."""

    shares: Mapping[Division, float] = field(default_factory=dict)
    documents: int = 0

    def weight(self, division: Division) -> float:
        """How much a reading in ``division`` gains: its share, trusted by the evidence."""
        if not self.shares:
            return 0.0
        enough = weights()["home_documents"]
        return self.shares.get(division, 0.0) * min(self.documents, enough) / enough


NO_HOME = HomeRegions()


class SourceRegions:
    """Learns each source's home regions from the places resolved in its documents."""

    def __init__(self) -> None:
        # source -> document -> the divisions of its distinct, confidently placed names
        self._seen: dict[str, dict[str, Counter[Division]]] = defaultdict(dict)
        # source -> the sum over its documents, kept as they come (a paper's archive is long)
        self._totals: dict[str, Counter[Division]] = defaultdict(Counter)

    def learn(
        self, source: str | None, doc_id: str, places: Iterable[tuple[str, Place, float]]
    ) -> tuple[DivisionCount, ...]:
        """Record the (name, place, score) triples resolved in one document of ``source``;
        returns what was learned from it, for ``restore`` in a later process."""
        if not source:
            return ()
        least = weights()["home_min_score"]
        names: dict[str, Division] = {}
        for name, place, score in places:
            division = division_of(place)
            if (
                division is None
                or score < least
                or place.anchor is not None  # coded at another place: says nothing new
                or place.precision not in _LEARNED_FROM
            ):
                continue
            names.setdefault(normalize_name(name), division)
        if not names:
            return ()
        counts = Counter(names.values())
        for division, count in counts.items():
            self._record(source, doc_id, division, count)
        return tuple(DivisionCount(c, a, n) for (c, a), n in sorted(counts.items()))

    def restore(self, learned: Iterable[tuple[str, str, DivisionCount]]) -> None:
        """Take back (source, doc_id, count) rows that ``learn`` returned in earlier runs."""
        for source, doc_id, count in learned:
            self._record(source, doc_id, (count.country, count.admin1), count.names)

    def _record(self, source: str, doc_id: str, division: Division, names: int) -> None:
        seen = self._seen[source].setdefault(doc_id, Counter())
        self._totals[source][division] += names - seen[division]
        seen[division] = names

    def home(self, source: str | None, leave_out: str | None = None) -> HomeRegions:
        """The home regions of ``source``, learned from its documents other than ``leave_out``."""
        if not source or source not in self._seen:
            return NO_HOME
        documents = self._seen[source]
        counts = self._totals[source].copy()
        if leave_out in documents:
            counts.subtract(documents[leave_out])
        counts = +counts  # only the divisions some other document placed a name in
        total = sum(counts.values())
        if not total:
            return NO_HOME
        others = len(documents) - (leave_out in documents)
        return HomeRegions({d: n / total for d, n in counts.items()}, others)
