"""The geo stage: find place names, resolve them against the gazetteer.

Recognition does not trust the NER labels alone (small models tag many
Arabic place names as PERSON, and countries as ORG): a name next to a place
word ("the X neighbourhood", "the town of X", "X province", "districts like
X") is a place whatever its label; a country's or division's own name is a
place under any label, and so is the place an organisation is named after
("Ohio Department of ..."); a town's name is one after "in", "near", "from";
a demonym names its country. Resolution (``gazetteer.resolve``) weighs all the
article's names together: population and feature priors, the article's
countries, divisions written next to a name, proximity. A sub-place the
gazetteer lacks is coded at the town it lies in, with precision
``neighbourhood`` (``exact`` for buildings); a street or bridge ("Oxford Street",
"London Bridge") is coded at the article's town, or at a town of the article its name
starts with, never at the town it is named after. A name without a place word whose
words are a person's name elsewhere in the article ("Tamerlan" of "Tamerlan Tsarnaev")
is no place unless it is a country, a division or a large town of that exact name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from dateline.gazetteer import (
    Candidate,
    Gazetteer,
    country_of_demonym,
    ensure_gazetteer,
    normalize_name,
)
from dateline.gazetteer.home import NO_HOME, HomeRegions
from dateline.gazetteer.resolve import (
    DocumentResolver,
    Resolved,
    Toponym,
    candidates,
    container_after,
    locale_votes,
    place_of,
    prior,
    same_name,
)
from dateline.gazetteer.weights import weights
from dateline.resources import load_json
from dateline.stages.datelines import dateline_name
from dateline.types import (
    ParsedDoc,
    Place,
    PlacedDoc,
    PlaceMention,
    Precision,
    Span,
    TimedDoc,
    Token,
)

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
    i = lower
    while i < upper:
        if tokens[i].ent_type == "" and _is_name_token(tokens[i]):
            end = max(_name_after(tokens, i, upper), i + 1)
            spans.append((i, end))
            i = end
        else:
            i += 1
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
    i = lower
    while i < upper:  # capitalised names no entity covers
        if (
            i not in taken
            and _is_name_token(tokens[i])
            and (tokens[i].ent_type == "" or _after_preposition_in_title(tokens, i, lower))
        ):
            end = _name_after(tokens, i, upper)
            spans.append((i, max(end, i + 1), ""))
            i = max(end, i + 1)
        else:
            i += 1
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
    for cut in range(min(end - 1, start + _PREFIX_TOKENS), start, -1):
        if not all(_is_name_token(t) for t in tokens[start:cut]):
            continue
        if tokens[start].text.lower() in _words()["institution_modifiers"]:
            return None  # "Federal Police", "Supreme Court"
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


def _demonym_votes(parsed: ParsedDoc) -> dict[str, float]:
    """Country adjectives ("Syrian forces") as votes for the article's country.

    Each counts for less than a place named outright: foreign forces ("Russian
    aircraft") are often the ones a place's own article mentions.
    """
    votes: dict[str, float] = {}
    for mention in parsed.entities:
        if mention.label == "NORP" and (name := _strip_name(mention.text)):
            code = country_of_demonym(name.split()[0])
            if code:
                votes[code] = votes.get(code, 0.0) + weights()["vote_demonym"]
    return votes


def _place_from(candidate: Candidate, precision: Precision | None = None) -> Place:
    return place_of(candidate, precision)


_COARSENESS = list(Precision)  # finest first


def _coarser(a: Precision, b: Precision) -> Precision:
    return a if _COARSENESS.index(a) > _COARSENESS.index(b) else b


class _Resolver:
    """Resolves the place phrases of one document, remembering what each name meant."""

    def __init__(
        self, gazetteer: Gazetteer, focus: str | None, document: Mapping[str, Resolved]
    ) -> None:
        self.gazetteer = gazetteer
        self.focus = focus
        self.document = document  # the names resolved together over the whole article
        self.towns: list[Place] = []  # towns resolved so far: anchors for sub-places
        self.known: dict[str, tuple[Place, float]] = {}  # one sense per name per article

    def best(self, name: str, division: str | None = None) -> tuple[Candidate, float] | None:
        key = normalize_name(name)
        if division is None and key in self.document:
            found = self.document[key]
            return found.candidate, found.score
        options = candidates(self.gazetteer, name)
        if not any(c.exact for c in options):
            # a spelling match alone counts only in the article's own country
            options = [c for c in options if c.country == self.focus]
        if division:
            inside = [c for c in options if c.admin1_name and same_name(c.admin1_name, division)]
            options = inside or options
        if not options:
            return None
        best = max(options, key=lambda c: prior(c) + (3.0 if c.country == self.focus else 0.0))
        return best, 0.5

    def admin1(self, name: str) -> Place | None:
        division = self.gazetteer.admin1(name, self.focus)
        if division is None and self.focus is not None:
            # a province named outright outweighs a focus guessed from other words
            division = self.gazetteer.admin1(name)
        if division is None:
            return None
        # provinces are coded at their capital when it carries the province's name
        for candidate in self.gazetteer.lookup(name, country=division.country, limit=10):
            if candidate.feature == "city" and candidate.admin1_code == division.admin1_code:
                return Place(
                    name=division.name,
                    country=division.country,
                    lat=candidate.lat,
                    lon=candidate.lon,
                    precision=Precision.ADMIN1,
                    admin1=division.name,
                    geonameid=division.geonameid,
                )
        return _place_from(division, Precision.ADMIN1)

    def main_town(self) -> Place | None:
        """The town the article is about so far: the most mentioned, then the latest."""
        towns = [p for p in self.towns if self.focus is None or p.country == self.focus]
        if not towns:
            return None
        counts = Counter(p.geonameid for p in towns)
        return max(reversed(towns), key=lambda p: counts[p.geonameid])

    def _town(
        self, candidate: Candidate, confidence: float, precision: Precision | None = None
    ) -> tuple[Place, float]:
        place = _place_from(candidate)
        if candidate.feature == "city":
            self.towns.append(place)
        return (replace(place, precision=precision) if precision else place), confidence

    def resolve(self, phrase: _Phrase) -> tuple[Place, float] | None:
        """The place a phrase names when the gazetteer knows it; None for unknown sub-places."""
        if phrase.kind == "demonym":  # "Syrian": the country, named by its adjective
            country = self.gazetteer.country(phrase.name)
            return (_place_from(country, Precision.COUNTRY), 0.9) if country else None
        key = normalize_name(phrase.name)
        if key in self.known:
            place, score = self.known[key]
            if place.precision in {Precision.TOWN, Precision.NEIGHBOURHOOD} and not place.anchor:
                self.towns.append(replace(place, precision=Precision.TOWN))
            return place, score
        resolved = self._resolve(phrase)
        if resolved is not None:
            self.known[key] = resolved
        return resolved

    def _resolve(self, phrase: _Phrase) -> tuple[Place, float] | None:
        kind = phrase.kind
        if kind == "admin1":
            place = self.admin1(phrase.name)
            return (place, 0.8) if place else None
        if kind == "sub_place":
            # "Arghandab district (of Kandahar)": a second-level division of that name;
            # "the Homs district": a part of a known town
            found = self.best(phrase.name, phrase.parent)
            if not (
                found
                and found[0].exact  # a spelling match alone is another place's name
                and found[0].country in {self.focus, None}
            ):
                return None
            if found[0].feature in {"admin2", "admin3"}:
                return _place_from(found[0]), found[1]
            if found[0].feature == "city" and phrase.parent is None:
                return self._town(found[0], found[1], Precision.NEIGHBOURHOOD)
            return None
        if kind in {"sub_place", "site", "street"}:
            return None  # named parts and buildings are anchored to their town later
        found = self.best(phrase.name, phrase.division)
        if found is None:
            return None
        if kind == "sub_place_or_parent" and found[0].feature == "city":
            # "a district of Homs": somewhere in the town
            return self._town(found[0], found[1], Precision.NEIGHBOURHOOD)
        return self._town(*found)

    def _parent(self, name: str) -> Place | None:
        """The town a named parent stands for ("the Old City" of an earlier town)."""
        if (known := self.known.get(normalize_name(name))) is not None:
            return known[0]
        found = self.best(name)
        if found and found[0].feature == "city" and self.focus in {found[0].country, None}:
            return _place_from(found[0])
        return None

    def _town_in_name(self, phrase: _Phrase) -> Place | None:
        """A town the article names on its own that a street or site is named after
        ("London Bridge" in a story that names London); other towns in a street's name
        ("Oxford Street" in Belfast) are only its name."""
        if phrase.kind not in {"street", "site"}:
            return None
        words = phrase.name.split()
        for cut in range(len(words) - 1, 0, -1):
            found = self.document.get(normalize_name(" ".join(words[:cut])))
            if found is not None and found.candidate.feature == "city":
                return _place_from(found.candidate)
        return None

    def anchor_for(self, phrase: _Phrase, following: Place | None) -> tuple[Place, float] | None:
        """Code a place the gazetteer lacks at the place it lies in."""
        key = normalize_name(phrase.name)
        if key in self.known:
            return self.known[key]
        if phrase.kind not in {
            "sub_place",
            "site",
            "street",
            "epithet",
            "sub_place_or_parent",
            "settlement",
        } and phrase.label not in {"GPE", "FAC"}:
            return None
        if not phrase.name[:1].isupper():
            return None  # a lower-case word the tagger took for a name
        anchor = self._parent(phrase.parent) if phrase.parent else None
        anchor = anchor or self._town_in_name(phrase) or following or self.main_town()
        if anchor is None:
            return None
        own = Precision.EXACT if phrase.kind == "site" else Precision.NEIGHBOURHOOD
        if phrase.kind == "epithet":
            own = Precision.TOWN
        place = Place(
            name=phrase.name,
            country=anchor.country,
            lat=anchor.lat,
            lon=anchor.lon,
            precision=_coarser(own, anchor.precision)
            if anchor.precision != Precision.TOWN
            else own,
            admin1=anchor.admin1,
            anchor=anchor.name,
        )
        score = 0.6 if phrase.kind else 0.3
        self.known[key] = (place, score)
        return place, score


@cache
def _gazetteer(path: str) -> Gazetteer:
    return ensure_gazetteer(Path(path))


_FOLLOWING_WINDOW = 10  # tokens: "the X bastion in the province of Y" codes X at Y


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


_RESOLVED_TOGETHER = {None, "settlement", "admin1", "admin2", "epithet"}


def _resolve_document(
    parsed: ParsedDoc, phrases: list[_Phrase], gazetteer: Gazetteer, home: HomeRegions
) -> tuple[dict[str, Resolved], str | None]:
    """Resolve every plain place name of the article together; the article's country."""
    text = parsed.document.text
    toponyms = []
    for phrase in phrases:
        if phrase.kind not in _RESOLVED_TOGETHER:
            continue
        first, last = parsed.tokens[phrase.start], parsed.tokens[phrase.end - 1]
        toponyms.append(
            Toponym(
                phrase.name,
                first.start,
                last.end,
                kind=phrase.kind if phrase.kind != "epithet" else None,
                division=phrase.division,
                container=container_after(text, last.end),
            )
        )
    votes = _demonym_votes(parsed)
    for country, vote in locale_votes(text).items():
        votes[country] = votes.get(country, 0.0) + vote
    results, focus = DocumentResolver(gazetteer).resolve(toponyms, votes, home)
    resolved: dict[str, Resolved] = {}
    for toponym, result in zip(toponyms, results, strict=True):
        # divisions ("Homs province") are resolved on their own; the bare name is the town
        if result is not None and toponym.kind not in {"admin1", "admin2"}:
            resolved.setdefault(normalize_name(toponym.name), result)
    return resolved, focus


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


def locate(timed: TimedDoc, *, gazetteer_path: Path, home: HomeRegions = NO_HOME) -> PlacedDoc:
    """The places the document names, resolved together.

    ``home``: the divisions the document's source usually writes about (see
    ``dateline.gazetteer.home``); a bare "Athens" in a Georgia paper is the Georgia one.
    """
    parsed = timed.parsed
    gazetteer = _gazetteer(str(gazetteer_path))
    people = _people(parsed)
    found_phrases = [
        [
            p
            for p in _sentence_phrases(parsed, s.token_start, s.token_end, gazetteer)
            if not _person_not_place(parsed, gazetteer, p, people)
        ]
        for s in parsed.sentences
    ]
    document, focus = _resolve_document(
        parsed, [p for ps in found_phrases for p in ps], gazetteer, home
    )
    resolver = _Resolver(gazetteer, focus, document)
    mentions: list[PlaceMention] = []
    for sentence, phrases in zip(parsed.sentences, found_phrases, strict=True):
        lower, upper = sentence.token_start, sentence.token_end
        phrases = phrases + _known_names(parsed, lower, upper, phrases, resolver.known)
        phrases.sort(key=lambda p: p.start)
        resolved = {id(p): resolver.resolve(p) for p in phrases}
        for phrase in phrases:
            if resolved[id(phrase)] is None and not _names_a_natural_feature(parsed, phrase):
                following = next(
                    (
                        found[0]
                        for other in phrases
                        if (found := resolved[id(other)]) is not None
                        and phrase.end <= other.start < phrase.end + _FOLLOWING_WINDOW
                        and found[0].precision != Precision.COUNTRY
                    ),
                    None,
                )
                resolved[id(phrase)] = resolver.anchor_for(phrase, following)
        for phrase in phrases:
            found = resolved[id(phrase)]
            if found is None:
                continue
            place, score = found
            first, last = parsed.tokens[phrase.start], parsed.tokens[phrase.end - 1]
            mentions.append(
                PlaceMention(
                    text=parsed.document.text[first.start : last.end],
                    span=Span(first.start, last.end),
                    sentence=sentence.index,
                    place=place,
                    score=score,
                    token_start=phrase.start,
                    token_end=phrase.end,
                )
            )
    focus_place = None
    if focus:
        country = gazetteer.country(focus)
        if country is not None:
            focus_place = _place_from(country, Precision.COUNTRY)
    return PlacedDoc(timed, tuple(mentions), focus_place)


def mention_places(placed: PlacedDoc) -> list[tuple[str, Place, float]]:
    """(name, place, score) for each place mention: what ``SourceRegions`` learns from."""
    return [(m.text, m.place, m.score) for m in placed.mentions]
