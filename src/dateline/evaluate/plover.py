"""PLOVER event types on the PLOVER gold-standard records (a JSON array of coded sentences).

Each record's text is coded as dateline codes an article: the PLOVER type of
the first ACLED event the pipeline finds in it, else the main action of its
first coded sentence (:mod:`dateline.stages.interop.verbs`), else ``NONE``.
Gold types from earlier PLOVER drafts are renamed to the 2021 types dateline
uses (FIGHT -> ASSAULT, DEMAND -> REQUEST, ...) before comparison.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dateline.errors import BadInputError
from dateline.resources import load_json
from dateline.stages.interop.verbs import SentenceCode
from dateline.types import Event

NONE = "NONE"


@dataclass(frozen=True)
class PloverRecord:
    record_id: str
    text: str
    plover_type: str  # in the 2021 vocabulary


@cache
def _renamed() -> dict[str, str]:
    renamed: dict[str, str] = load_json("plover_verbs.json")["older_types"]
    return renamed


def read_records(path: Path) -> list[PloverRecord]:
    """The coded event records of a gold-standard file (documentation records are skipped)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BadInputError(f"{path}: cannot read: {error.strerror or error}") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BadInputError(f"{path}: not a JSON file: {error}") from error
    if not isinstance(data, list):
        raise BadInputError(f"{path}: expected a JSON array of PLOVER records")
    records = []
    for position, item in enumerate(data):
        record = _record(item, path, position)
        if record is not None:
            records.append(record)
    return records


def _record(item: Any, path: Path, position: int) -> PloverRecord | None:
    if not isinstance(item, dict) or not isinstance(item.get("event"), str):
        raise BadInputError(f"{path}: record {position}: expected an object with an 'event' type")
    if item["event"] == "DOCUMENT":
        return None
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadInputError(f"{path}: record {position} ({item.get('id')}): no 'text'")
    event_type = item["event"].strip().upper()
    return PloverRecord(str(item.get("id", position)), text, _renamed().get(event_type, event_type))


def predict(events: Sequence[Event], sentences: Sequence[SentenceCode]) -> str:
    """A record's PLOVER type: from its ACLED events first, else from its sentences."""
    for event in events:
        if event.codes is not None:
            return event.codes.plover_type
    return sentences[0].plover_type if sentences else NONE
