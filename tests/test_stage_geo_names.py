"""Place names the model does not tag as places: a town inside a local institution's name,
an all-capitals dateline, a division named with a compass word. Each rule has its pair: the
same shape of words that names no place gives no mention."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.types import ActorDoc, PlaceMention, Precision

StageRunner = Callable[..., ActorDoc]

pytestmark = pytest.mark.slow


def _mentions(run_stages: StageRunner, text: str) -> dict[str, PlaceMention]:
    return {m.text: m for m in run_stages(text).placed.mentions}


def test_a_town_names_its_police_department(run_stages: StageRunner) -> None:
    text = "Officers of the Grovetown Police Department arrested two men on Friday."
    found = _mentions(run_stages, text)
    assert set(found) == {"Grovetown"}
    assert found["Grovetown"].place.admin1 == "Georgia"
    assert found["Grovetown"].place.precision == Precision.TOWN


def test_a_town_before_a_local_body_counts_whatever_the_model_tags_it(
    run_stages: StageRunner,
) -> None:
    found = _mentions(run_stages, "Later, Grovetown police questioned the driver.")
    assert "Grovetown" in found and found["Grovetown"].place.admin1 == "Georgia"


def test_an_institution_s_opening_word_is_not_its_town(run_stages: StageRunner) -> None:
    # Supreme (Louisiana) and Federal (a Brazilian district) are places too
    text = "The Supreme Court and the Federal Police Department met on Monday."
    assert _mentions(run_stages, text) == {}


def test_an_all_capitals_dateline_is_a_place(run_stages: StageRunner) -> None:
    text = "TORRINGTON, Conn. — The city council met on Monday to approve the budget."
    found = _mentions(run_stages, text)
    assert found["TORRINGTON"].place.name == "Torrington"
    assert found["TORRINGTON"].place.admin1 == "Connecticut"


def test_an_all_capitals_opening_word_that_is_no_place_is_not_a_dateline_place(
    run_stages: StageRunner,
) -> None:
    assert _mentions(run_stages, "UPDATE — The council met on Monday.") == {}


def test_a_compass_word_before_a_division_is_not_part_of_its_name(
    run_stages: StageRunner,
) -> None:
    found = _mentions(run_stages, "Schools in Northeast Georgia closed on Monday.")
    assert set(found) == {"Georgia"}
    found = _mentions(run_stages, "Protesters gathered in South Africa on Monday.")
    assert set(found) == {"South Africa"}


def test_a_town_before_a_lower_case_site_word_is_the_town(run_stages: StageRunner) -> None:
    found = _mentions(run_stages, "A bomb exploded at a Baghdad hospital on Monday.")
    assert set(found) == {"Baghdad"}
    assert found["Baghdad"].place.precision == Precision.TOWN


def test_a_person_s_surname_or_a_speaker_is_no_small_place(run_stages: StageRunner) -> None:
    # Nelson is also a town in Canada and a region of New Zealand
    text = "Councillor Dewly Nelson backed the plan. Nelson says the plan works."
    assert "Nelson" not in _mentions(run_stages, text)


def test_a_large_town_may_speak(run_stages: StageRunner) -> None:
    text = "Protesters marched in Gainesville on Friday. Gainesville says no to the plan."
    found = [m for m in run_stages(text).placed.mentions if m.text == "Gainesville"]
    assert len(found) == 2


def test_people_named_by_nationality_are_not_a_place(run_stages: StageRunner) -> None:
    found = _mentions(run_stages, "Three Canadians were hurt, Canadian officials said.")
    assert set(found) == {"Canadian"}
    assert found["Canadian"].place.country == "CA"


def test_a_place_s_span_leaves_out_its_article(run_stages: StageRunner) -> None:
    text = "The United States and Canada met. Later the United States said talks went well."
    mentions = run_stages(text).placed.mentions
    assert [m.text for m in mentions if "United States" in m.text] == ["United States"] * 2
