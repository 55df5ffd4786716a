"""``dateline eval time``: output, JSON report and unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dateline.cli.main import cli

DOCUMENT = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>cli-sample</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-07-31" '
    'functionInDocument="CREATION_TIME">July 31, 2013</TIMEX3></DCT>\n'
    "<TEXT>\n"
    'Troops left on <TIMEX3 tid="t1" type="DATE" value="2013-07-29">Monday</TIMEX3> after '
    '<TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3> of fighting, and will '
    'return <TIMEX3 tid="t3" type="DATE" value="2013-09">in September</TIMEX3>.'
    "\n</TEXT>\n</TimeML>\n"
)


def corpus(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.tml").write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / "broken.tml").write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    return tmp_path


def test_json_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "time", str(corpus(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] == 1 and report["gold"] == 3 and report["system"] == 3
    # "in September" is one gold expression; the tagger leaves "in" outside
    assert report["relaxed_f1"] == 1.0
    assert report["strict_precision"] == report["strict_recall"] == round(2 / 3, 4)
    assert report["value_f1"] == 1.0
    for name in ("strict", "relaxed", "value", "type"):
        assert {f"{name}_precision", f"{name}_recall", f"{name}_f1"} <= set(report)
    assert list(report["failures"]) == [str(tmp_path / "broken.tml")]
    assert "no <TEXT>" in report["failures"][str(tmp_path / "broken.tml")]


def test_table_report_for_a_single_file(tmp_path: Path) -> None:
    path = corpus(tmp_path) / "sub" / "one.tml"
    result = CliRunner().invoke(cli, ["eval", "time", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "relaxed span" in result.output and "1.0000" in result.output
    assert "'in September'" in result.output  # the strict mismatch is listed


def test_only_unreadable_files_fail(tmp_path: Path) -> None:
    (tmp_path / "broken.tml").write_text("no xml here <", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "time", str(tmp_path)])
    assert result.exit_code == 1
    assert "broken.tml" in result.output and "not well-formed" in result.output


def test_a_directory_without_timeml(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "time", str(tmp_path)])
    assert result.exit_code != 0
    assert "no .tml files" in result.output


def test_bench_time_reports_rates_against_its_baseline(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["bench", "time", str(corpus(tmp_path)), "--repeat", "1", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.splitlines()[-1])
    assert report["sentences"] >= 1
    assert report["ratio_to_trivial_regex"]["trivial_regex"] == 1.0
    assert set(report["sentences_per_second"]) == {"trivial_regex", "time_stage", "timex3"}
