"""The places of the seed article resolve near the gold coordinates, and the geo stage's
recognition beyond the model's labels (countries tagged as organisations, demonyms)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.gazetteer import haversine_km
from dateline.types import ActorDoc, Precision

StageRunner = Callable[..., ActorDoc]

pytestmark = pytest.mark.slow

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "dev.jsonl"
SEED_PLACES = ("Khaldiyeh", "Bab Hud", "Baba Amr", "Qusayr", "Khan al-Assal", "Daraa")


def _seed() -> dict[str, object]:
    if not GOLD.is_file():
        pytest.skip("the seed gold file is not in ../shared/gold")
    record: dict[str, object] = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    return record


@pytest.mark.parametrize("name", SEED_PLACES)
def test_seed_places_resolve_within_25_km(run_stages: StageRunner, name: str) -> None:
    record = _seed()
    events = record["events"]
    assert isinstance(events, list)
    gold = next(e["location"] for e in events if e["location"]["name"] == name)
    published = dt.date.fromisoformat(str(record["published"]))
    placed = run_stages(str(record["text"]), published).placed
    mentions = [m for m in placed.mentions if m.text.endswith(name) or m.place.name == name]
    assert mentions, f"{name} not found"
    distance = min(
        haversine_km(m.place.lat, m.place.lon, gold["lat"], gold["lon"]) for m in mentions
    )
    assert distance <= 25, f"{name}: {distance:.0f} km from the gold point"
    assert placed.focus is not None and placed.focus.country == "SY"


def test_a_country_tagged_as_an_organisation_is_still_a_place(run_stages: StageRunner) -> None:
    text = "Protesters marched in the capital. Canada said it would send aid to Haiti."
    placed = run_stages(text).placed
    names = {m.text: m.place for m in placed.mentions}
    assert names.get("Canada") is not None and names["Canada"].country == "CA"
    assert placed.focus is not None


def test_a_demonym_names_its_country(run_stages: StageRunner) -> None:
    placed = run_stages("Syrian troops shelled the town of Qusayr on Monday.").placed
    (demonym,) = [m for m in placed.mentions if m.text == "Syrian"]
    assert demonym.place.country == "SY" and demonym.place.precision == Precision.COUNTRY


def test_the_article_is_not_part_of_a_country_span(run_stages: StageRunner) -> None:
    placed = run_stages("Officials in the United States said the talks failed.").placed
    assert [m.text for m in placed.mentions if m.place.country == "US"] == ["United States"]


def test_listed_districts_are_parts_of_the_town_not_look_alike_towns(
    run_stages: StageRunner,
) -> None:
    text = (
        "Government troops advanced in Homs on Monday. "
        "They plan to retake other districts like Qussur and Bayada next."
    )
    placed = run_stages(text).placed
    (homs,) = [m.place for m in placed.mentions if m.text == "Homs"]
    (part,) = [m.place for m in placed.mentions if m.text == "Qussur"]
    assert part.precision == Precision.NEIGHBOURHOOD and part.anchor == homs.name
    assert haversine_km(part.lat, part.lon, homs.lat, homs.lon) < 1
