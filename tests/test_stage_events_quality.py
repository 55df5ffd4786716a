"""The events stage on the close cases: one incident per report, actors, targets, dates, tolls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dateline.types import Event

pytestmark = pytest.mark.slow

EventFinder = Callable[..., list[Event]]
MONDAY = dt.date(2021, 3, 8)  # the Monday before the fixtures' publication date


def _one(find_events: EventFinder, text: str, **options: object) -> Event:
    found = find_events(text, **options)
    assert len(found) == 1, [(e.event_type, e.sub_event_type, e.trigger) for e in found]
    return found[0]


def _kinds(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in events]


# ------------------------------------------------------------------ one incident, one event


def test_a_bombing_that_kills_is_one_explosion(find_events: EventFinder) -> None:
    event = _one(
        find_events,
        "A car bomb exploded outside a market in Mogadishu, Somalia, on Monday, "
        "killing at least eight people.",
        merged=False,
    )
    assert event.event_type == "Explosions/Remote violence"
    assert event.fatalities is not None and event.fatalities.min == 8


def test_the_attack_a_bombing_was_is_that_bombing(find_events: EventFinder) -> None:
    found = find_events(
        "The bombing in Quetta, Pakistan, on Monday was an attack on a crowded bus station.",
        merged=False,
    )
    assert _kinds(found) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_a_bombing_without_aircraft_is_a_planted_explosive(find_events: EventFinder) -> None:
    ground = _one(find_events, "A bombing hit a cafe in Madrid, Spain, on Monday.")
    air = _one(find_events, "Warplanes carried out a bombing of Saraqeb in Syria on Monday.")
    assert ground.sub_event_type == "Remote explosive/landmine/IED"
    assert ground.actor1.name == "Unidentified Armed Group (Spain)"
    assert air.sub_event_type == "Air/drone strike"
    assert air.actor1.name == "Military Forces of Syria"


def test_a_killing_after_the_report_of_a_bombing_is_its_toll(find_events: EventFinder) -> None:
    found = find_events(
        "A bomb exploded at a bus station in Quetta, Pakistan, on Monday. "
        "Six passengers were killed.",
    )
    assert _kinds(found) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    assert found[0].fatalities is not None and found[0].fatalities.min == 6


def test_a_re_mention_merges_with_the_report(find_events: EventFinder) -> None:
    found = find_events(
        "A car bomb exploded in Kabul, Afghanistan, on Monday. "
        "Police said the bomb exploded near a school in Kabul."
    )
    assert len(found) == 1


# ------------------------------------------------------------------ what is not an event


@pytest.mark.parametrize(
    "text",
    [
        "He was charged over the attack on the embassy in Nairobi, Kenya.",
        "Officials voiced concern about the prospect of attacks in Nairobi, Kenya.",
        "The minister spoke at a rally in Nairobi, Kenya, on Monday.",
        "Thousands have been arrested in Kenya, rights groups say.",
        "By the end of the year, 400 people had been killed in Kenya.",
        "Warnings were given in advance in Nairobi, Kenya.",
        "Militants have used bombs to target police in Kenya.",
        "Protesters clash with police in Nairobi, Kenya View Photos",
    ],
)
def test_totals_charges_settings_and_captions_are_not_events(
    find_events: EventFinder, text: str
) -> None:
    assert find_events(text, merged=False) == []


# ------------------------------------------------------------------ types and actors


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "actor1", "actor2"),
    [
        (
            "Rebels attacked an army checkpoint near Hama, Syria, on Monday.",
            "Battles",
            "Armed clash",
            "Rebels (Syria)",
            "Military Forces of Syria",
        ),
        (
            "Gunmen stormed a police station in Kano, Nigeria, on Monday.",
            "Battles",
            "Armed clash",
            "Unidentified Armed Group (Nigeria)",
            "Police Forces of Nigeria",
        ),
        (
            "Students protested outside parliament in Nairobi, Kenya, on Monday.",
            "Protests",
            "Peaceful protest",
            "Protesters (Kenya)",
            None,
        ),
        (
            "Police dispersed a protest in Nairobi, Kenya, on Monday with tear gas.",
            "Protests",
            "Protest with intervention",
            "Protesters (Kenya)",
            "Police Forces of Kenya",
        ),
        (
            "Protesters threw stones at police in Nairobi, Kenya, on Monday.",
            "Riots",
            "Violent demonstration",
            "Rioters (Kenya)",  # a demonstration turned violent is coded with rioters
            "Police Forces of Kenya",
        ),
        (
            "Police raided a house in Mombasa, Kenya, on Monday.",
            "Strategic developments",
            "Arrests",
            "Police Forces of Kenya",
            None,  # no named side was arrested
        ),
        (
            "Gunmen seized dozens of hostages at a school in Kaduna, Nigeria, on Monday.",
            "Violence against civilians",
            "Abduction/forced disappearance",
            "Unidentified Armed Group (Nigeria)",
            "Civilians (Nigeria)",
        ),
    ],
)
def test_close_cases_get_their_acled_type(
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


def test_a_capitalised_plural_is_still_a_generic_actor(find_events: EventFinder) -> None:
    event = _one(find_events, "Rebels captured the town of Saraqeb in Syria on Monday.")
    assert event.actor1.name == "Rebels (Syria)"


def test_the_executed_are_the_side_that_lost_the_battle(find_events: EventFinder) -> None:
    found = find_events(
        "Some 150 soldiers died in fighting with rebels for control of Saraqeb in Syria "
        "on Monday. More than 50 of those killed were executed by rebels.",
        merged=False,
    )
    execution = next(e for e in found if e.event_type == "Violence against civilians")
    assert execution.actor1.name == "Rebels (Syria)"
    assert execution.actor2 is not None and execution.actor2.name == "Military Forces of Syria"
    assert execution.fatalities is not None and execution.fatalities.min == 51


def test_the_initiator_is_not_borrowed_from_a_reporting_clause(
    find_events: EventFinder,
) -> None:
    event = _one(
        find_events,
        "A bomb exploded near a school in Kabul, Afghanistan, on Monday, police said.",
    )
    assert event.actor1.name == "Unidentified Armed Group (Afghanistan)"


# ------------------------------------------------------------------ places and dates


def test_the_place_a_source_spoke_from_is_not_the_event_s(find_events: EventFinder) -> None:
    event = _one(
        find_events,
        "Warplanes struck the town of Saraqeb on Monday, officials said in Beirut.",
    )
    assert event.location.name != "Beirut"


def test_n_days_after_the_attack_counts_from_that_attack(find_events: EventFinder) -> None:
    found = find_events(
        "Rebels attacked an army post in Hama, Syria, on Monday. "
        "Government troops shelled the town of Saraqeb in Idlib, Syria, on Saturday. "
        "Two days after the attack, warplanes bombed the town of Maarat al-Numan in Syria.",
        merged=False,
    )
    strike = next(e for e in found if e.sub_event_type == "Air/drone strike")
    assert strike.date.interval is not None
    assert strike.date.interval.start == MONDAY + dt.timedelta(days=2)


def test_with_no_publication_date_the_story_s_day_dates_the_rest(
    find_events: EventFinder,
) -> None:
    found = find_events(
        "On 21 July 1972, bombs exploded across Belfast, Northern Ireland. "
        "Police said a bomb exploded at the bus station in Belfast.",
        published=None,
    )
    assert found and all(e.date.interval is not None for e in found)
    assert all(e.date.interval.start == dt.date(1972, 7, 21) for e in found if e.date.interval)


def test_an_unresolvable_date_stays_unresolved(find_events: EventFinder) -> None:
    found = find_events(
        "On 21 July 1972, bombs exploded across Belfast. In May, troops arrested a man in Derry.",
        published=None,
        merged=False,
    )
    arrest = next(e for e in found if e.sub_event_type == "Arrests")
    assert arrest.date.interval is None
    assert arrest.date.text == "In May"


# ------------------------------------------------------------------ tolls


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Gunmen shot dead a man in Kano, Nigeria, on Monday.", 1, 1),
        (
            "A bomb exploded at a bus station in Belfast, Northern Ireland, on Monday. "
            "Four workers and two soldiers were killed.",
            6,
            6,
        ),
        (
            "Militants attacked an army base in Helmand, Afghanistan, on Monday, "
            "killing 23 soldiers. Twenty insurgents were killed.",
            43,
            43,
        ),
    ],
)
def test_tolls_count_every_victim_once(
    find_events: EventFinder, text: str, low: int, high: int | None
) -> None:
    event = _one(find_events, text)
    assert event.fatalities is not None
    assert (event.fatalities.min, event.fatalities.max) == (low, high)


def test_without_a_publication_date_old_events_are_background(
    find_events: EventFinder,
) -> None:
    found = find_events(
        "On 21 July 1972, a bomb exploded at the bus station in Belfast, Northern Ireland. "
        "On 2 October 1972, troops arrested a man in Derry, Northern Ireland.",
        published=None,
        merged=False,
    )
    bombing = next(e for e in found if e.event_type == "Explosions/Remote violence")
    arrest = next(e for e in found if e.sub_event_type == "Arrests")
    assert bombing.background and not arrest.background


def test_the_same_province_is_the_place_told_before(find_events: EventFinder) -> None:
    found = find_events(
        "A roadside bomb killed a soldier near Kandahar, Afghanistan, on Monday. "
        "In 2017 a general was killed in the same province by Taliban mortar fire.",
        merged=False,
    )
    shelling = next(e for e in found if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.location.name == found[0].location.name
    assert shelling.actor1.name == "Taliban"


def test_a_post_that_came_under_fire_was_attacked(find_events: EventFinder) -> None:
    event = _one(
        find_events,
        "Army posts in Kidal, Mali, came under heavy fire on Monday.",
    )
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor1.name == "Unidentified Armed Group (Mali)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Mali"


# ------------------------------------------------------------------ places


def test_a_demonym_names_whose_aircraft_not_where_they_struck(find_events: EventFinder) -> None:
    found = find_events(
        "Government troops shelled Kafr Nabl in Idlib province on Monday. "
        "Russian warplanes also bombed the hills nearby on Monday, a monitor said."
    )
    assert sorted(_kinds(found)) == [
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ]
    assert {e.location.country for e in found} == {"SY"}
    actors = {e.sub_event_type: e.actor1.name for e in found}
    assert actors["Air/drone strike"] == "Military Forces of Russia"
    assert actors["Shelling/artillery/missile attack"] == "Military Forces of Syria"


def test_an_event_without_a_place_happens_where_the_sentence_before_was(
    find_events: EventFinder,
) -> None:
    found = find_events(
        "Security was tightened in Mogadishu and Mogadishu's port on Monday. "
        "Gunmen planted a bomb beside a road in Beledweyne on Monday night. "
        "Hours later the device exploded under a passing bus, killing two passengers."
    )
    assert _kinds(found) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    assert found[0].location.name == "Beledweyne"
    # two places in the sentence before: no single scene to take
    two = find_events(
        "Gunmen were seen near Beledweyne and near Jowhar on Monday night. "
        "Hours later a device exploded under a passing bus, killing two passengers."
    )
    assert two and all(e.location.name not in {"Beledweyne", "Jowhar"} for e in two)


def test_a_named_person_killed_in_a_battle_is_one_death(find_events: EventFinder) -> None:
    event = _one(
        find_events, "On Monday, Abdi Warsame was killed in a gun battle with police in Beledweyne."
    )
    assert event.fatalities is not None and event.fatalities.min == 1
    threat = find_events(
        "On Monday, rebels threatened to kill Abdi Warsame in a gun battle in Beledweyne."
    )
    assert all(e.fatalities is None for e in threat)
