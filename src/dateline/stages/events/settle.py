"""Settling the ACLED (event type, sub-event type) once the actors and context are known.

A trigger gives a class ("attack", "bombing", "protest"); the codebook's type
depends on who acted on whom and with what: an attack on an army post is a
battle, a bombing without aircraft is a planted explosive, a protest the
police dispersed is a protest with intervention.
"""

from __future__ import annotations

import re

from dateline.stages.actors import generic_actor
from dateline.stages.events.lexicon import EventClass, lexicon
from dateline.stages.events.syntax import SentenceTree
from dateline.stages.events.triggers import Trigger
from dateline.types import Actor

ARMED_KINDS = frozenset({1, 2, 3, 4, 8})
STATE_KINDS = frozenset({1, 8})
_CROWD_KINDS = frozenset({5, 6, 7})
_OBJECT_SKIP = frozenset({"nsubj", "nsubjpass", "agent", "advcl", "conj", "relcl", "ccomp"})
_TARGET_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "compound", "conj", "poss", "appos"})
_TARGET_PREPS = frozenset({"on", "against", "at", "under", "into", "targeting", "near"})
_POLICE_WORDS = frozenset({"police", "policeman", "policemen", "gendarme", "gendarmerie"})


def _target_words(tree: SentenceTree, trigger: Trigger) -> set[str]:
    """Lemmas of what the trigger acts on: its object, or the noun after "on"/"against"."""
    head = tree[trigger.head]
    frames = [head]
    if head.dep in {"nsubj", "nsubjpass"}:
        frames.append(tree[head.head])  # "a roadside bomb exploded near a patrol"
    roots: list[int] = []
    for frame in frames:
        roots += [c.i for c in tree.children(frame.i, "dobj", "nsubjpass")]
        if trigger.subject_is_target:
            roots += [c.i for c in tree.children(frame.i, "nsubj")]
        roots += [c.i for c in tree.children(frame.i, "prep") if c.lemma in _TARGET_PREPS]
    words: set[str] = set()
    for root in roots:
        words |= {tree[i].lemma.lower() for i in tree.subtree(root, skip_deps=_OBJECT_SKIP)}
    return words


def military_target(tree: SentenceTree, trigger: Trigger, country: str | None) -> Actor | None:
    """The armed forces an attack hits when its object is a post, base, convoy or patrol."""
    words = _target_words(tree, trigger)
    hit = words & lexicon().cues["military_targets"]
    if not hit:
        return None
    category = "police" if words & _POLICE_WORDS else "military"
    return generic_actor(category, country)


def seizes_captives(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "seized hundreds of hostages": people taken, not a place."""
    objects = [c.i for c in tree.children(trigger.head, "dobj")]
    words = {tree[i].lemma.lower() for root in objects for i in tree.subtree(root)}
    return bool(words & lexicon().cues["captive_objects"])


def _is_air(tree: SentenceTree, actor1: Actor, actor1_text: str | None) -> bool:
    cues = lexicon().cues["air_cues"]
    words = {t.lemma.lower() for t in tree.parsed.sentence_tokens(tree.sentence)}
    if words & cues:
        return True
    return bool(actor1_text and set(actor1_text.lower().split()) & cues)


def crowd_actors(
    name: str, actor1: Actor, actor2: Actor | None, country: str | None
) -> tuple[Actor, Actor | None]:
    """A protest is the crowd's: "students protested" are protesters, police are the other side.

    ``name`` is a trigger class or the settled event type ("Protests", "Riots").
    """
    crowds = {
        "protest": "protesters",
        "dispersal": "protesters",
        "Protests": "protesters",
        "riot": "rioters",
        "Riots": "rioters",
    }
    if name == "mob" and actor1.kind == 7:
        return generic_actor("rioters", actor1.country or country), actor2
    if name not in crowds:
        return actor1, actor2
    crowd = crowds[name]
    if actor1.kind in STATE_KINDS:
        # "police dispersed the protest": the police intervene, the crowd protests
        return generic_actor(crowd, country), actor1
    if actor1.kind == 7 or (actor1.kind == 6 and crowd == "rioters"):
        # bystanders who gather are the crowd; protesters who turn violent are rioters
        return generic_actor(crowd, actor1.country or country), actor2
    return actor1, actor2


def says_any(tree: SentenceTree, cues: frozenset[str]) -> bool:
    """Whether the sentence says one of the cues, as a word or lemma, or as a phrase."""
    if tree.words & cues:
        return True
    lemmas = tree.lemma_line
    text = f" {tree.sentence.text.lower()} "
    return any(
        (" " in cue or "-" in cue)
        and (f" {cue} " in lemmas or re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", text))
        for cue in cues
    )


def _crowd_violence(tree: SentenceTree) -> tuple[str, str]:
    """A crowd's violence: a violent demonstration when a protest is told, else a mob's."""
    if says_any(tree, lexicon().cues["demonstration_cues"]):
        return "Riots", "Violent demonstration"
    return "Riots", "Mob violence"


def _territory(
    tree: SentenceTree, trigger: Trigger, actor1: Actor, actor2: Actor | None
) -> tuple[str, str]:
    lex = lexicon()
    scope = tree.subtree(trigger.head, skip_deps=frozenset({"nsubj", "nsubjpass", "agent"}))
    objects = {tree[i].lemma for i in scope}
    if objects & lex.cues["weapon_objects"] and tree[trigger.head].lemma == "seize":
        return "Strategic developments", "Disrupted weapons use"
    if seizes_captives(tree, trigger):
        return "Violence against civilians", "Abduction/forced disappearance"
    if says_any(tree, lex.cues["unopposed_cues"]):
        return "Strategic developments", "Non-violent transfer of territory"
    if actor1.kind in STATE_KINDS:
        return "Battles", "Government regains territory"
    return "Battles", "Non-state actor overtakes territory"


def settle(
    event_class: EventClass,
    actor1: Actor,
    actor2: Actor | None,
    tree: SentenceTree,
    trigger: Trigger,
    actor1_text: str | None = None,
) -> tuple[str, str] | None:
    """The ACLED (event type, sub-event type) once actors and context are known."""
    name = event_class.name
    lex = lexicon()
    sentence = tree.parsed.sentence_tokens(tree.sentence)
    lemmas = {t.lemma.lower() for t in sentence}
    victim_kind = actor2.kind if actor2 else 7
    if name == "territory":
        return _territory(tree, trigger, actor1, actor2)
    if name in lex.cues["violent_classes"] - {"riot", "mob"} and says_any(
        tree, lex.cues["chemical_cues"]
    ):
        return "Explosions/Remote violence", "Chemical weapon"
    if name == "raid" and actor1.name.startswith("Police") and victim_kind == 7:
        return "Strategic developments", "Arrests"  # a police raid detains, it does not fight
    if name == "arrest":
        if victim_kind == 6:
            return "Protests", "Protest with intervention"  # protesters detained at a protest
        if says_any(tree, lex.cues["foiled_cues"]):
            return "Strategic developments", "Disrupted weapons use"  # a bomber stopped in time
    if name in {"attack", "kill", "raid", "mob", "looting"} and actor1.kind == 5:
        return _crowd_violence(tree)
    if name in {"attack", "kill", "raid"}:
        if victim_kind == 6:
            return "Protests", "Excessive force against protesters"
        if actor1.kind == 6 and name == "attack":
            return "Riots", "Violent demonstration"
        if victim_kind in ARMED_KINDS and actor1.kind in ARMED_KINDS:
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if name == "clash" and 6 in {actor1.kind, victim_kind}:
        return "Riots", "Violent demonstration"
    if name == "clash" and 5 in {actor1.kind, victim_kind}:
        return _crowd_violence(tree)
    if name == "clash" and actor1.kind == 7:
        return "Riots", "Mob violence"  # "villagers clashed with herders": no armed side
    if name == "dispersal" and not says_any(tree, lex.cues["demonstration_cues"]):
        return "Riots", "Mob violence"  # police broke up a crowd that was no protest
    if name in {"protest", "dispersal"}:
        if lemmas & lex.cues["lethal_cues"] or says_any(
            tree, frozenset(c for c in lex.cues["lethal_cues"] if " " in c)
        ):
            return "Protests", "Excessive force against protesters"
        if says_any(tree, lex.cues["riot_cues"]):
            return "Riots", "Violent demonstration"
        if says_any(tree, lex.cues["intervention_cues"]):
            return "Protests", "Protest with intervention"
    if name == "bombing":
        if _is_air(tree, actor1, actor1_text) or (
            actor1.kind in STATE_KINDS and actor1_text is not None
        ):
            return "Explosions/Remote violence", "Air/drone strike"
        return event_class.event_type, event_class.sub_event_type
    if name == "airstrike" and actor1.kind not in STATE_KINDS:
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    return event_class.event_type, event_class.sub_event_type


def is_air_bombing(event_class: EventClass, tree: SentenceTree) -> bool:
    """Whether a bombing is from the air, so its default initiator is a state's air force."""
    if event_class.name != "bombing":
        return False
    words = {t.lemma.lower() for t in tree.parsed.sentence_tokens(tree.sentence)}
    return bool(words & lexicon().cues["air_cues"])
