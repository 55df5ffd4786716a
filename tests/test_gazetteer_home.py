"""A source's home regions: learned from its own confident places, never from the document
being resolved, and strong enough to settle a bare town name a local paper leaves bare."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dateline.evaluate.geo import score_gold_toponyms
from dateline.evaluate.geo_corpora import read_geo_corpus
from dateline.gazetteer import Gazetteer, ensure_gazetteer
from dateline.gazetteer.home import NO_HOME, HomeRegions, SourceRegions
from dateline.gazetteer.resolve import DocumentResolver, toponym_in_text
from dateline.pipeline import Pipeline
from dateline.settings import Settings
from dateline.stages import clean, geo, parse, time
from dateline.types import DivisionCount, Document, Place, Precision


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return ensure_gazetteer(Settings.from_env().gazetteer)


def _town(name: str, state: str | None, **changes: Any) -> Place:
    town = Place(
        name=name, country="US", lat=32.0, lon=-95.0, precision=Precision.TOWN, admin1=state
    )
    return replace(town, **changes)


def test_a_document_never_counts_for_itself() -> None:
    regions = SourceRegions()
    regions.learn("courier", "a", [("Tyler", _town("Tyler", "Texas"), 0.9)])
    assert regions.home("courier", leave_out="a") is NO_HOME
    regions.learn("courier", "b", [("Waco", _town("Waco", "Texas"), 0.9)])
    home = regions.home("courier", leave_out="a")
    assert home.shares == {("US", "Texas"): 1.0} and home.documents == 1


def test_only_confident_named_towns_and_divisions_are_learned() -> None:
    regions = SourceRegions()
    regions.learn(
        "courier",
        "a",
        [
            ("Tyler", _town("Tyler", "Texas"), 0.2),  # a guess
            ("Main Street", _town("Main Street", "Ohio", anchor="Dayton"), 0.9),
            ("America", _town("America", None, precision=Precision.COUNTRY), 0.9),
            ("Dayton", _town("Dayton", "Ohio"), 0.9),
            ("DAYTON", _town("Dayton", "Ohio"), 0.9),  # one name, one vote
            ("Austin", _town("Austin", "Texas"), 0.8),
        ],
    )
    assert regions.home("courier").shares == {("US", "Ohio"): 0.5, ("US", "Texas"): 0.5}


def test_sourceless_and_unknown_sources_have_no_home() -> None:
    regions = SourceRegions()
    regions.learn(None, "a", [("Tyler", _town("Tyler", "Texas"), 0.9)])
    assert regions.home(None) is NO_HOME and regions.home("elsewhere") is NO_HOME


def test_the_pull_of_a_home_grows_with_the_documents_behind_it() -> None:
    one = HomeRegions({("US", "Texas"): 1.0}, documents=1)
    many = HomeRegions({("US", "Texas"): 1.0}, documents=50)
    assert 0 < one.weight(("US", "Texas")) < many.weight(("US", "Texas")) == 1.0
    assert many.weight(("US", "Ohio")) == 0.0 and NO_HOME.weight(("US", "Texas")) == 0.0


def test_a_home_region_settles_a_bare_town(gazetteer: Gazetteer) -> None:
    text = "The Athens school board met on Monday."
    toponyms = [toponym_in_text(text, 4, 10)]
    resolver = DocumentResolver(gazetteer)
    texas = HomeRegions({("US", "Texas"): 1.0}, documents=5)
    (bare,), _ = resolver.resolve(toponyms, {"US": 2.0})
    (homed,), _ = resolver.resolve(toponyms, {"US": 2.0}, texas)
    assert bare is not None and bare.candidate.admin1_name != "Texas"
    assert homed is not None and homed.candidate.admin1_name == "Texas"


def _corpus(path: Path, articles: list[tuple[str, str, str, float, float]]) -> Path:
    root = ET.Element("articles")
    for index, (domain, text, name, lat, lon) in enumerate(articles):
        article = ET.SubElement(root, "article", docid=str(index))
        ET.SubElement(article, "domain").text = domain
        ET.SubElement(article, "text").text = text
        toponym = ET.SubElement(ET.SubElement(article, "toponyms"), "toponym")
        start = text.index(name)
        ET.SubElement(toponym, "start").text = str(start)
        ET.SubElement(toponym, "end").text = str(start + len(name))
        ET.SubElement(toponym, "phrase").text = name
        gaztag = ET.SubElement(toponym, "gaztag")
        ET.SubElement(gaztag, "lat").text = str(lat)
        ET.SubElement(gaztag, "lon").text = str(lon)
    ET.ElementTree(root).write(path, encoding="utf-8")
    return path


def test_the_evaluation_learns_each_source_from_its_other_articles(
    tmp_path: Path, gazetteer: Gazetteer
) -> None:
    athens_texas = (32.2049, -95.8555)
    local = [
        ("courier.example", "Crews repaired a bridge near Tyler, Texas.", "Tyler", 32.35, -95.3),
        ("courier.example", "Longview, Texas, opened a library.", "Longview", 32.5, -94.74),
        ("courier.example", "Waco, Texas, hosted a fair.", "Waco", 31.55, -97.15),
        ("courier.example", "The Athens school board met.", "Athens", *athens_texas),
    ]
    scores = score_gold_toponyms(read_geo_corpus(_corpus(tmp_path / "c.xml", local)), gazetteer)
    assert scores.acc161 == 1.0
    # the same article from a paper with no other articles gets no such help
    alone = [("gazette.example", *local[-1][1:])]
    scores = score_gold_toponyms(read_geo_corpus(_corpus(tmp_path / "d.xml", alone)), gazetteer)
    assert scores.acc161 == 0.0


@pytest.mark.slow
def test_the_pipeline_learns_a_paper_s_home_as_it_reads() -> None:
    pipeline = Pipeline()
    for text in (
        "Firefighters in Tyler, Texas, put out a warehouse fire on Monday.",
        "The Longview city council in Texas voted on a new park on Tuesday.",
        "Police in Waco, Texas, closed a road after a crash on Wednesday.",
    ):
        pipeline.process(Document.from_text(text, source="courier.example"))
    home = pipeline.regions.home("courier.example")
    assert max(home.shares, key=lambda d: home.shares[d]) == ("US", "Texas")
    assert pipeline.regions.home("gazette.example") is NO_HOME

    later = Document.from_text("The Athens city council voted on the budget on Thursday.")
    timed = time.tag(parse.parse(clean.clean(later), model=pipeline.settings.model))

    def athens(home: HomeRegions) -> Place:
        placed = geo.locate(timed, gazetteer_path=pipeline.settings.gazetteer, home=home)
        (place,) = [m.place for m in placed.mentions if m.text == "Athens"]
        return place

    assert athens(home).admin1 == "Texas"
    assert athens(NO_HOME).admin1 != "Texas"


def test_what_was_learned_is_given_back_and_restored() -> None:
    first = SourceRegions()
    learned = first.learn("courier", "a", [("Tyler", _town("Tyler", "Texas"), 0.9)])
    assert learned == (DivisionCount("US", "Texas", 1),)
    assert first.learn(None, "b", [("Tyler", _town("Tyler", "Texas"), 0.9)]) == ()
    later = SourceRegions()
    later.restore(("courier", "a", count) for count in learned)
    assert later.home("courier") == first.home("courier")


def test_a_document_learned_again_replaces_what_it_taught() -> None:
    regions = SourceRegions()
    regions.learn("courier", "a", [("Tyler", _town("Tyler", "Texas"), 0.9)])
    regions.learn("courier", "a", [("Tyler", _town("Tyler", "Texas"), 0.9)])
    regions.learn("courier", "b", [("Dayton", _town("Dayton", "Ohio"), 0.9)])
    home = regions.home("courier")
    assert home.shares == {("US", "Texas"): 0.5, ("US", "Ohio"): 0.5} and home.documents == 2
    assert regions.home("courier", leave_out="b").shares == {("US", "Texas"): 1.0}
