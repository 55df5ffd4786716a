"""The geo stage: find place names (``names``), resolve them against the gazetteer.

Resolution (``gazetteer.resolve``) weighs all the article's names together: population
and feature priors, the article's countries, divisions written next to a name,
proximity, and where the source's other articles were (``home``). A sub-place the
gazetteer lacks is coded at the town it lies in, with precision ``neighbourhood``
(``exact`` for buildings); a street or bridge ("Oxford Street", "London Bridge") is coded
at the article's town, or at a town of the article its name starts with, never at the
town it is named after. A name that stands for a person (``people``) is no place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
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
from dateline.stages.geo.names import (
    _known_names,
    _names_a_natural_feature,
    _Phrase,
    _sentence_phrases,
    _strip_name,
)
from dateline.stages.geo.people import _people, _person_not_place
from dateline.types import (
    ParsedDoc,
    Place,
    PlacedDoc,
    PlaceMention,
    Precision,
    Span,
    TimedDoc,
)


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
