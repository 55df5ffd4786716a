"""TimeML conventions of ``resources/time_timeml.json``: what TIMEX3 calls an expression."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from dateline.stages.timex.lexicon import key


@dataclass(frozen=True)
class Conventions:
    references: dict[str, str]  # "now" -> PRESENT_REF
    reference_needs_noun: tuple[str, ...]  # "current" only before a noun such as "quarter"
    reference_nouns: tuple[str, ...]
    sets: dict[str, str]  # "weekly" -> P1W
    set_needs_count: tuple[str, ...]  # "a year" is a rate only after an amount: "$5 a year"
    part_of_day_codes: dict[str, str]  # "morning" -> MO, "noon" -> 12:00
    quarter_ordinals: dict[str, int]
    latest_words: tuple[str, ...]
    time_zones: tuple[str, ...]
    extent_drop_leading: tuple[str, ...]
    extent_keep_leading: tuple[str, ...]
    duration_lead: tuple[str, ...]
    future_cues: tuple[str, ...]
    holidays: dict[str, tuple[int, ...]]  # (month, day) or (month, ISO weekday, nth)
    decade_words: dict[str, int]  # "nineties" -> 9
    forward_months: int  # a date without a year this close ahead is read forwards


@cache
def conventions() -> Conventions:
    """The conventions, read once per process."""
    raw = json.loads((files("dateline") / "resources" / "time_timeml.json").read_text("utf-8"))
    return Conventions(
        references={key(w): str(v) for w, v in raw["references"].items()},
        reference_needs_noun=tuple(key(w) for w in raw["reference_needs_noun"]),
        reference_nouns=tuple(raw["reference_nouns"]),
        sets={key(w): str(v) for w, v in raw["sets"].items()},
        set_needs_count=tuple(key(w) for w in raw["set_needs_count"]),
        part_of_day_codes={key(w): str(v) for w, v in raw["part_of_day_codes"].items()},
        quarter_ordinals={key(w): int(v) for w, v in raw["quarter_ordinals"].items()},
        latest_words=tuple(raw["latest_words"]),
        time_zones=tuple(raw["time_zones"]),
        extent_drop_leading=tuple(raw["extent_drop_leading"]),
        extent_keep_leading=tuple(raw["extent_keep_leading"]),
        duration_lead=tuple(raw["duration_lead"]),
        future_cues=tuple(raw["future_cues"]),
        holidays={
            name: tuple(int(n) for n in rule)
            for name, rule in raw["holidays"].items()
            if not name.startswith("_")
        },
        decade_words={key(w): int(n) for w, n in raw["decade_words"].items()},
        forward_months=int(raw["forward_months"]),
    )
