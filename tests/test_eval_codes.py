"""``dateline eval case2021`` and ``dateline eval plover``: readers, scores and commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.eval import eval_group
from dateline.errors import BadInputError
from dateline.evaluate.case2021 import NONE, Snippet, read_snippets, score_subtasks
from dateline.evaluate.labels import score_labels
from dateline.evaluate.plover import read_records

BENCHMARKS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"

# Snippets written for these tests, one per line: id, text, label.
SNIPPETS = [
    ("1", "Police arrested 14 opposition activists in Nairobi on Tuesday.", "ARREST"),
    ("2", "Thousands of teachers marched peacefully through Accra demanding higher pay.",
     "PEACE_PROTEST"),
    ("3", "A suicide bomber blew himself up at a checkpoint in Kabul, killing five soldiers.",
     "SUIC_BOMB"),
    ("4", "Floods swept away dozens of houses in the valley after days of rain.",
     "NATURAL_DISASTER"),
]  # fmt: skip


def write_tsv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["id\tEventSnippet\tSubType", *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ scores


def test_label_scores_follow_the_usual_definitions() -> None:
    gold = ["A", "A", "A", "B"]
    predicted = ["A", "A", "B", "B"]
    scores = score_labels(gold, predicted)
    assert scores.accuracy == pytest.approx(0.75)
    f1_a = 2 * 1.0 * (2 / 3) / (1.0 + 2 / 3)
    f1_b = 2 * 0.5 * 1.0 / 1.5
    assert scores.per_label["A"]["f1"] == pytest.approx(f1_a, abs=1e-4)
    assert scores.macro_f1 == pytest.approx((f1_a + f1_b) / 2, abs=1e-4)
    assert scores.weighted_f1 == pytest.approx((3 * f1_a + f1_b) / 4, abs=1e-4)


def test_a_label_only_ever_predicted_lowers_macro_but_not_weighted_f1() -> None:
    scores = score_labels(["A", "B"], ["A", "C"])
    assert scores.per_label["C"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert scores.weighted_f1 == pytest.approx(0.5)
    assert scores.macro_f1 == pytest.approx(1 / 3, abs=1e-4)


def test_label_lists_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="2 gold labels but 1 predictions"):
        score_labels(["A", "B"], ["A"])


def test_subtasks_count_other_classes_as_none() -> None:
    snippets = [Snippet(i, text, label) for i, text, label in SNIPPETS]
    predicted = ["ARREST", "PEACE_PROTEST", "SUIC_BOMB", NONE]
    scores = score_subtasks(snippets, predicted)
    assert scores["subtask1"].n == 3
    assert scores["subtask1"].accuracy == 1.0
    assert scores["subtask2"].n == 4
    assert scores["subtask2"].accuracy == 1.0


# ------------------------------------------------------------------ readers


def test_snippets_are_read_with_quotes_kept(tmp_path: Path) -> None:
    path = write_tsv(tmp_path / "t.tsv", [("7", 'He said "enough" and left', "OTHER")])
    assert list(read_snippets(path)) == [Snippet("7", 'He said "enough" and left', "OTHER")]


def test_a_file_without_the_task_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("a\tb\tc\n1\tx\tARREST\n", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"t\.tsv:1: not a CASE 2021 task 2 file"):
        list(read_snippets(path))


def test_a_short_row_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write_tsv(tmp_path / "t.tsv", [("1", "text", "ARREST")])
    with path.open("a", encoding="utf-8") as stream:
        stream.write("2\tno label here\n")
    with pytest.raises(BadInputError, match=r"t\.tsv:3: expected 3 tab-separated fields"):
        list(read_snippets(path))


def test_plover_records_skip_documentation_and_rename_older_types(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    records = [
        {"id": "doc", "event": "DOCUMENT", "eventText": "about this file"},
        {"id": "r1", "event": "FIGHT", "text": "Troops exchanged fire with rebels."},
        {"id": "r2", "event": "DEMAND", "text": "Unions demanded a pay rise."},
        {"id": "r3", "event": "THREATEN", "text": "The rebels threatened to attack."},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    assert [(r.record_id, r.plover_type) for r in read_records(path)] == [
        ("r1", "ASSAULT"),
        ("r2", "REQUEST"),
        ("r3", "THREATEN"),
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{broken", "not a JSON file"),
        ('{"event": "AGREE"}', "expected a JSON array"),
        ('[{"id": "x", "event": "AGREE"}]', r"record 0 \(x\): no 'text'"),
    ],
)
def test_bad_plover_files_are_refused_with_a_reason(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInputError, match=reason):
        read_records(path)


# ------------------------------------------------------------------ commands


def test_case2021_command_classifies_with_the_pipeline(tmp_path: Path) -> None:
    path = write_tsv(tmp_path / "t.tsv", SNIPPETS)
    result = CliRunner().invoke(eval_group, ["case2021", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["subtasks"]["subtask1"]["n"] == 3
    assert report["weighted_f1"] >= 2 / 3  # the arrest, protest and bombing are plain reports
    assert set(report) >= {"weighted_f1", "macro_f1", "accuracy"}


def test_case2021_command_reports_a_bad_file_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("not\ta\ttask file\n", encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["case2021", str(path)])
    assert result.exit_code == 1
    assert "not a CASE 2021 task 2 file" in result.output
    assert "Traceback" not in result.output


def test_plover_command_prints_accuracy(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    records = [
        {"id": "r1", "event": "THREATEN", "text": "The rebels threatened to shell the airport."},
        {"id": "r2", "event": "CONSULT", "text": "The two presidents held talks in the capital."},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["plover", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["accuracy"] == 1.0
    table = CliRunner().invoke(eval_group, ["plover", str(path)])
    assert "2 records: accuracy 1.000" in table.output


@pytest.mark.slow
def test_plover_accuracy_on_the_gold_standard_records_stays_above_its_floor() -> None:
    path = BENCHMARKS / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    if not path.is_file():
        pytest.skip(f"{path} is not here (benchmarks live in the shared folder)")
    result = CliRunner().invoke(eval_group, ["plover", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["accuracy"] >= 0.54  # measured 0.565; raise, never lower
