"""Scoring a temporal tagger on TimeML files by the rules of TempEval-3 task A.

A TimeML file (``.tml``) holds a document creation time (``<DCT>``) and a
``<TEXT>`` with inline ``<TIMEX3>`` tags. The tagger runs on the plain text with
the creation date as the publication date; its expressions are matched to the
gold ones one-to-one. TempEval-3 (UzZaman et al. 2013) defines:

- strict match: the two extents are identical;
- relaxed match: the two extents overlap;
- span precision = matched / system expressions, recall = matched / gold expressions;
- attribute scores (value, type) over relaxed-matched pairs: precision = pairs whose
  attribute agrees / system expressions, recall = the same count / gold expressions.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import GoldFormatError


class TimeMLError(GoldFormatError):
    """A gold file that is not TimeML (the gold-format code, E004)."""

    hint = "TimeML files are XML with a <TEXT> element (TempEval-3 format, .tml)."

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class Timex:
    """A temporal expression: ``[start, end)`` of the document text, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    path: Path
    doc_id: str
    text: str
    creation: dt.date | None
    timexes: tuple[Timex, ...]


Tagger = Callable[[str, dt.date | None], Sequence[Timex]]

_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def _creation_date(root: ET.Element) -> dt.date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            match = _DAY.match(timex.get("value", ""))
            if match:
                try:
                    return dt.date(int(match[1]), int(match[2]), int(match[3]))
                except ValueError:
                    return None
    return None


def _flatten(element: ET.Element, parts: list[str], timexes: list[Timex], at: int) -> int:
    """Appends the text under ``element`` to ``parts``; returns the offset after it."""
    start = at
    if element.text:
        parts.append(element.text)
        at += len(element.text)
    for child in element:
        at = _flatten(child, parts, timexes, at)
        if child.tail:
            parts.append(child.tail)
            at += len(child.tail)
    if element.tag == "TIMEX3":
        text = "".join(parts)[start:at] if start < at else ""
        timexes.append(Timex(start, at, element.get("type", ""), element.get("value", ""), text))
    return at


def read_timeml(path: Path) -> TimeMLDocument:
    """One TimeML document; raises :class:`TimeMLError` saying why a file is not one."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise TimeMLError(path, f"not well-formed XML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise TimeMLError(path, f"cannot read: {error}") from None
    body = root if root.tag == "TEXT" else root.find(".//TEXT")
    if body is None:
        raise TimeMLError(path, "no <TEXT> element, so not a TimeML document")
    parts: list[str] = []
    timexes: list[Timex] = []
    # the body's own tail lies outside it; its text starts at offset 0
    _flatten(body, parts, timexes, 0)
    doc_id = (root.findtext(".//DOCID") or path.stem).strip()
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDocument(path, doc_id, "".join(parts), _creation_date(root), tuple(timexes))


def timeml_files(target: Path) -> list[Path]:
    """``target`` itself when it is a file, else its ``.tml`` files at any depth, sorted."""
    if target.is_file():
        return [target]
    return sorted(p for p in target.rglob("*.tml") if p.is_file() and not p.name.startswith("."))


@dataclass(frozen=True)
class Score:
    correct: int
    system: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "system": self.system,
            "gold": self.gold,
        }


@dataclass
class Tally:
    """Running counts over documents."""

    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    documents: int = 0
    errors: list[Mismatch] = field(default_factory=list)

    def scores(self) -> dict[str, Score]:
        return {
            name: Score(getattr(self, name), self.system, self.gold)
            for name in ("strict", "relaxed", "value", "type")
        }

    def to_dict(self) -> dict[str, Any]:
        scores = self.scores()
        flat: dict[str, Any] = {"documents": self.documents, "system": self.system}
        flat["gold"] = self.gold
        for name, s in scores.items():
            flat[f"{name}_precision"] = round(s.precision, 4)
            flat[f"{name}_recall"] = round(s.recall, 4)
            flat[f"{name}_f1"] = round(s.f1, 4)
        flat["scores"] = {name: s.to_dict() for name, s in scores.items()}
        return flat


@dataclass(frozen=True)
class Mismatch:
    """A gold or system expression that did not count fully, for error analysis."""

    doc_id: str
    gold: Timex | None
    system: Timex | None


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one relaxed matching, exact extents first, then by the largest overlap."""
    pairs = [
        (g.start == s.start and g.end == s.end, _overlap(g, s), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if _overlap(g, s) > 0
    ]
    pairs.sort(key=lambda p: (not p[0], -p[1], p[2], p[3]))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    matched: list[tuple[Timex, Timex]] = []
    for _, _, gi, si in pairs:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        matched.append((gold[gi], system[si]))
    return matched


def score_document(
    tally: Tally, doc_id: str, gold: Sequence[Timex], system: Sequence[Timex]
) -> None:
    tally.documents += 1
    tally.gold += len(gold)
    tally.system += len(system)
    matched = match(gold, system)
    for g, s in matched:
        exact = g.start == s.start and g.end == s.end
        tally.strict += exact
        tally.relaxed += 1
        tally.value += g.value == s.value
        tally.type += g.type == s.type
        if not exact or g.value != s.value or g.type != s.type:
            tally.errors.append(Mismatch(doc_id, g, s))
    seen_gold = {id(g) for g, _ in matched}
    seen_system = {id(s) for _, s in matched}
    tally.errors.extend(Mismatch(doc_id, g, None) for g in gold if id(g) not in seen_gold)
    tally.errors.extend(Mismatch(doc_id, None, s) for s in system if id(s) not in seen_system)


@dataclass
class Evaluation:
    tally: Tally
    failures: dict[str, str]  # path -> why it was not scored


def evaluate(paths: Iterable[Path], tagger: Tagger) -> Evaluation:
    """Scores ``tagger`` on every TimeML file; a file that cannot be read is listed, not fatal."""
    tally = Tally()
    failures: dict[str, str] = {}
    for document in _documents(paths, failures):
        try:
            system = tagger(document.text, document.creation)
        except Exception as error:  # one failing document is reported, the rest go on
            failures[str(document.path)] = f"{type(error).__name__}: {error}"
            continue
        score_document(tally, document.doc_id, document.timexes, system)
    return Evaluation(tally, failures)


def _documents(paths: Iterable[Path], failures: dict[str, str]) -> Iterator[TimeMLDocument]:
    for path in paths:
        try:
            yield read_timeml(path)
        except TimeMLError as error:
            failures[str(path)] = error.reason
