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
    kept = []
    for trigger in triggers:
        if trigger.event_class == "kill" and specific | (violent - {"kill"}):
            continue
        head = tree[trigger.head]
        governor = heads.get(head.head) if head.dep in _ARGUMENT_DEPS else None
        if governor is not None and {governor.event_class, trigger.event_class} <= remote:
            continue  # "a car bomb exploded": the bomb is the explosion's subject
        if trigger.event_class == "attack" and classes & cues["remote_classes"]:
            continue
        kept.append(trigger)
    return kept


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
