"""Lookups stop at their limit without changing the order, on ranked and older indexes;
the document-level evidence of the resolver (a local paper's country, one state)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.gazetteer import Gazetteer, build_gazetteer, open_gazetteer
from dateline.gazetteer.resolve import DocumentResolver, locale_votes, toponym_in_text

NAMES = ["San Jose", "Springfield", "Qusair", "Deraa", "Homs", "Salvador", "Alexandria", "Paris"]


@pytest.fixture(scope="module")
def ranked(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("ranked") / "gazetteer.sqlite"
    build_gazetteer(path)
    return open_gazetteer(path)


@pytest.fixture(scope="module")
def unranked(ranked: Gazetteer, tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The same index with its names in the reverse order and no ranking mark."""
    path = tmp_path_factory.mktemp("unranked") / "gazetteer.sqlite"
    target = sqlite3.connect(path)
    ranked.connection.backup(target)
    with target:
        target.execute("DELETE FROM meta WHERE key = 'names_ranked'")
        target.execute("CREATE TABLE reversed AS SELECT * FROM names ORDER BY rowid DESC")
        target.execute("DELETE FROM names")
        target.execute("INSERT INTO names SELECT * FROM reversed")
        target.execute("DROP TABLE reversed")
    target.close()
    return open_gazetteer(path)


def _ids(gazetteer: Gazetteer, name: str, limit: int = 40) -> list[tuple[int, str]]:
    return [(c.geonameid, c.match) for c in gazetteer.lookup(name, limit=limit)]


@pytest.mark.parametrize("name", NAMES)
def test_a_smaller_limit_is_a_prefix_of_the_answer(ranked: Gazetteer, name: str) -> None:
    full = _ids(ranked, name)
    assert full
    assert _ids(ranked, name, limit=3) == full[:3]


@pytest.mark.parametrize("name", NAMES)
def test_an_index_without_ranked_names_answers_the_same(
    ranked: Gazetteer, unranked: Gazetteer, name: str
) -> None:
    assert _ids(unranked, name) == _ids(ranked, name)


def test_spelling_matches_come_after_the_exact_ones(ranked: Gazetteer) -> None:
    matches = [c.match for c in ranked.lookup("Homs", limit=40)]
    assert "exact" in matches
    assert matches == sorted(matches, key=lambda m: m == "loose")


def test_words_of_local_american_public_life_vote_for_the_united_states() -> None:
    votes = locale_votes("The sheriff's office and the school board met on Monday.")
    assert set(votes) == {"US"} and votes["US"] > 0
    assert locale_votes("The council met in the town hall on Monday.") == {}
    assert locale_votes("A sheriffdom is not a sheriff.")["US"] > 0  # whole words only
    assert locale_votes("sheriffdoms") == {}


def test_a_local_paper_s_bare_town_is_in_its_country(ranked: Gazetteer) -> None:
    text = "The Athens school board asked the sheriff for more deputies at the high school."
    toponyms = [toponym_in_text(text, 4, 10)]
    resolver = DocumentResolver(ranked)
    alone, _ = resolver.resolve(toponyms)
    local, _ = resolver.resolve(toponyms, locale_votes(text))
    assert alone[0] is not None and alone[0].candidate.country == "GR"
    assert local[0] is not None and local[0].candidate.country == "US"


def test_towns_of_one_state_support_each_other(ranked: Gazetteer, tmp_path: Path) -> None:
    text = "Flooding closed roads between Paris, Lamar County, and Clarksville on Monday."
    toponyms = [
        toponym_in_text(text, text.index(name), text.index(name) + len(name))
        for name in ("Paris", "Lamar County", "Clarksville")
    ]
    resolved, focus = DocumentResolver(ranked).resolve(toponyms)
    assert focus == "US"
    states = {r.candidate.admin1_name for r in resolved if r is not None}
    assert len(states) == 1
