"""Every ACLED sub-event type the codebook defines, reported as fact and as something else.

Each case is one invented sentence that reports an event, and the same words as a plan,
denial, hypothetical or general statement, which report none.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.types import Event

pytestmark = pytest.mark.slow

EventFinder = Callable[..., list[Event]]

CASES = [
    # (reported, not reported, event type, sub-event type)
    (
        "The government and the rebels signed a ceasefire agreement in Juba, South Sudan, "
        "on Monday.",
        "The government and the rebels are expected to sign a ceasefire agreement in Juba, "
        "South Sudan, next week.",
        "Strategic developments",
        "Agreement",
    ),
    (
        "Rebels and troops exchanged prisoners in Taiz, Yemen, on Monday.",
        "The army refused to exchange prisoners with rebels in Taiz, Yemen.",
        "Strategic developments",
        "Agreement",
    ),
    (
        "The warring parties agreed to a truce in Aden, Yemen, on Monday.",
        "The warring parties might agree to a truce in Aden, Yemen.",
        "Strategic developments",
        "Agreement",
    ),
    (
        "Several militant factions merged in Idlib, Syria, on Monday.",
        "Several militant factions in Idlib, Syria, plan to merge.",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "The Taliban named a new leader in Kandahar, Afghanistan, on Monday.",
        "The Taliban denied naming a new leader in Kandahar, Afghanistan.",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "A splinter group broke away from the rebels in Goma, Congo, on Monday.",
        "A splinter group threatened to break away from the rebels in Goma, Congo.",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "Rebels set up a new headquarters in the town of Kidal, Mali, on Monday.",
        "Rebels plan to set up a new headquarters in the town of Kidal, Mali.",
        "Strategic developments",
        "Headquarters or base established",
    ),
    (
        "Militants established a base in the village of Tillia, Niger, on Monday.",
        "Militants could establish a base in the village of Tillia, Niger.",
        "Strategic developments",
        "Headquarters or base established",
    ),
    (
        "Troops withdrew from the town of Kidal, Mali, on Monday.",
        "The army will withdraw from the town of Kidal, Mali, next year.",
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    (
        "The army handed over the town of Menaka, Mali, to a local militia on Monday.",
        "The army refused to hand over the town of Menaka, Mali, to a local militia.",
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    (
        "Rebels took control of the town of Kidal, Mali, without a fight on Monday.",
        "Rebels hope to take control of the town of Kidal, Mali, without a fight.",
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    (
        "Police defused a bomb near a market in Kano, Nigeria, on Monday.",
        "Police said they had never defused a bomb in Kano, Nigeria.",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    (
        "Police foiled a suicide attack in Maiduguri, Nigeria, on Monday.",
        "Police hope to foil any suicide attack in Maiduguri, Nigeria.",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    (
        "Soldiers arrested a would-be suicide bomber in Maiduguri, Nigeria, on Monday.",
        "Soldiers failed to arrest a would-be suicide bomber in Maiduguri, Nigeria.",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    (
        "Police found an explosive device under a car in Kirkuk, Iraq, on Monday.",
        "Police fear an explosive device may be hidden under a car in Kirkuk, Iraq.",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    (
        "Government forces attacked the town of Douma, Syria, with chlorine gas on Monday.",
        "The army denied attacking the town of Douma, Syria, with chlorine gas.",
        "Explosions/Remote violence",
        "Chemical weapon",
    ),
    (
        "A sarin attack killed dozens of people in Khan Sheikhoun, Syria, on Monday.",
        "Officials warned that a sarin attack could kill dozens of people in Khan Sheikhoun, "
        "Syria.",
        "Explosions/Remote violence",
        "Chemical weapon",
    ),
    (
        "Soldiers raped three women in the village of Minova, Congo, on Monday.",
        "Rights groups said rape is widespread in the village of Minova, Congo.",
        "Violence against civilians",
        "Sexual violence",
    ),
    (
        "Gunmen sexually assaulted two girls in Bunia, Congo, on Monday.",
        "Police denied that gunmen sexually assaulted two girls in Bunia, Congo.",
        "Violence against civilians",
        "Sexual violence",
    ),
    (
        "A mob lynched a suspected thief in the town of Kaduna, Nigeria, on Monday.",
        "Officials fear a mob could lynch a suspected thief in the town of Kaduna, Nigeria.",
        "Riots",
        "Mob violence",
    ),
    (
        "Vigilantes beat a man to death in Kano, Nigeria, on Monday.",
        "Vigilantes threatened to beat a man to death in Kano, Nigeria.",
        "Riots",
        "Mob violence",
    ),
    (
        "Villagers clashed with herders in Jos, Nigeria, on Monday.",
        "Villagers might clash with herders in Jos, Nigeria.",
        "Riots",
        "Mob violence",
    ),
    (
        "Soldiers fired live ammunition at demonstrators in Khartoum, Sudan, on Monday.",
        "Police denied firing live ammunition at demonstrators in Khartoum, Sudan.",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "Police shot dead two protesters in Nairobi, Kenya, on Monday.",
        "Police would never shoot dead two protesters in Nairobi, Kenya, a spokesman said.",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "Police fired tear gas to disperse hundreds of protesters in Nairobi, Kenya, on Monday.",
        "Police threatened to disperse hundreds of protesters in Nairobi, Kenya.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "Riot police broke up a demonstration in Minsk, Belarus, on Sunday.",
        "Riot police did not break up a demonstration in Minsk, Belarus, on Sunday.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "Rebels looted shops in the town of Bangassou, Central African Republic, on Monday.",
        "Rebels denied looting shops in the town of Bangassou, Central African Republic.",
        "Strategic developments",
        "Looting/property destruction",
    ),
    (
        "Gunmen burned down a church in Kaduna, Nigeria, on Monday.",
        "Gunmen threatened to burn down a church in Kaduna, Nigeria.",
        "Strategic developments",
        "Looting/property destruction",
    ),
    (
        "A man threw a grenade into a bar in Bujumbura, Burundi, on Monday.",
        "A man was planning a grenade attack on a bar in Bujumbura, Burundi.",
        "Explosions/Remote violence",
        "Grenade",
    ),
    (
        "Police arrested an opposition leader in Kampala, Uganda, on Monday.",
        "Police threatened to arrest the opposition leader in Kampala, Uganda.",
        "Strategic developments",
        "Arrests",
    ),
    (
        "Police arrested three suspected militants in Mombasa, Kenya, on Monday.",
        "Police have arrested thousands of people since the war began in Mombasa, Kenya.",
        "Strategic developments",
        "Arrests",
    ),
]


@pytest.mark.parametrize(
    ("reported", "not_reported", "event_type", "sub_event_type"),
    CASES,
    ids=[f"{c[3]}-{k}" for k, c in enumerate(CASES)],
)
def test_each_sub_event_type_is_found_only_when_reported(
    find_events: EventFinder,
    reported: str,
    not_reported: str,
    event_type: str,
    sub_event_type: str,
) -> None:
    found = find_events(reported)
    assert [(e.event_type, e.sub_event_type) for e in found] == [(event_type, sub_event_type)]
    assert find_events(not_reported) == []


def test_all_25_sub_event_types_are_reachable(find_events: EventFinder) -> None:
    """The cases above and the stage tests together cover the codebook's types."""
    covered = {c[3] for c in CASES}
    assert {
        "Agreement",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",
        "Disrupted weapons use",
        "Chemical weapon",
        "Sexual violence",
        "Mob violence",
        "Excessive force against protesters",
        "Protest with intervention",
        "Looting/property destruction",
        "Grenade",
        "Arrests",
    } <= covered


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Soldiers fired live ammunition at demonstrators in Khartoum, Sudan, on Monday.",
            "Protesters (Sudan)",  # ACLED codes the protest's crowd first
            "Military Forces of Sudan",
        ),
        (
            "Police arrested 20 protesters at a rally in Kampala, Uganda, on Monday.",
            "Protesters (Uganda)",
            "Police Forces of Uganda",
        ),
        (
            "Villagers clashed with herders in Jos, Nigeria, on Monday.",
            "Rioters (Nigeria)",
            None,
        ),
    ],
)
def test_crowd_events_code_the_crowd_first(
    find_events: EventFinder, text: str, actor1: str, actor2: str | None
) -> None:
    found = find_events(text)
    assert len(found) == 1, found
    assert found[0].actor1.name == actor1
    assert (found[0].actor2.name if found[0].actor2 else None) == actor2


def test_a_bomb_found_is_not_an_explosion(find_events: EventFinder) -> None:
    found = find_events(
        "Police found an explosive device under a car in Kirkuk, Iraq, on Monday and defused it."
    )
    assert [e.sub_event_type for e in found] == ["Disrupted weapons use"]


def test_damage_done_by_a_blast_is_not_property_destruction(find_events: EventFinder) -> None:
    found = find_events(
        "A car bomb exploded in Kirkuk, Iraq, on Monday. Two shops nearby were destroyed."
    )
    assert [e.sub_event_type for e in found] == ["Remote explosive/landmine/IED"]


def test_listed_years_date_listed_places_in_turn(find_events: EventFinder) -> None:
    found = find_events(
        "Separatist fighters from the north crossed into the region. In 2001 and 2003, they "
        "attacked the towns of Menaka and Gao in Mali."
    )
    years = {e.location.name: e.date.text for e in found}
    assert years == {"Ménaka": "In 2001", "Gao": "2003"}
    assert all(e.background for e in found)
    assert {e.actor1.name for e in found} == {"Rebels (Mali)"}  # "they": the fighters named before


def test_often_makes_a_report_recurring(find_events: EventFinder) -> None:
    assert find_events("Gunmen raided the town of Gao in Mali often.", merged=False) == []
    assert find_events("Gunmen raided the town of Gao in Mali on Monday.", merged=False)


@pytest.mark.parametrize(
    "text",
    [
        "For decades, girls in the town of Gao in Mali were abused by gunmen.",
        "Gunmen assaulted her at least 20 times in the town of Gao in Mali.",
        "The candidate has advocated killing the families of militants in Gao, Mali.",
        "If nobody stops us, we will start killing soldiers in Gao, Mali, a commander said.",
        "Iran and China signed 17 trade accords in Tehran, Iran, on Saturday.",
        "The president has built the outpost into a fortress in Gao, Mali.",
        "Hide Caption 3 of 20 Photos: soldiers captured at Gao, Mali, march through the town.",
    ],
)
def test_statistics_advocacy_and_captions_are_not_events(
    find_events: EventFinder, text: str
) -> None:
    assert find_events(text, merged=False) == []


def test_a_blast_s_damage_is_part_of_the_blast(find_events: EventFinder) -> None:
    found = find_events(
        "A car bomb exploded near a base in Tartus, Syria, on Monday. The explosions destroyed "
        "vehicles on a nearby highway."
    )
    assert [e.sub_event_type for e in found] == ["Remote explosive/landmine/IED"]


def test_police_breaking_up_a_crowd_that_was_no_protest_is_mob_violence(
    find_events: EventFinder,
) -> None:
    found = find_events(
        "Police fired tear gas at rival football fans who hurled bottles at one another in "
        "Marseille, France, on Saturday."
    )
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Riots", "Mob violence")]


@pytest.mark.parametrize(
    "text",
    [
        "Food aid reached Aden, Yemen, after the collapse of a ceasefire.",
        "A woman who accused the mayor of rape spoke in Gao, Mali, on Monday.",
        "A lawmaker demonstrated how to rescue a dog in Nairobi, Kenya, on Monday.",
        "The summit in Kano, Nigeria, sought to stop militants from using nuclear weapons.",
        "Weapons technology was discovered in Kano, Nigeria, in the 1940s.",
    ],
)
def test_named_kinds_of_acts_are_not_events(find_events: EventFinder, text: str) -> None:
    assert find_events(text, merged=False) == []


def test_a_ceasefire_taking_effect_is_an_agreement(find_events: EventFinder) -> None:
    found = find_events("A ceasefire took effect in Aden, Yemen, on Monday.")
    assert [e.sub_event_type for e in found] == ["Agreement"]


def test_an_undated_arrest_of_dozens_is_one_event(find_events: EventFinder) -> None:
    found = find_events("Police arrested dozens of protesters in Kampala, Uganda.")
    assert [e.event_type for e in found] == ["Protests"]
