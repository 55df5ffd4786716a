"""Who, where and when for one trigger, read off the dependency tree.

Each finder returns the value and the mention it came from, so every field
of an event can point at its evidence. When the text names nothing, the
caller falls back to the defaults of the event class and the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dateline.stages.events.lexicon import lexicon
from dateline.stages.events.syntax import SentenceTree
from dateline.stages.events.triggers import Trigger, is_light_verb_object
from dateline.types import ActorMention, PlaceMention, Precision, TimeExpression

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
_TARGET_PREPS = {"with", "against", "on", "from", "of", "at"}
_ALLY_VERBS = {"back", "support", "aid", "assist", "help", "join", "reinforce", "accompany"}
_ALLY_NOUNS = {"help", "support", "backing", "assistance", "aid"}


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
    frame = _frame(tree, trigger)
    passive = bool(tree.children(frame, "auxpass", "nsubjpass"))
    if passive:
        for agent in tree.children(frame, "agent"):
            return _actor_under(tree, [agent.i], actors)
    if trigger.is_noun and frame == trigger.head:
        # "the army's takeover", "the massacre of troops by rebels"
        own = [c.i for c in tree.children(frame, "poss")]
        own += [c.i for c in tree.children(frame, "prep", "agent") if c.lemma == "by"]
        found = _actor_under(tree, own, actors)
        if found:
            return found
    if not passive:
        found = _actor_under(tree, [c.i for c in tree.children(frame, "nsubj")], actors)
        if found:
            return found
    # the subject of the clause the trigger sits in ("troops stormed and seized", "bolstered by")
    for ancestor in tree.ancestors(frame):
        subjects = [c.i for c in tree.children(ancestor.i, "nsubj") if c.i != frame]
        found = _actor_under(tree, subjects, actors)
        if found:
            return found
    return None


def target(
    tree: SentenceTree,
    trigger: Trigger,
    actors: Sequence[ActorMention],
    exclude: ActorMention | None,
) -> ActorMention | None:
    frame = _frame(tree, trigger)
    others = [a for a in actors if a is not exclude]
    roots: list[int] = []
    if tree.children(frame, "auxpass", "nsubjpass"):
        roots += [c.i for c in tree.children(frame, "nsubjpass")]
    roots += [c.i for c in tree.children(trigger.head, "dobj")]
    roots += [c.i for c in tree.children(trigger.head, "prep") if c.lemma in _TARGET_PREPS]
    return _actor_under(tree, roots, others)


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
    tree: SentenceTree, trigger: Trigger, places: Sequence[PlaceMention]
) -> PlaceMention | None:
    """The place attached to the trigger, else the closest place of the sentence."""
    if not places:
        return None
    frame = _frame(tree, trigger)
    scope = _non_subject_subtree(tree, trigger.head) | (
        _non_subject_subtree(tree, frame) if frame != trigger.head else set()
    )
    attached = [p for p in places if any(i in scope for i in range(p.token_start, p.token_end))]
    pool = attached or list(places)
    finer = [p for p in pool if p.place.precision != Precision.COUNTRY]
    pool = finer or pool
    return min(pool, key=lambda p: abs(p.token_start - trigger.head))


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
    position = tree[trigger.head].start
    return min(dated, key=lambda e: abs(e.span.start - position))


def is_re_prefixed(tree: SentenceTree, trigger: Trigger) -> bool:
    return tree[trigger.head].lemma in lexicon().cues["re_prefixed"]
