"""Place names in a sentence, before resolution.

Recognition does not trust the NER labels alone (small models tag many Arabic place
names as PERSON, and countries as ORG): a name next to a place word ("the X
neighbourhood", "the town of X", "X province", "districts like X") is a place whatever
its label; a country's or division's own name is a place under any label, and so is the
place an organisation is named after ("Ohio Department of ...", "the Athens Police
Department"); a town's name is one after "in", "near", "from"; an all-capitals dateline
("TORRINGTON —") names a place; a demonym names its country ("Canadian officials"), not
its people ("three Canadians").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from dateline.gazetteer import Gazetteer, country_of_demonym, normalize_name
from dateline.resources import load_json
from dateline.stages.datelines import dateline_name
from dateline.types import ParsedDoc, Token

_NAME_JOINERS = {"al", "el", "bin", "ibn", "abu", "bab", "de", "del", "da", "-"}


@dataclass(frozen=True)
class _Phrase:
    """A place phrase before resolution."""

    name: str
    start: int  # document token indices, half-open
    end: int
    kind: str | None  # "sub_place", "site", "settlement", "admin1", "admin2" or None
    parent: str | None = None  # "X neighbourhood of <parent>"
    division: str | None = None  # "the <division> province town of X"
    label: str = ""


@cache
def _words() -> dict[str, frozenset[str]]:
    data = load_json("place_words.json")
    return {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}


def place_kind(word: str) -> str | None:
    lowered = word.lower()
    for kind in ("sub_place", "site", "epithet", "settlement", "admin1", "admin2"):
        if lowered in _words()[kind]:
            return kind
    return None


def _names_a_natural_feature(parsed: ParsedDoc, phrase: _Phrase) -> bool:
    """ "the Shabelle river": a river or a valley is not a part of the nearest town."""
    after = parsed.tokens[phrase.end] if phrase.end < len(parsed.tokens) else None
    last = parsed.tokens[phrase.end - 1]
    return any(
        token is not None and token.text.lower() in _words()["natural"] for token in (after, last)
    )


def _is_name_token(token: Token) -> bool:
    if token.text[:1].isupper() and token.text.lower() in _NAME_JOINERS:
        return True  # "Bab Hud", "Al Qusayr", "Abu Kamal"
    return token.pos == "PROPN" or (
        token.text[:1].isupper() and token.pos in {"NOUN", "ADJ", "X"} and token.dep == "compound"
    )


def _is_joiner(token: Token) -> bool:
    return token.text.lower() in _NAME_JOINERS


def _name_before(tokens: tuple[Token, ...], index: int, lower: int) -> int:
    """Start of the proper name ending just before ``index`` (``index`` if none)."""
    start, j = index, index - 1
    while j >= lower:
        if _is_name_token(tokens[j]):
            start, j = j, j - 1
            continue
        # joiners ("al", "bin", "-") belong to a name only between name words
        k = j
        while k >= lower and _is_joiner(tokens[k]):
            k -= 1
        if k == j or k < lower or not _is_name_token(tokens[k]) or start == index:
            break
        start, j = k, k - 1
    return start


def _name_after(tokens: tuple[Token, ...], index: int, upper: int) -> int:
    """End of the proper name starting at ``index`` (``index`` if none)."""
    end = index
    while end < upper:
        if _is_name_token(tokens[end]):
            end += 1
            continue
        k = end
        while k < upper and _is_joiner(tokens[k]):
            k += 1
        if k == end or k >= upper or not _is_name_token(tokens[k]) or end == index:
            break
        end = k
    return end


def _text(parsed: ParsedDoc, start: int, end: int) -> str:
    text = parsed.document.text
    return text[parsed.tokens[start].start : parsed.tokens[end - 1].end]


def _cue_phrases(parsed: ParsedDoc, lower: int, upper: int, gazetteer: Gazetteer) -> list[_Phrase]:
    """Places announced by a place word: "X neighbourhood", "town of X", "X province"."""
    tokens = parsed.tokens
    phrases: list[_Phrase] = []
    for i in range(lower, upper):
        token = tokens[i]
        kind = place_kind(token.text)
        if token.text.lower() in _words()["street"]:
            kind = "street"
        if kind is None and place_kind(token.lemma) == "sub_place" and token.pos == "NOUN":
            # "districts like X and Y": parts of the town the text is about
            listed = _listed_after(tokens, i + 1, upper)
            phrases += [_Phrase(_text(parsed, a, b), a, b, "sub_place") for a, b in listed]
            continue
        if kind is None or token.pos not in {"NOUN", "PROPN"}:
            continue
        if kind == "admin1" and token.text == "Department":
            continue  # "the Athens Police Department": an institution (see _town_prefix)
        name_start = _name_before(tokens, i, lower)
        named_before = name_start < i
        has_of = i + 1 < upper and tokens[i + 1].text.lower() == "of"
        after_start = i + 2
        after_end = _name_after(tokens, after_start, upper) if has_of else after_start
        named_after = after_end > after_start
        division = None
        # "the Homs province town of X": a division named before the place word
        if i - 1 >= lower and place_kind(tokens[i - 1].text) == "admin1":
            div_start = _name_before(tokens, i - 1, lower)
            if div_start < i - 1:
                division = _text(parsed, div_start, i - 1)
        if named_before and kind == "street" and token.text[:1].isupper():
            # "Oxford Street", "London Bridge": the street's name, not the town it is in
            phrases.append(_Phrase(_text(parsed, name_start, i + 1), name_start, i + 1, "street"))
            continue
        if named_before and kind == "site" and not token.text[:1].isupper():
            name = _text(parsed, name_start, i)
            if _is_place_name(gazetteer, name, "", True, i - name_start):
                # "a Baghdad hospital", "the Athens school board": the town it is in
                phrases.append(_Phrase(name, name_start, i, None))
                continue
        if named_before:
            name_end = i + 1 if kind == "site" and token.text[:1].isupper() else i
            if place_kind(_text(parsed, name_start, i + 1)) == "sub_place":
                name_end, kind = i + 1, "sub_place"  # "the Old City": named by its kind
            parent = _text(parsed, after_start, after_end) if named_after else None
            phrases.append(
                # the span is the name: "Khaldiyeh" of "Khaldiyeh neighbourhood"; a
                # division's word is part of its name ("Idlib province")
                _Phrase(
                    _text(parsed, name_start, name_end),
                    name_start,
                    i + 1 if kind in {"admin1", "admin2"} else name_end,
                    kind,
                    parent,
                    division,
                )
            )
        elif kind == "sub_place" and (listed := _listed_after(tokens, i + 1, upper)):
            # "districts such as X and Y": parts of the town the text is about
            phrases += [_Phrase(_text(parsed, a, b), a, b, "sub_place") for a, b in listed]
        elif named_after:
            phrases.append(
                _Phrase(
                    _text(parsed, after_start, after_end),
                    after_start,
                    after_end,
                    kind if kind != "sub_place" else "sub_place_or_parent",
                    None,
                    division,
                )
            )
    return phrases


_LIST_OPENERS = (("like",), ("such", "as"), ("including",))


def _listed_after(tokens: tuple[Token, ...], index: int, upper: int) -> list[tuple[int, int]]:
    """The names listed after "like", "such as" or "including" at ``index``."""
    for opener in _LIST_OPENERS:
        words = [t.text.lower() for t in tokens[index : index + len(opener)]]
        if tuple(words) == opener:
            break
    else:
        return []
    names = []
    position = index + len(opener)
    while position < upper:
        end = _name_after(tokens, position, upper)
        if end == position:
            break
        names.append((position, end))
        if end < upper and tokens[end].text.lower() in {"and", ",", "or"}:
            position = end + 1
            continue
        break
    return names


def _strip_name(text: str) -> str:
    text = text.strip()
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article) :]
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return text.strip(" -,.")


def _without_direction(gazetteer: Gazetteer, name: str) -> str | None:
    """ "Northeast Georgia" -> "Georgia": a part of a place the index lacks is named by the
    place; "South Africa" and "West Virginia" are names of their own."""
    first, _, rest = name.partition(" ")
    if not rest or first.lower() not in _words()["directions"]:
        return None
    if any(c.exact for c in gazetteer.lookup(name, limit=1)):
        return None
    return rest


def _entity_phrases(
    parsed: ParsedDoc, lower: int, upper: int, taken: set[int], gazetteer: Gazetteer
) -> list[_Phrase]:
    labels = _words()["entity_labels"]
    phrases = []
    for mention in parsed.entities:
        if not (lower <= mention.token_start < upper) or mention.label not in labels:
            continue
        if any(i in taken for i in range(mention.token_start, mention.token_end)):
            continue
        name = _strip_name(mention.text)
        kind = None
        words = name.split()
        # "Homs city", "Homs province": the last word types the place
        end = mention.token_end
        if place_kind(name) == "sub_place":
            kind = "sub_place"  # "the Old City": a part of the town, named by its kind
        elif len(words) > 1 and (last := place_kind(words[-1])) in {
            "settlement",
            "admin1",
            "admin2",
        }:
            if last == "settlement" and parsed.tokens[end - 1].text == words[-1]:
                end -= 1  # "Fargo city": the span is the name
            name, kind = " ".join(words[:-1]), last
        start = _after_article(parsed.tokens, mention.token_start, mention.token_end)
        if kind is None and (bare := _without_direction(gazetteer, name)) is not None:
            name, start = bare, start + 1
        if name:
            phrases.append(_Phrase(name, start, end, kind, label=mention.label))
    return phrases


def _known_names(
    parsed: ParsedDoc, lower: int, upper: int, found: list[_Phrase], known: Mapping[str, object]
) -> list[_Phrase]:
    """Entities of any label, and untagged names, that name a place already resolved in
    this article: one name, one place ("Afgooye" the model tags in the headline only)."""
    tokens = parsed.tokens
    taken = {i for p in found for i in range(p.start, p.end)}
    spans = [(m.token_start, m.token_end) for m in parsed.entities]
    spans += _name_runs(tokens, lower, upper, lambda i: tokens[i].ent_type == "")
    phrases = []
    for first, end in spans:
        start = _after_article(tokens, first, end)
        if not (lower <= start < upper) or any(j in taken for j in range(start, end)):
            continue
        name = _strip_name(_text(parsed, start, end))
        if name and normalize_name(name) in known:
            phrases.append(_Phrase(name, start, end, None))
            taken.update(range(start, end))
    return phrases


def _name_runs(
    tokens: tuple[Token, ...], lower: int, upper: int, opens: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """The (start, end) of each run of name tokens whose first token ``opens`` accepts."""
    runs = []
    i = lower
    while i < upper:
        if opens(i) and _is_name_token(tokens[i]):
            end = max(_name_after(tokens, i, upper), i + 1)
            runs.append((i, end))
            i = end
        else:
            i += 1
    return runs


def _after_article(tokens: tuple[Token, ...], start: int, end: int) -> int:
    """Where a name starts: "the United States" is named after its article."""
    return start + 1 if start + 1 < end and tokens[start].text.lower() == "the" else start


_PLACE_PREPOSITIONS = {"in", "near", "from", "at", "outside", "across", "into"}
_INSIDE_PREPOSITIONS = {"in", "near", "outside"}
_BIG_TOWN = 100_000  # a one-word organisation name this large a town is the town ("Toronto")


def _mislabelled_places(
    parsed: ParsedDoc, lower: int, upper: int, taken: set[int], gazetteer: Gazetteer
) -> list[_Phrase]:
    """Names the model tagged as a person or organisation, or missed, that are places.

    A country's or first-level division's own name is a place whatever its label; a town's
    name only after a place preposition ("in", "near", "north of").
    """
    tokens = parsed.tokens
    spans = [
        (m.token_start, m.token_end, m.label)
        for m in parsed.entities
        if lower <= m.token_start < upper and m.label in _words()["cue_entity_labels"]
    ]
    spans += [
        (start, end, "")  # capitalised names no entity covers
        for start, end in _name_runs(
            tokens,
            lower,
            upper,
            lambda i: (
                i not in taken
                and (tokens[i].ent_type == "" or _after_preposition_in_title(tokens, i, lower))
            ),
        )
    ]
    phrases = []
    for start, end, label in spans:
        if any(j in taken for j in range(start, end)):
            continue
        start = _after_article(tokens, start, end)
        name = _strip_name(_text(parsed, start, end))
        if not name or not name[:1].isupper():
            continue
        if label == "NORP":
            # "Canadian troops" names a country; "three Canadians" names people
            plural = tokens[end - 1].tag in {"NNS", "NNPS"}
            if not plural and (code := country_of_demonym(name.split()[-1])) is not None:
                phrases.append(_Phrase(code, start, end, "demonym", label=label))
            continue
        after_preposition = start > lower and tokens[start - 1].text.lower() in _PLACE_PREPOSITIONS
        # "in Derry": a town's name right after "in" is the town, whatever the tagger says
        inside = start > lower and tokens[start - 1].text.lower() in _INSIDE_PREPOSITIONS
        # "Grovetown police": a town's name before a local institution's word, whatever
        # the model took it for
        local = _names_local_body(tokens, end, upper)
        as_label = "" if inside or local else label
        if _is_place_name(gazetteer, name, as_label, after_preposition or local, end - start):
            phrases.append(_Phrase(name, start, end, None, label=label or "GPE"))
        elif prefix := _town_prefix(parsed, start, end, gazetteer, label):
            phrases.append(prefix)
    return phrases


def _names_local_body(tokens: tuple[Token, ...], index: int, upper: int) -> bool:
    return index < upper and tokens[index].text.lower() in _words()["local_bodies"]


def _town_prefix(
    parsed: ParsedDoc, start: int, end: int, gazetteer: Gazetteer, label: str
) -> _Phrase | None:
    """The place an organisation is named after: a country or division ("Ohio Department
    of Transportation"), or a town before a local institution's word ("Athens Police
    Department", "Dublin Arts Council", "Athens Parks" even where tagged a person)."""
    if label not in {"ORG", "", "PERSON"}:
        return None
    tokens = parsed.tokens
    if tokens[start].text.lower() in _words()["institution_modifiers"]:
        return None  # "Federal Police", "Supreme Court"
    for cut in range(min(end - 1, start + _PREFIX_TOKENS), start, -1):
        if not all(_is_name_token(t) for t in tokens[start:cut]):
            continue
        prefix = _strip_name(_text(parsed, start, cut))
        local = _names_local_body(tokens, cut, end)
        if label == "PERSON" and not local:
            continue
        if _is_place_name(gazetteer, prefix, "ORG", local, 0):
            return _Phrase(prefix, start, cut, None, label="ORG")
    return None


_PREFIX_TOKENS = 3
_TITLE_LABELS = {"EVENT", "WORK_OF_ART", "LAW"}


def _after_preposition_in_title(tokens: tuple[Token, ...], i: int, lower: int) -> bool:
    """A name after "in" inside a title-like entity ("Bloody Sunday in Derry")."""
    return (
        tokens[i].ent_type in _TITLE_LABELS
        and i > lower
        and tokens[i - 1].text.lower() in _PLACE_PREPOSITIONS
    )


def _is_place_name(
    gazetteer: Gazetteer, name: str, label: str, after_preposition: bool, length: int
) -> bool:
    found = [c for c in gazetteer.lookup(name, limit=5) if c.exact]
    if any(c.feature in {"country", "admin1", "region"} for c in found):
        return True
    towns = [c for c in found if c.feature == "city" and c.match == "exact"]
    big_town = length == 1 and any(c.population >= _BIG_TOWN for c in towns)
    return label != "PERSON" and bool(towns) and (after_preposition or big_town)


# ---------------------------------------------------------------- resolution


def _sentence_phrases(
    parsed: ParsedDoc, lower: int, upper: int, gazetteer: Gazetteer
) -> list[_Phrase]:
    phrases = _cue_phrases(parsed, lower, upper, gazetteer)
    taken = {i for p in phrases for i in range(p.start, p.end)}
    phrases += _entity_phrases(parsed, lower, upper, taken, gazetteer)
    taken = {i for p in phrases for i in range(p.start, p.end)}
    phrases += _mislabelled_places(parsed, lower, upper, taken, gazetteer)
    taken = {i for p in phrases for i in range(p.start, p.end)}
    phrases += _dateline_place(parsed, lower, upper, taken, gazetteer)
    return phrases


def _dateline_place(
    parsed: ParsedDoc, lower: int, upper: int, taken: set[int], gazetteer: Gazetteer
) -> list[_Phrase]:
    """ "TORRINGTON — The council met": the all-capitals town a report was filed from,
    which the model seldom tags."""
    end = dateline_name(parsed.tokens, lower, upper)
    if end is None or any(i in taken for i in range(lower, end)):
        return []
    name = _text(parsed, lower, end).title()
    if not _is_place_name(gazetteer, name, "", True, end - lower):
        return []
    return [_Phrase(name, lower, end, None, label="GPE")]
