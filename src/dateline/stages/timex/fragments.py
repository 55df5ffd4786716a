"""Regular-expression pieces built from the lexicon, shared by the rule modules.

Patterns are compiled case-insensitive; month and weekday names are matched
case-sensitively (capitalised or upper case) so that "may" and "march" the
words are not taken for months.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.stages.timex.lexicon import Lexicon

FLAGS = re.IGNORECASE
DASH = r"[-‐‑–—]"
POSSESSIVE = r"(?:['’]s)?"
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"


def phrase(text: str) -> str:
    """A phrase as a regex: its words separated by spaces or a hyphen ("twenty-one")."""
    return rf"(?:\s+|{DASH})".join(re.escape(w) for w in re.split(r"[\s-]+", text.strip()))


def words(items: Iterable[str]) -> str:
    """An alternation of phrases, longest first, delimited by word boundaries."""
    ordered = sorted(set(items), key=lambda w: (-len(w), w))
    return r"\b(?:" + "|".join(phrase(w) for w in ordered) + r")\b"


def names(items: Iterable[str]) -> str:
    """An alternation of proper names, capitalised or upper case, matched case-sensitively."""
    ordered = sorted(set(items), key=lambda w: (-len(w), w))
    forms = [form for w in ordered for form in (w.capitalize(), w.upper())]
    return r"(?-i:\b(?:" + "|".join(re.escape(f) for f in forms) + r"))"


class Fragments:
    """Named building blocks; the methods take a group name so a pattern can use one twice."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._month_full = names(lex.months)
        abbreviations = names(lex.month_abbreviations)
        self._month_any = rf"(?:{self._month_full}|{abbreviations}\.?)"
        self._weekday = names(lex.weekdays)
        digits = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?!\d|[.,]\d)"
        self._number = rf"(?:{words([*lex.numbers, *lex.vague_numbers])}|{digits})"
        self._unit = words(lex.units)
        self._part_of_day = words(lex.parts_of_day)

    def month(self, group: str, *, abbreviated: bool = True) -> str:
        alternatives = self._month_any if abbreviated else self._month_full
        return rf"(?P<{group}>{alternatives})(?![^\W\d_])"

    def day(self, group: str) -> str:
        return rf"(?<![\d.,:/])(?P<{group}>[0-3]?\d){ORDINAL_SUFFIX}\b"

    def year(self, group: str) -> str:
        return rf"(?<![\d.,/])(?P<{group}>[1-9]\d{{3}})(?![\d/]|[.,]\d)"

    def weekday(self, group: str) -> str:
        return rf"(?P<{group}>{self._weekday})(?![^\W\d_])"

    def number(self, group: str) -> str:
        return rf"(?P<{group}>{self._number})"

    def unit(self, group: str) -> str:
        return rf"(?P<{group}>{self._unit})"

    def part_of_day(self, group: str) -> str:
        return rf"(?P<{group}>{self._part_of_day})"

    @property
    def day_prefix(self) -> str:
        """Optional words before a day that stay inside its span ("early on", "the night of")."""
        return rf"(?:{words(self.lex.day_prefixes)}\s+)?"

    @property
    def approximately(self) -> str:
        """Optional words that hedge a count ("almost four years ago"), kept inside the span."""
        return rf"(?:{words(self.lex.approximators)}\s+)?"

    @property
    def period_prefix(self) -> str:
        """Optional words before a month, season or year that stay inside its span ("in")."""
        return rf"(?:{words(self.lex.period_prefixes)}\s+)?"

    @property
    def weekday_lead(self) -> str:
        """A weekday written before a date, "Friday, 21 July", kept inside the span."""
        return rf"(?:{self._weekday}(?![^\W\d_]),?\s+)?"


def compile_pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, FLAGS)
