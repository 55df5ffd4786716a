"""Names that stand for people, not places: "Tamerlan" of "Tamerlan Tsarnaev", the
surname of someone the article names in full, a name that speaks ("Nelson says")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.gazetteer import Gazetteer
from dateline.resources import load_json
from dateline.stages.geo.names import _BIG_TOWN, _INSIDE_PREPOSITIONS, _Phrase, _strip_name
from dateline.types import ParsedDoc


@dataclass(frozen=True)
class _People:
    """The words of the names the article gives people ("Tamerlan" of "Tamerlan Tsarnaev"),
    their surnames (the last word of a name of two words or more) and the names that speak
    ("Nelson says")."""

    words: frozenset[str]
    surnames: frozenset[str]
    speakers: frozenset[str]


@cache
def _reporting_verbs() -> frozenset[str]:
    return frozenset(load_json("modality.json")["reporting_verbs"])


def _speakers(parsed: ParsedDoc) -> set[str]:
    """Capitalised subjects of a reporting verb: "Nelson says", "Martin told reporters"."""
    verbs = _reporting_verbs()
    return {
        token.text
        for token in parsed.tokens
        if token.dep == "nsubj"
        and token.pos == "PROPN"
        and parsed.tokens[token.head].lemma.lower() in verbs
    }


def _people(parsed: ParsedDoc) -> _People:
    names = [
        [word for word in _strip_name(m.text).split() if word[:1].isupper()]
        for m in parsed.entities
        if m.label == "PERSON"
    ]
    return _People(
        frozenset(word for name in names for word in name),
        frozenset(name[-1] for name in names if len(name) > 1),
        frozenset(_speakers(parsed)),
    )


def _person_not_place(
    parsed: ParsedDoc, gazetteer: Gazetteer, phrase: _Phrase, people: _People
) -> bool:
    """A name without a place word that stands for a person: the surname of someone the
    article names in full, the subject of "said" ("Nelson says") unless a large town has
    that name, or a name whose every word is a person's name in the article unless a
    division or a large town has it. "In Derry" is a place even where the tagger calls
    Derry a person, and a country is a country."""
    if phrase.kind is not None:
        return False
    if phrase.start > 0 and parsed.tokens[phrase.start - 1].text.lower() in _INSIDE_PREPOSITIONS:
        return False
    exact = [c for c in gazetteer.lookup(phrase.name, limit=5) if c.match == "exact"]
    if any(c.feature == "country" for c in exact):
        return False
    if phrase.name in people.surnames:
        return True
    big = any(c.feature == "city" and c.population >= _BIG_TOWN for c in exact)
    if phrase.name in people.speakers:  # "Gainesville says no": a city may speak, a region not
        return not big
    if not all(w in people.words for w in phrase.name.split()):
        return False
    return not (big or any(c.feature in {"admin1", "region"} for c in exact))
