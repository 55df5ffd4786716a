"""What the whole article says, for events whose sentence does not: its main town and day."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from dateline.gazetteer import normalize_name
from dateline.types import DateInterval, Granularity, Place, PlacedDoc, Precision, TimedDoc

_LOCAL = {Precision.EXACT, Precision.NEIGHBOURHOOD, Precision.TOWN, Precision.ADMIN2}


def story_town(placed: PlacedDoc) -> Place | None:
    """The town an article keeps coming back to, when one clearly leads (named twice or more).

    A sub-place counts for the town it sits in ("Bab Hud" for Homs).
    """
    focus = placed.focus.country if placed.focus else None
    counts: Counter[str] = Counter()
    places: dict[str, Place] = {}
    for mention in placed.mentions:
        place = mention.place
        if place.precision not in _LOCAL or (focus and place.country != focus):
            continue
        key = normalize_name(place.anchor or place.name)
        counts[key] += 1
        if key not in places or place.precision == Precision.TOWN:
            places[key] = place
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return places[ranked[0][0]]


def story_day(timed: TimedDoc) -> DateInterval | None:
    """The first day the article names outright ("On 21 July 1972"), not counted from another."""
    for expression in timed.expressions:
        interval = expression.interval
        if (
            expression.kind == "date"
            and not expression.anchor_relative
            and interval is not None
            and interval.granularity == Granularity.DAY
        ):
            return interval
    return None


def latest_day(timed: TimedDoc) -> dt.date | None:
    """The last day any resolved date of the article reaches: "now" for an undated article."""
    ends = [
        e.interval.end
        for e in timed.expressions
        if e.kind == "date" and not e.anchor_relative and e.interval is not None
    ]
    return max(ends) if ends else None
