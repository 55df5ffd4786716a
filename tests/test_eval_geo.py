"""Geoparsing evaluation: corpus readers, measures, the resolver on the real index, the CLI."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.eval import eval_group
from dateline.evaluate.geo import MAX_ERROR_KM, auc_of, score_gold_toponyms
from dateline.evaluate.geo_corpora import read_geo_corpus, split_part
from dateline.gazetteer import Gazetteer, ensure_gazetteer
from dateline.gazetteer.resolve import DocumentResolver, candidates, toponym_in_text
from dateline.settings import Settings

BENCHMARKS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"

TEXT = "Shelling hit Homs on Monday. Later, Paris, Texas, held a vigil."


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return ensure_gazetteer(Settings.from_env().gazetteer)


def _lgl_style(path: Path, shift: int = 0) -> Path:
    homs, paris = TEXT.index("Homs"), TEXT.index("Paris")
    path.write_text(
        f"""<?xml version="1.0"?><articles><article docid="7"><text><![CDATA[{TEXT}]]></text>
<toponyms>
<toponym><start>{homs - shift}</start><end>{homs + 4 - shift}</end><phrase>Homs</phrase>
<gaztag geonameid="169577"><lat>34.72682</lat><lon>36.72339</lon></gaztag></toponym>
<toponym><start>{paris}</start><end>{paris + 5}</end><phrase>Paris</phrase>
<gaztag geonameid="4717560"><lat>33.66094</lat><lon>-95.55551</lon></gaztag></toponym>
<toponym><start>0</start><end>3</end><phrase>Nowhere</phrase></toponym>
</toponyms></article></articles>""",
        encoding="utf-8",
    )
    return path


def _geovirus(path: Path) -> Path:
    homs = TEXT.index("Homs")
    path.write_text(
        f"""<articles><article><source>x</source><text>{TEXT}</text><locations>
<location><name>Homs</name><start>{homs + 1}</start><end>{homs + 5}</end>
<lat>34.72682</lat><lon>36.72339</lon><page>x</page></location>
</locations></article></articles>""",
        encoding="utf-8",
    )
    return path


def test_lgl_style_offsets_are_re_anchored(tmp_path: Path) -> None:
    (document,) = read_geo_corpus(_lgl_style(tmp_path / "c.xml", shift=3))
    homs = document.toponyms[0]
    assert TEXT[homs.start : homs.end] == "Homs" and homs.geonameid == 169577
    assert len(document.located) == 2  # "Nowhere" is not in the text and has no point


def test_geovirus_offsets_are_one_based(tmp_path: Path) -> None:
    (document,) = read_geo_corpus(_geovirus(tmp_path / "g.xml"))
    (homs,) = document.toponyms
    assert TEXT[homs.start : homs.end] == "Homs"


def test_split_keeps_the_first_seventy_percent_for_training() -> None:
    documents = list(range(10))
    assert split_part(documents, "train") == list(range(7))  # type: ignore[arg-type]
    assert split_part(documents, "test") == [7, 8, 9]  # type: ignore[arg-type]


def test_auc_is_zero_when_exact_and_one_at_the_antipode() -> None:
    assert auc_of([0.0, 0.0, 0.0]) == 0.0
    assert auc_of([MAX_ERROR_KM, MAX_ERROR_KM]) == pytest.approx(
        math.log(MAX_ERROR_KM + 1) / math.log(MAX_ERROR_KM)
    )
    assert 0 < auc_of([1.0, 100.0, 1000.0]) < 1


def test_containment_after_a_comma_picks_the_texan_paris(gazetteer: Gazetteer) -> None:
    start = TEXT.index("Paris")
    toponym = toponym_in_text(TEXT, start, start + 5)
    assert toponym.container == "Texas"
    (resolved,), _ = DocumentResolver(gazetteer).resolve([toponym])
    assert resolved is not None
    assert (resolved.candidate.country, resolved.candidate.admin1_code) == ("US", "TX")
    assert 0 < resolved.score <= 1


def test_loose_matches_are_marked_and_do_not_decide_the_focus(gazetteer: Gazetteer) -> None:
    found = candidates(gazetteer, "Qussur")
    assert found and all(c.match != "exact" or c.name.lower() == "qussur" for c in found)
    text = "Police raided Kibera and Mathare in Nairobi, Kenya."
    toponyms = [
        toponym_in_text(text, text.index(name), text.index(name) + len(name))
        for name in ("Kibera", "Mathare", "Nairobi", "Kenya")
    ]
    _, focus = DocumentResolver(gazetteer).resolve(toponyms)
    assert focus == "KE"


def test_demonyms_and_news_forms_resolve_to_countries(gazetteer: Gazetteer) -> None:
    for name, code in (("Georgian", "GE"), ("U.S.", "US"), ("the EU", None), ("Syrians", "SY")):
        found = candidates(gazetteer, name)
        if code is None:
            continue
        assert any(c.feature == "country" and c.country == code for c in found), name


def test_scores_on_a_small_corpus(tmp_path: Path, gazetteer: Gazetteer) -> None:
    scores = score_gold_toponyms(read_geo_corpus(_lgl_style(tmp_path / "c.xml")), gazetteer)
    assert scores.toponyms == 2
    assert scores.acc161 == 1.0 and scores.oracle161 == 1.0
    assert scores.median_km < 20


def test_the_cli_prints_the_measures_as_json(tmp_path: Path) -> None:
    corpus = _lgl_style(tmp_path / "c.xml")
    result = CliRunner().invoke(eval_group, ["geo", str(corpus), "--gold-toponyms", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.strip().splitlines()[-1])
    assert {"acc161", "oracle161", "median_km", "auc"} <= data.keys()
    assert data["acc161"] == 1.0


def test_lgl_training_part_stays_above_its_floor(gazetteer: Gazetteer) -> None:
    path = BENCHMARKS / "lgl" / "lgl.xml"
    if not path.is_file():
        pytest.skip("the LGL corpus is not in ../shared/benchmarks")
    scores = score_gold_toponyms(split_part(read_geo_corpus(path), "train"), gazetteer)
    assert scores.acc161 >= 0.87
    assert scores.oracle161 >= 0.90
    assert scores.acc161 / scores.oracle161 >= 0.95


@pytest.mark.slow
def test_the_cli_recognises_places_in_raw_text(tmp_path: Path) -> None:
    corpus = _lgl_style(tmp_path / "c.xml")
    result = CliRunner().invoke(eval_group, ["geo", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.strip().splitlines()[-1])
    assert 0 <= data["recognition_precision"] <= 1
    assert data["gold_spans"] == 2 and data["recognition_recall"] > 0
    assert "recognition_f1" in data


def test_names_beyond_the_oracle_are_counted_by_why(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = "Rain fell on Qwzxvlk and on Paris."
    made_up, paris = text.index("Qwzxvlk"), text.index("Paris")
    (tmp_path / "c.xml").write_text(
        f"""<articles><article docid="1"><text>{text}</text><toponyms>
<toponym><start>{made_up}</start><end>{made_up + 7}</end><phrase>Qwzxvlk</phrase>
<gaztag><lat>10.0</lat><lon>10.0</lon></gaztag></toponym>
<toponym><start>{paris}</start><end>{paris + 5}</end><phrase>Paris</phrase>
<gaztag><lat>-60.0</lat><lon>0.0</lon></gaztag></toponym>
</toponyms></article></articles>""",
        encoding="utf-8",
    )
    scores = score_gold_toponyms(read_geo_corpus(tmp_path / "c.xml"), gazetteer)
    beyond = scores.to_dict()["beyond_oracle"]
    assert scores.oracle161 == 0.0
    assert beyond["most_common_no_entry"] == [("Qwzxvlk", 1)]
    assert beyond["most_common_only_far_away"] == [("Paris", 1)]
