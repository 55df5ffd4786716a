"""Datelines: "KABUL —", "LAGOS, Nigeria (Reuters) -", "CHARLESTON, W.Va. -".

Where a report was filed from. The geo stage reads the place in it; the events stage
never takes it for an event's place.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.types import Token

_DASHES = "-\u2013\u2014"
_MOST_TOKENS = 10  # "SAN JUAN, Puerto Rico (AP) --" and no longer


def dateline_end(tokens: Sequence[Token], first: int, upper: int) -> int | None:
    """The index of the dash (or credit's closing bracket) ending a dateline that opens
    the sentence at ``first``, or None when the sentence opens with none.

    A dateline is an all-capitals word, then optionally ", Country" and an "(Agency)"
    credit, then a dash or the end of the credit.
    """
    opening = tokens[first].text
    if not (opening.isupper() and any(ch.isalpha() for ch in opening)):
        return None
    in_credit = False
    for i in range(first + 1, min(upper, first + _MOST_TOKENS)):
        text = tokens[i].text
        if all(ch in _DASHES for ch in text):
            return i
        if text == "(":
            in_credit = True
        elif text == ")":
            return i  # "BEIRUT (AP) Police said": the credit closes the dateline
        elif not in_credit and text != "," and not text[:1].isupper():
            return None
    return None


def dateline_name(tokens: Sequence[Token], first: int, upper: int) -> int | None:
    """The end of the all-capitals place name opening a dateline at ``first`` ("SAN JUAN"
    of "SAN JUAN, Puerto Rico (AP) --"), or None when the sentence opens with no dateline."""
    if dateline_end(tokens, first, upper) is None:
        return None
    end = first
    while end < upper and tokens[end].text.isupper() and tokens[end].text[:1].isalpha():
        end += 1
    return end if end > first else None
