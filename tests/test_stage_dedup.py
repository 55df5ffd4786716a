"""The dedup stage: repeated mentions of one event merge, keeping the most specific details."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dateline.stages.dedup import is_same_event, merge, same_place
from dateline.types import (
    Actor,
    DateInterval,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    Granularity,
    Place,
    Precision,
    Span,
)

ARMY = Actor("Military Forces of Syria", 1, "SY")
REBELS = Actor("Rebels (Syria)", 2, "SY")
MILITIA = Actor("Hezbollah", 3, "LB")
CIVILIANS = Actor("Civilians (Syria)", 7, "SY")

HOMS = Place("Homs", "SY", 34.73, 36.72, Precision.TOWN, "Homs", 169577)
ALEPPO = Place("Aleppo", "SY", 36.2, 37.16, Precision.TOWN, "Aleppo", 170063)
WAER = Place("Waer", "SY", 34.73, 36.72, Precision.NEIGHBOURHOOD, "Homs", anchor="Homs")
OLD_CITY = Place("Old City", "SY", 34.73, 36.72, Precision.NEIGHBOURHOOD, "Homs", anchor="Homs")
SYRIA = Place("Syria", "SY", 35.0, 38.0, Precision.COUNTRY, geonameid=163843)

DAY = DateInterval(dt.date(2021, 3, 8), dt.date(2021, 3, 8), Granularity.DAY)
RECENT = DateInterval(dt.date(2021, 3, 8), dt.date(2021, 3, 10), Granularity.RANGE)
MONTH = DateInterval(dt.date(2021, 3, 1), dt.date(2021, 3, 31), Granularity.MONTH)
LAST_YEAR = DateInterval(dt.date(2020, 3, 8), dt.date(2020, 3, 8), Granularity.DAY)
UNSTATED = EventDate(RECENT, None)  # the default interval before publication


def _event(
    event_id: str,
    *,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    date: EventDate = UNSTATED,
    actor1: Actor = ARMY,
    actor2: Actor | None = REBELS,
    location: Place = HOMS,
    fatalities: Fatalities | None = None,
    assoc: tuple[Actor, ...] = (),
    start: int = 0,
) -> Event:
    sentence = Span(start, start + 40)
    return Event(
        event_id=event_id,
        doc_id="doc",
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=date,
        actor1=actor1,
        assoc_actor1=assoc,
        actor2=actor2,
        location=location,
        fatalities=fatalities,
        sentence=sentence,
        evidence_text="x" * 40,
        background=False,
        trigger="fought",
        provenance=(Evidence("trigger", Span(start, start + 6), "fought"),),
        confidence=0.6,
    )


def test_two_mentions_of_one_event_merge_keeping_the_most_specific() -> None:
    fighting = _event(
        "a",
        date=UNSTATED,
        location=HOMS,
        fatalities=Fatalities(3, 3, "3 killed"),
    )
    takeover = _event(
        "b",
        sub_event_type="Government regains territory",
        date=EventDate(DAY, "on Monday"),
        location=WAER,
        fatalities=Fatalities(12, None, "at least 12 killed"),
        assoc=(MILITIA,),
        start=100,
    )
    (merged,) = merge([fighting, takeover])
    assert merged.event_id == "a"  # the first mention names the event
    assert merged.sub_event_type == "Government regains territory"
    assert merged.date == EventDate(DAY, "on Monday")
    assert merged.location == WAER
    assert merged.fatalities == Fatalities(12, None, "at least 12 killed")
    assert merged.assoc_actor1 == (MILITIA,)
    assert {e.span.start for e in merged.provenance} == {0, 100}
    assert merged.confidence > max(fighting.confidence, takeover.confidence)


def test_the_merge_does_not_depend_on_which_mention_comes_first() -> None:
    vague = _event("a", date=EventDate(MONTH, "in March"), location=HOMS)
    exact = _event("b", date=EventDate(DAY, "on Monday"), location=WAER, start=50)
    for order in ([vague, exact], [exact, vague]):
        (merged,) = merge(order)
        assert merged.date == EventDate(DAY, "on Monday")
        assert merged.location == WAER


def test_the_larger_toll_wins() -> None:
    low = _event("a", fatalities=Fatalities(5, 5, "five"))
    high = _event("b", fatalities=Fatalities(20, None, "at least 20"))
    untold = _event("c")
    (merged,) = merge([low, untold, high])
    assert merged.fatalities == Fatalities(20, None, "at least 20")


def test_a_stated_date_beats_the_default_interval() -> None:
    undated = _event("a", date=UNSTATED)
    dated = _event("b", date=EventDate(MONTH, "in March"))
    (merged,) = merge([undated, dated])
    assert merged.date.text == "in March"


def test_different_places_do_not_merge() -> None:
    assert len(merge([_event("a", location=HOMS), _event("b", location=ALEPPO)])) == 2


def test_two_named_parts_of_one_town_do_not_merge() -> None:
    assert not same_place(WAER, OLD_CITY)
    assert len(merge([_event("a", location=WAER), _event("b", location=OLD_CITY)])) == 2


def test_a_part_of_a_town_is_the_same_place_as_the_town() -> None:
    assert same_place(WAER, HOMS) and same_place(HOMS, WAER)
    assert not same_place(WAER, ALEPPO)


def test_dates_that_do_not_overlap_do_not_merge() -> None:
    this_year = _event("a", date=EventDate(DAY, "on Monday"))
    last_year = _event("b", date=EventDate(LAST_YEAR, "on 8 March 2020"))
    assert not is_same_event(this_year, last_year)
    assert len(merge([this_year, last_year])) == 2


def test_an_unresolved_date_joins_a_stated_one_only_at_the_same_place() -> None:
    unresolved = _event("a", date=EventDate(None, None))
    assert is_same_event(unresolved, _event("b", date=EventDate(None, None)))
    assert is_same_event(unresolved, _event("c", date=EventDate(DAY, "on Monday")))
    elsewhere = _event("d", date=EventDate(DAY, "on Monday"), location=ALEPPO)
    assert not is_same_event(unresolved, elsewhere)
    nationwide = _event("e", date=EventDate(DAY, "on Monday"), location=SYRIA)
    assert not is_same_event(unresolved, nationwide)


def test_a_mention_without_a_place_joins_the_event_of_its_country_and_day() -> None:
    placed = replace(
        _event("a", date=EventDate(DAY, "on Monday")),
        provenance=(Evidence("location", Span(0, 4), "Homs"),),
    )
    unplaced = _event("b", date=EventDate(DAY, "on Monday"), location=SYRIA)
    assert is_same_event(placed, unplaced)
    (merged,) = merge([unplaced, placed])
    assert merged.location == HOMS


def test_a_named_initiator_joins_a_default_one_and_wins() -> None:
    default = _event("a", actor1=Actor("Unidentified Armed Group (Syria)", 3, "SY"))
    named = replace(
        _event("b", actor1=MILITIA),
        provenance=(Evidence("actor1", Span(0, 9), "Hezbollah"),),
    )
    (merged,) = merge([default, named])
    assert merged.actor1 == MILITIA


def test_a_generic_attack_joins_the_bombing_it_re_mentions() -> None:
    bombing = _event(
        "a",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        date=EventDate(DAY, "on Monday"),
        actor2=None,
    )
    attack = replace(
        _event("b", event_type="Violence against civilians", sub_event_type="Attack"),
        date=EventDate(DAY, "on Monday"),
        trigger="attack",
        actor2=CIVILIANS,
    )
    (merged,) = merge([attack, bombing])
    assert (merged.event_type, merged.sub_event_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    other_day = replace(bombing, event_id="c", date=EventDate(LAST_YEAR, "a year ago"))
    assert len(merge([attack, other_day])) == 2


def test_different_event_types_do_not_merge() -> None:
    battle = _event("a")
    strike = _event(
        "b", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", actor2=None
    )
    assert len(merge([battle, strike])) == 2


def test_the_same_pair_of_actors_in_either_role_is_the_same_event() -> None:
    one_way = _event("a", actor1=ARMY, actor2=REBELS)
    other_way = _event("b", actor1=REBELS, actor2=ARMY)
    assert is_same_event(one_way, other_way)


def test_different_actors_are_different_events() -> None:
    army_attack = _event("a", event_type="Violence against civilians", actor2=CIVILIANS)
    militia_attack = replace(army_attack, event_id="b", actor1=MILITIA)
    assert not is_same_event(army_attack, militia_attack)
    assert len(merge([army_attack, militia_attack])) == 2


def test_merge_keeps_order_and_is_idempotent() -> None:
    events = [
        _event("a", location=HOMS),
        _event("b", location=ALEPPO),
        _event("c", location=WAER, date=EventDate(DAY, "on Monday")),
        _event("d", location=SYRIA, date=EventDate(LAST_YEAR, "a year ago")),
    ]
    merged = merge(events)
    assert [e.event_id for e in merged] == ["a", "b", "d"]
    assert merge(merged) == merged
    assert merge([]) == ()


def test_an_undated_mention_joins_the_dated_event_elsewhere_in_its_town() -> None:
    dated = _event("a", location=WAER, date=EventDate(LAST_YEAR, "on 8 March 2020"))
    undated = _event("b", location=OLD_CITY)
    (merged,) = merge([dated, undated])
    assert merged.date.text == "on 8 March 2020"
    assert len(merge([dated, _event("c", location=ALEPPO)])) == 2


AFGOOYE = Place("Afgooye", "SO", 2.14, 45.12, Precision.TOWN, "Shabeellaha Hoose", 1)
MOGADISHU = Place("Mogadishu", "SO", 2.04, 45.34, Precision.TOWN, "Banaadir", 2)
KISMAYO = Place("Kismayo", "SO", -0.36, 42.55, Precision.TOWN, "Jubbada Hoose", 3)


def _placed(event: Event, name: str) -> Event:
    where = Evidence("location", Span(0, len(name)), name)
    return replace(event, provenance=(*event.provenance, where))


def test_a_headline_and_the_body_s_dated_report_nearby_are_one_event() -> None:
    headline = _placed(_event("a", location=AFGOOYE), "Afgooye")
    body = _placed(
        _event("b", location=MOGADISHU, date=EventDate(DAY, "on Monday"), start=60), "Mogadishu"
    )
    (merged,) = merge([headline, body])
    assert merged.date.text == "on Monday"
    far = _placed(
        _event("c", location=KISMAYO, date=EventDate(DAY, "on Monday"), start=60), "Kismayo"
    )
    assert len(merge([headline, far])) == 2
    # two dated reports in nearby towns are two events
    dated = replace(headline, date=EventDate(DAY, "on Monday"))
    assert len(merge([dated, body])) == 2


def test_protesters_detained_at_their_protest_fold_into_it() -> None:
    police = Actor("Police Forces of Syria", 1, "SY")
    protesters = Actor("Protesters (Syria)", 6, "SY")
    protest = _event(
        "a",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1=protesters,
        actor2=None,
        date=EventDate(DAY, "on Monday"),
    )
    arrest = _event(
        "b",
        event_type="Strategic developments",
        sub_event_type="Arrests",
        actor1=police,
        actor2=None,
        start=60,
    )
    (merged,) = merge([protest, arrest])
    assert merged.sub_event_type == "Protest with intervention"
    assert merged.actor2 == police
    # an arrest in another town is an event of its own
    assert len(merge([protest, replace(arrest, location=ALEPPO)])) == 2
    # so is an arrest of a named armed group
    assert len(merge([protest, replace(arrest, actor2=REBELS)])) == 2
