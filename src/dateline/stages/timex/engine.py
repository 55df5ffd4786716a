"""Runs every rule over a text and keeps the longest non-overlapping matches."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from dateline.stages.timex import absolute, mentions, periods, relative, spans
from dateline.stages.timex.conventions import conventions
from dateline.stages.timex.days import Unresolvable
from dateline.stages.timex.fragments import Fragments
from dateline.stages.timex.lexicon import key, lexicon
from dateline.stages.timex.model import IGNORE, NotExpression, Resolution, Rule


@dataclass(frozen=True)
class Found:
    start: int  # offsets into the scanned text
    end: int
    resolution: Resolution


DIGIT = "#"  # the trigger token that stands for any digit
_WORDS = re.compile(r"[^\W\d_]+")


def _last_words(phrases: Iterable[str]) -> set[str]:
    return {key(p).rsplit(" ", 1)[-1].rstrip(".") for p in phrases}


def _first_words(phrases: Iterable[str]) -> set[str]:
    return {key(p).split(" ", 1)[0] for p in phrases}


@cache
def triggers() -> dict[str, frozenset[str]]:
    """For each rule, words one of which every match contains: without them the rule is skipped.

    A rule not listed always runs. Words are lower case; ``DIGIT`` stands for any digit.
    """
    lex, conv = lexicon(), conventions()
    months = _last_words([*lex.months, *lex.month_abbreviations])
    full_months = _last_words(lex.months)
    weekdays = _last_words(lex.weekdays)
    units = {word for unit in lex.units for word in key(unit).split(" ")}
    table: dict[str, set[str]] = {
        "day month year": months,
        "month day year": months,
        "day month": months,
        "month day": months,
        "ordinal day of month": months,
        "day range": months,
        "month day range": months,
        "day range across months": months,
        "month day range across months": months,
        "month year": months,
        "part of month": months,
        "month": full_months,
        "month range": full_months,
        "season": _last_words(lex.seasons),
        "weekday": weekdays,
        "weekday range": weekdays,
        "every weekday": weekdays | {f"{day}s" for day in weekdays},
        "day word": _last_words(lex.day_words),
        "calendar period": _last_words(lex.calendar_periods),
        "ago": {"ago"},
        "past period": units,
        "name": _last_words(w.lower() for w in lex.not_dates),
        "age": _last_words(lex.age_markers),
        "aged": {"aged", "age", "ages"},
        "duration": units,
        "unit long": {"long"},
        "bare units": units,
        "anchored phrase": _last_words(lex.anchored_phrases),
        "anchored": _first_words(lex.anchored_directions),
        "reference": _last_words(conv.references),
        "quarter": {"quarter"},
        "quarter adjective": {"quarter"},
        "year before": {"earlier", "ago"},
        "holiday": _last_words(name.lower() for name in conv.holidays),
        "century": {"century"},
        "decade word": set(conv.decade_words),
        "ahead": {"coming", "ahead"},
        "the year": {"year", "month", "week"},
        "year end": {"end"},
        "set": _last_words(conv.sets),
        "clock": {DIGIT, "noon", "midnight", "midday"},
        "spelled year": {"nineteen", "eighteen", "thousand"},
        "one unit": units,
    }
    for name in ("iso", "numeric", "the nth", "year", "part of year", "year range", "decade"):
        table[name] = {DIGIT}
    table["bare year"] = {DIGIT}
    return {name: frozenset(words) for name, words in table.items()}


def _tokens(text: str) -> set[str]:
    found = set(_WORDS.findall(text.lower()))
    if any(c.isdigit() for c in text):
        found.add(DIGIT)
    return found


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, compiled once per process. On equal length an earlier rule wins."""
    fragments = Fragments(lexicon())
    return (
        *absolute.rules(fragments),
        *periods.rules(fragments),
        *relative.rules(fragments),
        *spans.rules(fragments),
        *mentions.rules(fragments),
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan(
    text: str,
    published: dt.date | None,
    *,
    strict: bool = False,
    exhaustive: bool = False,
    without: frozenset[str] = frozenset(),
) -> list[Found]:
    """The time expressions of ``text``, in order.

    A rule that fails on a match drops that match; ``strict`` re-raises instead,
    so tests can see failures that production input must never cause.
    ``exhaustive`` runs every rule even without its trigger words (for tests);
    rules named in ``without`` do not run.
    """
    candidates: list[tuple[int, int, int, Resolution]] = []
    present = _tokens(text)
    needed = triggers()
    for order, rule in enumerate(all_rules()):
        if rule.name in without:
            continue
        words = needed.get(rule.name)
        if words is not None and not exhaustive and present.isdisjoint(words):
            continue
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
