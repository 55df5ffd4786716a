"""Counting the dead: ACLED's conservative reading of counts, and numbers that are not tolls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dateline.pipeline import Pipeline
from dateline.stages import clean, parse, time
from dateline.stages.events.fatalities import find_counts, find_fatalities
from dateline.types import Document, Fatalities, Span, Token

pytestmark = pytest.mark.slow

Sentence = tuple[tuple[Token, ...], list[Span], str]


@pytest.fixture(scope="module")
def sentence(nlp_pipeline: Pipeline, published: dt.date) -> Callable[[str], Sentence]:
    """The tokens of a one-sentence text, with its time expressions' spans."""

    def read(text: str) -> Sentence:
        document = Document.from_text(text, published=published)
        timed = time.tag(parse.parse(clean.clean(document), model=nlp_pipeline.settings.model))
        assert len(timed.parsed.sentences) == 1, text
        return timed.parsed.tokens, [e.span for e in timed.expressions], text

    return read


def _toll(read: Callable[[str], Sentence], text: str) -> Fatalities | None:
    found = find_fatalities(*read(text))
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("At least 12 people were killed in the attack.", 12, None),
        ("The blast killed more than 50 people.", 51, None),
        ("Some 150 soldiers died in the fighting.", 150, 150),
        ("About 40 fighters died in the battle.", 40, 40),
        ("Dozens of people were killed.", 12, None),
        ("Hundreds were killed in the massacre.", 100, None),
        ("Between 10 and 15 villagers were killed.", 10, 15),
        ("Gunmen killed twenty-five people.", 25, 25),
        ("Twelve people died.", 12, 12),
        ("Gunmen killed two hundred people.", 200, 200),
        ("A dozen people were killed.", 12, 12),
        ("The death toll rose to 23.", 23, 23),
        ("Troops killed 1,200 fighters.", 1200, 1200),
    ],
)
def test_counts_of_the_dead(
    sentence: Callable[[str], Sentence], text: str, low: int, high: int | None
) -> None:
    toll = _toll(sentence, text)
    assert toll is not None
    assert (toll.min, toll.max) == (low, high)


def test_the_toll_text_is_the_span_it_came_from(sentence: Callable[[str], Sentence]) -> None:
    tokens, excluded, text = sentence("Police said at least 12 people were killed in the attack.")
    found = find_fatalities(tokens, excluded, text)
    assert found is not None
    toll, span, death = found
    assert toll.text == text[span.start : span.end] == "at least 12 people were killed"
    assert tokens[death].text == "killed"


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 rebels killed a man.",  # a year
        "The 2014 massacre is still remembered.",
        "Soldiers killed 30 percent of the fighters.",  # a percentage
        "Soldiers killed 30% of the fighters.",
        "A man aged 35 was killed.",  # ages
        "The 35-year-old was killed.",
        "Gunmen killed a 20-year-old student.",
        "Rebels killed a man 20 kilometres from the town.",  # distances
        "The bomb killed a man 20 km from the border.",
        "The victims were killed on 12 May.",  # a date
        "Two days after the vote, a man was killed.",
        "Nobody was killed in the attack.",
    ],
)
def test_numbers_that_are_not_death_tolls(sentence: Callable[[str], Sentence], text: str) -> None:
    assert _toll(sentence, text) is None


def test_a_number_far_from_any_death_word_is_not_a_toll(
    sentence: Callable[[str], Sentence],
) -> None:
    assert _toll(sentence, "Police arrested 30 people after the protest.") is None
    assert _toll(sentence, "Police said 30 people were arrested and four were killed.") == (
        Fatalities(4, 4, "four were killed")
    )


def test_the_wounded_are_not_counted(sentence: Callable[[str], Sentence]) -> None:
    toll = _toll(sentence, "Seven people were killed and 20 wounded.")
    assert toll is not None and (toll.min, toll.max) == (7, 7)


def test_counts_skip_years_units_and_zero(sentence: Callable[[str], Sentence]) -> None:
    tokens, excluded, _ = sentence(
        "In 2019 some 40 fighters walked 12 km and 0 were caught, while 3 hundred fled."
    )
    counts = [(c.low, c.high) for c in find_counts(tokens, excluded)]
    assert counts == [(40, 40), (300, 300)]
