"""Runs every rule over a text and keeps the longest non-overlapping matches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from dateline.stages.timex import absolute, periods, relative, spans
from dateline.stages.timex.days import Unresolvable
from dateline.stages.timex.fragments import Fragments
from dateline.stages.timex.lexicon import lexicon
from dateline.stages.timex.model import IGNORE, NotExpression, Resolution, Rule


@dataclass(frozen=True)
class Found:
    start: int  # offsets into the scanned text
    end: int
    resolution: Resolution


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, compiled once per process. On equal length an earlier rule wins."""
    fragments = Fragments(lexicon())
    return (
        *absolute.rules(fragments),
        *periods.rules(fragments),
        *relative.rules(fragments),
        *spans.rules(fragments),
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan(text: str, published: dt.date | None, *, strict: bool = False) -> list[Found]:
    """The time expressions of ``text``, in order.

    A rule that fails on a match drops that match; ``strict`` re-raises instead,
    so tests can see failures that production input must never cause.
    """
    candidates: list[tuple[int, int, int, Resolution]] = []
    for order, rule in enumerate(all_rules()):
        for match in rule.pattern.finditer(text):
            start, end = _trimmed(text, *rule.span(match))
            if start >= end:
                continue
            try:
                resolution = rule.resolve(match, published)
            except (NotExpression, Unresolvable):
                continue
            except Exception:
                if strict:
                    raise
                continue
            candidates.append((start, end, order, resolution))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    kept: list[tuple[int, int, int, Resolution]] = []
    for candidate in candidates:
        if all(candidate[1] <= other[0] or other[1] <= candidate[0] for other in kept):
            kept.append(candidate)
    kept.sort(key=lambda c: c[0])
    return [Found(start, end, res) for start, end, _, res in kept if res.kind != IGNORE]
