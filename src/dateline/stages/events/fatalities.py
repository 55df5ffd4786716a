"""Counting the dead: "some 150 troops died", "killed at least 12", "dozens were killed".

Counts follow ACLED's conservative convention (``resources/numbers.json``):
vague words map to low figures and open intervals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.stages.events.lexicon import lexicon
from dateline.types import Fatalities, Span, Token

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")
_BEFORE_DEATH = 6  # "150 regime troops died", "50 of those killed were executed"
_AFTER_DEATH = 4
_CONJOINED_GAP = 4  # "four Ulsterbus workers and two soldiers"
_SINGLE_PRONOUNS = {"he", "she", "him", "her"}
_INTRANSITIVE = {"die", "perish"}  # "killed hundreds", "killing at least 10 people"


@dataclass(frozen=True)
class Count:
    start: int  # token range, half-open
    end: int
    low: int
    high: int | None


def _phrase_at(tokens: tuple[Token, ...], i: int, table: dict[str, int] | list[str]) -> int:
    """Length in tokens of the longest entry of ``table`` starting at token ``i`` (0 if none)."""
    best = 0
    for words in _by_first_word(id(table), table).get(tokens[i].text.lower(), ()):
        window = [t.text.lower() for t in tokens[i : i + len(words)]]
        if list(words) == window and len(words) > best:
            best = len(words)
    return best


_INDEXES: dict[int, dict[str, list[tuple[str, ...]]]] = {}


def _by_first_word(key: int, table: dict[str, int] | list[str]) -> dict[str, list[tuple[str, ...]]]:
    """The entries of a (process-wide, never changing) table indexed by their first word."""
    index = _INDEXES.get(key)
    if index is None:
        index = {}
        for entry in table:
            words = tuple(entry.split())
            index.setdefault(words[0], []).append(words)
        _INDEXES[key] = index
    return index


def _number(tokens: tuple[Token, ...], i: int) -> tuple[int, int, bool] | None:
    """(value, tokens used, vague) of the number starting at token ``i``."""
    numbers = lexicon().numbers
    text = tokens[i].text.lower()
    if _DIGITS.match(text):
        value, used = int(text.replace(",", "")), 1
    elif size := _phrase_at(tokens, i, numbers["vague"]):
        phrase = " ".join(t.text.lower() for t in tokens[i : i + size])
        return int(numbers["vague"][phrase]), size, True
    elif size := _phrase_at(tokens, i, numbers["words"]):
        phrase = " ".join(t.text.lower() for t in tokens[i : i + size])
        value, used = int(numbers["words"][phrase]), size
        # "twenty-five", "two hundred"
        if i + used + 1 < len(tokens) and tokens[i + used].text == "-":
            more = numbers["words"].get(tokens[i + used + 1].text.lower())
            if more and more < 10:
                value, used = value + int(more), used + 2
    else:
        return None
    if i + used < len(tokens):
        multiplier = numbers["multipliers"].get(tokens[i + used].text.lower())
        if multiplier:
            value, used = value * int(multiplier), used + 1
    return value, used, False


def find_counts(tokens: tuple[Token, ...], excluded: list[Span]) -> list[Count]:
    """Counts of people in a sentence (not years, percentages, ages or distances)."""
    numbers = lexicon().numbers
    units = set(numbers["non_victim_units"])
    counts: list[Count] = []
    i = 0
    while i < len(tokens):
        start, qualifier = i, None
        for kind in ("exclusive", "lower_bound", "estimate"):
            if size := _phrase_at(tokens, i, numbers[kind]):
                qualifier, i = kind, i + size
                break
        parsed = _number(tokens, i) if i < len(tokens) else None
        if parsed is None:
            i = start + 1
            continue
        value, used, vague = parsed
        end = i + used
        following = tokens[end].text.lower() if end < len(tokens) else ""
        if following in {"-", "–"} and end + 1 < len(tokens):
            following = tokens[end + 1].text.lower()  # "a 20-year-old", "a 5-km stretch"
        preceding = tokens[start - 1].text.lower() if start > 0 else ""
        inside_date = any(s.start <= tokens[i].start < s.end for s in excluded)
        is_year = not vague and 1900 <= value <= 2100 and tokens[i].text.isdigit()
        is_age = preceding in numbers["non_victim_before"]  # "a man aged 35"
        if following in units or inside_date or is_year or is_age or value == 0:
            i = end
            continue
        if vague or qualifier == "lower_bound":
            low, high = value, None
        elif qualifier == "exclusive":
            low, high = value + 1, None
        else:
            low, high = value, value
        # "between 10 and 15", "10 to 15"
        if end + 1 < len(tokens) and tokens[end].text.lower() in {"to", "and", "-"}:
            upper = _number(tokens, end + 1)
            if upper and not upper[2] and upper[0] > value:
                high, end = upper[0], end + 1 + upper[1]
        counts.append(Count(start, end, low, high))
        i = end
    return counts


_PHRASE_BREAKS = {"and", "but", "while", "whereas", ";", ",", "including"}


def _same_phrase(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """No clause break between a count and its death word ("killed 3, and 2 million fled")."""
    return not any(t.text.lower() in _PHRASE_BREAKS for t in tokens[start:end])


def _is_death_word(token: Token) -> bool:
    return token.lemma in lexicon().numbers["death_words"] or token.text.lower() in {
        "dead",
        "killed",
    }


def find_fatalities(
    tokens: tuple[Token, ...], excluded: list[Span], text: str
) -> tuple[Fatalities, Span, int] | None:
    """The death toll a sentence reports, its span, and the index of the death word."""
    deaths = [k for k, t in enumerate(tokens) if _is_death_word(t)]
    if not deaths:
        return None
    best: tuple[Fatalities, Span, int] | None = None
    counts = _with_conjoined(tokens, find_counts(tokens, excluded))
    for count in counts:
        near = [
            d
            for d in deaths
            if (count.end <= d < count.end + _BEFORE_DEATH and _same_phrase(tokens, count.end, d))
            or (
                count.start - _AFTER_DEATH <= d < count.start
                and _same_phrase(tokens, d + 1, count.start)
            )
        ]
        if not near:
            continue
        death = near[0]
        first, last = min(count.start, death), max(count.end - 1, death)
        span = Span(tokens[first].start, tokens[last].end)
        found = Fatalities(count.low, count.high, text[span.start : span.end])
        if best is None or found.min > best[0].min:
            best = (found, span, tokens[death].i)
    return best


def _with_conjoined(tokens: tuple[Token, ...], counts: list[Count]) -> list[Count]:
    """ "four bus workers and two soldiers were killed": one toll of six."""
    joined: list[Count] = []
    for count in counts:
        previous = joined[-1] if joined else None
        between = tokens[previous.end : count.start] if previous else ()
        if (
            previous is not None
            and 0 < len(between) <= _CONJOINED_GAP
            and between[-1].text.lower() == "and"
            and not any(t.pos in {"VERB", "AUX"} or t.text in {";", ":"} for t in between)
            and previous.high is not None
            and count.high is not None
        ):
            joined[-1] = Count(
                previous.start,
                count.end,
                previous.low + count.low,
                previous.high + count.high,
            )
            continue
        joined.append(count)
    return joined


def one_victim(tokens: tuple[Token, ...], text: str) -> tuple[Fatalities, Span, int] | None:
    """ "a man was shot dead", "the general died": one death, no number needed.

    Only for a sentence that reports a killing: a lone "a man" elsewhere counts no one.
    """
    deaths = [k for k, t in enumerate(tokens) if _is_death_word(t)]
    by_index = {t.i: k for k, t in enumerate(tokens)}
    for d in deaths:
        death = tokens[d]
        if death.pos != "VERB" and death.head in by_index:
            death = tokens[by_index[death.head]]  # "shot dead": the verb holds the victim
        if death.pos != "VERB":
            continue
        # the one who died: subject of "died" or "was killed", object of "killed"
        victim_deps = {"nsubjpass", "dobj"} | ({"nsubj"} if death.lemma in _INTRANSITIVE else set())
        for token in tokens:
            if token.head != death.i or token.dep not in victim_deps:
                continue
            single = token.tag in {"NN", "NNP"} or token.text.lower() in _SINGLE_PRONOUNS
            negated = any(t.dep == "neg" and t.head == death.i for t in tokens)
            person = token.lemma.lower() not in lexicon().numbers["non_person_subjects"]
            if single and person and not negated:
                first, last = sorted((by_index[token.i], by_index[death.i]))
                span = Span(tokens[first].start, tokens[last].end)
                return Fatalities(1, 1, text[span.start : span.end]), span, death.i
    return None
