"""``dateline bench api`` end to end at a tiny size (what it reports, not how fast)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dateline.cli.bench_api import bench_api_command, synthetic_extractions


def test_synthetic_events_are_deterministic_and_consistent() -> None:
    first = list(synthetic_extractions(30, per_document=7))
    again = list(synthetic_extractions(30, per_document=7))
    assert first == again
    events = [event for extraction in first for event in extraction.events]
    assert len(events) == 30 and len({e.event_id for e in events}) == 30
    for extraction in first:
        text = extraction.document.text
        for event in extraction.events:
            assert text[event.sentence.start : event.sentence.end] == event.evidence_text
            for evidence in event.provenance:
                assert text[evidence.span.start : evidence.span.end] == evidence.text


def test_bench_api_reports_latencies_against_its_baselines() -> None:
    args = ["--events", "300", "--clients", "3", "--requests", "30", "--since", "2015-01-01"]
    result = CliRunner().invoke(bench_api_command, [*args, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["events_stored"] == 300
    assert 0 < report["matching_events"] < 300
    for name in ("health", "events"):
        row = report[name]
        assert row["requests"] == 30 and row["errors"] == 0 and row["clients"] == 3
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"]
    assert report["events"]["path"] == "/api/events?country=SY&since=2015-01-01"
    assert report["raw_query_ms"] > 0 and report["p95_ratio_to_health"] > 0
