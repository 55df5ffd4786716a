"""Reading TimeML files and scoring a tagger by TempEval-3 task A rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from dateline.evaluate.time import (
    Tally,
    TimeMLError,
    Timex,
    evaluate,
    match,
    read_timeml,
    score_document,
    timeml_files,
)
from dateline.stages.time import timex3

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TBAQ = SHARED / "benchmarks" / "tempeval3" / "TBAQ-cleaned"

DOCUMENT = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>sample-1</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-07-31" '
    'functionInDocument="CREATION_TIME">2013-07-31</TIMEX3></DCT>\n'
    "<TEXT>\n"
    'Rebels <EVENT eid="e1">attacked</EVENT> the town on '
    '<TIMEX3 tid="t1" type="DATE" value="2013-07-29">Monday</TIMEX3> and held it for '
    '<TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>. The army '
    '<EVENT eid="e2">returned</EVENT> '
    '<TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>.'
    "\n</TEXT>\n"
    '<TLINK lid="l1" eventInstanceID="ei1" relatedToTime="t1" relType="IS_INCLUDED"/>\n'
    "</TimeML>\n"
)


def write(path: Path, text: str = DOCUMENT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_reader_gives_plain_text_offsets_and_the_creation_date(tmp_path: Path) -> None:
    document = read_timeml(write(tmp_path / "a.tml"))
    assert document.doc_id == "sample-1"
    assert document.creation == dt.date(2013, 7, 31)
    assert "<" not in document.text
    assert [(document.text[t.start : t.end], t.type, t.value) for t in document.timexes] == [
        ("Monday", "DATE", "2013-07-29"),
        ("two days", "DURATION", "P2D"),
        ("now", "DATE", "PRESENT_REF"),
    ]
    assert all(document.text[t.start : t.end] == t.text for t in document.timexes)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not xml at all <", "not well-formed XML"),
        ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>"),
    ],
)
def test_a_file_that_is_not_timeml_says_why(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path / "bad.tml", content)
    with pytest.raises(TimeMLError, match=reason):
        read_timeml(path)


def test_files_are_found_at_any_depth_and_a_file_stands_for_itself(tmp_path: Path) -> None:
    nested = write(tmp_path / "x" / "y" / "b.tml")
    top = write(tmp_path / "a.tml")
    write(tmp_path / "notes.txt", "not a corpus file")
    assert timeml_files(tmp_path) == [top, nested]
    assert timeml_files(nested) == [nested]


def t(start: int, end: int, kind: str = "DATE", value: str = "2013") -> Timex:
    return Timex(start, end, kind, value)


def test_strict_relaxed_and_attribute_scores_follow_tempeval3() -> None:
    gold = [t(0, 6, value="2013-07-29"), t(10, 18, "DURATION", "P2D"), t(30, 33)]
    system = [
        t(0, 6, value="2013-07-29"),  # exact extent, right value and type
        t(7, 18, "DATE", "P2D"),  # overlapping extent, right value, wrong type
        t(40, 45),  # spurious
    ]
    tally = Tally()
    score_document(tally, "d", gold, system)
    scores = tally.scores()
    assert (scores["strict"].correct, scores["relaxed"].correct) == (1, 2)
    assert (scores["value"].correct, scores["type"].correct) == (2, 1)
    assert scores["relaxed"].precision == pytest.approx(2 / 3)
    assert scores["relaxed"].recall == pytest.approx(2 / 3)
    assert scores["strict"].f1 == pytest.approx(1 / 3)
    # attribute precision and recall are counted against all system and gold expressions
    assert scores["value"].precision == pytest.approx(2 / 3)
    assert scores["type"].recall == pytest.approx(1 / 3)
    assert len(tally.errors) == 3  # the misread type, the spurious one, the missed one


def test_matching_is_one_to_one_and_prefers_exact_extents() -> None:
    gold = [t(0, 10)]
    system = [t(0, 4), t(0, 10), t(5, 10)]
    assert match(gold, system) == [(gold[0], system[1])]
    assert match([t(0, 4), t(5, 10)], [t(0, 10)]) == [(t(5, 10), t(0, 10))]  # larger overlap


def tagger(text: str, published: dt.date | None) -> Sequence[Timex]:
    return [Timex(x.start, x.end, x.type, x.value) for x in timex3(text, published)]


def test_evaluating_the_tagger_on_written_timeml(tmp_path: Path) -> None:
    write(tmp_path / "good.tml")
    write(tmp_path / "broken.tml", "<TimeML><TEXT>unclosed")
    result = evaluate(timeml_files(tmp_path), tagger)
    assert list(result.failures) == [str(tmp_path / "broken.tml")]
    assert "not well-formed" in result.failures[str(tmp_path / "broken.tml")]
    report = result.tally.to_dict()
    assert report["documents"] == 1 and report["gold"] == 3
    assert report["strict_f1"] == report["relaxed_f1"] == report["value_f1"] == 1.0


def test_a_failing_tagger_is_reported_per_document(tmp_path: Path) -> None:
    def broken(text: str, published: dt.date | None) -> Sequence[Timex]:
        raise RuntimeError("boom")

    result = evaluate([write(tmp_path / "a.tml")], broken)
    assert result.failures == {str(tmp_path / "a.tml"): "RuntimeError: boom"}
    assert result.tally.documents == 0


def test_quality_floor_on_tbaq() -> None:
    """TBAQ-cleaned is the development corpus; floors only move up."""
    if not TBAQ.is_dir():
        pytest.skip(f"TempEval-3 TBAQ-cleaned not found at {TBAQ}")
    report = evaluate(timeml_files(TBAQ), tagger).tally.to_dict()
    assert report["documents"] == 256
    assert report["relaxed_f1"] >= 0.93
    assert report["strict_f1"] >= 0.855
    assert report["value_f1"] >= 0.77
