"""The events stage: which sentences report events, their ACLED types, dates and tolls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dateline.types import Event, Granularity, Precision

pytestmark = pytest.mark.slow

EventFinder = Callable[..., list[Event]]
MONDAY = dt.date(2021, 3, 8)  # the Monday before the fixtures' publication date


def _one(find_events: EventFinder, text: str, **options: object) -> Event:
    found = find_events(text, **options)
    assert len(found) == 1, [(e.event_type, e.sub_event_type, e.trigger) for e in found]
    return found[0]


# ------------------------------------------------------------------ what is not an event


@pytest.mark.parametrize(
    ("not_reported", "reported"),
    [
        (
            "Rebels hope to capture the town of Saraqeb in Syria.",
            "Rebels captured the town of Saraqeb in Syria on Monday.",
        ),
        (
            "The army plans to retake the town of Saraqeb in Syria next month.",
            "The army retook the town of Saraqeb in Syria on Monday.",
        ),
        (
            "Rebels threatened to attack the town of Saraqeb in Syria.",
            "Rebels attacked the town of Saraqeb in Syria on Monday.",
        ),
        (
            "The government condemned the killing of five civilians in Homs, Syria.",
            "Gunmen killed five civilians in Homs, Syria, on Monday.",
        ),
        (
            "The army denied that its warplanes bombed the town of Saraqeb in Syria.",
            "Warplanes bombed the town of Saraqeb in Syria on Monday.",
        ),
        (
            "If rebels attack the town of Saraqeb in Syria, troops will respond.",
            "Rebels attacked the town of Saraqeb in Syria, and troops responded.",
        ),
        (
            "Troops would retake the town of Saraqeb in Syria within weeks, officials said.",
            "Troops retook the town of Saraqeb in Syria on Monday, officials said.",
        ),
        (
            "Rebels will attack the town of Saraqeb in Syria, a commander said.",
            "Rebels attacked the town of Saraqeb in Syria, a commander said.",
        ),
        (
            "Troops did not shell the town of Saraqeb in Syria on Monday.",
            "Troops shelled the town of Saraqeb in Syria on Monday.",
        ),
        (
            "Residents of Saraqeb in Syria fled near-daily bombardments by government forces.",
            "Residents of Saraqeb in Syria fled a bombardment by government forces on Monday.",
        ),
        (
            "Months of fighting have devastated the town of Saraqeb in Syria.",
            "Fighting devastated the town of Saraqeb in Syria on Monday.",
        ),
        (
            "The takeover is a blow to the rebels in Syria.",
            "The takeover of Saraqeb by rebels in Syria came on Monday.",
        ),
    ],
)
def test_statements_plans_and_aggregates_are_not_events(
    find_events: EventFinder, not_reported: str, reported: str
) -> None:
    assert find_events(not_reported, merged=False) == []
    assert find_events(reported, merged=False)  # the same words, reported, are an event


# ------------------------------------------------------------------ types and actors


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "actor1", "actor2"),
    [
        (
            "Warplanes struck the village of Kafr Nabl in Idlib province on Monday.",
            "Explosions/Remote violence",
            "Air/drone strike",
            "Military Forces of Syria",
            None,
        ),
        (
            "Syrian troops shelled the town of Qusayr on Monday.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Military Forces of Syria",
            None,
        ),
        (
            "A roadside bomb exploded near a police patrol in Kandahar, Afghanistan, on Monday.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            "Unidentified Armed Group (Afghanistan)",
            "Police Forces of Afghanistan",  # the patrol it hit
        ),
        (
            "A suicide bomber blew himself up at a market in Maiduguri, Nigeria, on Sunday.",
            "Explosions/Remote violence",
            "Suicide bomb",
            "Unidentified Armed Group (Nigeria)",
            "Civilians (Nigeria)",  # a bombing in a public place targets civilians
        ),
        (
            "Hundreds of protesters marched through Nairobi, Kenya, on Tuesday before police "
            "dispersed them with tear gas.",
            "Protests",
            "Protest with intervention",
            "Protesters (Kenya)",
            None,
        ),
        (
            "Thousands of demonstrators rallied peacefully in Lagos, Nigeria, on Friday.",
            "Protests",
            "Peaceful protest",
            "Protesters (Nigeria)",
            None,
        ),
        (
            "Police arrested dozens of rioters in London, Britain, on Saturday.",
            "Strategic developments",
            "Arrests",
            "Police Forces of the United Kingdom",
            "Rioters (United Kingdom)",
        ),
        (
            "Gunmen killed seven villagers in the village of Kadugli in Sudan on Sunday.",
            "Violence against civilians",
            "Attack",
            "Unidentified Armed Group (Sudan)",
            "Civilians (Sudan)",
        ),
        (
            "Gunmen kidnapped 20 schoolchildren in Zamfara state, Nigeria, on Friday.",
            "Violence against civilians",
            "Abduction/forced disappearance",
            "Unidentified Armed Group (Nigeria)",
            "Civilians (Nigeria)",
        ),
        (
            "Rebels attacked government troops in Saraqeb, Syria, on Monday.",
            "Battles",
            "Armed clash",
            "Rebels (Syria)",
            "Military Forces of Syria",
        ),
        (
            "Syrian troops recaptured the town of Qusayr from rebels on Wednesday.",
            "Battles",
            "Government regains territory",
            "Military Forces of Syria",
            "Rebels (Syria)",
        ),
        (
            "Government troops retook the city of Gao in Mali from rebels on Monday.",
            "Battles",
            "Government regains territory",
            "Military Forces of Mali",
            "Rebels (Mali)",
        ),
        (
            "Rebels seized the town of Gao in Mali on Thursday.",
            "Battles",
            "Non-state actor overtakes territory",
            "Rebels (Mali)",
            "Military Forces of Mali",
        ),
    ],
)
def test_reports_get_their_acled_type(
    find_events: EventFinder,
    text: str,
    event_type: str,
    sub_event_type: str,
    actor1: str,
    actor2: str | None,
) -> None:
    event = _one(find_events, text)
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type)
    assert event.actor1.name == actor1
    assert (event.actor2.name if event.actor2 else None) == actor2
    assert event.evidence_text == text[event.sentence.start : event.sentence.end]


def test_backed_by_gives_an_associated_actor(find_events: EventFinder) -> None:
    event = _one(
        find_events,
        "Syrian troops backed by Hezbollah fighters recaptured the town of Qusayr from rebels "
        "on Wednesday.",
    )
    assert event.sub_event_type == "Government regains territory"
    assert [a.name for a in event.assoc_actor1] == ["Hezbollah"]
    assert "Hezbollah" in {e.text for e in event.provenance if e.field == "assoc_actor1"}


def test_state_forces_abroad_are_external(find_events: EventFinder) -> None:
    event = _one(find_events, "Turkish troops shelled the town of Tal Abyad in Syria on Monday.")
    assert event.actor1.name == "Military Forces of Turkey"
    assert event.actor1.kind == 8
    assert event.location.country == "SY"


def test_the_location_is_the_finest_place_named(find_events: EventFinder) -> None:
    event = _one(
        find_events,
        "Police clashed with protesters in the Kibera neighbourhood of Nairobi, Kenya, on Friday.",
    )
    assert event.location.name == "Kibera"
    assert event.location.precision == Precision.NEIGHBOURHOOD
    assert event.location.anchor == "Nairobi"


def test_provenance_spans_slice_the_text(find_events: EventFinder) -> None:
    text = (
        "Syrian troops backed by Hezbollah fighters recaptured the town of Qusayr from rebels "
        "on Wednesday, killing at least 30 fighters."
    )
    event = _one(find_events, text)
    fields = {e.field for e in event.provenance}
    assert {"trigger", "actor1", "actor2", "assoc_actor1", "location", "date"} <= fields
    assert "fatalities" in fields
    for evidence in event.provenance:
        assert text[evidence.span.start : evidence.span.end] == evidence.text
        assert event.sentence.covers(evidence.span)
    assert event.trigger == "recaptured"


# ------------------------------------------------------------------ dates


def test_a_weekday_dates_the_event(find_events: EventFinder, published: dt.date) -> None:
    event = _one(find_events, "Troops shelled the town of Saraqeb in Syria on Monday.")
    assert event.date.text == "on Monday"
    assert event.date.interval is not None
    assert (event.date.interval.start, event.date.interval.end) == (MONDAY, MONDAY)
    assert event.date.interval.granularity == Granularity.DAY
    assert not event.background
    assert published - MONDAY == dt.timedelta(days=2)


def test_an_undated_report_gets_the_days_before_publication(
    find_events: EventFinder, published: dt.date
) -> None:
    event = _one(find_events, "Troops shelled the town of Saraqeb in Syria.")
    assert event.date.text is None
    assert event.date.interval is not None
    assert event.date.interval.start == published - dt.timedelta(days=2)
    assert event.date.interval.end == published
    assert event.date.interval.granularity == Granularity.RANGE
    assert not event.background


def test_without_a_publication_date_relative_dates_stay_unresolved(
    find_events: EventFinder,
) -> None:
    event = _one(
        find_events, "Troops shelled the town of Saraqeb in Syria on Monday.", published=None
    )
    assert event.date.interval is None
    assert not event.background


def test_old_events_are_background(find_events: EventFinder) -> None:
    text = "Troops shelled the town of Saraqeb in Syria on 4 May 2019."
    event = _one(find_events, text)
    assert event.date.interval is not None
    assert event.date.interval.start == dt.date(2019, 5, 4)
    assert event.background
    assert not _one(find_events, text, background_days=1000).background


def test_n_days_later_counts_from_the_story_s_date(find_events: EventFinder) -> None:
    text = (
        "Rebels attacked government troops in Saraqeb, Syria, on Monday. "
        "Warplanes bombed the town two days later."
    )
    found = find_events(text)
    assert [e.sub_event_type for e in found] == ["Armed clash", "Air/drone strike"]
    clash, strike = found
    assert clash.date.interval is not None and clash.date.interval.start == MONDAY
    assert strike.date.interval is not None
    assert strike.date.interval.start == strike.date.interval.end == MONDAY + dt.timedelta(2)
    assert strike.date.text == "two days later"


def test_n_days_after_an_event_dates_that_event_back(find_events: EventFinder) -> None:
    text = (
        "Troops recaptured the town of Saraqeb in Syria on Monday. "
        "The recapture of Saraqeb came two days after troops seized the nearby town of Kafr Nabl."
    )
    found = {e.location.name: e for e in find_events(text)}
    seized = found["Kafranbel"]
    assert seized.date.interval is not None
    assert seized.date.interval.start == MONDAY - dt.timedelta(days=2)


# ------------------------------------------------------------------ death tolls


@pytest.mark.parametrize(
    ("text", "sub_event_type", "low", "high"),
    [
        (
            "Warplanes bombed the town of Saraqeb in Syria on Monday, killing at least 12 people.",
            "Air/drone strike",
            12,
            None,
        ),
        (
            "A suicide bomber blew himself up at a market in Maiduguri, Nigeria, on Sunday, "
            "killing 15 people.",
            "Suicide bomb",
            15,
            15,
        ),
        (
            "A roadside bomb exploded near a police patrol in Kandahar, Afghanistan, on Monday, "
            "killing three officers.",
            "Remote explosive/landmine/IED",
            3,
            3,
        ),
        (
            "Gunmen killed seven villagers in the village of Kadugli in Sudan on Sunday.",
            "Attack",
            7,
            7,
        ),
    ],
)
def test_killing_n_is_the_toll_of_the_event_it_follows(
    find_events: EventFinder, text: str, sub_event_type: str, low: int, high: int | None
) -> None:
    event = _one(find_events, text)
    assert event.sub_event_type == sub_event_type
    assert event.fatalities is not None
    assert (event.fatalities.min, event.fatalities.max) == (low, high)


def test_a_toll_in_the_next_sentence_belongs_to_the_event(find_events: EventFinder) -> None:
    event = _one(
        find_events,
        "Gunmen attacked a village in Zamfara state, Nigeria, on Monday. "
        "Twelve people were killed.",
    )
    assert event.event_type == "Violence against civilians"
    assert event.fatalities is not None and event.fatalities.min == 12


def test_one_toll_per_sentence_is_attached_once(find_events: EventFinder) -> None:
    found = find_events(
        "Warplanes bombed Saraqeb and troops shelled Kafr Nabl in Syria on Monday, "
        "killing nine people.",
        merged=False,
    )
    assert len(found) == 2
    tolls = [e.fatalities for e in found if e.fatalities is not None]
    assert [(t.min, t.max) for t in tolls] == [(9, 9)]


def test_a_report_without_a_toll_has_none(find_events: EventFinder) -> None:
    event = _one(find_events, "Police arrested 20 men in Nairobi, Kenya, on Monday.")
    assert event.fatalities is None
