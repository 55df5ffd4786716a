"""``dateline eval events``: loading, error handling and output of the command."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dateline.cli.eval import _predict, eval_group
from dateline.evaluate.events import score
from dateline.evaluate.gold import GoldDocument, load_gold

ARTICLE = (
    "Government troops retook the town of Kidal on Monday after two days of fighting "
    "with rebels, the army said. At least 12 rebels were killed.\n\n"
    "Share this article"
)


def gold_record(doc_id: str = "kidal") -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "url": None,
        "source": "Example News",
        "published": "2024-03-13",
        "title": "Army retakes Kidal",
        "text": ARTICLE,
        "events": [
            {
                "event_type": "Battles",
                "sub_event_type": "Government regains territory",
                "date": {"start": "2024-03-11", "end": "2024-03-11"},
                "date_text": "on Monday",
                "actor1": {"name": "Military Forces of Mali", "kind": 1},
                "assoc_actor1": [],
                "actor2": {"name": "Rebels (Mali)", "kind": 2},
                "location": {
                    "name": "Kidal",
                    "admin1": "Kidal",
                    "country": "ML",
                    "lat": 18.4411,
                    "lon": 1.4078,
                    "precision": "town",
                },
                "fatalities": {"min": 12, "max": None, "text": "At least 12 rebels were killed"},
                "evidence": "Government troops retook the town of Kidal on Monday",
                "background": False,
            }
        ],
    }


def test_help_explains_the_command_with_examples() -> None:
    runner = CliRunner()
    group_help = runner.invoke(eval_group, ["--help"])
    assert group_help.exit_code == 0
    assert "Measure extraction quality against gold annotations." in group_help.output
    command_help = runner.invoke(eval_group, ["events", "--help"])
    assert command_help.exit_code == 0
    for text in ("GOLD_FILE", "--json", "--predictions", "dateline eval events gold/dev.jsonl"):
        assert text in command_help.output


def test_malformed_gold_file_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_record()) + "\n{broken\n", encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["events", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: not valid JSON" in result.output
    assert "Traceback" not in result.output


def test_missing_gold_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_group, ["events", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_failing_document_counts_its_gold_events_as_missed(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps(gold_record("works")) + "\n" + json.dumps(gold_record("breaks")) + "\n",
        encoding="utf-8",
    )
    gold = load_gold(path)

    def extract(document: GoldDocument) -> list[dict[str, Any]]:
        if document.doc_id == "breaks":
            raise RuntimeError("stage failed")
        return list(document.events)

    run = _predict(gold, extract, show_progress=False)
    assert run.failures == {"breaks": "RuntimeError: stage failed"}
    counts = score(gold, run.predicted).to_dict()["per_document"]
    assert counts == {"works": {"tp": 1, "fp": 0, "fn": 0}, "breaks": {"tp": 0, "fp": 0, "fn": 1}}


def _pipeline_available() -> bool:
    try:
        importlib.import_module("dateline.pipeline")
    except ImportError:
        return False
    return True


needs_pipeline = pytest.mark.skipif(
    not _pipeline_available(), reason="the extraction pipeline does not import yet"
)


@pytest.mark.slow
@needs_pipeline
def test_json_report_and_predictions_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_record()) + "\n", encoding="utf-8")
    predictions = tmp_path / "predicted.jsonl"
    result = CliRunner().invoke(
        eval_group, ["events", str(gold), "--json", "--predictions", str(predictions)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["tp"] + report["fn"] == 1
    assert report["per_document"]["kidal"]["tp"] + report["per_document"]["kidal"]["fn"] == 1
    assert report["failures"] == {}
    (line,) = predictions.read_text(encoding="utf-8").splitlines()
    written = json.loads(line)
    assert written["doc_id"] == "kidal"
    assert len(written["events"]) == report["tp"] + report["fp"]


@pytest.mark.slow
@needs_pipeline
def test_readable_report_lists_scores_and_documents(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_record()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["events", str(gold)])
    assert result.exit_code == 0, result.output
    for heading in ("Events", "Per event type", "Matched pairs", "Per document", "kidal"):
        assert heading in result.stdout
