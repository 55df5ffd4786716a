"""The geo stage with the article's context: streets and sites anchor to the article's
town, people's names are not places, districts are second-level divisions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.gazetteer import haversine_km
from dateline.types import ActorDoc, PlaceMention, Precision

StageRunner = Callable[..., ActorDoc]

pytestmark = pytest.mark.slow

BELFAST = (54.597, -5.930)
LONDON = (51.507, -0.128)


def _mentions(run_stages: StageRunner, text: str, name: str) -> list[PlaceMention]:
    return [m for m in run_stages(text).placed.mentions if m.text == name]


def _km(mention: PlaceMention, point: tuple[float, float]) -> float:
    return haversine_km(mention.place.lat, mention.place.lon, *point)


def test_a_street_named_after_another_town_is_in_the_article_s_town(
    run_stages: StageRunner,
) -> None:
    text = (
        "A car bomb exploded in Belfast on Friday. Nine people died at the bus station "
        "on Oxford Street, and a second bomb went off on Cavehill Road."
    )
    for street in ("Oxford Street", "Cavehill Road"):
        found = _mentions(run_stages, text, street)
        assert found, street
        assert _km(found[0], BELFAST) < 10
        assert found[0].place.precision == Precision.NEIGHBOURHOOD
        assert found[0].place.anchor == "Belfast"


def test_a_bridge_named_after_a_town_of_the_article_is_in_that_town(
    run_stages: StageRunner,
) -> None:
    text = (
        "Police in Manchester arrested two men on Sunday. Manchester officers searched "
        "three houses. In London, attackers drove a van into people on London Bridge."
    )
    found = _mentions(run_stages, text, "London Bridge")
    assert found and _km(found[0], LONDON) < 10


def test_a_person_s_first_name_is_not_a_village(run_stages: StageRunner) -> None:
    text = (
        "Prosecutors said Tamerlan Tsarnaev planned the attack in Boston. Friends of "
        "Tamerlan told investigators he had travelled abroad."
    )
    placed = run_stages(text).placed
    assert not [m for m in placed.mentions if m.text == "Tamerlan"]
    assert any(m.text == "Boston" and m.place.country == "US" for m in placed.mentions)


def test_a_district_is_the_second_level_division(run_stages: StageRunner) -> None:
    text = "Militants planted a bomb along a road in Arghandab district of Kandahar province."
    found = _mentions(run_stages, text, "Arghandab")
    assert found
    assert found[0].place.country == "AF" and found[0].place.precision == Precision.ADMIN2


def test_a_town_after_in_is_a_town_whatever_its_label(run_stages: StageRunner) -> None:
    text = (
        "Soldiers shot thirteen marchers on Bloody Sunday in Derry. Later the army "
        "moved into the Bogside area of Derry."
    )
    found = _mentions(run_stages, text, "Derry")
    assert found and found[0].place.country == "GB"
    assert found[0].place.admin1 == "Northern Ireland"


def test_a_province_named_outright_outweighs_a_foreign_force_s_demonym(
    run_stages: StageRunner,
) -> None:
    found = run_stages(
        "Government troops shelled Kafr Nabl in Idlib province on Monday. "
        "Russian warplanes also bombed the hills nearby on Monday, a monitor said."
    )
    assert found.placed.focus is not None and found.placed.focus.country == "SY"
    idlib = [m for m in found.placed.mentions if m.text.startswith("Idlib")]
    assert idlib and idlib[0].place.country == "SY"


def test_an_unknown_river_is_not_made_a_part_of_the_nearest_town(
    run_stages: StageRunner,
) -> None:
    text = (
        "Fighters attacked an army base near Jilib on Tuesday. "
        "Villages along the Godane river were emptied, residents said."
    )
    names = {m.text for m in run_stages(text).placed.mentions}
    assert "Jilib" in names
    assert not any(name.startswith("Godane") for name in names)
    # the same unknown name as a quarter of the town is still coded at the town
    quarter = run_stages("Troops stormed the Godane neighbourhood of Homs on Tuesday.")
    assert any(m.text.startswith("Godane") for m in quarter.placed.mentions)


def test_the_parent_town_counts_whatever_the_model_tags_it(run_stages: StageRunner) -> None:
    # an article with no country yet: the parent's own country decides
    found = run_stages("Fighters attacked the Godane neighbourhood of Jilib on Tuesday.")
    quarter = [m for m in found.placed.mentions if m.text == "Godane"]
    assert quarter and quarter[0].place.anchor == "Jilib"
    assert quarter[0].place.country == "SO"
    assert quarter[0].place.precision == Precision.NEIGHBOURHOOD
