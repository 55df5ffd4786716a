"""``dateline run``: extraction into a real SQLite file, idempotence, bad input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dateline.cli.main import cli

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_3005e7dc9fbba295.txt"
ARTICLE = (
    "Police fired tear gas to disperse hundreds of protesters who marched on parliament "
    "in Nairobi on Tuesday, witnesses said.\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["run", *args], catch_exceptions=False)


def rows(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_samples_run_stores_and_prints_events(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    result = run(str(REPO / "samples"), "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    printed = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert printed and rows(db, "events") == len(printed)
    assert rows(db, "documents") == 6
    assert {e["event_type"] for e in printed} >= {"Battles", "Explosions/Remote violence"}


def test_second_run_stores_nothing_new(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    db = tmp_path / "seed.db"
    options = [str(SEED), "--db", str(db), "--published", "2013-07-29", "--quiet"]
    first = run(*options)
    counts = {t: rows(db, t) for t in ("documents", "events", "event_evidence")}
    second = run(*options)
    assert first.exit_code == second.exit_code == 0
    assert counts["events"] > 0
    assert {t: rows(db, t) for t in counts} == counts
    assert "(0 new)" in second.stderr


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 bombing".encode("latin-1"))
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"text": ARTICLE, "published": "2024-06-26"}) + "\n{not json\n",
        encoding="utf-8",
    )
    db = tmp_path / "out.db"
    result = run(str(tmp_path), "--db", str(db), "--published", "2024-06-26", "--quiet")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:
        stored = set(connection.execute("SELECT origin, line, reason FROM rejections"))
    reasons = {(Path(origin).name, line, reason) for origin, line, reason in stored}
    assert reasons == {
        ("empty.txt", None, "empty"),
        ("binary.txt", None, "binary"),
        ("latin1.txt", None, "not_utf8"),
        ("batch.jsonl", 2, "malformed_json"),
    }
    assert "batch.jsonl:2" in result.stderr
    # the good article is one document whichever file it came from
    assert rows(db, "documents") == 1


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run(str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "empty" in result.stderr


def test_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "a.txt"), "--published", "29/07/13"])
    assert result.exit_code == 2
    assert "--published" in result.output


def _jsonl(path: Path, texts: list[str], source: str) -> Path:
    lines = [json.dumps({"text": t, "source": source, "published": "2024-03-08"}) for t in texts]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_later_run_knows_where_a_source_s_earlier_articles_were(tmp_path: Path) -> None:
    earlier = _jsonl(
        tmp_path / "earlier.jsonl",
        [
            "Firefighters in Tyler, Texas, put out a warehouse fire on Monday.",
            "The Longview city council in Texas voted on a new park on Tuesday.",
            "Police in Waco, Texas, closed a road after a crash on Wednesday.",
        ],
        "East Texas Courier",
    )
    later = _jsonl(
        tmp_path / "later.jsonl",
        ["About 200 parents protested outside the Athens school board offices on Thursday."],
        "East Texas Courier",
    )

    def state_of_the_protest(db: Path) -> str:
        result = run(str(later), "--db", str(db), "--format", "jsonl")
        assert result.exit_code == 0, result.output
        (event,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        return str(event["location"]["admin1"])

    assert state_of_the_protest(tmp_path / "fresh.db") != "Texas"
    db = tmp_path / "courier.db"
    assert run(str(earlier), "--db", str(db), "--quiet").exit_code == 0
    assert rows(db, "document_divisions") == 3
    assert state_of_the_protest(db) == "Texas"
