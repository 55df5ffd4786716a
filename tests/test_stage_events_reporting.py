"""The events stage on how articles report: datelines, suspicions, re-mentions, kinds of
event, tolls quoted from a statement, and protesters detained at their protest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dateline.gazetteer import normalize_name
from dateline.types import Event

pytestmark = pytest.mark.slow

EventFinder = Callable[..., list[Event]]


def _kinds(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in events]


# ------------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "NAIROBI, Kenya (AP) — A roadside bomb struck a police truck on the road between "
            "Garissa and Mandera on Monday, killing four officers.",
            "Garissa",
        ),
        (
            "KABUL — A bomb exploded near a mosque in Herat on Monday, killing three people, "
            "police said.",
            "Herat",
        ),
        # no dateline: the capital named in the report is the place
        ("A bomb exploded near a mosque in Kabul on Monday, killing three people.", "Kabul"),
    ],
)
def test_a_dateline_is_where_the_report_was_filed_not_the_event(
    find_events: EventFinder, text: str, place: str
) -> None:
    (event,) = find_events(text)
    assert normalize_name(event.location.name) == normalize_name(place)


def test_a_dateline_alone_does_not_place_the_event(find_events: EventFinder) -> None:
    (event,) = find_events("KABUL — A bomb exploded near a mosque on Monday, police said.")
    assert normalize_name(event.location.name) != "kabul"


def test_a_road_between_two_towns_is_one_event(find_events: EventFinder) -> None:
    found = find_events(
        "A roadside bomb struck a police truck on the road between Garissa and Mandera, "
        "Kenya, on Monday.",
        merged=False,
    )
    assert len(found) == 1
    villages = find_events("Gunmen attacked villages in Garissa and Mandera, Kenya, on Monday.")
    assert len(villages) == 2


def test_of_a_road_s_two_ends_the_one_the_story_is_about_is_the_place(
    find_events: EventFinder,
) -> None:
    text = (
        "Mandera residents fled after the attack. A roadside bomb struck a police truck on "
        "the road between Garissa and Mandera, Kenya, on Monday. Mandera police said four "
        "officers died."
    )
    found = find_events(text, merged=False)
    assert [normalize_name(e.location.name) for e in found] == ["mandera"]
    # without the story's other mentions, the nearer end stands
    (alone,) = find_events(text.split(". ")[1], merged=False)
    assert normalize_name(alone.location.name) == "garissa"


def test_a_town_told_before_is_not_the_town_its_distance_is_measured_from(
    find_events: EventFinder,
) -> None:
    text = (
        "Government troops retook the Malian town of Bourem on Tuesday. Rebels had seized "
        "the town, about 90 kilometres north of Gao, on Sunday."
    )
    assert {normalize_name(e.location.name) for e in find_events(text, merged=False)} == {"bourem"}
    (village,) = find_events(
        "Rebels seized a village about 90 kilometres north of Gao, Mali, on Sunday."
    )
    assert normalize_name(village.location.name) == "gao"


# ------------------------------------------------------------------ suspicions and kinds


def test_what_suspects_are_suspected_of_is_no_event(find_events: EventFinder) -> None:
    suspected = (
        "Police said the two men were suspected of taking part in an ambush on an army "
        "convoy near Maiduguri, Nigeria, in February."
    )
    assert find_events(suspected) == []
    reported = "Gunmen ambushed an army convoy near Maiduguri, Nigeria, in February."
    assert _kinds(find_events(reported)) == [("Battles", "Armed clash")]


def test_similar_attacks_are_a_kind_of_event_not_one(find_events: EventFinder) -> None:
    assert find_events("Gunmen have carried out similar attacks in Quetta, Pakistan.") == []
    one = "Gunmen carried out an attack on a bus in Quetta, Pakistan, on Monday."
    assert _kinds(find_events(one)) == [("Violence against civilians", "Attack")]


def test_a_claim_nobody_made_re_mentions_the_event(find_events: EventFinder) -> None:
    found = find_events(
        "A bomb exploded in Kirkuk, Iraq, on Monday. No group said it carried out the attack."
    )
    assert _kinds(found) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_shooting_into_the_air_is_no_attack(find_events: EventFinder) -> None:
    assert find_events("Soldiers fired into the air in Kismayo, Somalia, on Monday.") == []


# ------------------------------------------------------------------ re-mentions


def test_the_bombing_set_after_another_event_is_not_a_second_bombing(
    find_events: EventFinder,
) -> None:
    found = find_events(
        "A car bomb exploded in Kirkuk, Iraq, on Monday, killing six people. "
        "The bombing came two days after police raided a militant hideout in Mosul.",
        merged=False,
    )
    explosions = [e for e in found if e.event_type == "Explosions/Remote violence"]
    assert [e.location.name for e in explosions] == ["Kirkuk"]


def test_a_first_report_introduced_with_came_is_kept(find_events: EventFinder) -> None:
    found = find_events(
        "The explosion came on Monday as crowds gathered at a market in Kirkuk, Iraq."
    )
    assert [e.location.name for e in found] == ["Kirkuk"]


def test_a_raid_in_which_a_gunfight_happened_is_that_gunfight(find_events: EventFinder) -> None:
    found = find_events(
        "Troops killed four militants in a gunfight during a raid on a farmhouse in "
        "Bannu, Pakistan, on Monday.",
        merged=False,
    )
    assert _kinds(found) == [("Battles", "Armed clash")]
    assert found[0].fatalities is not None and found[0].fatalities.min == 4


# ------------------------------------------------------------------ tolls and detentions


def test_fighters_killed_in_a_battle_for_the_town_were_killed_by_the_other_side(
    find_events: EventFinder,
) -> None:
    found = find_events(
        "Troops recaptured the town of Gao, Mali, from rebels on Monday after two days of "
        'fighting. "Our soldiers now hold Gao," the army said, adding that 20 rebel '
        "fighters were killed.",
        merged=False,
    )
    killed = [e for e in found if e.fatalities is not None]
    assert [e.actor1.name for e in killed] == ["Military Forces of Mali"]
    # without a battle told before, nobody is named
    (alone,) = find_events("Twenty rebel fighters were killed in Gao, Mali, on Monday.")
    assert alone.actor1.kind == 3


def test_protesters_detained_are_the_protest_s_intervention(find_events: EventFinder) -> None:
    found = find_events(
        "Police fired tear gas to disperse hundreds of students protesting in Nairobi, Kenya, "
        "on Monday. Twelve students were arrested and later freed, the police said."
    )
    assert _kinds(found) == [("Protests", "Protest with intervention")]
    elsewhere = find_events(
        "Police fired tear gas at students protesting in Nairobi, Kenya, on Monday. "
        "Separately, police arrested an opposition leader in Mombasa, Kenya, on Monday."
    )
    assert ("Strategic developments", "Arrests") in _kinds(elsewhere)


@pytest.mark.parametrize(
    ("where", "place"), [("the blast site", "Kirkuk"), ("a checkpoint", "Iraq")]
)
def test_the_scene_of_an_event_told_before_is_its_place(
    find_events: EventFinder, where: str, place: str
) -> None:
    found = find_events(
        "A bomb exploded at a bus station in Kirkuk, Iraq, on Monday. Witnesses heard the "
        "blast across the city. Shops closed early. Traffic stopped for hours. "
        f"Later, police arrested two men near {where}."
    )
    arrests = [e for e in found if e.sub_event_type == "Arrests"]
    assert [e.location.name for e in arrests] == [place]


def test_the_event_a_re_mention_came_after_is_dated_back_from_it(find_events: EventFinder) -> None:
    found = find_events(
        "A car bomb exploded in Kirkuk, Iraq, on Monday, killing six people. "
        "The bombing came a day after troops killed three militants in a shootout in Mosul."
    )
    assert _kinds(found) == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Battles", "Armed clash"),
    ]
    bombing, shootout = found
    assert bombing.date.interval is not None and shootout.date.interval is not None
    assert shootout.date.interval.start == bombing.date.interval.start - dt.timedelta(days=1)
    assert shootout.date.interval.granularity == "day"
