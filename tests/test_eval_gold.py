"""Loading gold files: valid records become GoldDocuments, malformed lines are named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import GoldFormatError
from dateline.evaluate.gold import load_gold
from dateline.types import content_id

GOLD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def gold_event(**changes: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "date": {"start": "2021-03-02", "end": "2021-03-02"},
        "date_text": "on Tuesday",
        "actor1": {"name": "Protesters (Kenya)", "kind": 6},
        "assoc_actor1": [],
        "actor2": None,
        "location": {
            "name": "Nairobi",
            "admin1": "Nairobi",
            "country": "KE",
            "lat": -1.2833,
            "lon": 36.8167,
            "precision": "town",
        },
        "fatalities": None,
        "evidence": "Hundreds marched through Nairobi on Tuesday.",
        "background": False,
    }
    event.update(changes)
    return event


def record(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "doc_id": "nairobi-march",
        "url": "https://news.example/nairobi-march",
        "source": "Example News",
        "published": "2021-03-03",
        "title": "Thousands march in Nairobi",
        "text": "Hundreds marched through Nairobi on Tuesday.\n\nShare this article",
        "events": [gold_event()],
    }
    document.update(changes)
    return document


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_documents_in_order_and_skips_blank_lines(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "gold.jsonl",
        json.dumps(record()),
        "",
        json.dumps(record(doc_id="second", published=None, url=None, events=[])),
    )
    first, second = load_gold(path)
    assert first.doc_id == "nairobi-march"
    assert first.published == dt.date(2021, 3, 3)
    assert first.events == (gold_event(),)
    assert first.origin == f"{path}:1"
    assert (second.doc_id, second.published, second.url, second.events) == (
        "second",
        None,
        None,
        (),
    )
    assert second.origin == f"{path}:3"


def test_to_document_keeps_text_metadata_and_origin(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", json.dumps(record()))
    (gold,) = load_gold(path)
    document = gold.to_document()
    assert document.text == record()["text"]
    assert document.doc_id == content_id(document.text)
    assert document.published == dt.date(2021, 3, 3)
    assert (document.source, document.url, document.title) == (
        "Example News",
        "https://news.example/nairobi-march",
        "Thousands march in Nairobi",
    )
    assert document.origin == f"{path}:1"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"doc_id": "x", "text": ', "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps(record(text=None)), "`text`"),
        (json.dumps({k: v for k, v in record().items() if k != "doc_id"}), "`doc_id`"),
        (json.dumps(record(published="3 March 2021")), "`published`"),
        (json.dumps(record(events={"a": 1})), "`events` must be a list"),
        (json.dumps(record(events=[gold_event(location=None)])), "event 0: `location`"),
        (json.dumps(record(events=[gold_event(actor1={"name": "X", "kind": 9})])), "actor1.kind"),
        (
            json.dumps(
                record(events=[gold_event(date={"start": "2021-03-05", "end": "2021-03-02"})])
            ),
            "starts after it ends",
        ),
        (
            json.dumps(record(events=[gold_event(fatalities={"min": 5, "max": 2, "text": ""})])),
            "fatalities.max",
        ),
    ],
)
def test_malformed_line_names_file_line_and_reason(tmp_path: Path, line: str, reason: str) -> None:
    path = write_lines(tmp_path / "gold.jsonl", json.dumps(record(doc_id="fine")), line)
    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)
    message = str(caught.value)
    assert f"{path}:2:" in message
    assert reason in message
    assert message.startswith("[E004]")


def test_repeated_doc_id_is_an_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", json.dumps(record()), json.dumps(record()))
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:2: doc_id 'nairobi-march' already"):
        load_gold(path)


def test_unreadable_file_is_a_gold_format_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(GoldFormatError, match="cannot read"):
        load_gold(path)


def test_shared_dev_gold_loads() -> None:
    path = GOLD_DIR / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"shared gold file {path} is absent")
    documents = load_gold(path)
    assert documents
    seed = documents[0]
    assert seed.published is not None
    assert seed.events
    assert all(isinstance(e, dict) and "event_type" in e for e in seed.events)
