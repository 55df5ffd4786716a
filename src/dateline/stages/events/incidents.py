"""One incident per report: which triggers of a sentence are one event, and its dead.

A killing reported with a bombing is the bombing's toll; "the attack" beside a
bombing names the same incident; a later sentence that adds dead adds to the
toll; photo captions report nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.stages.events.lexicon import lexicon
from dateline.stages.events.syntax import SentenceTree
from dateline.stages.events.triggers import Trigger
from dateline.types import Fatalities, Sentence, Span, Token

_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "advcl", "conj", "ccomp", "relcl"})
_SPACED_PUNCT = re.compile(r"\s+([:;,.])")
_SENTENCE_ENDS = (".", "!", "?", '"', "”")


def one_incident(tree: SentenceTree, triggers: list[Trigger]) -> list[Trigger]:
    """ "A bomb exploded, killing five", "the bombing was an attack on ...": one event.

    A killing reported with another violent trigger is that trigger's toll, and a bare
    "attack" beside a bombing, shelling or air strike names that same incident.
    """
    cues = lexicon().cues
    classes = {t.event_class for t in triggers}
    violent = classes & cues["violent_classes"]
    specific = violent - cues["generic_classes"]
    remote = cues["remote_classes"]
    heads = {t.head: t for t in triggers}
    stopped = _stopped(tree, triggers)
    kept = []
    for trigger in triggers:
        if trigger.head in stopped:
            continue
        if trigger.event_class == "kill" and specific | (violent - {"kill"}):
            continue
        head = tree[trigger.head]
        governor = heads.get(head.head) if head.dep in _ARGUMENT_DEPS else None
        if governor is not None and {governor.event_class, trigger.event_class} <= remote:
            continue  # "a car bomb exploded": the bomb is the explosion's subject
        if trigger.event_class == "attack" and classes & cues["remote_classes"]:
            continue
        if trigger.event_class in cues["generic_classes"] and _sets_another(
            tree, trigger, [t for t in triggers if t.event_class in specific]
        ):
            continue  # "killed in a shootout during a raid": the raid is the shootout's setting
        kept.append(trigger)
    return kept


def _phrase_anchor(tree: SentenceTree, index: int) -> int:
    """The word a chain of prepositional phrases hangs on ("in a shootout during a raid")."""
    token = tree[index]
    while token.dep in {"pobj", "prep"} and token.head != token.i:
        token = tree[token.head]
    return token.i


def _sets_another(tree: SentenceTree, trigger: Trigger, specific: Sequence[Trigger]) -> bool:
    if not trigger.is_noun or tree[trigger.head].dep != "pobj":
        return False
    anchor = _phrase_anchor(tree, trigger.head)
    return any(
        other.head != trigger.head and anchor in {other.head, _phrase_anchor(tree, other.head)}
        for other in specific
    )


def _stopped(tree: SentenceTree, triggers: list[Trigger]) -> set[int]:
    """Tokens of what a disrupting trigger acts on: "defused a roadside bomb", "foiled a
    suicide attack" name an explosion that never happened."""
    disrupting = lexicon().cues["disrupting_classes"]
    found: set[int] = set()
    for trigger in triggers:
        if trigger.event_class in disrupting and not trigger.is_noun:
            found |= tree.subtree(trigger.head, skip_deps=_SUBJECT_DEPS) - {trigger.head}
    return found


def adds_victims(tokens: Sequence[Token], span: Span) -> bool:
    """Whether a further toll names more dead ("also", "another", or other victims)."""
    inside = [t for t in tokens if span.start <= t.start < span.end]
    numbers = lexicon().numbers
    words = {t.lemma.lower() for t in tokens}
    return bool(words & set(numbers["additive_cues"])) or any(
        t.pos == "NOUN" and t.lemma.lower() in numbers["combatant_nouns"] for t in inside
    )


def summed(first: Fatalities, more: Fatalities) -> Fatalities:
    high = first.max + more.max if first.max is not None and more.max is not None else None
    return Fatalities(first.min + more.min, high, f"{first.text}; {more.text}")


def is_caption(sentences: Sequence[Sentence], index: int) -> bool:
    """A photo caption or credit ("View Photos", "Name/Reuters"), or the line it credits."""
    modality = lexicon().modality
    credits = modality["credit_markers"]
    text = _SPACED_PUNCT.sub(r"\1", sentences[index].text.lower())  # "READ MORE :"
    found = [text.find(m) for m in modality["caption_markers"] | credits if m in text]
    # a report with a caption glued on after its full stop ("... attacks.image copyright")
    # is still a report
    if found and not text[: min(found)].rstrip().endswith(_SENTENCE_ENDS):
        return True
    following = sentences[index + 1 : index + 2]
    return any(marker in s.text.lower() for s in following for marker in credits)
