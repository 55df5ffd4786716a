"""The records that cross stage boundaries.

Every record is a frozen dataclass, so a stage can never change what it was
given, and every record pickles, so a batch can be sent to worker processes.
Character offsets always refer to ``Document.text``, the text as received.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


def content_id(text: str) -> str:
    """A document's identity: the hash of its text, so the same article is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Document:
    """An article as received, boilerplate included."""

    doc_id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = "<memory>"  # the file (and line) it was read from

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        published: dt.date | None = None,
        source: str | None = None,
        url: str | None = None,
        title: str | None = None,
        origin: str = "<memory>",
    ) -> Document:
        return cls(content_id(text), text, published, source, url, title, origin)


class RejectReason(StrEnum):
    """Why an input produced no document. The values are stable codes stored in the database."""

    UNREADABLE = "unreadable"  # missing file, permission denied, I/O error
    BINARY = "binary"  # NUL bytes or another non-text format
    NOT_UTF8 = "not_utf8"
    EMPTY = "empty"  # nothing but whitespace (after HTML extraction, for HTML)
    MALFORMED_JSON = "malformed_json"  # a JSON Lines line that does not parse
    MISSING_FIELD = "missing_field"  # a JSON Lines record without `text` or `html`
    BAD_FIELD = "bad_field"  # a field of the wrong type or format (e.g. published)
    PROCESSING_ERROR = "processing_error"  # a stage failed on this document


@dataclass(frozen=True)
class Rejection:
    """An input that could not be turned into events, and why."""

    origin: str  # file path, or "<stdin>"
    line: int | None  # 1-based line for JSON Lines input, else None
    reason: RejectReason
    detail: str

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.reason.value}: {self.detail}"


# --------------------------------------------------------------------------- clean


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def covers(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Block:
    """A kept paragraph (or line) of the document."""

    start: int
    end: int


@dataclass(frozen=True)
class CleanDoc:
    """The document with boilerplate lines dropped; only ``blocks`` are analysed."""

    document: Document
    blocks: tuple[Block, ...]
    dropped: tuple[Block, ...] = ()


# --------------------------------------------------------------------------- parse


@dataclass(frozen=True)
class Token:
    i: int  # index in the document
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # document index of the syntactic head (itself for a root)
    start: int
    end: int
    ent_type: str = ""
    like_num: bool = False


@dataclass(frozen=True)
class Mention:
    """A named-entity or lexicon match."""

    text: str
    label: str
    start: int
    end: int
    token_start: int  # document token indices, half-open
    token_end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    token_start: int
    token_end: int
    text: str


@dataclass(frozen=True)
class ParsedDoc:
    clean: CleanDoc
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    entities: tuple[Mention, ...]

    @property
    def document(self) -> Document:
        return self.clean.document

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.token_start : sentence.token_end]

    def sentence_of(self, token_index: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.token_start <= token_index < sentence.token_end:
                return sentence
        raise IndexError(token_index)


# --------------------------------------------------------------------------- time


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    RANGE = "range"  # an explicit interval of days, or a fuzzy one ("a month ago")


@dataclass(frozen=True)
class DateInterval:
    """An inclusive interval of days."""

    start: dt.date
    end: dt.date
    granularity: Granularity

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"interval starts after it ends: {self.start} > {self.end}")

    def overlaps(self, other: DateInterval) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression found in the text.

    ``kind`` is ``date`` for expressions that place something in time, and
    ``duration`` for lengths of time ("for two days", "a one-month offensive"),
    which never date an event. ``value`` is a TIMEX3-style value (2013-07-29,
    2013-W30, 2013-06, P1M).
    """

    text: str
    span: Span
    kind: str
    value: str
    interval: DateInterval | None
    sentence: int
    anchor_relative: bool = False  # "two days after": relative to another event, not to today


@dataclass(frozen=True)
class TimedDoc:
    parsed: ParsedDoc
    expressions: tuple[TimeExpression, ...]

    @property
    def document(self) -> Document:
        return self.parsed.document


# --------------------------------------------------------------------------- geo


class Precision(StrEnum):
    EXACT = "exact"
    NEIGHBOURHOOD = "neighbourhood"
    TOWN = "town"
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    COUNTRY = "country"


@dataclass(frozen=True)
class Place:
    """A resolved location."""

    name: str
    country: str | None  # ISO 3166 alpha-2
    lat: float
    lon: float
    precision: Precision
    admin1: str | None = None
    geonameid: int | None = None
    anchor: str | None = None  # for sub-places not in the gazetteer: the place they sit in


@dataclass(frozen=True)
class PlaceMention:
    text: str
    span: Span
    sentence: int
    place: Place
    score: float  # 0..1, how sure the resolver is
    token_start: int
    token_end: int


@dataclass(frozen=True)
class PlacedDoc:
    timed: TimedDoc
    mentions: tuple[PlaceMention, ...]
    focus: Place | None  # the country (or place) the article is about

    @property
    def document(self) -> Document:
        return self.timed.document

    @property
    def parsed(self) -> ParsedDoc:
        return self.timed.parsed


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class Actor:
    """A normalised actor: an ACLED-style name and ACLED interaction kind (1-8)."""

    name: str
    kind: int
    country: str | None = None


@dataclass(frozen=True)
class ActorMention:
    text: str
    span: Span
    sentence: int
    actor: Actor
    token_start: int
    token_end: int
    head: int  # document index of the mention's head token


@dataclass(frozen=True)
class ActorDoc:
    placed: PlacedDoc
    mentions: tuple[ActorMention, ...]

    @property
    def document(self) -> Document:
        return self.placed.document

    @property
    def parsed(self) -> ParsedDoc:
        return self.placed.parsed

    @property
    def timed(self) -> TimedDoc:
        return self.placed.timed


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Evidence:
    """Where a field's value came from: a span of the document text."""

    field: str  # "trigger", "date", "actor1", "actor2", "assoc_actor1", "location", "fatalities"
    span: Span
    text: str


@dataclass(frozen=True)
class Fatalities:
    min: int
    max: int | None
    text: str


@dataclass(frozen=True)
class EventDate:
    interval: DateInterval | None  # None: unresolved (no publication date, no absolute date)
    text: str | None  # the expression it came from; None for the default interval


@dataclass(frozen=True)
class InteropCodes:
    """The event in the vocabularies of GDELT (CAMEO) and POLECAT (PLOVER), for joining."""

    cameo: str  # a CAMEO event code, e.g. "190" (use conventional military force)
    plover_type: str  # a PLOVER event type, e.g. "ASSAULT"
    plover_mode: str | None = None  # a PLOVER mode, e.g. "heavy-weapons"


@dataclass(frozen=True)
class Event:
    event_id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    date: EventDate
    actor1: Actor
    assoc_actor1: tuple[Actor, ...]
    actor2: Actor | None
    location: Place
    fatalities: Fatalities | None
    sentence: Span  # the sentence that reports the event
    evidence_text: str
    background: bool
    trigger: str
    provenance: tuple[Evidence, ...] = field(default=())
    confidence: float = 0.5
    codes: InteropCodes | None = None  # set by the interop stage

    @property
    def interaction(self) -> int:
        """ACLED's interaction code: the two actor kinds, smaller first (actor2 absent: kind0)."""
        kinds = sorted([self.actor1.kind, self.actor2.kind if self.actor2 else 0])
        return kinds[0] * 10 + kinds[1] if kinds[0] else kinds[1] * 10


@dataclass(frozen=True)
class DivisionCount:
    """How many of a document's confidently placed names lie in one first-level division:
    what its source's home regions are learned from (see ``dateline.gazetteer.home``)."""

    country: str
    admin1: str
    names: int


@dataclass(frozen=True)
class Extraction:
    """All the events of one document, with the document itself."""

    document: Document
    events: tuple[Event, ...]
    divisions: tuple[DivisionCount, ...] = ()  # kept so later runs know the source's home
