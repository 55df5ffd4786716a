"""The actors stage: who is named, normalised to ACLED-style names and kinds.

Generic mentions ("troops", "regime forces", "warplanes", "gunmen") become
"Military Forces of <Country>", "Unidentified Armed Group (<Country>)" and so
on, the country coming from the mention itself ("Syrian troops", "Syria's
army") or else from the article's focus country. Named groups come from the
alias list in ``resources/actors.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from dateline.gazetteer.demonyms import country_of_demonym
from dateline.resources import load_json
from dateline.types import Actor, ActorDoc, ActorMention, ParsedDoc, PlacedDoc, Span, Token

_NOUN_POS = {"NOUN", "PROPN"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}


@dataclass(frozen=True)
class _Category:
    key: str
    template: str
    kind: int


@dataclass(frozen=True)
class _Group:
    name: str
    kind: int
    country: str | None
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Lexicon:
    phrases: dict[str, _Category]  # lemma phrase -> category
    longest: int
    modifiers: dict[str, str]  # modifier lemma -> category key
    categories: dict[str, _Category]
    groups: tuple[_Group, ...]
    country_names: dict[str, str]
    with_the: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data: dict[str, Any] = load_json("actors.json")
    categories = {
        key: _Category(key, value["template"], int(value["kind"]))
        for key, value in data["categories"].items()
    }
    phrases = {
        phrase: categories[key]
        for key, value in data["categories"].items()
        for phrase in value["phrases"]
    }
    modifiers = {word: key for key, words in data["modifiers"].items() for word in words}
    groups = tuple(
        _Group(
            group["name"],
            int(group["kind"]),
            group.get("country"),
            re.compile(
                r"(?<![\w-])(?:"
                + "|".join(re.escape(a) for a in sorted(group["aliases"], key=len, reverse=True))
                + r")(?![\w-])",
                re.IGNORECASE if all(len(a) > 4 for a in group["aliases"]) else 0,
            ),
        )
        for group in data["groups"]
    )
    names = data["country_names"]
    return _Lexicon(
        phrases,
        max(len(p.split()) for p in phrases),
        modifiers,
        categories,
        groups,
        dict(names["names"]),
        frozenset(names["with_the"]),
    )


def country_display_name(code: str) -> str:
    """The country as ACLED writes it in actor names ("the United Kingdom", "Syria")."""
    lexicon = _lexicon()
    name = lexicon.country_names.get(code)
    if name is None:
        record = pycountry.countries.get(alpha_2=code)
        name = getattr(record, "common_name", None) or getattr(record, "name", None) or code
    return f"the {name}" if code in lexicon.with_the else name


def generic_actor(category: str, country: str | None) -> Actor:
    """A generic actor of ``category`` ("military", "rebels", ...) in ``country``."""
    entry = _lexicon().categories[category]
    if country is None:
        name = entry.template.replace(" of {country}", "").replace(" ({country})", "")
        return Actor(name, entry.kind)
    display = country_display_name(country)
    if "({country})" in entry.template:
        display = display.removeprefix("the ")
    return Actor(entry.template.format(country=display), entry.kind, country)


def _base_form(token: Token) -> str:
    """The lowercase lemma; a capitalised plural the tagger took for a name ("Rebels") too."""
    lemma = token.lemma.lower()
    if token.pos == "PROPN" and lemma == token.text.lower() and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def _lemma_phrase(tokens: tuple[Token, ...], start: int, end: int) -> str:
    return " ".join(_base_form(t) for t in tokens[start:end]).replace(" - ", "-")


def _mention_country(parsed: ParsedDoc, head: Token, lower: int, upper: int) -> str | None:
    """The country a mention names for itself: "Syrian troops", "Syria's army", "army of Mali"."""
    for token in parsed.tokens[lower:upper]:
        if token.head != head.i or token.i == head.i:
            continue
        if token.dep in _MODIFIER_DEPS | {"prep"}:
            candidates = (
                [token]
                if token.dep != "prep"
                else [t for t in parsed.tokens[token.i + 1 : upper] if t.head == token.i]
            )
            for candidate in candidates:
                code = country_of_demonym(candidate.text)
                if code:
                    return code
    return None


def _country_named(name: str) -> str | None:
    """The code of a country written by its name ("Syria's army"), whatever the resolver chose."""
    if not name[:1].isupper():
        return None
    lexicon = _lexicon()
    for code, display in lexicon.country_names.items():
        if display.lower() == name.lower():
            return code
    try:
        record = pycountry.countries.lookup(name)
    except LookupError:
        return None
    return str(record.alpha_2)


def _country_codes(placed: PlacedDoc) -> dict[str, str]:
    """Country names mentioned in the text, mapped to their codes (for "Syria's army")."""
    codes: dict[str, str] = {}
    for mention in placed.mentions:
        if mention.place.precision.value == "country" and mention.place.country:
            codes[mention.text.removesuffix("'s").removesuffix("’s").lower()] = (
                mention.place.country
            )
    return codes


def _generic_mentions(placed: PlacedDoc) -> list[ActorMention]:
    parsed = placed.parsed
    tokens = parsed.tokens
    lexicon = _lexicon()
    focus = placed.focus.country if placed.focus else None
    named_countries = _country_codes(placed)
    mentions: list[ActorMention] = []
    for sentence in parsed.sentences:
        lower, upper = sentence.token_start, sentence.token_end
        for head in tokens[lower:upper]:
            if head.pos not in _NOUN_POS or head.dep == "compound":
                continue
            category = None
            start = head.i
            for size in range(min(lexicon.longest, head.i - lower + 1), 0, -1):
                found = lexicon.phrases.get(_lemma_phrase(tokens, head.i - size + 1, head.i + 1))
                if found:
                    category, start = found, head.i - size + 1
                    break
            if category is None:
                continue
            # "rebel forces", "government troops": a modifier decides the side
            for child in tokens[lower:upper]:
                if child.head == head.i and child.dep in _MODIFIER_DEPS and child.i < head.i:
                    key = lexicon.modifiers.get(child.lemma)
                    if key and key != category.key:
                        category, start = lexicon.categories[key], min(start, child.i)
            country = _mention_country(parsed, head, lower, upper)
            if country is None:
                for child in tokens[lower:upper]:
                    if child.head == head.i and child.dep == "poss":
                        country = named_countries.get(child.text.lower()) or _country_named(
                            child.text
                        )
            actor = generic_actor(category.key, country or focus)
            first = tokens[start]
            mentions.append(
                ActorMention(
                    text=parsed.document.text[first.start : head.end],
                    span=Span(first.start, head.end),
                    sentence=sentence.index,
                    actor=actor,
                    token_start=start,
                    token_end=head.i + 1,
                    head=head.i,
                )
            )
    return mentions


def _token_range(parsed: ParsedDoc, start: int, end: int) -> tuple[int, int] | None:
    inside = [t.i for t in parsed.tokens if t.start >= start and t.end <= end]
    return (inside[0], inside[-1] + 1) if inside else None


def _group_mentions(parsed: ParsedDoc) -> list[ActorMention]:
    text = parsed.document.text
    mentions: list[ActorMention] = []
    for sentence in parsed.sentences:
        for group in _lexicon().groups:
            for match in group.pattern.finditer(text, sentence.start, sentence.end):
                tokens = _token_range(parsed, match.start(), match.end())
                if tokens is None:
                    continue
                mentions.append(
                    ActorMention(
                        text=match.group(),
                        span=Span(match.start(), match.end()),
                        sentence=sentence.index,
                        actor=Actor(group.name, group.kind, group.country),
                        token_start=tokens[0],
                        token_end=tokens[1],
                        head=tokens[1] - 1,
                    )
                )
    return mentions


def find(placed: PlacedDoc) -> ActorDoc:
    groups = _group_mentions(placed.parsed)
    covered = {i for m in groups for i in range(m.token_start, m.token_end)}
    tokens = placed.parsed.tokens
    # "Hezbollah fighters", "Taliban militants": the group names the generic noun
    named = {tokens[i].head for i in covered if tokens[i].dep in _MODIFIER_DEPS}
    generic = [
        m for m in _generic_mentions(placed) if m.head not in covered and m.head not in named
    ]
    mentions = sorted(groups + generic, key=lambda m: m.span.start)
    return ActorDoc(placed, tuple(mentions))
