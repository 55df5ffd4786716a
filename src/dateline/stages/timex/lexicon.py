"""The time words of ``resources/time_words.json``, keyed the way the matcher looks them up."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

_SEPARATORS = re.compile(r"[\s\-‐‑–—]+")


def key(text: str) -> str:
    """The lookup key of a matched phrase: lower case, words separated by one space."""
    return " ".join(_SEPARATORS.split(text.lower().strip()))


@dataclass(frozen=True)
class Season:
    code: str  # TIMEX3 season code: SP, SU, FA, WI
    first_month: int


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]  # ISO weekday numbers, Monday = 1
    not_dates: tuple[str, ...]  # names that contain time words: "Good Friday", "USA Today"
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    vague_count: tuple[int, int]
    ordinals: dict[str, int]
    parts_of_day: tuple[str, ...]
    seasons: dict[str, Season]
    units: dict[str, str]
    unit_fuzz_days: dict[str, int]
    day_words: dict[str, tuple[int, int]]
    calendar_periods: dict[str, tuple[str, int, str]]
    anchored_phrases: dict[str, str]
    anchored_directions: dict[str, str]
    weekday_modifiers: dict[str, str]
    day_prefixes: tuple[str, ...]
    period_prefixes: tuple[str, ...]
    context_prepositions: tuple[str, ...]
    name_like_months: tuple[str, ...]  # also a given name or a word: need a strong cue
    weak_context: tuple[str, ...]
    year_context: tuple[str, ...]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    approximators: tuple[str, ...]  # "almost" in "almost four years ago"
    duration_prepositions: tuple[str, ...]
    age_markers: tuple[str, ...]

    def month(self, text: str) -> int:
        word = key(text).rstrip(".")
        return self.months.get(word) or self.month_abbreviations[word]

    def number(self, text: str) -> int | None:
        """The count a number phrase stands for; None for vague counts ("several")."""
        word = key(text)
        if word in self.numbers:
            return self.numbers[word]
        if word in self.vague_numbers:
            return None
        return int(word.replace(",", ""))

    def day_of_month(self, text: str) -> int:
        """A day written as digits ("29", "29th") or as an ordinal word ("twenty-ninth")."""
        word = key(text)
        if word in self.ordinals:
            return self.ordinals[word]
        return int(word.rstrip("stndrh"))

    def unit(self, text: str) -> str:
        return self.units[key(text)]


def _keyed(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key(word): value for word, value in mapping.items()}


def _pairs(mapping: dict[str, list[int]]) -> dict[str, tuple[int, int]]:
    return {key(word): (int(pair[0]), int(pair[1])) for word, pair in mapping.items()}


@cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    raw = json.loads((files("dateline") / "resources" / "time_words.json").read_text("utf-8"))
    return Lexicon(
        months=_keyed(raw["months"]),
        month_abbreviations=_keyed(raw["month_abbreviations"]),
        weekdays=_keyed(raw["weekdays"]),
        not_dates=tuple(raw["not_dates"]),
        numbers=_keyed(raw["numbers"]),
        vague_numbers=tuple(key(w) for w in raw["vague_numbers"]),
        vague_count=(int(raw["vague_count"]["min"]), int(raw["vague_count"]["max"])),
        ordinals=_keyed(raw["ordinals"]),
        parts_of_day=tuple(raw["parts_of_day"]),
        seasons={
            key(name): Season(s["code"], int(s["first_month"]))
            for name, s in raw["seasons"].items()
        },
        units=_keyed(raw["units"]),
        unit_fuzz_days={unit: int(days) for unit, days in raw["unit_fuzz_days"].items()},
        day_words=_pairs(raw["day_words"]),
        calendar_periods={
            key(phrase): (str(p[0]), int(p[1]), str(p[2]))
            for phrase, p in raw["calendar_periods"].items()
        },
        anchored_phrases=_keyed(raw["anchored_phrases"]),
        anchored_directions=_keyed(raw["anchored_directions"]),
        weekday_modifiers=_keyed(raw["weekday_modifiers"]),
        day_prefixes=tuple(raw["day_prefixes"]),
        period_prefixes=tuple(raw["period_prefixes"]),
        context_prepositions=tuple(raw["context_prepositions"]),
        name_like_months=tuple(key(w) for w in raw["name_like_months"]),
        weak_context=tuple(key(w) for w in raw["weak_context"]),
        year_context=tuple(raw["year_context"]),
        month_parts=_pairs(raw["month_parts"]),
        year_parts=_pairs(raw["year_parts"]),
        approximators=tuple(raw["approximators"]),
        duration_prepositions=tuple(raw["duration_prepositions"]),
        age_markers=tuple(raw["age_markers"]),
    )
