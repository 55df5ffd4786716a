"""The actors stage: generic and named actors normalised to ACLED-style names and kinds."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.stages.actors import country_display_name, generic_actor
from dateline.types import Actor, ActorDoc

StageRunner = Callable[..., ActorDoc]


def _actors(doc: ActorDoc) -> dict[str, Actor]:
    return {m.text: m.actor for m in doc.mentions}


# ------------------------------------------------------------------ naming, without the model


@pytest.mark.parametrize(
    ("category", "country", "name", "kind"),
    [
        ("military", "SY", "Military Forces of Syria", 1),
        ("police", "GB", "Police Forces of the United Kingdom", 1),
        ("rioters", "GB", "Rioters (United Kingdom)", 5),
        ("protesters", "US", "Protesters (United States)", 6),
        ("military", "CD", "Military Forces of the Democratic Republic of Congo", 1),
        ("rebels", "CD", "Rebels (Democratic Republic of Congo)", 2),
        ("unidentified", "KE", "Unidentified Armed Group (Kenya)", 3),
        ("civilians", "NG", "Civilians (Nigeria)", 7),
    ],
)
def test_generic_actor_names_follow_acled(
    category: str, country: str, name: str, kind: int
) -> None:
    assert generic_actor(category, country) == Actor(name, kind, country)


def test_a_generic_actor_without_a_country_drops_the_country_part() -> None:
    assert generic_actor("police", None) == Actor("Police Forces", 1)
    assert generic_actor("protesters", None) == Actor("Protesters", 6)


def test_country_display_names() -> None:
    assert country_display_name("SY") == "Syria"  # ACLED's short name, not the official one
    assert country_display_name("GB") == "the United Kingdom"
    assert country_display_name("KE") == "Kenya"  # from the country list


# ------------------------------------------------------------------ on parsed text

slow = pytest.mark.slow


@slow
def test_a_nationality_names_the_country(run_stages: StageRunner) -> None:
    doc = run_stages("Syrian troops shelled the town of Qusayr on Monday.")
    assert _actors(doc)["troops"] == Actor("Military Forces of Syria", 1, "SY")


@slow
def test_a_nationality_beats_the_article_s_country(run_stages: StageRunner) -> None:
    doc = run_stages(
        "Turkish troops shelled the town of Tal Abyad in Syria on Monday, Syrian activists said."
    )
    assert doc.placed.focus is not None and doc.placed.focus.country == "SY"
    actors = _actors(doc)
    assert actors["troops"] == Actor("Military Forces of Turkey", 1, "TR")
    assert actors["activists"] == Actor("Protesters (Syria)", 6, "SY")


@slow
def test_a_possessive_country_names_the_country(run_stages: StageRunner) -> None:
    doc = run_stages(
        "Syria's army shelled villages near the border, Lebanese officials said in Beirut, Lebanon."
    )
    assert doc.placed.focus is not None and doc.placed.focus.country == "LB"
    assert _actors(doc)["army"].name == "Military Forces of Syria"


@slow
def test_generic_actors_take_the_focus_country(run_stages: StageRunner) -> None:
    doc = run_stages("Gunmen killed seven villagers in the village of Kadugli in Sudan on Sunday.")
    actors = _actors(doc)
    assert actors["Gunmen"] == Actor("Unidentified Armed Group (Sudan)", 3, "SD")
    assert actors["villagers"] == Actor("Civilians (Sudan)", 7, "SD")


@slow
def test_protesters_and_police(run_stages: StageRunner) -> None:
    doc = run_stages(
        "Hundreds of protesters marched through Nairobi, Kenya, on Tuesday before police "
        "dispersed them with tear gas."
    )
    actors = _actors(doc)
    assert actors["protesters"] == Actor("Protesters (Kenya)", 6, "KE")
    assert actors["police"] == Actor("Police Forces of Kenya", 1, "KE")


@slow
def test_a_modifier_decides_the_side(run_stages: StageRunner) -> None:
    doc = run_stages("Rebel forces and government troops clashed near Aleppo in Syria on Monday.")
    actors = _actors(doc)
    assert actors["Rebel forces"] == Actor("Rebels (Syria)", 2, "SY")
    assert actors["government troops"] == Actor("Military Forces of Syria", 1, "SY")


@slow
def test_the_united_kingdom_naming_convention(run_stages: StageRunner) -> None:
    doc = run_stages("Police arrested dozens of rioters in London, Britain, on Saturday.")
    actors = _actors(doc)
    assert actors["Police"].name == "Police Forces of the United Kingdom"
    assert actors["rioters"] == Actor("Rioters (United Kingdom)", 5, "GB")


@slow
@pytest.mark.parametrize(
    ("text", "alias", "name", "kind", "country"),
    [
        (
            "Al-Shabaab militants attacked a hotel in Mogadishu, Somalia.",
            "Al-Shabaab",
            "Al Shabaab",
            2,
            "SO",
        ),
        (
            "Boko Haram fighters raided a village in Borno state, Nigeria.",
            "Boko Haram",
            "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad",
            2,
            "NG",
        ),
        (
            "Fighters from the Islamic State group attacked a checkpoint in Iraq.",
            "the Islamic State group",
            "Islamic State (IS)",
            2,
            None,
        ),
        (
            "Syrian troops backed by Hezbollah fighters recaptured the town of Qusayr.",
            "Hezbollah",
            "Hezbollah",
            3,
            "LB",
        ),
    ],
)
def test_named_groups_come_from_the_alias_list(
    run_stages: StageRunner, text: str, alias: str, name: str, kind: int, country: str | None
) -> None:
    doc = run_stages(text)
    (mention,) = [m for m in doc.mentions if m.text == alias]
    assert mention.actor == Actor(name, kind, country)
    assert text[mention.span.start : mention.span.end] == alias


@slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("IS militants attacked a checkpoint near Mosul, Iraq, on Monday.", "Islamic State (IS)"),
        ("Houthi rebels fired missiles at Marib, Yemen.", "Ansar Allah"),
    ],
)
def test_a_group_alias_is_not_also_a_generic_actor(
    run_stages: StageRunner, text: str, name: str
) -> None:
    # "militants" and "rebels" are generic words, but here they belong to the group's alias
    doc = run_stages(text)
    assert [m.actor.name for m in doc.mentions] == [name]
    assert doc.mentions[0].span.start == 0


@slow
def test_mentions_are_sorted_and_point_at_their_words(run_stages: StageRunner) -> None:
    text = (
        "Kenyan police said gunmen attacked a bus near Mandera on Monday. "
        "Protesters later gathered in Nairobi."
    )
    doc = run_stages(text)
    starts = [m.span.start for m in doc.mentions]
    assert starts == sorted(starts)
    for mention in doc.mentions:
        assert text[mention.span.start : mention.span.end] == mention.text
        assert mention.token_start <= mention.head < mention.token_end
        assert doc.parsed.sentence_of(mention.head).index == mention.sentence
    assert [m.actor.name for m in doc.mentions] == [
        "Police Forces of Kenya",
        "Unidentified Armed Group (Kenya)",
        "Protesters (Kenya)",
    ]
