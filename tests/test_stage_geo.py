"""The geo stage: place phrases recognised and resolved against the real gazetteer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.gazetteer import Gazetteer, ensure_gazetteer
from dateline.pipeline import Pipeline
from dateline.types import ActorDoc, PlacedDoc, PlaceMention, Precision

StageRunner = Callable[..., ActorDoc]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gazetteer(nlp_pipeline: Pipeline) -> Gazetteer:
    return ensure_gazetteer(nlp_pipeline.settings.gazetteer)


def _placed(run_stages: StageRunner, text: str) -> PlacedDoc:
    return run_stages(text).placed


def _mentions(placed: PlacedDoc, text: str) -> list[PlaceMention]:
    return [m for m in placed.mentions if m.text == text]


def test_mention_spans_slice_the_text(run_stages: StageRunner) -> None:
    text = (
        "Gunmen attacked the village of Kafr Nabl in Syria on Monday.\n\nIdlib province is tense."
    )
    placed = _placed(run_stages, text)
    assert placed.mentions
    for mention in placed.mentions:
        assert text[mention.span.start : mention.span.end] == mention.text
        assert 0 <= mention.score <= 1
        sentence = placed.parsed.sentences[mention.sentence]
        assert sentence.start <= mention.span.start and mention.span.end <= sentence.end


@pytest.mark.parametrize(
    ("text", "sub_place", "town"),
    [
        (
            "Police clashed with residents in the Kibera neighbourhood of Nairobi, Kenya, "
            "on Friday.",
            "Kibera",
            "Nairobi",
        ),
        ("Gunmen stormed the Shabelle district of Mogadishu on Friday.", "Shabelle", "Mogadishu"),
    ],
)
def test_a_named_part_of_a_known_town_is_coded_at_the_town(
    run_stages: StageRunner, text: str, sub_place: str, town: str
) -> None:
    placed = _placed(run_stages, text)
    parts = [m for m in placed.mentions if m.place.name == sub_place]
    towns = [m for m in placed.mentions if m.place.name == town]
    assert len(parts) == 1 and len(towns) == 1
    part, parent = parts[0].place, towns[0].place
    assert parent.precision == Precision.TOWN
    assert part.precision == Precision.NEIGHBOURHOOD
    assert part.anchor == town
    assert (part.lat, part.lon, part.country) == (parent.lat, parent.lon, parent.country)
    assert part.geonameid is None  # not a gazetteer place of its own


def test_the_town_of_x_resolves_to_the_gazetteer_town(
    run_stages: StageRunner, gazetteer: Gazetteer
) -> None:
    placed = _placed(run_stages, "Syrian troops shelled the town of Qusayr on Monday.")
    (mention,) = _mentions(placed, "Qusayr")
    expected = gazetteer.lookup("Qusayr", country="SY", feature="city", limit=1)[0]
    place = mention.place
    assert place.precision == Precision.TOWN
    assert place.geonameid == expected.geonameid
    assert (place.lat, place.lon) == (expected.lat, expected.lon)
    assert place.country == "SY"
    assert place.admin1 == expected.admin1_name


def test_a_province_is_a_first_level_division(run_stages: StageRunner) -> None:
    placed = _placed(run_stages, "Fighting was reported in Aleppo province on Monday.")
    (mention,) = placed.mentions
    assert mention.text == "Aleppo province"
    assert mention.place.precision == Precision.ADMIN1
    assert (mention.place.name, mention.place.country) == ("Aleppo", "SY")


def test_a_division_named_with_its_town(run_stages: StageRunner) -> None:
    placed = _placed(
        run_stages, "Warplanes struck the village of Kafr Nabl in Idlib province on Monday."
    )
    precision = {m.text: m.place.precision for m in placed.mentions}
    assert precision == {"Kafr Nabl": Precision.TOWN, "Idlib province": Precision.ADMIN1}
    village = _mentions(placed, "Kafr Nabl")[0].place
    assert village.admin1 == "Idlib" and village.country == "SY"


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        (
            "Clashes broke out in Tripoli on Sunday, the Lebanese army said. "
            "Lebanon has seen rising tension.",
            "Tripoli",
            "LB",
        ),
        (
            "Clashes broke out in Tripoli on Sunday, the Libyan army said. "
            "Libya has seen rising tension.",
            "Tripoli",
            "LY",
        ),
        (
            "Police in Hyderabad, Pakistan, arrested two men. Pakistani officials said they were "
            "armed.",
            "Hyderabad",
            "PK",
        ),
        (
            "Police in Hyderabad, India, arrested two men. Indian officials said they were armed.",
            "Hyderabad",
            "IN",
        ),
    ],
)
def test_an_ambiguous_town_resolves_in_the_article_s_country(
    run_stages: StageRunner, text: str, town: str, country: str
) -> None:
    placed = _placed(run_stages, text)
    assert placed.focus is not None
    assert placed.focus.country == country
    assert placed.focus.precision == Precision.COUNTRY
    (mention,) = _mentions(placed, town)
    assert mention.place.country == country
    assert mention.place.precision == Precision.TOWN


def test_a_name_seen_as_a_place_is_recognised_again(run_stages: StageRunner) -> None:
    text = (
        "Troops entered the town of Qusayr in Syria on Monday. "
        "Qusayr had been held by rebels for a year. Residents of Qusayr fled."
    )
    placed = _placed(run_stages, text)
    mentions = _mentions(placed, "Qusayr")
    # later mentions are often labelled as people or organisations by the small model
    assert [m.sentence for m in mentions] == [0, 1, 2]
    assert len({m.place.geonameid for m in mentions}) == 1
    assert mentions[0].place.geonameid is not None


def test_no_places_in_a_text_without_any(run_stages: StageRunner) -> None:
    placed = _placed(run_stages, "The committee met on Tuesday and agreed to meet again soon.")
    assert placed.mentions == ()
    assert placed.focus is None
