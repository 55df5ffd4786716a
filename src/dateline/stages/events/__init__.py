"""The events stage: typed ACLED events with actors, place, date, fatalities and evidence.

For each sentence: find triggers, drop those that are not reported events
(``triggers``), read their arguments off the parse (``arguments``), settle the
ACLED sub-event type from the actors and context, and attach the death toll
the sentence reports (``fatalities``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.stages.actors import generic_actor
from dateline.stages.events import arguments
from dateline.stages.events.fatalities import find_fatalities
from dateline.stages.events.lexicon import EventClass, lexicon
from dateline.stages.events.syntax import SentenceTree
from dateline.stages.events.triggers import Trigger, find_triggers, is_reported_event
from dateline.stages.geo import place_kind
from dateline.stages.time import shift
from dateline.types import (
    Actor,
    ActorDoc,
    ActorMention,
    DateInterval,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    Granularity,
    Place,
    PlaceMention,
    Span,
    TimeExpression,
)

_ARMED_KINDS = {1, 2, 3, 4, 8}
_STATE_KINDS = {1, 8}
_CARRY_SENTENCES = 2  # a sentence without a place or date continues the story of the last event


@dataclass(frozen=True)
class _Context:
    """What the article says around one event, for the defaults."""

    published: dt.date | None
    focus: Place | None
    background_days: int


def _span(tree: SentenceTree, start: int, end: int) -> Span:
    return Span(tree[start].start, tree[end - 1].end)


def _evidence(field: str, span: Span, text: str) -> Evidence:
    return Evidence(field, span, text[span.start : span.end])


def _default_interval(published: dt.date | None) -> DateInterval | None:
    if published is None:
        return None
    return DateInterval(published - dt.timedelta(days=2), published, Granularity.RANGE)


def _is_complement_of(tree: SentenceTree, trigger: Trigger, expression: TimeExpression) -> bool:
    """Whether the trigger is the event "two days after/before" points at, not the one it dates.

    "came two days after rebels attacked" and "two days after the attack" point at the
    attack; in "Two days after the attack, warplanes bombed" the bombing is dated by them.
    """
    sentence = tree.parsed.sentence_tokens(tree.sentence)
    word = next((t for t in sentence if t.end == expression.span.end), None)
    if word is None:
        return tree[trigger.head].start >= expression.span.start
    if word.dep == "mark":
        return word.head == trigger.head
    return word.i != trigger.head and trigger.head in tree.subtree(word.i)


def _anchored(
    expression: TimeExpression, tree: SentenceTree, trigger: Trigger, reference: DateInterval | None
) -> DateInterval | None:
    """ "two days after <this event>", "two days later": counted from the story's reference date."""
    if reference is None or not expression.value.startswith("ANCHOR"):
        return None
    value = expression.value
    if expression.text.lower().endswith(("after", "before")):
        if not _is_complement_of(tree, trigger, expression):
            return None  # "X comes two days after Y" dates Y from X, not X itself
        # the event after "two days after" happened two days before the anchor
        value = value.translate(str.maketrans("+-", "-+"))
    try:
        return shift(reference, value)
    except ValueError:
        return None


def _settle(
    event_class: EventClass,
    actor1: Actor,
    actor2: Actor | None,
    tree: SentenceTree,
    trigger: Trigger,
) -> tuple[str, str] | None:
    """The ACLED (event type, sub-event type) once actors and context are known."""
    name = event_class.name
    lex = lexicon()
    sentence = tree.parsed.sentence_tokens(tree.sentence)
    lemmas = {t.lemma for t in sentence}
    text = tree.sentence.text.lower()
    victim_kind = actor2.kind if actor2 else 7
    if name == "territory":
        scope = tree.subtree(trigger.head, skip_deps=frozenset({"nsubj", "nsubjpass", "agent"}))
        objects = {tree[i].lemma for i in scope}
        if objects & lex.cues["weapon_objects"] and tree[trigger.head].lemma == "seize":
            return "Strategic developments", "Disrupted weapons use"
        if actor1.kind in _STATE_KINDS:
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if name in {"attack", "kill"}:
        if victim_kind == 6:
            return "Protests", "Excessive force against protesters"
        if victim_kind in _ARMED_KINDS and actor1.kind in _ARMED_KINDS:
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if name == "clash" and {actor1.kind, victim_kind} & {5, 6}:
        return "Riots", "Violent demonstration"
    if name == "protest":
        if lemmas & lex.cues["lethal_cues"]:
            return "Protests", "Excessive force against protesters"
        if any(cue in text for cue in lex.cues["riot_cues"]):
            return "Riots", "Violent demonstration"
        if lemmas & lex.cues["intervention_cues"] or any(
            " " in cue and cue in text for cue in lex.cues["intervention_cues"]
        ):
            return "Protests", "Protest with intervention"
    if name == "airstrike" and actor1.kind not in _STATE_KINDS:
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    return event_class.event_type, event_class.sub_event_type


def _has_place_object(tree: SentenceTree, trigger: Trigger, places: Sequence[PlaceMention]) -> bool:
    scope = tree.subtree(trigger.head, skip_deps=frozenset({"nsubj", "nsubjpass", "agent"}))
    if any(p.token_start in scope or p.token_end - 1 in scope for p in places):
        return True
    return any(place_kind(tree[i].text) for i in scope if i != trigger.head)


def _reports_toll_of_other(tree: SentenceTree, trigger: Trigger, heads: set[int]) -> bool:
    """ "the blast killed 12", "an offensive that killed hundreds", "those killed": a toll."""
    if lexicon().classes[trigger.event_class].name != "kill":
        return False
    head = tree[trigger.head]
    if head.dep in {"acl", "amod"}:
        return True
    if head.dep in {"relcl", "advcl"} and head.head in heads:
        return True
    for child in tree.children(head.i, "nsubj", "prep"):
        inside = tree.subtree(child.i)
        if inside & (heads - {head.i}):
            return True
    return False


def _with_foreign_kind(actor: Actor, location: Place) -> Actor:
    """A state's forces acting outside their own country are external forces (kind 8)."""
    if actor.kind == 1 and actor.country and location.country and actor.country != location.country:
        return replace(actor, kind=8)
    return actor


class _Builder:
    def __init__(self, doc: ActorDoc, background_days: int) -> None:
        self.doc = doc
        self.text = doc.document.text
        focus = doc.placed.focus
        self.context = _Context(doc.document.published, focus, background_days)
        self.events: list[Event] = []
        self.last_event_sentence = -10
        self.reference: DateInterval | None = None

    def _continues_story(self, sentence: int) -> bool:
        return bool(self.events) and sentence - self.last_event_sentence <= _CARRY_SENTENCES

    def _location(self, tree: SentenceTree, trigger: Trigger) -> tuple[Place, Span | None] | None:
        sentence = tree.sentence.index
        places = [m for m in self.doc.placed.mentions if m.sentence == sentence]
        found = arguments.place_for(tree, trigger, places)
        if found is not None:
            return found.place, found.span
        if self._continues_story(sentence):
            return self.events[-1].location, None
        if self.context.focus is not None:
            return self.context.focus, None
        return None

    def _date(
        self, tree: SentenceTree, trigger: Trigger, carried_place: bool
    ) -> tuple[DateInterval | None, TimeExpression | None]:
        sentence = tree.sentence.index
        expressions = [e for e in self.doc.timed.expressions if e.sentence == sentence]
        found = arguments.date_for(tree, trigger, expressions)
        if found is not None:
            if found.anchor_relative:
                anchored = _anchored(found, tree, trigger, self.reference)
                if anchored is not None:
                    return anchored, found
                return _default_interval(self.context.published), None
            if found.interval is not None:
                return found.interval, found
        if carried_place and self._continues_story(sentence):
            # a sentence naming neither place nor time goes on about the last event
            previous = self.events[-1].date
            if previous.text is not None:
                return previous.interval, None
        return _default_interval(self.context.published), None

    def _actor(
        self, category: str | None, country: str | None, opposite: Actor | None
    ) -> Actor | None:
        if category is None:
            return None
        if category == "opponent":
            side = "rebels" if opposite is None or opposite.kind in _STATE_KINDS else "military"
            return generic_actor(side, country)
        return generic_actor(category, country)

    def build(self, tree: SentenceTree, trigger: Trigger) -> Event | None:
        lex = lexicon()
        event_class = lex.classes[trigger.event_class]
        sentence = tree.sentence.index
        actors = [m for m in self.doc.mentions if m.sentence == sentence]
        places = [m for m in self.doc.placed.mentions if m.sentence == sentence]
        if event_class.name == "territory" and not _has_place_object(tree, trigger, places):
            return None
        location = self._location(tree, trigger)
        if location is None:
            return None
        place, place_span = location
        country = place.country or (self.context.focus.country if self.context.focus else None)

        first: ActorMention | None = arguments.initiator(tree, trigger, actors)
        second = arguments.target(tree, trigger, actors, first)
        actor1 = first.actor if first else self._actor(event_class.actor1, country, None)
        if actor1 is None:
            return None
        if first is None and arguments.is_re_prefixed(tree, trigger):
            actor1 = generic_actor("military", country)  # "recapture": the state takes back
        actor2 = second.actor if second else self._actor(event_class.actor2, country, actor1)
        if actor2 is not None and actor2.name == actor1.name:
            actor2 = self._actor(event_class.actor2, country, actor1) if second else None
        typed = _settle(event_class, actor1, actor2, tree, trigger)
        if typed is None:
            return None
        event_type, sub_event_type = typed
        if event_type != "Battles" and second is None and event_class.actor2 == "opponent":
            actor2 = None

        ally_roots = [trigger.head] + ([first.head] if first else [])
        allies = arguments.allies(tree, ally_roots, actors, first)

        interval, expression = self._date(tree, trigger, carried_place=place_span is None)
        published = self.context.published
        background = bool(
            interval
            and published
            and interval.end < published - dt.timedelta(days=self.context.background_days)
        )
        provenance = [_evidence("trigger", _span(tree, trigger.start, trigger.end), self.text)]
        if first:
            provenance.append(_evidence("actor1", first.span, self.text))
        if second:
            provenance.append(_evidence("actor2", second.span, self.text))
        provenance += [_evidence("assoc_actor1", a.span, self.text) for a in allies]
        if place_span:
            provenance.append(_evidence("location", place_span, self.text))
        if expression:
            provenance.append(_evidence("date", expression.span, self.text))
        sentence_span = Span(tree.sentence.start, tree.sentence.end)
        identity = f"{self.doc.document.doc_id}|{tree[trigger.start].start}|{event_type}"
        confidence = 0.4 + 0.2 * bool(first) + 0.2 * bool(place_span) + 0.2 * bool(expression)
        return Event(
            event_id=hashlib.sha256(identity.encode()).hexdigest()[:16],
            doc_id=self.doc.document.doc_id,
            event_type=event_type,
            sub_event_type=sub_event_type,
            date=EventDate(interval, expression.text if expression else None),
            actor1=_with_foreign_kind(actor1, place),
            assoc_actor1=tuple(a.actor for a in allies),
            actor2=_with_foreign_kind(actor2, place) if actor2 else None,
            location=place,
            fatalities=None,
            sentence=sentence_span,
            evidence_text=tree.sentence.text,
            background=background,
            trigger=self.text[tree[trigger.start].start : tree[trigger.end - 1].end],
            provenance=tuple(provenance),
            confidence=confidence,
        )

    def add_sentence(self, tree: SentenceTree) -> None:
        index = tree.sentence.index
        times = [
            e.span for e in self.doc.timed.expressions if e.sentence == index and e.kind == "date"
        ]
        anchors = {m.token_start for m in self.doc.placed.mentions if m.sentence == index}
        anchors |= {
            t.i
            for t in self.doc.parsed.sentence_tokens(tree.sentence)
            if any(span.start == t.start for span in times)
            or (
                t.lemma in {"in", "of", "on", "at"}
                and any(
                    span.start == tree[t.i + 1].start
                    for span in times
                    if t.i + 1 < tree.sentence.token_end
                )
            )
        }
        candidates = [
            t
            for t in find_triggers(tree)
            if not any(s.start <= tree[t.head].start < s.end for s in times)
        ]
        # "killed in the battle": a toll of another trigger, even one that is a re-mention
        heads = {t.head for t in candidates}
        triggers = [
            t
            for t in candidates
            if is_reported_event(tree, t, anchors) and not _reports_toll_of_other(tree, t, heads)
        ]
        built: list[tuple[Trigger, Event]] = []
        for trigger in triggers:
            event = self.build(tree, trigger)
            if event is not None:
                built.append((trigger, event))
        self._attach_fatalities(tree, built)
        for _, event in built:
            self.events.append(event)
            interval = event.date.interval
            # the first day-precise date of the story anchors "two days after"
            is_day = interval is not None and interval.granularity == Granularity.DAY
            if self.reference is None and event.date.text and is_day:
                self.reference = interval
        if built:
            self.last_event_sentence = tree.sentence.index

    def _attach_fatalities(self, tree: SentenceTree, built: list[tuple[Trigger, Event]]) -> None:
        expressions = [
            e.span for e in self.doc.timed.expressions if e.sentence == tree.sentence.index
        ]
        tokens = self.doc.parsed.sentence_tokens(tree.sentence)
        found = find_fatalities(tokens, expressions, self.text)
        if found is None:
            return
        toll, span, death = found
        evidence = _evidence("fatalities", span, self.text)
        if built:
            index = min(range(len(built)), key=lambda k: abs(built[k][0].head - death))
            trigger, event = built[index]
            built[index] = (trigger, _with_fatalities(event, toll, evidence))
        elif (
            self.events
            and tree.sentence.index - self.last_event_sentence == 1
            and self.events[-1].fatalities is None
        ):
            # "At least 14 soldiers were killed." right after the report of the battle
            self.events[-1] = _with_fatalities(self.events[-1], toll, evidence)


def _with_fatalities(event: Event, toll: Fatalities, evidence: Evidence) -> Event:
    return replace(event, fatalities=toll, provenance=(*event.provenance, evidence))


def extract(doc: ActorDoc, *, background_days: int = 14) -> tuple[Event, ...]:
    builder = _Builder(doc, background_days)
    for sentence in doc.parsed.sentences:
        builder.add_sentence(SentenceTree(doc.parsed, sentence))
    return tuple(builder.events)
