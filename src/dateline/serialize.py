"""Events as plain JSON-ready dicts, in the gold format of SCHEMA.md (plus dateline's extras).

One shape is used everywhere an event leaves Python: the store's JSON column,
``dateline events --format json``, the HTTP API and ``dateline eval``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.types import (
    Actor,
    DateInterval,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    Granularity,
    InteropCodes,
    Place,
    Precision,
    Span,
)


def actor_to_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "kind": actor.kind, "country": actor.country}


def actor_from_dict(data: dict[str, Any] | None) -> Actor | None:
    if not data:
        return None
    return Actor(data["name"], int(data["kind"]), data.get("country"))


def place_to_dict(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "admin1": place.admin1,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision.value,
        "geonameid": place.geonameid,
        "anchor": place.anchor,
    }


def place_from_dict(data: dict[str, Any]) -> Place:
    return Place(
        name=data["name"],
        country=data.get("country"),
        lat=float(data["lat"]),
        lon=float(data["lon"]),
        precision=Precision(data.get("precision") or "town"),
        admin1=data.get("admin1"),
        geonameid=data.get("geonameid"),
        anchor=data.get("anchor"),
    )


def codes_to_dict(codes: InteropCodes | None) -> dict[str, Any] | None:
    if codes is None:
        return None
    return {
        "cameo": codes.cameo,
        "plover_type": codes.plover_type,
        "plover_mode": codes.plover_mode,
    }


def codes_from_dict(data: dict[str, Any] | None) -> InteropCodes | None:
    if not data:
        return None
    return InteropCodes(data["cameo"], data["plover_type"], data.get("plover_mode"))


def event_to_dict(event: Event) -> dict[str, Any]:
    """The event in SCHEMA.md's gold shape, with ids, provenance and confidence added."""
    interval = event.date.interval
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": (
            {
                "start": interval.start.isoformat(),
                "end": interval.end.isoformat(),
                "granularity": interval.granularity.value,
            }
            if interval
            else None
        ),
        "date_text": event.date.text,
        "actor1": actor_to_dict(event.actor1),
        "assoc_actor1": [a.name for a in event.assoc_actor1],
        "actor2": actor_to_dict(event.actor2),
        "interaction": event.interaction,
        "location": place_to_dict(event.location),
        "fatalities": (
            {
                "min": event.fatalities.min,
                "max": event.fatalities.max,
                "text": event.fatalities.text,
            }
            if event.fatalities
            else None
        ),
        "evidence": event.evidence_text,
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
        "background": event.background,
        "trigger": event.trigger,
        "confidence": round(event.confidence, 3),
        "codes": codes_to_dict(event.codes),
        "provenance": [
            {"field": e.field, "start": e.span.start, "end": e.span.end, "text": e.text}
            for e in event.provenance
        ],
    }


def event_from_dict(data: dict[str, Any]) -> Event:
    """The inverse of :func:`event_to_dict` (used by the store to read events back)."""
    date = data.get("date")
    interval = (
        DateInterval(
            dt.date.fromisoformat(date["start"]),
            dt.date.fromisoformat(date["end"]),
            Granularity(date.get("granularity") or "range"),
        )
        if date
        else None
    )
    fatalities = data.get("fatalities")
    actor1 = actor_from_dict(data["actor1"])
    assert actor1 is not None
    country = actor1.country
    return Event(
        event_id=data["event_id"],
        doc_id=data["doc_id"],
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        date=EventDate(interval, data.get("date_text")),
        actor1=actor1,
        assoc_actor1=tuple(Actor(name, 0, country) for name in data.get("assoc_actor1", [])),
        actor2=actor_from_dict(data.get("actor2")),
        location=place_from_dict(data["location"]),
        fatalities=(
            Fatalities(fatalities["min"], fatalities.get("max"), fatalities.get("text", ""))
            if fatalities
            else None
        ),
        sentence=Span(data["sentence"]["start"], data["sentence"]["end"]),
        evidence_text=data.get("evidence", ""),
        background=bool(data.get("background")),
        trigger=data.get("trigger", ""),
        provenance=tuple(
            Evidence(p["field"], Span(p["start"], p["end"]), p["text"])
            for p in data.get("provenance", [])
        ),
        confidence=float(data.get("confidence", 0.5)),
        codes=codes_from_dict(data.get("codes")),
    )
