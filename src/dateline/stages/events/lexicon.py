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
    needs_place_object: bool = False  # a capture or withdrawal is only an event with a place
    place_roles: tuple[str, ...] = ()  # where that place must be: "dobj" or a preposition
    needs_named_actor: bool = False  # a base or group change is an event only with its actor


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, EventClass]
    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    phrase_lengths: dict[str, int]  # first word of a phrase -> the longest phrase it starts
    subject_phrases: dict[str, dict[str, str]]
    object_phrases: dict[str, dict[str, str]]  # verb (and particle) -> object lemma -> class
    verb_forms: dict[str, str]  # inflected forms the lemmatiser misreads
    change_kinds: frozenset[int]  # actor kinds whose changes to group or activity count
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


def _longest_by_first(phrases: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split()
        found[words[0]] = max(found.get(words[0], 0), len(words))
    return found


def _by_verb(rules: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Object rules as verb -> object word -> class."""
    found: dict[str, dict[str, str]] = {}
    for rule in rules:
        for verb in rule["verbs"]:
            found.setdefault(verb, {}).update(dict.fromkeys(rule["objects"], rule["class"]))
    return found


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
            bool(spec.get("needs_place_object", False)),
            tuple(spec.get("place_roles", ())),
            bool(spec.get("needs_named_actor", False)),
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
        "chemical_cues",
        "demonstration_cues",
        "foiled_cues",
        "disrupting_classes",
        "unopposed_cues",
        "damage_verbs",
        "vague_place_words",
        "object_preps",
        "damage_makers",
        "modifier_object_classes",
        "intransitive_only",
        "abstract_classes",
    )
    return Lexicon(
        classes=classes,
        verbs=dict(triggers["verbs"]),
        nouns=dict(triggers["nouns"]),
        phrases={tuple(k.split()): v for k, v in triggers["phrases"].items()},
        phrase_lengths=_longest_by_first(triggers["phrases"]),
        subject_phrases=triggers["subject_phrases"],
        object_phrases=_by_verb(triggers["object_phrases"]),
        verb_forms=dict(triggers["verb_forms"]),
        change_kinds=frozenset(int(k) for k in triggers["change_kinds"]),
        non_triggers=_by_first_word(triggers["non_trigger_phrases"]),
        cues={key: frozenset(triggers[key]) for key in cue_keys},
        modality={k: frozenset(v) for k, v in modality.items() if isinstance(v, list)},
        numbers=load_json("numbers.json"),
    )
