"""The event lexicons (triggers, modality cues, numbers), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from dateline.resources import load_json


@dataclass(frozen=True)
class EventClass:
    name: str
    event_type: str
    sub_event_type: str
    actor1: str | None  # the actor category when the text names none
    actor2: str | None  # "opponent", "civilians" or None


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, EventClass]
    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    subject_phrases: dict[str, dict[str, str]]
    non_triggers: dict[str, tuple[tuple[str, ...], ...]]  # by first word
    cues: dict[str, frozenset[str]]
    modality: dict[str, frozenset[str]]
    numbers: dict[str, Any]


def _by_first_word(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        found.setdefault(words[0], []).append(words)
    return {first: tuple(entries) for first, entries in found.items()}


@cache
def lexicon() -> Lexicon:
    triggers: dict[str, Any] = load_json("event_triggers.json")
    modality: dict[str, Any] = load_json("modality.json")
    classes = {
        name: EventClass(
            name,
            spec["event_type"],
            spec["sub_event_type"],
            spec.get("actor1"),
            spec.get("actor2"),
        )
        for name, spec in triggers["classes"].items()
    }
    cue_keys = (
        "intervention_cues",
        "lethal_cues",
        "riot_cues",
        "weapon_objects",
        "light_verbs",
        "re_prefixed",
        "military_targets",
        "air_cues",
        "generic_classes",
        "violent_classes",
        "remote_classes",
        "captive_objects",
        "under_fire_nouns",
        "agent_phrases",
    )
    return Lexicon(
        classes=classes,
        verbs=dict(triggers["verbs"]),
        nouns=dict(triggers["nouns"]),
        phrases={tuple(k.split()): v for k, v in triggers["phrases"].items()},
        subject_phrases=triggers["subject_phrases"],
        non_triggers=_by_first_word(triggers["non_trigger_phrases"]),
        cues={key: frozenset(triggers[key]) for key in cue_keys},
        modality={k: frozenset(v) for k, v in modality.items() if isinstance(v, list)},
        numbers=load_json("numbers.json"),
    )
