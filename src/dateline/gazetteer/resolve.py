"""Resolve the toponyms of one document together.

Each name gets its candidates from the index; a candidate's score adds up a population
prior, a feature prior (a bare name is a country or a town before it is a division), a
penalty for a match on the loose transliteration key only, the document's country
distribution (each name votes for the countries of its best candidates, loose matches
weakly), divisions and countries named elsewhere in the document, containment written
next to the name ("Alexandria, La.", "the Homs province town of X"), other names with a
place in the same first-level division (a local paper names places of one state), words
of one country's local public life ("the sheriff", "the school board": ``locale_votes``)
and proximity to the other places picked in a first pass. The score reported is the
softmax probability of the winner among the candidates, with a temperature fitted on
development data.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from dateline.gazetteer.data import strip_admin_term
from dateline.gazetteer.demonyms import country_of_demonym
from dateline.gazetteer.distance import haversine_km
from dateline.gazetteer.home import NO_HOME, HomeRegions
from dateline.gazetteer.index import Candidate, Gazetteer
from dateline.gazetteer.normalize import normalize_name
from dateline.gazetteer.weights import weights
from dateline.resources import load_json
from dateline.types import Place, Precision


@dataclass(frozen=True)
class Toponym:
    """A place name found in a text, with what its context says about it."""

    name: str
    start: int  # character offsets in the document text
    end: int
    kind: str | None = None  # a place word next to it: "settlement", "admin1", "admin2"...
    division: str | None = None  # "the <division> province town of X"
    container: str | None = None  # "X, <container>": the division or country it lies in


@dataclass(frozen=True)
class Resolved:
    candidate: Candidate
    score: float  # 0..1: the winner's share of the candidates' probability

    @property
    def place(self) -> Place:
        return place_of(self.candidate)


_PRECISION = {
    "country": Precision.COUNTRY,
    "admin1": Precision.ADMIN1,
    "admin2": Precision.ADMIN2,
    "admin3": Precision.ADMIN2,
    "region": Precision.ADMIN1,
    "water": Precision.ADMIN1,
    "terrain": Precision.TOWN,
    "site": Precision.EXACT,
}


def place_of(candidate: Candidate, precision: Precision | None = None) -> Place:
    return Place(
        name=candidate.name,
        country=candidate.country or None,
        lat=candidate.lat,
        lon=candidate.lon,
        precision=precision or _PRECISION.get(candidate.feature, Precision.TOWN),
        admin1=candidate.admin1_name if candidate.feature != "country" else None,
        geonameid=candidate.geonameid,
    )


_KIND_FEATURES = {
    "admin1": {"admin1", "region"},
    "admin2": {"admin2", "admin3"},
    "settlement": {"city"},
}

# ", Y" right after a name: Y up to the next punctuation or lower-case word.
_CONTAINER = re.compile(r",\s*((?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*\.?){0,3})")


def container_after(text: str, end: int) -> str | None:
    """The name in "X, Y" written right after a name ending at ``end``, or None."""
    match = _CONTAINER.match(text, end, min(len(text), end + 60))
    return match.group(1).rstrip(".") if match else None


def candidates(gazetteer: Gazetteer, name: str, kind: str | None = None) -> list[Candidate]:
    """The places ``name`` may stand for: index entries, or the country of a demonym."""
    found = gazetteer.lookup(name, limit=int(weights()["max_candidates"]))
    bare = strip_admin_term(name)
    if bare and bare != name:
        found += gazetteer.lookup(bare, limit=10)
    code = country_of_demonym(name)
    if code is not None and (country := gazetteer.country(code)) is not None:
        found.insert(0, country)  # "Georgian" means Georgia before any town called so
    areas = any(c.feature in {"country", "region"} and c.exact for c in found)
    if kind in _KIND_FEATURES and not (kind == "settlement" and areas):
        # "the U.S. city of X" says nothing about what "U.S." is
        wanted = [c for c in found if c.feature in _KIND_FEATURES[kind]]
        found = wanted or found
    if any(c.exact for c in found):  # the loose key is a fallback for unknown spellings
        found = [c for c in found if c.exact]
    unique: dict[int, Candidate] = {}
    for candidate in found:
        unique.setdefault(candidate.geonameid, candidate)
    towns = {(c.country, c.admin1_code) for c in unique.values() if c.feature == "city" and c.exact}
    return [
        # a division that shares its name with its main town: the bare name means the town
        replace(c, feature="admin1", fcode="ADM1_TOWN")
        if c.feature == "admin1" and (c.country, c.admin1_code) in towns and kind != "admin1"
        else c
        for c in unique.values()
    ]


class _Context:
    """What the whole document says about where it is, as seen from one name.

    A name's own vote is left out of the country shares it is scored with, so an
    ambiguous name does not confirm its own most populous reading.
    """

    def __init__(self, votes: Mapping[str, float], own: list[tuple[str, float]]) -> None:
        self.votes = votes
        self.own = own

    def share(self, i: int, country: str) -> float:
        code, weight = self.own[i]
        total = sum(self.votes.values()) - weight
        if total <= 0:
            return 0.0
        return (self.votes.get(country, 0.0) - (weight if code == country else 0.0)) / total


def prior(candidate: Candidate) -> float:
    w = weights()
    score = w["population"] * math.log10(candidate.population + 1)
    score += w.get(f"feature_{candidate.feature}", 0.0)
    if candidate.fcode == "PPLC":
        score += w["capital"]
    if candidate.fcode == "ADM1_TOWN":
        score += w["admin1_named_like_town"]
    score += w.get(f"match_{candidate.match}", 0.0)
    return score


def _contains(container: list[Candidate], candidate: Candidate) -> bool:
    for outer in container:
        if outer.geonameid == candidate.geonameid:
            continue
        if outer.feature == "country" and outer.country == candidate.country:
            return True
        if (
            outer.feature in {"admin1", "admin2"}
            and outer.country == candidate.country
            and outer.admin1_code == candidate.admin1_code
        ):
            return True
    return False


def _cells(candidate: Candidate) -> list[tuple[int, int]]:
    row, column = math.floor(candidate.lat), math.floor(candidate.lon)
    return [(row + a, column + b) for a in (-1, 0, 1) for b in (-1, 0, 1)]


_AREAS = {"country", "admin1", "region"}
_HOMED = {"city", "admin2", "admin3"}  # readings a source's home region favours


def _same_division(
    options: list[list[Candidate]], toponyms: Sequence[Toponym]
) -> list[dict[int, int]]:
    """For each local candidate, how many other names in the text have a town or county
    in the same first-level division (a local paper names places of one state)."""
    local = {"city", "admin2", "admin3"}
    divisions_of_name: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for toponym, found in zip(toponyms, options, strict=True):
        key = normalize_name(toponym.name)
        for candidate in found:
            if candidate.feature in local and candidate.exact and candidate.admin1_code:
                divisions_of_name[key].add((candidate.country, candidate.admin1_code))
    result: list[dict[int, int]] = []
    for toponym, found in zip(toponyms, options, strict=True):
        own = normalize_name(toponym.name)
        if any(c.feature in _AREAS and c.exact for c in found):
            result.append({})  # "Florida" is the state before the towns named after it
            continue
        result.append(
            {
                c.geonameid: sum(
                    1
                    for key, divisions in divisions_of_name.items()
                    if key != own and (c.country, c.admin1_code) in divisions
                )
                for c in found
                if c.feature in local and c.admin1_code
            }
        )
    return result


def _support(options: list[list[Candidate]], toponyms: Sequence[Toponym]) -> list[dict[int, int]]:
    """For each candidate, how many other names in the text have a candidate near it.

    Near: within a one-degree cell of it (about 100 to 250 km). Countries and first-level
    divisions neither give nor get support: they are near everything they contain.
    """
    local = {"city", "admin2", "admin3", "terrain", "site", "water"}
    cells_of_name: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for toponym, found in zip(toponyms, options, strict=True):
        key = normalize_name(toponym.name)
        for candidate in found:
            if candidate.feature in local and candidate.exact:
                cells_of_name[key].add((math.floor(candidate.lat), math.floor(candidate.lon)))
    result: list[dict[int, int]] = []
    for toponym, found in zip(toponyms, options, strict=True):
        own = normalize_name(toponym.name)
        counts: dict[int, int] = {}
        for candidate in found:
            if candidate.feature not in local:
                continue
            cells = _cells(candidate)
            counts[candidate.geonameid] = sum(
                1
                for key, taken in cells_of_name.items()
                if key != own and any(cell in taken for cell in cells)
            )
        result.append(counts)
    return result


class DocumentResolver:
    """Resolves all the toponyms of a document at once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def resolve(
        self,
        toponyms: Sequence[Toponym],
        country_votes: Mapping[str, float] | None = None,
        home: HomeRegions = NO_HOME,
    ) -> tuple[list[Resolved | None], str | None]:
        """A resolution for each toponym (None: no candidate), and the focus country.

        ``home``: the divisions the document's source usually writes about.
        """
        w = weights()
        options = [candidates(self.gazetteer, t.name, t.kind) for t in toponyms]
        containers = [
            candidates(self.gazetteer, t.container) if t.container else [] for t in toponyms
        ]
        divisions = [
            candidates(self.gazetteer, t.division, "admin1") if t.division else [] for t in toponyms
        ]
        votes: dict[str, float] = defaultdict(float, country_votes or {})
        admin1: set[tuple[str, str]] = set()
        named_countries: set[str] = set()
        own: list[tuple[str, float]] = []
        voted: set[str] = set()  # a name repeated votes once
        children: dict[tuple[str, str | None], set[str]] = defaultdict(set)
        for toponym, found in zip(toponyms, options, strict=True):
            if not found:
                own.append(("", 0.0))
                continue
            top = max(found, key=prior)
            weight = w["vote_exact"] if top.exact else w["vote_loose"]
            if top.feature == "country":
                weight *= w["vote_country_factor"]
                if top.exact:
                    named_countries.add(top.country)
            key = normalize_name(toponym.name)
            if key not in voted and top.country:  # continents and unions have no country
                voted.add(key)
                votes[top.country] += weight
            own.append((top.country, weight))
            for candidate in found:  # the divisions the name's towns lie in
                if candidate.exact and candidate.feature in {"city", "admin2"}:
                    children[(candidate.country, candidate.admin1_code)].add(key)
            admin1.update(
                (c.country, c.admin1_code)
                for c in found
                if c.feature == "admin1" and c.admin1_code and c.exact and c.fcode == "ADM1"
            )
        context = _Context(votes, own)
        support = _support(options, toponyms)
        same_division = _same_division(options, toponyms)

        def score(i: int, candidate: Candidate, near: list[tuple[float, float]]) -> float:
            value = prior(candidate)
            value += w["focus"] * context.share(i, candidate.country)
            if candidate.feature != "country" and candidate.country in named_countries:
                value += w["country_in_text"]
            division = (candidate.country, candidate.admin1_code)
            if candidate.feature != "admin1" and division in admin1:
                value += w["admin1_in_text"]
            if candidate.feature == "admin1":
                others = children.get(division, set()) - {normalize_name(toponyms[i].name)}
                value += w["children_in_text"] * min(len(others), 3) / 3
            if containers[i] and _contains(containers[i], candidate):
                value += w["container"]
            if divisions[i] and _contains(divisions[i], candidate):
                value += w["container"]
            if candidate.feature in _HOMED and candidate.admin1_name:
                value += w["home_region"] * home.weight((candidate.country, candidate.admin1_name))
            value += w["support"] * min(support[i].get(candidate.geonameid, 0), 3) / 3
            value += w["same_division"] * min(same_division[i].get(candidate.geonameid, 0), 3) / 3
            if near and candidate.feature not in {"country", "admin1"}:
                distance = min(haversine_km(candidate.lat, candidate.lon, a, b) for a, b in near)
                if distance < w["near_km"]:
                    value += w["near"]
            return value

        def ranked(i: int, picks: list[Candidate | None]) -> list[tuple[float, Candidate]]:
            own = picks[i]
            near = [
                (p.lat, p.lon)
                for j, p in enumerate(picks)
                if j != i
                and p is not None
                and p.feature in {"city", "admin2"}
                and (own is None or p.geonameid != own.geonameid)
            ]
            scored = [(score(i, c, near), c) for c in options[i]]
            return sorted(scored, key=lambda pair: -pair[0])

        picks: list[Candidate | None] = [max(f, key=prior) if f else None for f in options]
        # a first pass on priors and context; later passes also see the others' picks
        for _ in range(int(w["rounds"])):
            picks = [ranked(i, picks)[0][1] if options[i] else None for i in range(len(options))]
        results: list[Resolved | None] = []
        for i in range(len(options)):
            if not options[i]:
                results.append(None)
                continue
            scored = ranked(i, picks)
            if not scored[0][1].exact and context.share(i, scored[0][1].country) <= 0:
                # a spelling match alone, in a country nothing else in the text is in
                results.append(None)
                continue
            best = scored[0][0]
            total = sum(math.exp((value - best) / w["temperature"]) for value, _c in scored)
            results.append(Resolved(scored[0][1], 1 / total))
        final: dict[str, float] = defaultdict(float, country_votes or {})
        for result in results:
            if result is not None and result.candidate.country:
                final[result.candidate.country] += result.score
        focus = max(final, key=lambda code: final[code]) if final else None
        return results, focus


def named_places(
    toponyms: Sequence[Toponym], results: Sequence[Resolved | None]
) -> list[tuple[str, Place, float]]:
    """(name, place, score) for each resolved toponym: what ``SourceRegions`` learns from."""
    return [
        (toponym.name, result.place, result.score)
        for toponym, result in zip(toponyms, results, strict=True)
        if result is not None
    ]


@cache
def _locale_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    cues: dict[str, list[str]] = load_json("place_words.json")["locale_cues"]
    patterns = []
    for country, words in cues.items():
        if country.startswith("_"):
            continue
        forms = {form for word in words for form in (word, word[:1].upper() + word[1:])}
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        patterns.append((country, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")))
    return tuple(patterns)


def locale_votes(text: str) -> dict[str, float]:
    """Votes for the country whose local public life the text describes ("the sheriff's
    office", "the school board"): the country a local paper's bare town names lie in."""
    w = weights()
    votes = {}
    for country, pattern in _locale_patterns():
        distinct = {m.group(0).lower() for m in pattern.finditer(text)}
        if distinct:
            cap = w["locale_cues_counted"]
            votes[country] = w["locale_cue"] * min(len(distinct), cap) / cap
    return votes


def same_name(a: str, b: str) -> bool:
    return normalize_name(a) == normalize_name(b)


_WORD_BEFORE = re.compile(r"(\w+)\s+of\s+(?:the\s+)?$")
_WORD_AFTER = re.compile(r"\s+(\w+)")


@cache
def _kind_words() -> dict[str, str]:
    data = load_json("place_words.json")
    return {
        word: kind
        for kind in ("settlement", "admin1", "admin2")
        for word in data[kind]
        if " " not in word
    }


def kind_in_text(text: str, start: int, end: int) -> str | None:
    """The kind a place word next to a name gives it: "the town of X", "X province"."""
    words = _kind_words()
    last = text[start:end].split()[-1:] or [""]
    if last[0].lower() in words:
        return words[last[0].lower()]
    after = _WORD_AFTER.match(text, end, min(len(text), end + 30))
    if after and after.group(1).lower() in words:
        return words[after.group(1).lower()]
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1).lower() in words:
        return words[before.group(1).lower()]
    return None


def toponym_in_text(text: str, start: int, end: int) -> Toponym:
    """A toponym with the cues its surrounding text gives."""
    return Toponym(
        text[start:end],
        start,
        end,
        kind=kind_in_text(text, start, end),
        container=container_after(text, end),
    )
