"""Finding event triggers, and keeping only those that report a real, specific event.

Statements, hopes, plans, conditionals, negations, future or modal clauses,
recurring or aggregate descriptions and bare anaphoric re-mentions ("the
takeover") are not events.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.stages.events.lexicon import lexicon
from dateline.stages.events.syntax import SentenceTree
from dateline.types import Token


@dataclass(frozen=True)
class Trigger:
    head: int  # the token the trigger's arguments hang on
    start: int  # token range of the trigger words, half-open
    end: int
    event_class: str
    is_noun: bool = False


def _phrase_triggers(tree: SentenceTree) -> list[Trigger]:
    phrases = lexicon().phrases
    longest = max(len(p) for p in phrases)
    tokens = tree.parsed.sentence_tokens(tree.sentence)
    found: list[Trigger] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 1, -1):
            window = tokens[i : i + size]
            key = tuple(t.lemma for t in window)
            if key in phrases:
                verbs = [t for t in window if t.pos == "VERB"]
                head = verbs[0] if verbs else window[-1]
                found.append(
                    Trigger(head.i, window[0].i, window[-1].i + 1, phrases[key], not verbs)
                )
                i += size - 1
                break
        i += 1
    return found


def _word_trigger(tree: SentenceTree, token: Token) -> Trigger | None:
    lex = lexicon()
    if token.pos == "VERB":
        for subject in tree.children(token.i, "nsubj", "nsubjpass"):
            by_subject = lex.subject_phrases.get(token.lemma, {})
            if subject.lemma in by_subject:
                return Trigger(token.i, token.i, token.i + 1, by_subject[subject.lemma])
        if token.lemma in lex.verbs:
            return Trigger(token.i, token.i, token.i + 1, lex.verbs[token.lemma])
    elif token.pos in {"NOUN", "PROPN"} and token.lemma in lex.nouns and token.dep != "compound":
        return Trigger(token.i, token.i, token.i + 1, lex.nouns[token.lemma], True)
    return None


def find_triggers(tree: SentenceTree) -> list[Trigger]:
    triggers = _phrase_triggers(tree)
    used = {i for t in triggers for i in range(t.start, t.end)}
    for token in tree.parsed.sentence_tokens(tree.sentence):
        if token.i in used:
            continue
        trigger = _word_trigger(tree, token)
        if trigger is not None:
            triggers.append(trigger)
    return sorted(triggers, key=lambda t: t.start)


def governing_verb(tree: SentenceTree, trigger: Trigger) -> Token | None:
    return tree.clause_verb(trigger.head)


def is_light_verb_object(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "launched an assault", "made advances": the noun is the event, the verb is light."""
    head = tree[trigger.head]
    return head.dep in {"dobj", "attr"} and tree[head.head].lemma in lexicon().cues["light_verbs"]


def _is_irrealis(tree: SentenceTree, trigger: Trigger) -> bool:
    modality = lexicon().modality
    head = tree[trigger.head]
    # a plan, hope, threat, denial or condemnation anywhere up the chain of heads
    if any(t.lemma in modality["governors"] for t in tree.ancestors(trigger.head)):
        return True
    clause = [head, *tree.ancestors(trigger.head)]
    for token in clause:
        for child in tree.children(token.i):
            if child.dep == "mark" and child.lemma in modality["conditionals"]:
                return True
        if token.pos in {"VERB", "AUX"}:
            # modal or negated verb of the trigger's own clause
            for child in tree.children(token.i, "aux", "neg", "auxpass"):
                if child.lemma in modality["modals"] or child.dep == "neg":
                    return True
            break
    if head.pos == "VERB" and any(c.tag == "TO" for c in tree.children(head.i, "aux")):
        return True  # "to retake": a purpose, not a report
    return any(c.dep == "neg" or c.lemma == "no" for c in tree.children(head.i))


def _is_aggregate(tree: SentenceTree, trigger: Trigger) -> bool:
    modality = lexicon().modality
    head = tree[trigger.head]
    if any(c.lemma in modality["recurring"] for c in tree.children(head.i)):
        return True
    if not trigger.is_noun:
        return False
    if head.tag in {"NNS", "NNPS"} and not is_light_verb_object(tree, trigger):
        return True  # "near-daily bombardments", "its offensives"
    parent = tree[head.head]
    # "months of fighting"
    return parent.lemma == "of" and tree[parent.head].lemma in modality["durations"]


_ARGUMENT_WINDOW = 8  # tokens after a noun trigger in which "in June", "of Qusayr" may follow


def _phrase_head(tree: SentenceTree, index: int) -> Token:
    """The first conjunct: "the heavy air and artillery bombardment" hangs on "air"."""
    token = tree[index]
    while token.dep == "conj" and token.head != token.i:
        token = tree[token.head]
    return token


def _is_bare_anaphor(tree: SentenceTree, trigger: Trigger, anchors: set[int]) -> bool:
    """ "The takeover is ...": a definite noun with no argument re-mentions an earlier event.

    ``anchors`` are the tokens of places and dates in the sentence: one right after the
    noun ("the capture in June ... of Qusayr") is its argument even when the parse
    attached it elsewhere.
    """
    if not trigger.is_noun or is_light_verb_object(tree, trigger):
        return False
    head = _phrase_head(tree, trigger.head)
    children = tree.children(trigger.head) + (
        tree.children(head.i) if head.i != trigger.head else []
    )
    definite = any(
        c.dep == "det" and c.lemma in lexicon().modality["anaphoric_determiners"] for c in children
    )
    has_argument = any(
        c.dep in {"prep", "poss", "acl", "relcl"} or (c.dep == "compound" and c.pos == "PROPN")
        for c in tree.children(trigger.head)
    )
    following = range(trigger.end, min(trigger.end + _ARGUMENT_WINDOW, tree.sentence.token_end))
    return definite and not has_argument and not any(i in anchors for i in following)


def is_reported_event(
    tree: SentenceTree, trigger: Trigger, anchors: set[int] | None = None
) -> bool:
    return not (
        _is_irrealis(tree, trigger)
        or _is_aggregate(tree, trigger)
        or _is_bare_anaphor(tree, trigger, anchors or set())
    )
