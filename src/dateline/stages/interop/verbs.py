"""PLOVER coding of sentences by their main verb: talks, threats, sanctions, arrests.

ACLED covers violence and protest; PLOVER also covers what states and groups
say and do to each other. A sentence is coded by the action of its main
clause: a reporting verb ("officials said") hands over to its complement, and
a light verb ("held talks", "imposed sanctions") to its object noun. Lexicons
are in ``resources/plover_verbs.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.resources import load_json
from dateline.types import ParsedDoc, Span, Token

_COMPLEMENTS = frozenset({"ccomp", "xcomp", "conj"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "nsubjpass", "pobj"})


@dataclass(frozen=True)
class SentenceCode:
    """The PLOVER type of one sentence's main action."""

    sentence: int  # index of the sentence in the document
    plover_type: str
    cameo: str  # the CAMEO root that corresponds to the PLOVER type
    trigger: Span
    trigger_text: str


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, str]  # lemma -> PLOVER type
    nouns: dict[str, str]
    cameo: dict[str, str]  # PLOVER type -> CAMEO root
    reporting: frozenset[str]
    light: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_json("plover_verbs.json")
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for plover_type, entry in data["types"].items():
        for lemma in entry["verbs"]:
            verbs.setdefault(lemma, plover_type)
        for lemma in entry["nouns"]:
            nouns.setdefault(lemma, plover_type)
    return _Lexicon(
        verbs,
        nouns,
        {plover_type: entry["cameo"] for plover_type, entry in data["types"].items()},
        frozenset(data["reporting"]),
        frozenset(data["light_verbs"]),
    )


def code_sentences(parsed: ParsedDoc) -> tuple[SentenceCode, ...]:
    """One code for each sentence whose main action the lexicon knows."""
    codes = []
    for sentence in parsed.sentences:
        tokens = parsed.sentence_tokens(sentence)
        found = _main_action(tokens)
        if found is None:
            continue
        token, plover_type = found
        codes.append(
            SentenceCode(
                sentence.index,
                plover_type,
                _lexicon().cameo[plover_type],
                Span(token.start, token.end),
                token.text,
            )
        )
    return tuple(codes)


def _main_action(tokens: tuple[Token, ...]) -> tuple[Token, str] | None:
    lexicon = _lexicon()
    children: dict[int, list[Token]] = {}
    for token in tokens:
        if token.head != token.i:
            children.setdefault(token.head, []).append(token)
    queue = [token for token in tokens if token.head == token.i or token.dep == "ROOT"]
    seen: set[int] = set()
    while queue:
        token = queue.pop(0)
        if token.i in seen:
            continue
        seen.add(token.i)
        if token.lemma.lower() in lexicon.light:
            for child in children.get(token.i, []):
                if child.dep in _OBJECTS and (found := _coded(child, lexicon)):
                    return found
        elif found := _coded(token, lexicon):
            return found
        queue.extend(child for child in children.get(token.i, []) if child.dep in _COMPLEMENTS)
    # No coded action along the main clauses: the first verb, then the first noun, anywhere.
    for wanted in ("VERB", "NOUN"):
        for token in tokens:
            if token.pos == wanted and (found := _coded(token, lexicon)):
                return found
    return None


def _coded(token: Token, lexicon: _Lexicon) -> tuple[Token, str] | None:
    """The token's PLOVER type: verbs by lemma, nouns by lemma or by their plural form."""
    forms: tuple[str, ...]
    if token.pos in {"VERB", "AUX"}:
        words, forms = lexicon.verbs, (token.lemma.lower(),)
    elif token.pos in {"NOUN", "PROPN"}:
        words, forms = lexicon.nouns, (token.lemma.lower(), token.text.lower())
    else:
        return None
    for form in forms:
        if form in words and form not in lexicon.reporting:
            return token, words[form]
    return None
