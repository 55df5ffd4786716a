"""The events stage: typed ACLED events with actors, place, date, fatalities and evidence.

For each sentence: find triggers, drop those that are not reported events
(``triggers``), read their arguments off the parse (``arguments``), settle the
ACLED sub-event type from the actors and context, and attach the death toll
the sentence reports (``fatalities``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.stages.actors import generic_actor
from dateline.stages.events import arguments
from dateline.stages.events.context import latest_day, story_day, story_town
from dateline.stages.events.dating import (
    anchored,
    default_interval,
    in_turn,
    is_complement_of,
    points_back,
    shifted,
)
from dateline.stages.events.fatalities import find_fatalities, one_victim
from dateline.stages.events.incidents import adds_victims, is_caption, one_incident, summed
from dateline.stages.events.lexicon import lexicon
from dateline.stages.events.settle import (
    STATE_KINDS,
    crowd_actors,
    is_air_bombing,
    military_target,
    seizes_captives,
    settle,
)
from dateline.stages.events.syntax import SentenceTree
from dateline.stages.events.triggers import Trigger, find_triggers, is_reported_event
from dateline.stages.geo.names import place_kind
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
    Precision,
    Span,
    TimeExpression,
)

_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_CARRY_SENTENCES = 2  # a sentence without a place or date continues the story of the last event
_KILL_CLASSES = {"kill", "execution"}
_NOT_THE_OBJECT = frozenset({"nsubj", "nsubjpass", "agent", "ccomp", "conj"})


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


def _has_place_object(
    tree: SentenceTree, trigger: Trigger, places: Sequence[PlaceMention], roles: Sequence[str]
) -> bool:
    """ "captured the town of Kidal", "withdrew from the village": the act has a place.

    A clause joined on with "but" is no part of it, and "territory" names no place; with
    ``roles``, only the object or a phrase of those prepositions counts.
    """
    scope = tree.subtree(trigger.head, skip_deps=_NOT_THE_OBJECT)
    if roles:
        roots = [
            c.i
            for c in tree.children(trigger.head)
            if c.dep in roles or (c.dep == "prep" and c.lemma.lower() in roles)
        ]
        scope = set().union(*(tree.subtree(r, skip_deps=_NOT_THE_OBJECT) for r in roots))
    if any(p.token_start in scope or p.token_end - 1 in scope for p in places):
        return True
    vague = lexicon().cues["vague_place_words"]
    return any(
        place_kind(tree[i].text) and tree[i].lemma.lower() not in vague
        for i in scope
        if i != trigger.head
    )


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
        self.classes: list[str] = []  # the trigger class of each event
        self.last_event_sentence = -10
        self.reference: DateInterval | None = None
        self.town = story_town(doc.placed)
        self.salience = Counter(m.place.name for m in doc.placed.mentions)
        # without a publication date, the day the article names stands in for it
        self.day = story_day(doc.timed) if doc.document.published is None else None
        self.latest = latest_day(doc.timed) if doc.document.published is None else None

    def _continues_story(self, sentence: int) -> bool:
        return bool(self.events) and sentence - self.last_event_sentence <= _CARRY_SENTENCES

    def _location(self, tree: SentenceTree, trigger: Trigger) -> tuple[Place, Span | None] | None:
        sentence = tree.sentence.index
        places = [m for m in self.doc.placed.mentions if m.sentence == sentence]
        found = arguments.place_for(tree, trigger, places, self.salience)
        coarse = found is None or found.place.precision == Precision.COUNTRY
        if coarse and self.events and arguments.names_the_same_place(tree):
            return self.events[-1].location, None
        if (
            found is not None
            and self.events
            and arguments.measured_from(tree, found)
            and arguments.names_a_known_town(tree, trigger)
        ):
            # "seized the town, about 90 kilometres north of Gao": the town told before
            return self.events[-1].location, None
        if found is not None:
            return found.place, found.span
        if self._continues_story(sentence):
            return self.events[-1].location, None
        if (scene := self._previous_scene(sentence)) is not None:
            return scene, None
        if self.town is not None:
            return self.town, None
        if self.context.focus is not None:
            return self.context.focus, None
        return None

    def _previous_scene(self, sentence: int) -> Place | None:
        """The one place finer than a country that the sentence before names ("a road in
        Arghandab district ... After a while, the device detonated"): the same scene."""
        before = {
            m.place
            for m in self.doc.placed.mentions
            if m.sentence == sentence - 1 and m.place.precision != Precision.COUNTRY
        }
        return before.pop() if len(before) == 1 else None

    def _anchor_of(self, tree: SentenceTree, expression: TimeExpression) -> DateInterval | None:
        """The date "two days after the attack" counts from: that attack's, when it was dated."""
        return self._named_anchor(tree, expression) or self.reference

    def _named_anchor(self, tree: SentenceTree, expression: TimeExpression) -> DateInterval | None:
        """The day of the earlier event an expression names ("after the attack"), if dated."""
        lex = lexicon()
        tokens = tree.parsed.sentence_tokens(tree.sentence)
        after = [t for t in tokens if t.start >= expression.span.end][:4]
        noun = next((t for t in after if t.pos in {"NOUN", "PROPN"}), None)
        named = lex.nouns.get(noun.lemma.lower()) if noun is not None else None
        if named is None:
            return None
        dated = [
            (event.date.interval, event_class)
            for event, event_class in zip(self.events, self.classes, strict=True)
            if event.date.text and event.date.interval and event.date.interval.granularity == "day"
        ]
        # the latest event of that kind; for "the attack", else the latest violent one
        for interval, event_class in reversed(dated):
            if event_class == named:
                return interval
        if named in lex.cues["generic_classes"]:
            violent = lex.cues["violent_classes"]
            for interval, event_class in reversed(dated):
                if event_class in violent:
                    return interval
        return None

    def _date(
        self, tree: SentenceTree, trigger: Trigger, carried_place: bool
    ) -> tuple[DateInterval | None, TimeExpression | None]:
        sentence = tree.sentence.index
        expressions = [e for e in self.doc.timed.expressions if e.sentence == sentence]
        found = arguments.date_for(tree, trigger, expressions)
        if found is not None:
            if found.anchor_relative:
                if points_back(found) and not is_complement_of(tree, trigger, found):
                    # "Two days after the attack, warplanes bombed": counted from the attack
                    named = self._named_anchor(tree, found)
                    counted = shifted(named, found.value) if named else None
                    if counted is not None:
                        return counted, found
                reference = self._anchor_of(tree, found)
                dated = anchored(found, tree, trigger, reference)
                if dated is not None:
                    return dated, found
                return default_interval(self.context.published), None
            if found.interval is not None:
                return found.interval, found
            if self.context.published is None:
                return None, found  # "In May" with no year to put it in: unresolved
        if carried_place and self._continues_story(sentence):
            # a sentence naming neither place nor time goes on about the last event
            previous = self.events[-1]
            if previous.date.text is not None:
                return previous.date.interval, None
        if self.context.published is None and (self.reference or self.day) is not None:
            # no publication date: the day the story is about, rather than nothing
            return self.reference or self.day, None
        return default_interval(self.context.published), None

    def _actor(
        self, category: str | None, country: str | None, opposite: Actor | None
    ) -> Actor | None:
        if category is None:
            return None
        if category == "opponent":
            side = "rebels" if opposite is None or opposite.kind in STATE_KINDS else "military"
            return generic_actor(side, country)
        return generic_actor(category, country)

    def _victims(
        self, tree: SentenceTree, trigger: Trigger, actor1: Actor, country: str | None
    ) -> Actor | None:
        """The target the text implies: the army at an attacked post, the fighters executed."""
        event_class = lexicon().classes[trigger.event_class]
        if event_class.name in lexicon().cues["violent_classes"] and actor1.kind != 7:
            hit = military_target(tree, trigger, country)
            if hit is not None and hit.name != actor1.name:
                return hit
        if event_class.name == "execution" and self._continues_story(tree.sentence.index):
            # "those killed were executed by rebels": the side that lost the story's battle
            previous = self.events[-1]
            if previous.actor1.name == actor1.name and previous.actor2 is not None:
                return previous.actor2
            if previous.actor2 is not None and previous.actor2.name == actor1.name:
                return previous.actor1
        return self._actor(event_class.actor2, country, actor1)

    def _fought(self, victims: Actor, place: Place) -> Actor | None:
        """The other side of the story's latest battle at ``place`` that ``victims`` fought."""
        for event in reversed(self.events):
            if event.event_type != "Battles" or event.actor2 is None:
                continue
            if event.location.name != place.name:
                continue
            if event.actor2.name == victims.name:
                return event.actor1
            if event.actor1.name == victims.name:
                return event.actor2
        return None

    def _incident_of(
        self, tree: SentenceTree, trigger: Trigger, first: ActorMention | None
    ) -> tuple[str, str, Actor] | None:
        """The explosion an unattributed killing belongs to, when the story is about one."""
        if trigger.event_class != "kill" or first is not None:
            return None
        if not self._continues_story(tree.sentence.index):
            return None
        previous = self.events[-1]
        if previous.event_type != "Explosions/Remote violence":
            return None
        return previous.event_type, previous.sub_event_type, previous.actor1

    def _at_each_place(self, tree: SentenceTree, event: Event) -> list[Event]:
        """ "in the towns of Budennovsk and Kizlyar": one event per place, as ACLED codes.

        The event itself comes last; "In 1995 and 1996 ... A and B" dates each place in turn.
        """
        where = next((e for e in event.provenance if e.field == "location"), None)
        if where is None:
            return [event]
        places = [m for m in self.doc.placed.mentions if m.sentence == tree.sentence.index]
        coded = next((m for m in places if m.span == where.span), None)
        if coded is None:
            return [event]
        copies = []
        others = arguments.conjoined_places(tree, coded, places)
        for other in others:
            evidence = _evidence("location", other.span, self.text)
            identity = f"{event.event_id}|{other.span.start}"
            copies.append(
                replace(
                    event,
                    event_id=hashlib.sha256(identity.encode()).hexdigest()[:16],
                    location=other.place,
                    fatalities=None,  # a toll is not split unless the text splits it
                    provenance=tuple(
                        evidence if e is where else e
                        for e in event.provenance
                        if e.field != "fatalities"
                    ),
                )
            )
        mentions = [*others, coded]
        expressions = [e for e in self.doc.timed.expressions if e.sentence == tree.sentence.index]
        dates = in_turn(self.text, expressions, len(mentions))
        if dates is None or event.date.text not in {d.text for d in dates}:
            return [*copies, event]
        order = sorted(range(len(mentions)), key=lambda k: mentions[k].span.start)
        dated = [*copies, event]
        for rank, k in enumerate(order):
            dated[k] = self._redated(dated[k], dates[rank])
        return dated

    def _redated(self, event: Event, expression: TimeExpression) -> Event:
        interval = expression.interval
        now = self.context.published or self.latest
        cutoff = now - dt.timedelta(days=self.context.background_days) if now else None
        kept = [e for e in event.provenance if e.field != "date"]
        provenance = (*kept, _evidence("date", expression.span, self.text))
        return replace(
            event,
            date=EventDate(interval, expression.text),
            background=bool(interval and cutoff and interval.end < cutoff),
            provenance=provenance,
        )

    def build(self, tree: SentenceTree, trigger: Trigger) -> Event | None:
        lex = lexicon()
        event_class = lex.classes[trigger.event_class]
        sentence = tree.sentence.index
        actors = [m for m in self.doc.mentions if m.sentence == sentence]
        places = [m for m in self.doc.placed.mentions if m.sentence == sentence]
        if (
            event_class.needs_place_object
            and not _has_place_object(tree, trigger, places, event_class.place_roles)
            and not seizes_captives(tree, trigger)
        ):
            return None
        location = self._location(tree, trigger)
        if location is None:
            return None
        place, place_span = location
        country = place.country or (self.context.focus.country if self.context.focus else None)

        first: ActorMention | None = arguments.initiator(tree, trigger, actors)
        if first is None and arguments.subject_is_pronoun(tree, trigger):
            # "they seized hostages": the armed group the sentence before was about
            earlier = [m for m in self.doc.mentions if m.sentence == sentence - 1]
            first = arguments.referent(tree, earlier)
        if first is None and event_class.needs_named_actor:
            return None  # "built the outpost into a fortress": no armed group's base
        second = arguments.target(tree, trigger, actors, first)
        default1 = "military" if is_air_bombing(event_class, tree) else event_class.actor1
        if event_class.name == "territory" and seizes_captives(tree, trigger):
            default1 = "unidentified"  # hostage-takers, not an army taking a place
        actor1 = first.actor if first else self._actor(default1, country, None)
        if actor1 is None:
            return None
        if first is None and arguments.is_re_prefixed(tree, trigger):
            actor1 = generic_actor("military", country)  # "recapture": the state takes back
        actor2 = second.actor if second else self._victims(tree, trigger, actor1, country)
        if first is None and event_class.name in _KILL_CLASSES and second is not None:
            # "12 rebel fighters were killed" in the story of a battle for the same place:
            # the side that fought them there killed them, not an unidentified group
            actor1 = self._fought(second.actor, place) or actor1
        if actor2 is not None and actor2.name == actor1.name:
            actor2 = self._actor(event_class.actor2, country, actor1) if second else None
        if actor2 is None and event_class.name in {"protest", "riot"}:
            found = arguments.intervener(tree, trigger, actors)
            actor2 = found.actor if found else None  # "police dispersed the protest"
        captives = event_class.name == "territory" and seizes_captives(tree, trigger)
        if captives and (actor2 is None or actor2.kind != 7):
            actor2 = generic_actor("civilians", country)
        actor1, actor2 = crowd_actors(event_class.name, actor1, actor2, country)
        if event_class.name == "change" and actor1.kind not in lex.change_kinds:
            return None  # a person's or a government's change is no armed group's
        typed = settle(event_class, actor1, actor2, tree, trigger, first.text if first else None)
        if typed is None:
            return None
        event_type, sub_event_type = typed
        if event_type != event_class.event_type:
            # "police arrested protesters", "villagers clashed": the crowd acts, as ACLED codes it
            actor1, actor2 = crowd_actors(event_type, actor1, actor2, country)
        incident = self._incident_of(tree, trigger, first)
        if incident is not None:
            # "At the bus station, six were killed." in the story of a bombing: that bombing
            event_type, sub_event_type, actor1 = incident
        opponent_default = second is None and event_class.actor2 == "opponent"
        if event_type not in {"Battles", "Violence against civilians"} and opponent_default:
            actor2 = None
        if sub_event_type == "Air/drone strike" and second is None:
            actor2 = None  # who was under the bombs is not said
        if sub_event_type == "Arrests" and actor2 is not None and actor2.kind == 7:
            actor2 = None  # unnamed people arrested: no side to code

        ally_roots = [trigger.head] + ([first.head] if first else [])
        allies = arguments.allies(tree, ally_roots, actors, first)

        interval, expression = self._date(tree, trigger, carried_place=place_span is None)
        # without a publication date, the latest day the article names stands for "now"
        now = self.context.published or self.latest
        background = bool(
            interval
            and now
            and interval.end < now - dt.timedelta(days=self.context.background_days)
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
            if is_reported_event(tree, t, anchors, dated=bool(times))
            and not _reports_toll_of_other(tree, t, heads)
        ]
        built: list[tuple[Trigger, Event]] = []
        for trigger in one_incident(tree, triggers):
            event = self.build(tree, trigger)
            if event is not None:
                # the other places first: a toll in the next sentence goes to the first place
                built += [(trigger, e) for e in self._at_each_place(tree, event)]
        # "X was killed in a gun battle": the killing is the battle's toll, but still a killing
        kills = any(
            t.event_class in _KILL_CLASSES
            and is_reported_event(tree, t, anchors, dated=bool(times))
            for t in candidates
        )
        if self._is_follow_up_toll(tree, built):
            built = []  # "Six soldiers were killed." after the report of the bombing
        self._attach_fatalities(tree, built, kills)
        for trigger, event in built:
            self.events.append(event)
            self.classes.append(trigger.event_class)
            interval = event.date.interval
            # the first day-precise date of the story anchors "two days after"
            is_day = interval is not None and interval.granularity == Granularity.DAY
            if self.reference is None and event.date.text and is_day:
                self.reference = interval
        if built:
            self.last_event_sentence = tree.sentence.index

    def _is_follow_up_toll(self, tree: SentenceTree, built: list[tuple[Trigger, Event]]) -> bool:
        """Killings with no place or date of their own, right after a violent event: its toll."""
        if not built or not self._continues_story(tree.sentence.index):
            return False
        if self.events[-1].event_type not in _VIOLENT_TYPES:
            return False
        # "Six American soldiers were killed": a nationality is no place of its own
        return all(
            trigger.event_class == "kill"
            and not any(e.field == "date" for e in event.provenance)
            and (
                event.location.precision == Precision.COUNTRY
                or not any(e.field == "location" for e in event.provenance)
            )
            for trigger, event in built
        )

    def _attach_fatalities(
        self, tree: SentenceTree, built: list[tuple[Trigger, Event]], kills: bool
    ) -> None:
        expressions = [
            e.span for e in self.doc.timed.expressions if e.sentence == tree.sentence.index
        ]
        tokens = self.doc.parsed.sentence_tokens(tree.sentence)
        found = find_fatalities(tokens, expressions, self.text)
        if found is None and kills:
            found = one_victim(tokens, self.text)
        if found is None:
            return
        toll, span, death = found
        evidence = _evidence("fatalities", span, self.text)
        if built:
            index = min(range(len(built)), key=lambda k: abs(built[k][0].head - death))
            trigger, event = built[index]
            built[index] = (trigger, _with_fatalities(event, toll, evidence))
        elif self._continues_story(tree.sentence.index) and self.events[-1].fatalities is None:
            # "At least 14 soldiers were killed." right after the report of the battle
            self.events[-1] = _with_fatalities(self.events[-1], toll, evidence)
        elif self._continues_story(tree.sentence.index) and adds_victims(tokens, span):
            # "Twenty insurgents were also killed.": more dead of the same event
            previous = self.events[-1]
            assert previous.fatalities is not None
            total = summed(previous.fatalities, toll)
            self.events[-1] = _with_fatalities(previous, total, evidence)


def _with_fatalities(event: Event, toll: Fatalities, evidence: Evidence) -> Event:
    return replace(event, fatalities=toll, provenance=(*event.provenance, evidence))


def extract(doc: ActorDoc, *, background_days: int = 14) -> tuple[Event, ...]:
    builder = _Builder(doc, background_days)
    sentences = doc.parsed.sentences
    for index, sentence in enumerate(sentences):
        if not is_caption(sentences, index):
            builder.add_sentence(SentenceTree(doc.parsed, sentence))
    return tuple(builder.events)
