"""Scoring events against gold: the matching and field rules of the gold SCHEMA.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.evaluate.events import actor_country, normalise_name, score
from dateline.evaluate.gold import GoldDocument, load_gold

GOLD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
KM_PER_DEGREE_LAT = 111.195  # on the mean Earth radius used by the scorer

HOMS = (34.73, 36.71)


def event(
    *,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    place: str = "Khaldiyeh",
    north_km: float = 0.0,
    date: tuple[str, str] | None = ("2013-07-29", "2013-07-29"),
    actor1: dict[str, Any] | None = None,
    actor2: dict[str, Any] | None = None,
    no_actor2: bool = False,
    fatalities: dict[str, Any] | None = None,
    background: bool = False,
) -> dict[str, Any]:
    """An event in the gold shape, placed ``north_km`` north of Homs."""
    return {
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "date": {"start": date[0], "end": date[1]} if date else None,
        "actor1": actor1 or {"name": "Military Forces of Syria", "kind": 1},
        "assoc_actor1": [],
        "actor2": None if no_actor2 else actor2 or {"name": "Rebels (Syria)", "kind": 2},
        "location": {
            "name": place,
            "admin1": "Homs",
            "country": "SY",
            "lat": HOMS[0] + north_km / KM_PER_DEGREE_LAT,
            "lon": HOMS[1],
            "precision": "town",
        },
        "fatalities": fatalities,
        "evidence": "",
        "background": background,
    }


def gold_doc(doc_id: str, *events: dict[str, Any]) -> GoldDocument:
    return GoldDocument(doc_id=doc_id, text="An article.", events=tuple(events))


def score_one(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Any]:
    return score([gold_doc("d", gold)], {"d": [predicted]}).to_dict()


def test_identical_events_match_perfectly() -> None:
    original = event(fatalities={"min": 3, "max": 3, "text": "three"})
    result = score_one(original, event(fatalities={"min": 3, "max": 3, "text": "3 killed"}))
    assert (result["tp"], result["fp"], result["fn"]) == (1, 0, 0)
    assert result["precision"] == result["recall"] == result["f1"] == 1.0
    assert set(result["field_accuracy"].values()) == {1.0}
    assert result["median_location_error_km"] == pytest.approx(0.0, abs=1e-6)
    assert result["per_type"]["Battles"]["f1"] == 1.0


def test_serialised_extras_are_ignored() -> None:
    predicted = event()
    predicted["date"] = {"start": "2013-07-29", "end": "2013-07-29", "granularity": "day"}
    predicted["actor1"] = {"name": "Military Forces of Syria", "kind": 1, "country": "SY"}
    predicted.update(event_id="e1", confidence=0.9, provenance=[], trigger="retook")
    assert score_one(event(), predicted)["f1"] == 1.0


def test_different_event_type_is_a_miss_and_a_false_alarm() -> None:
    result = score_one(
        event(), event(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    )
    assert (result["tp"], result["fp"], result["fn"]) == (0, 1, 1)
    assert result["f1"] == 0.0
    assert result["per_type"]["Battles"] == {
        "precision": None,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
    }
    assert result["per_type"]["Explosions/Remote violence"]["fp"] == 1
    assert result["field_accuracy"]["actor1"] is None  # nothing matched, nothing to measure
    assert result["median_location_error_km"] is None


@pytest.mark.parametrize(("north_km", "matched"), [(24.0, True), (26.0, False)])
def test_locations_must_lie_within_25_km(north_km: float, matched: bool) -> None:
    result = score_one(event(), event(place="Somewhere else", north_km=north_km))
    assert result["tp"] == int(matched)


def test_far_location_with_the_same_normalised_name_matches() -> None:
    result = score_one(event(place="Khan al-Assal"), event(place="khan Al Assal.", north_km=200.0))
    assert result["tp"] == 1
    assert result["median_location_error_km"] == pytest.approx(200.0, rel=1e-3)


def test_dates_that_do_not_overlap_do_not_match() -> None:
    gold = event(date=("2013-07-22", "2013-07-28"))
    assert score_one(gold, event(date=("2013-07-29", "2013-07-29")))["tp"] == 0
    touching = score_one(gold, event(date=("2013-07-28", "2013-07-30")))
    assert touching["tp"] == 1
    assert touching["field_accuracy"]["date"] == 0.0  # overlap matches; exact interval scores


def test_null_gold_date_is_not_checked_but_null_prediction_never_overlaps() -> None:
    assert score_one(event(date=None), event(date=("1999-01-01", "1999-01-01")))["tp"] == 1
    both_null = score_one(event(date=None), event(date=None))
    assert both_null["tp"] == 1
    assert both_null["field_accuracy"]["date"] == 1.0
    assert score_one(event(), event(date=None))["tp"] == 0


def test_one_to_one_takes_the_closest_of_two_candidates() -> None:
    result = score(
        [gold_doc("d", event())],
        {"d": [event(place="a", north_km=3.0), event(place="b", north_km=1.0)]},
    ).to_dict()
    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 0)
    assert result["median_location_error_km"] == pytest.approx(1.0, rel=1e-3)


def test_greedy_matching_goes_by_distance_not_by_order() -> None:
    # p0 is 2 km from g1 and 8 km from g0; p1 is 20 km from g1 and 30 km from g0.
    # Greedy by distance pairs p0 with g1 first, which leaves g0 without a candidate.
    gold = [event(place="g0"), event(place="g1", north_km=10.0)]
    predicted = [event(place="p0", north_km=8.0), event(place="p1", north_km=30.0)]
    result = score([gold_doc("d", *gold)], {"d": predicted}).to_dict()
    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 1)
    assert result["median_location_error_km"] == pytest.approx(2.0, rel=1e-3)


def test_actor_names_are_compared_after_normalisation() -> None:
    gold = event(actor1={"name": "the Rebels (Syria)", "kind": 2})
    predicted = event(actor1={"name": "rebels (syria)", "kind": 2})
    assert score_one(gold, predicted)["field_accuracy"]["actor1"] == 1.0
    assert normalise_name("Al-Nusra Front") == normalise_name("al Nusra front.")
    assert normalise_name("The Rebels") == normalise_name("rebels")
    assert normalise_name("Rebels of the North") != normalise_name("Rebels")


def test_actors_with_different_names_agree_on_kind_and_country() -> None:
    gold = event(actor1={"name": "Military Forces of Syria (2000-)", "kind": 1})
    same_state = event(actor1={"name": "Syrian Arab Army", "kind": 1, "country": "SY"})
    assert score_one(gold, same_state)["field_accuracy"]["actor1"] == 1.0
    other_kind = event(actor1={"name": "Rebels (Syria)", "kind": 2})
    assert score_one(gold, other_kind)["field_accuracy"]["actor1"] == 0.0
    other_country = event(actor1={"name": "Military Forces of Lebanon", "kind": 1})
    assert score_one(gold, other_country)["field_accuracy"]["actor1"] == 0.0
    no_country = event(actor1={"name": "Government troops", "kind": 1})
    assert score_one(gold, no_country)["field_accuracy"]["actor1"] == 0.0


def test_actor_country_reads_acled_name_forms() -> None:
    assert actor_country({"name": "Rebels (Syria)"}) == "SY"
    assert actor_country({"name": "Military Forces of Syria (2000-)"}) == "SY"
    assert actor_country({"name": "Police Forces of the United Kingdom"}) == "GB"
    assert actor_country({"name": "Protesters (Russia)"}) == "RU"
    assert actor_country({"name": "Someone", "country": "ng"}) == "NG"
    assert actor_country({"name": "Someone", "country": "Kenya"}) == "KE"
    assert actor_country({"name": "Islamic State (IS)"}) is None
    assert actor_country({"name": "Hezbollah"}) is None


def test_actor2_both_absent_is_correct_one_absent_is_wrong() -> None:
    assert score_one(event(no_actor2=True), event(no_actor2=True))["field_accuracy"]["actor2"] == 1
    assert score_one(event(), event(no_actor2=True))["field_accuracy"]["actor2"] == 0.0
    assert score_one(event(no_actor2=True), event())["field_accuracy"]["actor2"] == 0.0


@pytest.mark.parametrize(
    ("gold", "predicted", "correct"),
    [
        ({"min": 51, "max": None}, {"min": 60, "max": 60}, True),
        ({"min": 150, "max": 150}, {"min": 100, "max": None}, True),
        ({"min": 5, "max": 5}, {"min": 6, "max": None}, False),
        ({"min": 10, "max": 20}, {"min": 20, "max": 30}, True),
        ({"min": 10, "max": 20}, {"min": 21, "max": 30}, False),
        (None, None, True),
        (None, {"min": 1, "max": 1}, False),
        ({"min": 1, "max": 1}, None, False),
    ],
)
def test_fatalities_agree_when_intervals_overlap(
    gold: dict[str, Any] | None, predicted: dict[str, Any] | None, correct: bool
) -> None:
    result = score_one(event(fatalities=gold), event(fatalities=predicted))
    assert result["field_accuracy"]["fatalities"] == (1.0 if correct else 0.0)


def test_per_document_counts_and_micro_averages() -> None:
    gold = [
        gold_doc("a", event(), event(event_type="Riots", sub_event_type="Mob violence")),
        gold_doc("b", event(place="Qusayr", north_km=40.0)),
        gold_doc("c"),
        gold_doc("unpredicted", event()),
    ]
    predicted = {
        "a": [event(), event(place="Homs", north_km=100.0)],
        "b": [event(place="Qusayr", north_km=40.0)],
        "c": [event(event_type="Protests", sub_event_type="Peaceful protest")],
        "not in gold": [event()],
    }
    result = score(gold, predicted).to_dict()
    assert result["per_document"] == {
        "a": {"tp": 1, "fp": 1, "fn": 1},
        "b": {"tp": 1, "fp": 0, "fn": 0},
        "c": {"tp": 0, "fp": 1, "fn": 0},
        "unpredicted": {"tp": 0, "fp": 0, "fn": 1},
    }
    assert (result["tp"], result["fp"], result["fn"]) == (2, 2, 2)
    assert result["precision"] == result["recall"] == result["f1"] == 0.5
    assert result["per_type"]["Battles"]["tp"] == 2
    assert result["per_type"]["Riots"]["fn"] == 1
    assert result["per_type"]["Protests"]["fp"] == 1


def test_background_events_are_also_scored_apart() -> None:
    gold = gold_doc(
        "d",
        event(),
        event(place="Qusayr", date=("2013-06-01", "2013-06-30"), background=True),
        event(place="Baba Amr", date=("2012-03-01", "2012-03-31"), background=True),
    )
    predicted = [
        event(),
        event(place="Qusayr", date=("2013-06-05", "2013-06-05"), background=False),
        event(place="Bab Hud", date=("2011-01-01", "2011-01-01"), north_km=80, background=True),
    ]
    result = score([gold], {"d": predicted}).to_dict()
    assert {k: result["background"][k] for k in ("tp", "fp", "fn")} == {"tp": 1, "fp": 1, "fn": 1}
    assert result["field_accuracy"]["background"] == 0.5
    assert (result["tp"], result["fp"], result["fn"]) == (2, 1, 1)


def test_to_dict_has_the_report_keys() -> None:
    result = score([gold_doc("d", event())], {"d": [event()]}).to_dict()
    assert {
        "precision",
        "recall",
        "f1",
        "tp",
        "fp",
        "fn",
        "per_type",
        "per_document",
        "field_accuracy",
        "median_location_error_km",
        "background",
    } <= result.keys()
    assert {"sub_event_type", "actor1", "actor2", "date", "fatalities"} <= result[
        "field_accuracy"
    ].keys()


@pytest.mark.parametrize("name", ["dev.jsonl", "wikievents-dev.jsonl"])
def test_gold_scored_against_itself_is_perfect(name: str) -> None:
    path = GOLD_DIR / name
    if not path.is_file():
        pytest.skip(f"shared gold file {path} is absent")
    gold = load_gold(path)
    assert sum(len(d.events) for d in gold) > 0
    result = score(gold, {d.doc_id: list(d.events) for d in gold}).to_dict()
    assert result["f1"] == 1.0
    assert result["fp"] == result["fn"] == 0
    assert result["field_accuracy"] and all(v == 1.0 for v in result["field_accuracy"].values())
    assert result["median_location_error_km"] == pytest.approx(0.0, abs=1e-6)
    backgrounds = sum(1 for d in gold for e in d.events if e["background"])
    assert result["background"]["tp"] == backgrounds


def test_gold_scored_against_nothing_has_zero_recall() -> None:
    path = GOLD_DIR / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"shared gold file {path} is absent")
    gold = load_gold(path)
    result = score(gold, {}).to_dict()
    assert result["recall"] == 0.0
    assert result["fn"] == sum(len(d.events) for d in gold)
