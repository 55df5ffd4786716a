"""ACLED sub-event type (and cue words) -> CAMEO code and PLOVER type and mode.

The mapping is data (``resources/interop_codes.json``): one default per
sub-event type, refined when the trigger or the sentence names the means
(a car bomb, a hunger strike, a ceasefire).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from dateline.resources import load_json
from dateline.types import Event, InteropCodes


@dataclass(frozen=True)
class _Refinement:
    sub_event_types: frozenset[str]
    cues: re.Pattern[str]
    cameo: str
    plover_type: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class _Mapping:
    defaults: dict[str, InteropCodes]
    refinements: tuple[_Refinement, ...]


@cache
def _mapping() -> _Mapping:
    data = load_json("interop_codes.json")
    defaults = {
        sub_type: InteropCodes(entry["cameo"], entry["plover_type"], entry.get("plover_mode"))
        for sub_type, entry in data["sub_event_types"].items()
    }
    refinements = tuple(
        _Refinement(
            frozenset(entry["sub_event_types"]),
            _word_pattern(entry["cues"]),
            entry["cameo"],
            entry.get("plover_type"),
            entry.get("plover_mode"),
        )
        for entry in data["refinements"]
    )
    return _Mapping(defaults, refinements)


def _word_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def codes_for(sub_event_type: str, text: str = "") -> InteropCodes | None:
    """The codes of an event of ``sub_event_type`` reported in ``text`` (None: no code fits)."""
    mapping = _mapping()
    default = mapping.defaults.get(sub_event_type)
    if default is None:
        return None
    for refinement in mapping.refinements:
        if sub_event_type in refinement.sub_event_types and refinement.cues.search(text):
            return InteropCodes(
                refinement.cameo,
                refinement.plover_type or default.plover_type,
                refinement.plover_mode,
            )
    return default


def code(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The events with their CAMEO and PLOVER codes set."""
    return tuple(
        replace(event, codes=codes_for(event.sub_event_type, event.evidence_text))
        for event in events
    )
