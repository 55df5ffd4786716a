"""Extraction quality on the gold files may only go up: these floors are raised, never lowered."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluate.events import score
from dateline.evaluate.gold import load_gold
from dateline.pipeline import Pipeline
from dateline.serialize import event_to_dict

pytestmark = pytest.mark.slow

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"

# file -> minimum event F1 measured by `dateline eval events FILE`
FLOORS = {"dev.jsonl": 0.94, "wikievents-dev.jsonl": 0.66}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_f1_stays_above_its_floor(name: str) -> None:
    path = GOLD / name
    if not path.is_file():
        pytest.skip(f"gold file {path} is not here (it lives in the shared folder)")
    gold = load_gold(path)
    pipeline = Pipeline()
    predicted = {
        doc.doc_id: [event_to_dict(e) for e in pipeline.process(doc.to_document()).events]
        for doc in gold
    }
    scores = score(gold, predicted).to_dict()
    assert scores["f1"] >= FLOORS[name], scores
