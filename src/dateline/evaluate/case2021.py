"""CASE 2021 task 2: classify short news snippets into ACLED's 25 sub-event types.

The file is the shared task's TSV (``id``, ``EventSnippet``, ``SubType``). A
snippet is classified by running the pipeline over it: the sub-event type of
its events (the most frequent, the first on a tie), or ``NONE`` when it
reports no ACLED event. Subtask 1 scores the rows with an ACLED label;
subtasks 2 and 3 add the task's other classes, whose right answer here is
``NONE``.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dateline.errors import BadInputError
from dateline.evaluate.labels import LabelScores, score_labels
from dateline.resources import load_json
from dateline.types import Event

NONE = "NONE"
# The other classes of subtasks 2 and 3 (not ACLED's): everything else is subtask 1.
SUBTASK_2_EXTRA = frozenset({"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER"})
SUBTASK_3_EXTRA = SUBTASK_2_EXTRA | {"DIPLO", "ATTRIB"}


@dataclass(frozen=True)
class Snippet:
    snippet_id: str
    text: str
    label: str


@cache
def case_labels() -> dict[str, str]:
    """ACLED sub-event type -> the task's label for it."""
    types = load_json("acled_types.json")["event_types"]
    return {sub: label for sub_types in types.values() for sub, label in sub_types.items()}


def read_snippets(path: Path) -> Iterator[Snippet]:
    """The labelled snippets of a task 2 TSV file; a malformed row raises naming its line."""
    try:
        stream = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise BadInputError(f"{path}: cannot read: {error.strerror or error}") from error
    with stream:
        rows = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if header is None or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise BadInputError(
                f"{path}:1: not a CASE 2021 task 2 file: the header must be "
                "id<TAB>EventSnippet<TAB>SubType"
            )
        for line, row in enumerate(rows, start=2):
            if not row:
                continue
            if len(row) != 3 or not row[1].strip() or not row[2].strip():
                raise BadInputError(f"{path}:{line}: expected 3 tab-separated fields")
            yield Snippet(row[0], row[1], row[2].strip())


def classify(events: Sequence[Event]) -> str:
    """The snippet's label from the events found in it."""
    if not events:
        return NONE
    counts = Counter(event.sub_event_type for event in events)
    best = max(counts.values())
    first = next(e.sub_event_type for e in events if counts[e.sub_event_type] == best)
    return case_labels().get(first, NONE)


def score_subtasks(snippets: Sequence[Snippet], predicted: Sequence[str]) -> dict[str, LabelScores]:
    """Scores for subtasks 1-3; gold labels outside ACLED's 25 count as ``NONE``."""
    acled = set(case_labels().values())
    subtasks: dict[str, Callable[[str], bool]] = {
        "subtask1": lambda label: label in acled,
        "subtask2": lambda label: label in acled or label in SUBTASK_2_EXTRA,
        "subtask3": lambda label: label in acled or label in SUBTASK_3_EXTRA,
    }
    scores = {}
    for name, included in subtasks.items():
        pairs = [
            (s.label, p) for s, p in zip(snippets, predicted, strict=True) if included(s.label)
        ]
        gold = [label if label in acled else NONE for label, _ in pairs]
        scores[name] = score_labels(gold, [p for _, p in pairs])
    return scores
