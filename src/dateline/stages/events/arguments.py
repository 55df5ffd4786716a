"""Who, where and when for one trigger, read off the dependency tree.

Each finder returns the value and the mention it came from, so every field
of an event can point at its evidence. When the text names nothing, the
caller falls back to the defaults of the event class and the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from dateline.stages.datelines import dateline_end
from dateline.stages.events.lexicon import lexicon
from dateline.stages.events.syntax import SentenceTree
from dateline.stages.events.triggers import Trigger, is_light_verb_object
from dateline.types import ActorMention, PlaceMention, Precision, TimeExpression

_SUB_PLACES = {Precision.EXACT, Precision.NEIGHBOURHOOD}
_OTHER_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
_TARGET_PREPS = {"with", "against", "on", "from", "of", "at", "under", "into"}
_SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "acl", "pcomp", "prep"})
_ALLY_VERBS = {"back", "support", "aid", "assist", "help", "join", "reinforce", "accompany"}
_ALLY_NOUNS = {"help", "support", "backing", "assistance", "aid"}
_PERSONAL_PRONOUNS = frozenset({"they", "he", "she"})
_ARMED_KINDS = frozenset({1, 2, 3, 4, 8})


def _actor_under(
    tree: SentenceTree, roots: Iterable[int], actors: Sequence[ActorMention]
) -> ActorMention | None:
    """The first actor mention whose head lies under one of ``roots``."""
    for root in roots:
        inside = tree.subtree(root)
        for mention in actors:
            if mention.head in inside:
                return mention
    return None


def _frame(tree: SentenceTree, trigger: Trigger) -> int:
    """The token whose subject is the trigger's initiator: the verb of "launched an assault"."""
    head = tree[trigger.head]
    if trigger.is_noun and is_light_verb_object(tree, trigger):
        return head.head
    return trigger.head


def initiator(
    tree: SentenceTree, trigger: Trigger, actors: Sequence[ActorMention]
) -> ActorMention | None:
    if trigger.subject_is_target:
        return None
    frame = _frame(tree, trigger)
    passive = bool(tree.children(frame, "auxpass", "nsubjpass"))
    if passive:
        for agent in tree.children(frame, "agent"):
            return _actor_under(tree, [agent.i], actors)
    if trigger.is_noun and frame == trigger.head:
        # "the army's takeover", "the massacre of troops by rebels"
        own = [c.i for c in tree.children(frame, "poss", "compound")]  # "Taliban mortar fire"
        # "the massacre by rebels", "mortar fire from the Islamic State"
        own += [c.i for c in tree.children(frame, "prep", "agent") if c.lemma in {"by", "from"}]
        found = _actor_under(tree, own, actors)
        if found:
            return found
    if not passive:
        found = _actor_under(tree, [c.i for c in tree.children(frame, "nsubj")], actors)
        if found:
            return found
    # the subject of the clause chain the trigger continues ("troops stormed and seized",
    # "bolstered by"); not that of a verb it is reported by or hangs under as an object
    child = tree[frame]
    for ancestor in tree.ancestors(frame):
        # "after the regiment killed": a clause with a subject of its own borrows none
        if child.dep not in _SHARED_SUBJECT_DEPS or tree.children(child.i, "nsubj"):
            break
        subjects = [c.i for c in tree.children(ancestor.i, "nsubj") if c.i != frame]
        found = _actor_under(tree, subjects, actors)
        if found:
            return found
        child = ancestor
    return None


def subject_is_pronoun(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "they seized", "he opened fire": the initiator was named in an earlier sentence."""
    subjects = tree.children(_frame(tree, trigger), "nsubj")
    return any(s.lemma.lower() in _PERSONAL_PRONOUNS for s in subjects)


def referent(tree: SentenceTree, earlier: Sequence[ActorMention]) -> ActorMention | None:
    """The armed actor a pronoun goes back to: a subject of the sentence before, else its
    last armed actor."""
    armed = [m for m in earlier if m.actor.kind in _ARMED_KINDS]
    subjects = [m for m in armed if tree[m.head].dep in _SUBJECT_DEPS]
    if subjects:
        return subjects[0]
    return armed[-1] if armed else None


def target(
    tree: SentenceTree,
    trigger: Trigger,
    actors: Sequence[ActorMention],
    exclude: ActorMention | None,
) -> ActorMention | None:
    frame = _frame(tree, trigger)
    others = [a for a in actors if a is not exclude]
    roots: list[int] = []
    if trigger.subject_is_target:
        roots += [c.i for c in tree.children(frame, "nsubj")]
    if tree.children(frame, "auxpass", "nsubjpass"):
        roots += [c.i for c in tree.children(frame, "nsubjpass")]
    roots += [c.i for c in tree.children(trigger.head, "dobj")]
    roots += [c.i for c in tree.children(trigger.head, "prep") if c.lemma in _TARGET_PREPS]
    return _actor_under(tree, roots, others)


def intervener(
    tree: SentenceTree, trigger: Trigger, actors: Sequence[ActorMention]
) -> ActorMention | None:
    """Who acted on a gathering: the subject of "police dispersed the protest"."""
    head = tree[trigger.head]
    if head.dep not in {"dobj", "nsubjpass"}:
        return None
    verb = head.head
    roots = [c.i for c in tree.children(verb, "nsubj")]
    roots += [c.i for c in tree.children(verb, "agent")]
    return _actor_under(tree, roots, actors)


def allies(
    tree: SentenceTree,
    roots: Iterable[int],
    actors: Sequence[ActorMention],
    main: ActorMention | None,
) -> list[ActorMention]:
    """Actors acting with the initiator: "backed by X", "with X help", "alongside X"."""
    found: list[ActorMention] = []
    for root in roots:
        for index in sorted(tree.subtree(root)):
            token = tree[index]
            cue = token.lemma in _ALLY_VERBS and token.pos == "VERB"
            cue = cue or token.lemma in {"alongside", "beside"}
            cue = cue or (token.lemma in _ALLY_NOUNS and tree[token.head].lemma == "with")
            if not cue:
                continue
            under = tree.subtree(index) - {index}
            for mention in actors:
                is_new = mention is not main and mention not in found
                is_other = main is None or mention.actor.name != main.actor.name
                if mention.head in under and is_new and is_other:
                    found.append(mention)
    return found


def _non_subject_subtree(tree: SentenceTree, root: int) -> set[int]:
    return tree.subtree(root, skip_deps=_SUBJECT_DEPS)


def place_for(
    tree: SentenceTree,
    trigger: Trigger,
    places: Sequence[PlaceMention],
    salience: Mapping[str, int] | None = None,
) -> PlaceMention | None:
    """The place attached to the trigger, else the closest place of the sentence.

    ``salience``: how often the article names each place; of the two ends of "the road
    between A and B", the one the article names more is the event's.
    """
    places = [p for p in places if not _names_a_nationality(tree, p) and not is_dateline(tree, p)]
    if not places:
        return None
    frame = _frame(tree, trigger)
    scope = _non_subject_subtree(tree, trigger.head) | (
        _non_subject_subtree(tree, frame) if frame != trigger.head else set()
    )
    if trigger.subject_is_target:
        scope |= tree.subtree(frame)  # "their posts in Andersonstown came under fire"
    attached = [p for p in places if any(i in scope for i in range(p.token_start, p.token_end))]
    pool = attached or [p for p in places if not _is_elsewhere(tree, p)]
    if not pool:
        return None
    finer = [p for p in pool if p.place.precision != Precision.COUNTRY]
    pool = finer or pool
    own = tree.subtree(trigger.head, skip_deps=_SUBJECT_DEPS | _OTHER_CLAUSES)
    if trigger.subject_is_target:
        own |= tree.subtree(frame, skip_deps=_OTHER_CLAUSES)
    parts = [p for p in attached if p.place.precision in _SUB_PLACES and p.token_start in own]
    if parts:
        pool = parts  # a part of a town the trigger governs ("posts in Old Park ... Belfast")
    nearest = min(pool, key=lambda p: abs(p.token_start - trigger.head))
    ends = _between(tree, nearest, pool)
    if salience and ends:
        return max([nearest, *ends], key=lambda p: salience.get(p.place.name, 0))
    return nearest


def _between(
    tree: SentenceTree, place: PlaceMention, places: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """The other end of "between ``place`` and X", if ``places`` holds it."""
    word = next(
        (a.i for a in tree.ancestors(place.token_end - 1) if a.lemma.lower() == "between"), None
    )
    if word is None:
        return []
    return [
        other
        for other in places
        if other is not place and any(a.i == word for a in tree.ancestors(other.token_end - 1))
    ]


def _names_a_nationality(tree: SentenceTree, place: PlaceMention) -> bool:
    """ "Russian aircraft": a demonym says whose the aircraft are, not where they struck."""
    tokens = [tree[i] for i in range(place.token_start, place.token_end)]
    return all(token.pos == "ADJ" or token.ent_type == "NORP" for token in tokens)


def is_dateline(tree: SentenceTree, place: PlaceMention) -> bool:
    """ "KABUL — ...", "LAGOS, Nigeria (Reuters) - ...": where the report was filed from.

    An all-capitals word opening the sentence, followed (after an optional ", Country"
    and a "(Agency)" credit) by a dash or the credit, is the reporting location, never
    the event's; so is the country named with it.
    """
    end = _dateline_end(tree)
    return end is not None and place.token_end <= end


def _dateline_end(tree: SentenceTree) -> int | None:
    return dateline_end(tree.tokens, tree.sentence.token_start, tree.sentence.token_end)


def _is_elsewhere(tree: SentenceTree, place: PlaceMention) -> bool:
    """ "officials said in Beirut", "asylum seekers from Pakistan": where the source is."""
    modality = lexicon().modality
    for ancestor in tree.ancestors(place.token_end - 1):
        if ancestor.lemma.lower() == "from" and tree[ancestor.head].pos in {"NOUN", "PROPN"}:
            return True
        if ancestor.pos == "VERB":
            return ancestor.lemma.lower() in modality["reporting_verbs"]
    return False


def names_the_same_place(tree: SentenceTree) -> bool:
    """ "killed in the same province", "near the blast site": the place of the event the
    story told before."""
    modality = lexicon().modality
    nouns, scenes = modality["same_place_nouns"], modality["scene_nouns"]
    tokens = tree.parsed.sentence_tokens(tree.sentence)
    # "close to the blast site", "at the scene": where the event told before happened
    return any(
        token.lemma.lower() == "same" and tree[token.head].lemma.lower() in nouns
        for token in tokens
    ) or any(
        token.lemma.lower() in scenes
        and any(c.lemma.lower() == "the" for c in tree.children(token.i, "det"))
        for token in tokens
    )


def measured_from(tree: SentenceTree, place: PlaceMention) -> bool:
    """ "about 90 kilometres north of Gao": the place a distance is measured from."""
    modality = lexicon().modality
    ancestors = list(tree.ancestors(place.token_end - 1))[:2]
    if len(ancestors) < 2 or ancestors[0].lemma.lower() != "of":
        return False
    compass = ancestors[1]
    return compass.lemma.lower() in modality["compass_words"] and any(
        child.lemma.lower() in modality["distance_units"] for child in tree.children(compass.i)
    )


def names_a_known_town(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "the rebels had seized the town": the trigger's object is a town the story named."""
    nouns = lexicon().modality["same_place_nouns"]
    return any(
        child.lemma.lower() in nouns
        and any(d.lemma.lower() == "the" for d in tree.children(child.i, "det"))
        for child in tree.children(trigger.head, "dobj", "nsubjpass")
    )


def conjoined_places(
    tree: SentenceTree, place: PlaceMention, places: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """Places joined to ``place`` by "and" ("Budennovsk and Kizlyar"), in text order."""
    mine = set(range(place.token_start, place.token_end))
    if any(a.lemma.lower() == "between" for a in tree.ancestors(place.token_end - 1)):
        return []  # "on the road between Garissa and Mandera": one event on the way
    linked: list[PlaceMention] = []
    for other in places:
        if other is place or other.place.precision != place.place.precision:
            continue
        theirs = set(range(other.token_start, other.token_end))
        low, high = sorted((place.token_end, other.token_end))
        if not any(tree[i].lemma in {"and", "or"} for i in range(low, high)):
            continue  # "Helmand Province, Afghanistan" is one place named twice
        if any(tree[i].dep == "conj" and tree[i].head in mine for i in theirs) or any(
            tree[i].dep == "conj" and tree[i].head in theirs for i in mine
        ):
            linked.append(other)
    return linked


def date_for(
    tree: SentenceTree, trigger: Trigger, expressions: Sequence[TimeExpression]
) -> TimeExpression | None:
    """The time expression governing the trigger, else the sentence's nearest one."""
    dated = [e for e in expressions if e.kind == "date"]
    if not dated:
        return None
    frame = _frame(tree, trigger)
    tokens = tree.parsed.sentence_tokens(tree.sentence)

    def head_of(expression: TimeExpression) -> int | None:
        inside = [t for t in tokens if expression.span.start <= t.start < expression.span.end]
        if not inside:
            return None
        ids = {t.i for t in inside}
        heads = [t for t in inside if t.head not in ids or t.head == t.i]
        return heads[0].i if heads else inside[0].i

    best: tuple[int, TimeExpression] | None = None
    for expression in dated:
        head = head_of(expression)
        if head is None:
            continue
        depth = tree.depth_below(head, trigger.head)
        if depth is None and frame != trigger.head:
            depth = tree.depth_below(head, frame)
        if depth is not None and (best is None or depth < best[0]):
            best = (depth, expression)
    if best is not None:
        return best[1]
    # else the nearest expression of the sentence, unless it dates another clause
    # ("the bomber behind the bombing is seen in a photo released May 27")
    chain = {trigger.head, frame} | {t.i for t in tree.ancestors(frame)}
    free = []
    for expression in dated:
        head = head_of(expression)
        verb = tree.clause_verb(head) if head is not None else None
        if verb is None or verb.i in chain:
            free.append(expression)
    if not free:
        return None
    position = tree[trigger.head].start
    return min(free, key=lambda e: abs(e.span.start - position))


def is_re_prefixed(tree: SentenceTree, trigger: Trigger) -> bool:
    return tree[trigger.head].lemma in lexicon().cues["re_prefixed"]
