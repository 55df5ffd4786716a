"""``dateline explain`` over a real SQLite file, and ``dateline bench pipeline``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli
from dateline.pipeline import STAGES

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
ARTICLE = (
    "KABUL, March 10 - A suicide bomber blew himself up at a police checkpoint in "
    "Jalalabad on Monday, killing at least seven officers, the interior ministry said.\n"
)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A database holding the article's events, and the first event as printed."""
    folder = tmp_path_factory.mktemp("explain")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "events.db"
    options = ["--db", str(db), "--published", "2021-03-10", "--format", "jsonl"]
    result = CliRunner().invoke(cli, ["run", str(folder / "a.txt"), *options])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events
    return db, events[0]


def test_explain_marks_every_piece_of_evidence(stored: tuple[Path, dict[str, object]]) -> None:
    db, event = stored
    result = CliRunner().invoke(cli, ["explain", str(event["event_id"]), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Suicide bomb" in result.output
    assert "suicide bomber blew himself up" in " ".join(result.output.split())
    provenance = event["provenance"]
    assert isinstance(provenance, list) and provenance
    for evidence in provenance:
        assert f"@{evidence['start']}-{evidence['end']}" in result.output


def test_explain_json_gives_each_field_its_evidence_and_reason(
    stored: tuple[Path, dict[str, object]],
) -> None:
    db, event = stored
    result = CliRunner().invoke(cli, ["explain", str(event["event_id"]), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    explanation = record["explanation"]
    assert set(explanation) >= {"type", "actor1", "location", "date", "fatalities", "codes"}
    assert explanation["codes"]["value"].startswith("CAMEO 1831, PLOVER ASSAULT")
    for field in explanation.values():
        assert field["how"]
        for evidence in field["evidence"]:
            assert ARTICLE[evidence["start"] : evidence["end"]] == evidence["text"]


def test_explain_an_unknown_event_is_a_clear_error(stored: tuple[Path, dict[str, object]]) -> None:
    db, _ = stored
    result = CliRunner().invoke(cli, ["explain", "0000", "--db", str(db)])
    assert result.exit_code == 1
    assert "no event '0000'" in result.output
    assert "dateline events" in result.output


def test_explain_without_a_database_says_how_to_make_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["explain", "abc", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "dateline run" in result.output


def test_bench_pipeline_reports_every_stage(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["bench", "pipeline", str(REPO / "samples"), "--repeat", "1", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 6
    assert set(report["stages"]) == set(STAGES)
    assert sum(stage["share"] for stage in report["stages"].values()) == pytest.approx(1, abs=0.01)
    assert report["stages"]["parse"]["ratio_to_parse"] == 1.0
    assert report["documents_per_second"] > 0
    assert report["peak_rss_mb"] > 0


def test_bench_pipeline_with_nothing_readable_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["bench", "pipeline", str(empty)])
    assert result.exit_code == 1
    assert "no readable document" in result.output
