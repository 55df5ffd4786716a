"""Document fields given by the caller, and parsing of publication dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.errors import BadInputError

_PUBLISHED_HINT = "Give the publication date as YYYY-MM-DD, e.g. 2013-07-29."


def parse_published(value: str) -> dt.date:
    """A publication date from ``YYYY-MM-DD`` or a full ISO 8601 date-time.

    The date is taken as written: a time zone does not move it to another day.
    """
    text = value.strip()
    try:
        if len(text) > 10 and text[10] in "T ":
            return dt.datetime.fromisoformat(text).date()
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadInputError(
            f"published date {value!r} is not a valid date", hint=_PUBLISHED_HINT
        ) from None


@dataclass(frozen=True)
class Overrides:
    """Fields the caller sets for every document read; they win over what the input says."""

    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
