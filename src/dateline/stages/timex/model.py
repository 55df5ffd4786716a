"""What a matching rule is, and what it says about the text it matched."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.types import DateInterval

DATE = "date"
DURATION = "duration"
IGNORE = "ignore"  # matched only to keep its words out of other expressions ("a 25-year-old")
# TimeML expressions that never date an event: a repeated time ("weekly"), a vague
# reference ("now", "recently"), a clock time without its day ("10 a.m."), and a date
# named in passing with nothing to tie it to an event (a bare "1996", "the quarter").
SET = "set"
REFERENCE = "reference"
CLOCK = "time"
MENTION = "mention"


class NotExpression(Exception):  # noqa: N818 - a signal that a match is not a time expression
    """The pattern matched, but in this context the words do not express a time."""


@dataclass(frozen=True)
class Resolution:
    kind: str  # DATE, DURATION, IGNORE or one of the TimeML-only kinds
    value: str
    interval: DateInterval | None = None
    anchor_relative: bool = False
    # the TIMEX3 reading where it differs from the default one (see ``timeml``)
    timex_type: str = ""
    timex_value: str = ""
    # the value if the sentence speaks of the future ("will meet on Tuesday"); TimeML
    # resolves by tense where news dating takes the latest past day
    forward_value: str = ""


Resolver = Callable[[re.Match[str], dt.date | None], Resolution]


@dataclass(frozen=True)
class Rule:
    """A pattern and the function that turns one of its matches into a resolution.

    When the pattern has a group named ``e``, only that group is the expression's
    span; the rest of the match is context ("since" in "since June").
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        if "e" in self.pattern.groupindex and match.group("e") is not None:
            return match.span("e")
        return match.span()


def ignore(match: re.Match[str], published: dt.date | None) -> Resolution:
    return Resolution(IGNORE, "")
