"""The dedup stage: repeated mentions of one event in a document become one event.

ACLED codes one event per type, place, day and actor pair: "took over Qusayr
in June" and "the capture in June of Qusayr" are one event. The merged event
keeps the most specific of everything its mentions say.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from dateline.gazetteer import normalize_name
from dateline.gazetteer.distance import haversine_km
from dateline.resources import load_json
from dateline.types import Actor, Event, Place, Precision

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
_TOWN_RADIUS_KM = 10.0
# a headline's "near Afgooye" and the body's "on the road out of Mogadishu": one area
_AREA_RADIUS_KM = 50.0
_SPECIFIC_TYPES = {"Explosions/Remote violence", "Battles"}


def _place_keys(place: Place) -> set[str]:
    keys = {normalize_name(place.name)}
    if place.anchor:
        keys.add(normalize_name(place.anchor))
    return keys


def _within_town(a: Place, b: Place) -> bool:
    """A finer place inside a town named elsewhere ("London Bridge" and "London")."""
    town, inner = (a, b) if a.precision == Precision.TOWN else (b, a)
    if town.precision != Precision.TOWN or _PRECISION_RANK[inner.precision] >= 2:
        return False
    return haversine_km(town.lat, town.lon, inner.lat, inner.lon) <= _TOWN_RADIUS_KM


def same_place(a: Place, b: Place) -> bool:
    """The same named place, or a sub-place and the town it was coded at."""
    if normalize_name(a.name) == normalize_name(b.name):
        return True
    if a.country == b.country and _within_town(a, b):
        return True
    if a.anchor and b.anchor:
        return False  # two different named parts of one town
    return bool(_place_keys(a) & _place_keys(b))


def _has_evidence(event: Event, field: str) -> bool:
    return any(e.field == field for e in event.provenance)


def _same_actors(a: Event, b: Event) -> bool:
    if a.actor1.name == b.actor1.name:
        return True
    pair_a = {a.actor1.name, a.actor2.name if a.actor2 else ""}
    pair_b = {b.actor1.name, b.actor2.name if b.actor2 else ""}
    if pair_a == pair_b:
        return True
    # an initiator the text names and one filled in by default: the text says more, not otherwise
    return _has_evidence(a, "actor1") != _has_evidence(b, "actor1")


def _dates_overlap(a: Event, b: Event) -> bool:
    if a.date.interval is None or b.date.interval is None:
        return a.date.interval is b.date.interval
    return a.date.interval.overlaps(b.date.interval)


def _undated(event: Event) -> bool:
    """No date of its own: unresolved, or the default days before publication."""
    return event.date.interval is None or event.date.text is None


def _unplaced(event: Event) -> bool:
    """Coded at the story's town or country for want of a place of its own."""
    return not _has_evidence(event, "location")


def _same_type(a: Event, b: Event) -> bool:
    if a.event_type == b.event_type:
        return True
    # "the attack" re-mentioning a bombing: the generic mention takes the specific type
    return (_is_generic(a) and b.event_type in _SPECIFIC_TYPES) or (
        _is_generic(b) and a.event_type in _SPECIFIC_TYPES
    )


def _is_generic(event: Event) -> bool:
    words = event.trigger.lower().split()
    return (
        (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
        and bool(words)
        and words[0] in _generic_words()
    )


@cache
def _generic_words() -> frozenset[str]:
    data: dict[str, list[str]] = load_json("event_triggers.json")
    return frozenset(data["generic_trigger_words"])


def _is_same_strictly(a: Event, b: Event) -> bool:
    """Same type (or a generic re-mention), place, day and actors."""
    return (
        _same_type(a, b)
        and _same_actors(a, b)
        and same_place(a.location, b.location)
        and _dates_overlap(a, b)
    )


def _joins(a: Event, b: Event) -> bool:
    """A mention without its own date or place joins an event of the same kind and actors."""
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return False
    if not _same_actors(a, b):
        return False
    if same_place(a.location, b.location):
        return _undated(a) or _undated(b)
    # an undated mention of a dated event elsewhere in its town ("near the finish line")
    if _place_keys(a.location) & _place_keys(b.location):
        return _undated(a) != _undated(b)
    same_country = a.location.country == b.location.country
    if not (same_country and _dates_overlap(a, b)):
        return False
    # a headline's undated mention and the body's dated report of it, places nearby
    return _unplaced(a) != _unplaced(b) or (_undated(a) != _undated(b) and _nearby(a, b))


def _nearby(a: Event, b: Event) -> bool:
    here, there = a.location, b.location
    return haversine_km(here.lat, here.lon, there.lat, there.lon) <= _AREA_RADIUS_KM


def is_same_event(a: Event, b: Event) -> bool:
    """Same type, place, day and actors; a mention without its own date or place may join one."""
    return _is_same_strictly(a, b) or _joins(a, b)


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


def _target(actor1: Actor, mentions: Sequence[Event]) -> Actor | None:
    """The other side: a target the text names, or the initiator of a mention seen from it."""
    for event in mentions:
        if _has_evidence(event, "actor2") and event.actor2 and event.actor2.name != actor1.name:
            return event.actor2
    for event in mentions:
        if event.actor2 and event.actor2.name == actor1.name and event.actor1.name != actor1.name:
            return event.actor1  # "troops died fighting rebels" seen from the rebels
    for event in mentions:
        if event.actor2 and event.actor2.name != actor1.name:
            return event.actor2
    return None


def _combine(first: Event, other: Event) -> Event:
    if first.event_type != other.event_type:
        typed = other if _is_generic(first) else first
    else:
        typed = (
            first
            if (
                first.sub_event_type not in _GENERIC_SUB_EVENTS
                or other.sub_event_type in _GENERIC_SUB_EVENTS
            )
            else other
        )
    named = [e for e in (typed, first, other) if _has_evidence(e, "actor1")]
    acting = named[0] if named else typed
    target = _target(acting.actor1, (acting, typed, first, other))
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
        event_type=typed.event_type,
        sub_event_type=typed.sub_event_type,
        actor1=acting.actor1,
        actor2=target,
        assoc_actor1=tuple(allies),
        date=dated.date,
        background=dated.background,
        location=located.location,
        fatalities=max(tolls, key=lambda f: f.min) if tolls else None,
        provenance=tuple(provenance),
        confidence=min(1.0, max(first.confidence, other.confidence) + 0.1),
    )


def _merge_pass(events: Sequence[Event], same: Callable[[Event, Event], bool]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        for index, kept in enumerate(merged):
            if same(kept, event):
                merged[index] = _combine(kept, event)
                break
        else:
            merged.append(event)
    return merged


def _detains_protesters(arrest: Event, protest: Event) -> bool:
    """ "Seven students were detained" in the story of a protest police broke up: ACLED
    codes the detention as the protest's intervention, not as arrests of their own."""
    if arrest.sub_event_type != "Arrests" or protest.event_type != "Protests":
        return False
    if arrest.actor1.kind != 1 or (arrest.actor2 is not None and arrest.actor2.kind != 6):
        return False
    return same_place(arrest.location, protest.location) and _dates_overlap(arrest, protest)


def _fold_detentions(events: Sequence[Event]) -> list[Event]:
    kept = list(events)
    for arrest in events:
        index = next((k for k, e in enumerate(kept) if _detains_protesters(arrest, e)), None)
        if index is None:
            continue
        protest = kept[index]
        if protest.sub_event_type == "Peaceful protest":
            protest = replace(
                protest,
                sub_event_type="Protest with intervention",
                actor2=protest.actor2 or arrest.actor1,
            )
        kept[index] = replace(protest, provenance=(*protest.provenance, *arrest.provenance))
        kept.remove(arrest)
    return kept


def merge(events: Sequence[Event]) -> tuple[Event, ...]:
    """Mentions that agree on everything merge first; then those lacking a date or place join;
    protesters detained go into their protest."""
    merged = _merge_pass(_merge_pass(events, _is_same_strictly), _joins)
    return tuple(_fold_detentions(merged))
