"""The dedup stage: repeated mentions of one event in a document become one event.

ACLED codes one event per type, place, day and actor pair: "took over Qusayr
in June" and "the capture in June of Qusayr" are one event. The merged event
keeps the most specific of everything its mentions say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dateline.gazetteer import normalize_name
from dateline.types import Event, Place, Precision

_PRECISION_RANK = {
    Precision.EXACT: 0,
    Precision.NEIGHBOURHOOD: 1,
    Precision.TOWN: 2,
    Precision.ADMIN2: 3,
    Precision.ADMIN1: 4,
    Precision.COUNTRY: 5,
}
# a change of control says more than the fighting that led to it
_GENERIC_SUB_EVENTS = {"Armed clash", "Attack", "Peaceful protest"}


def _place_keys(place: Place) -> set[str]:
    keys = {normalize_name(place.name)}
    if place.anchor:
        keys.add(normalize_name(place.anchor))
    return keys


def same_place(a: Place, b: Place) -> bool:
    """The same named place, or a sub-place and the town it was coded at."""
    if normalize_name(a.name) == normalize_name(b.name):
        return True
    if a.anchor and b.anchor:
        return False  # two different named parts of one town
    return bool(_place_keys(a) & _place_keys(b))


def _same_actors(a: Event, b: Event) -> bool:
    if a.actor1.name == b.actor1.name:
        return True
    pair_a = {a.actor1.name, a.actor2.name if a.actor2 else ""}
    pair_b = {b.actor1.name, b.actor2.name if b.actor2 else ""}
    return pair_a == pair_b


def _dates_overlap(a: Event, b: Event) -> bool:
    if a.date.interval is None or b.date.interval is None:
        return a.date.interval is b.date.interval
    return a.date.interval.overlaps(b.date.interval)


def is_same_event(a: Event, b: Event) -> bool:
    return (
        a.event_type == b.event_type
        and _dates_overlap(a, b)
        and same_place(a.location, b.location)
        and _same_actors(a, b)
    )


def _date_rank(event: Event) -> tuple[int, int]:
    interval = event.date.interval
    width = (interval.end - interval.start).days if interval else 10**6
    return (0 if event.date.text else 1, width)


def _location_rank(place: Place) -> tuple[int, int]:
    # a named sub-place ("Khaldiyeh", anchored to Homs) beats an unnamed part of the town
    named_part = place.anchor is not None and normalize_name(place.anchor) != normalize_name(
        place.name
    )
    return (_PRECISION_RANK[place.precision], 0 if named_part else 1)


def _combine(first: Event, other: Event) -> Event:
    typed = (
        first
        if (
            first.sub_event_type not in _GENERIC_SUB_EVENTS
            or other.sub_event_type in _GENERIC_SUB_EVENTS
        )
        else other
    )
    dated = min((first, other), key=_date_rank)
    located = min((first, other), key=lambda e: _location_rank(e.location))
    tolls = [e.fatalities for e in (first, other) if e.fatalities]
    allies = list(first.assoc_actor1) + [
        a for a in other.assoc_actor1 if a not in first.assoc_actor1
    ]
    seen = set()
    provenance = []
    for evidence in (*first.provenance, *other.provenance):
        if evidence not in seen:
            seen.add(evidence)
            provenance.append(evidence)
    return replace(
        first,
        sub_event_type=typed.sub_event_type,
        actor1=typed.actor1,
        actor2=typed.actor2 or first.actor2 or other.actor2,
        assoc_actor1=tuple(allies),
        date=dated.date,
        background=dated.background,
        location=located.location,
        fatalities=max(tolls, key=lambda f: f.min) if tolls else None,
        provenance=tuple(provenance),
        confidence=min(1.0, max(first.confidence, other.confidence) + 0.1),
    )


def merge(events: Sequence[Event]) -> tuple[Event, ...]:
    merged: list[Event] = []
    for event in events:
        for index, kept in enumerate(merged):
            if is_same_event(kept, event):
                merged[index] = _combine(kept, event)
                break
        else:
            merged.append(event)
    return tuple(merged)
