"""Dating an event: the default interval, and dates counted from another event.

"Two days after the attack" dates the event it governs from the attack; "came
two days after rebels attacked" dates the attack back from the story's day.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

from dateline.stages.events.syntax import SentenceTree
from dateline.stages.events.triggers import Trigger
from dateline.stages.time import shift
from dateline.types import DateInterval, Granularity, TimeExpression

_LIST_JOINER = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*", re.IGNORECASE)


def in_turn(
    text: str, expressions: Sequence[TimeExpression], count: int
) -> list[TimeExpression] | None:
    """ "In 1995 and 1996, ... the towns of A and B": the dates of ``count`` listed places, in turn.

    Only a list of exactly as many dates as places, joined by "and" or commas, pairs up.
    """
    dated = sorted(
        (e for e in expressions if e.kind == "date" and e.interval and not e.anchor_relative),
        key=lambda e: e.span.start,
    )
    if count < 2 or len(dated) != count:
        return None
    for before, after in itertools.pairwise(dated):
        if not _LIST_JOINER.fullmatch(text[before.span.end : after.span.start]):
            return None
    return dated


def default_interval(published: dt.date | None) -> DateInterval | None:
    if published is None:
        return None
    return DateInterval(published - dt.timedelta(days=2), published, Granularity.RANGE)


def is_complement_of(tree: SentenceTree, trigger: Trigger, expression: TimeExpression) -> bool:
    """Whether the trigger is the event "two days after/before" points at, not the one it dates.

    "came two days after rebels attacked" and "two days after the attack" point at the
    attack; in "Two days after the attack, warplanes bombed" the bombing is dated by them.
    """
    sentence = tree.parsed.sentence_tokens(tree.sentence)
    word = next((t for t in sentence if t.end == expression.span.end), None)
    if word is None:
        return tree[trigger.head].start >= expression.span.start
    if word.dep == "mark":
        # "came a day after troops killed three in a shootout": the whole clause it opens
        return trigger.head in tree.subtree(word.head)
    return word.i != trigger.head and trigger.head in tree.subtree(word.i)


def points_back(expression: TimeExpression) -> bool:
    return expression.text.lower().endswith(("after", "before"))


def shifted(reference: DateInterval, value: str) -> DateInterval | None:
    try:
        return shift(reference, value)
    except ValueError:
        return None


def anchored(
    expression: TimeExpression, tree: SentenceTree, trigger: Trigger, reference: DateInterval | None
) -> DateInterval | None:
    """ "two days after <this event>", "two days later": counted from the story's reference date."""
    if reference is None or not expression.value.startswith("ANCHOR"):
        return None
    value = expression.value
    if expression.text.lower().endswith(("after", "before")):
        if not is_complement_of(tree, trigger, expression):
            return None  # "X comes two days after Y" dates Y from X, not X itself
        # the event after "two days after" happened two days before the anchor
        value = value.translate(str.maketrans("+-", "-+"))
    try:
        return shift(reference, value)
    except ValueError:
        return None
