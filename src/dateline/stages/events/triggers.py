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
    subject_is_target: bool = False  # "the post came under fire": the subject was hit


def _phrase_triggers(tree: SentenceTree) -> list[Trigger]:
    lex = lexicon()
    phrases = lex.phrases
    tokens = tree.parsed.sentence_tokens(tree.sentence)
    found: list[Trigger] = []
    i = 0
    while i < len(tokens):
        longest = lex.phrase_lengths.get(tokens[i].lemma, 0)  # phrases starting here
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


def _verb_keys(tree: SentenceTree, token: Token) -> list[str]:
    """The verb with its particle first ("set up", "handing it over"), then alone."""
    particles = [c.lemma.lower() for c in tree.children(token.i, "prt")]
    return [f"{token.lemma} {p}" for p in particles] + [token.lemma]


def _acted_on(tree: SentenceTree, token: Token) -> list[Token]:
    """What a verb acts on: its object or passive subject, the object of its preposition,
    and their compounds ("signed a ceasefire agreement", "agreed to a truce")."""
    found = tree.children(token.i, "dobj", "nsubjpass", "attr")
    preps = lexicon().cues["object_preps"]
    for preposition in tree.children(token.i, "prep", "dative"):
        if preposition.lemma.lower() in preps:
            found += tree.children(preposition.i, "pobj")
    found += tree.children(token.i, "pobj")
    found += [c for o in list(found) for c in tree.children(o.i, "conj")]
    return found


def _object_trigger(tree: SentenceTree, token: Token) -> Trigger | None:
    lex = lexicon()
    by_verb = lex.object_phrases
    for key in _verb_keys(tree, token):
        by_object = by_verb.get(key)
        if not by_object:
            continue
        for thing in _acted_on(tree, token):
            modifiers = tree.children(thing.i, "compound", "amod")
            for word in [thing, *modifiers]:
                event_class = by_object.get(word.lemma.lower()) or by_object.get(word.text.lower())
                # "signed a peace agreement", not "discovered weapons technology"
                if event_class and (
                    word is thing or event_class in lex.cues["modifier_object_classes"]
                ):
                    return Trigger(token.i, token.i, token.i + 1, event_class)
    return None


def _is_transitive_use(tree: SentenceTree, token: Token) -> bool:
    """ "demonstrated how to", "rallied support": the verb's other sense, not a protest."""
    if token.lemma not in lexicon().cues["intransitive_only"]:
        return False
    return bool(tree.children(token.i, "dobj", "ccomp", "xcomp"))


def _word_trigger(tree: SentenceTree, token: Token) -> Trigger | None:
    lex = lexicon()
    if token.pos == "VERB":
        for subject in tree.children(token.i, "nsubj", "nsubjpass"):
            by_subject = lex.subject_phrases.get(token.lemma, {})
            if subject.lemma in by_subject:
                return Trigger(token.i, token.i, token.i + 1, by_subject[subject.lemma])
        found = _object_trigger(tree, token)
        if found is not None:
            return found
        if _is_transitive_use(tree, token):
            return None
        for key in _verb_keys(tree, token):
            if key in lex.verbs:
                return Trigger(token.i, token.i, token.i + 1, lex.verbs[key])
        if token.text.lower() in lex.verb_forms:
            return Trigger(token.i, token.i, token.i + 1, lex.verb_forms[token.text.lower()])
    elif token.pos in {"NOUN", "PROPN"} and token.lemma in lex.nouns and token.dep != "compound":
        return Trigger(token.i, token.i, token.i + 1, lex.nouns[token.lemma], True)
    return None


def _idiom_tokens(tree: SentenceTree) -> set[int]:
    """Tokens of idioms using a trigger word for no event ("in advance", "detained in hospital")."""
    by_first = lexicon().non_triggers
    tokens = tree.parsed.sentence_tokens(tree.sentence)
    covered: set[int] = set()
    for k, token in enumerate(tokens):
        for form in {token.lemma.lower(), token.text.lower()}:
            for idiom in by_first.get(form, ()):
                window = tokens[k : k + len(idiom)]
                if len(window) == len(idiom) and all(
                    word in {t.lemma.lower(), t.text.lower()}
                    for word, t in zip(idiom, window, strict=True)
                ):
                    covered.update(t.i for t in window)
    return covered


def _under_fire(tree: SentenceTree) -> list[Trigger]:
    """ "Their posts came under intense gunfire": an attack whose subject is the target."""
    nouns = lexicon().cues["under_fire_nouns"]
    found = []
    for token in tree.parsed.sentence_tokens(tree.sentence):
        if token.lemma.lower() not in nouns or token.dep != "pobj":
            continue
        under = tree[token.head]
        verb = tree[under.head]
        if under.lemma.lower() == "under" and verb.lemma.lower() in {"come", "be", "fall"}:
            found.append(Trigger(verb.i, token.i, token.i + 1, "attack", False, True))
    return found


def find_triggers(tree: SentenceTree) -> list[Trigger]:
    idioms = _idiom_tokens(tree)
    triggers = _under_fire(tree)
    triggers += [t for t in _phrase_triggers(tree) if t.head not in idioms]
    used = {i for t in triggers for i in range(t.start, t.end)} | idioms
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
    # a plan, hope, threat, denial or condemnation anywhere up the chain of heads; a charge,
    # trial or claim of responsibility re-mentions an event reported elsewhere
    detailed = _is_detailed(tree, trigger)
    stops = modality["governors"] if detailed else modality["governors"] | modality["rementions"]
    if _is_alleged(tree, trigger) or _nobody_says(tree, trigger):
        return True
    for ancestor in tree.ancestors(trigger.head):
        if ancestor.lemma.lower() in stops:
            return True
        # "an investigation was opened for murder": the frame's subject or object decides
        if (
            not detailed
            and ancestor.pos == "VERB"
            and any(
                c.lemma.lower() in modality["rementions"]
                for c in tree.children(ancestor.i, "nsubj", "nsubjpass", "dobj")
            )
        ):
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
            if token.dep != "xcomp":
                break  # "will start killing": the verb it complements has the modal
    # "to retake", "to make roadside bombs": a purpose, not a report
    verb = head if head.pos == "VERB" else (tree[head.head] if head.dep == "dobj" else None)
    if verb is not None and any(c.tag == "TO" for c in tree.children(verb.i, "aux")):
        return True
    return any(c.dep == "neg" or c.lemma == "no" for c in tree.children(head.i))


def _is_alleged(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "suspected of taking part in an attack": what someone is suspected of, not a report.

    Only the word's complements count: an event named inside its subject ("the man who
    carried out the bombing was accused of ...") is reported.
    """
    allegations = lexicon().modality["allegations"]
    child = tree[trigger.head]
    for ancestor in tree.ancestors(trigger.head):
        if child.dep in _ALLEGER_DEPS:
            return False
        if ancestor.lemma.lower() in allegations:
            return True
        child = ancestor
    return False


def _nobody_says(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "No group said it carried out the attack": a claim nobody made re-mentions the event."""
    modality = lexicon().modality
    for ancestor in tree.ancestors(trigger.head):
        if ancestor.pos == "VERB" and ancestor.lemma.lower() in modality["reporting_verbs"]:
            return any(
                s.lemma.lower() in _NOBODY
                or any(d.lemma.lower() == "no" for d in tree.children(s.i, "det"))
                for s in tree.children(ancestor.i, "nsubj")
            )
    return False


def _is_detailed(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "the April 15, 2013, attack, which killed three": a full report, even inside a charge."""
    if not trigger.is_noun:
        return False
    head = tree[trigger.head]
    if tree.children(head.i, "relcl"):
        return True
    return any(
        tree[i].ent_type == "DATE" and any(ch.isdigit() for ch in tree[i].text)
        for i in tree.subtree(head.i)
        if i != head.i
    )


def _is_aggregate(tree: SentenceTree, trigger: Trigger) -> bool:
    modality = lexicon().modality
    head = tree[trigger.head]
    if trigger.event_class == "kill":
        # "by the end of 1972, 496 had been killed": a running total
        text = f" {tree.sentence.text.lower()} "
        if any(f" {phrase} " in text for phrase in modality["aggregate_phrases"]):
            return True
    if any(c.lemma in modality["recurring"] for c in tree.children(head.i)):
        return True
    # "for decades girls were abused": a long span is many events
    spans = [
        o
        for p in tree.children(head.i, "prep")
        if p.lemma.lower() in {"for", "over"}
        for o in tree.children(p.i, "pobj")
    ]
    if any(o.text.lower() in modality["long_durations"] for o in spans):
        return True
    # "molested her at least 50 times"
    if any(c.text.lower() in modality["repetitions"] for c in tree.children(head.i)):
        return True
    if not trigger.is_noun:
        return False
    plural = head.tag in {"NNS", "NNPS"}
    if plural and any(c.lemma.lower() in modality["kind_modifiers"] for c in tree.children(head.i)):
        return True  # "have carried out similar attacks": a kind of event, not one
    if plural and not is_light_verb_object(tree, trigger):
        return True  # "near-daily bombardments", "its offensives"
    parent = tree[head.head]
    # "months of fighting"
    return parent.lemma == "of" and tree[parent.head].lemma in modality["durations"]


_OCCASION_PREPS = {"at", "during", "in", "on", "to"}
_NOBODY = frozenset({"nobody", "none", "no one", "noone"})
_ALLEGER_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "relcl", "appos"})
_QUOTE_BREAKS = {'"', "“", "”", "''", ";", ":"}
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
    if definite and not has_argument and _dates_another_event(tree, head):
        return True
    following = []
    for i in range(trigger.end, min(trigger.end + _ARGUMENT_WINDOW, tree.sentence.token_end)):
        if tree[i].text in _QUOTE_BREAKS:
            break  # a closing quote ends the phrase: what follows is attribution
        following.append(i)
    if definite and not has_argument and _sequences_another(tree, head, anchors):
        return True
    if not definite or has_argument or any(i in anchors for i in following):
        return False
    return not _acts_somewhere(tree, head, anchors)


def _acts_somewhere(tree: SentenceTree, head: Token, anchors: set[int]) -> bool:
    """ "The explosion targeted a bakery on Rue Victor Hugo": the noun is the subject of a
    verb that says where, so the sentence reports the event (a copula says nothing)."""
    if head.dep not in {"nsubj", "nsubjpass"}:
        return False
    verb = tree[head.head]
    if verb.pos != "VERB" or verb.lemma in {"be", "become", "remain", "seem"}:
        return False
    scope = tree.subtree(verb.i, skip_deps=frozenset({"nsubj", "nsubjpass"}))
    # "The bombing came a day after troops raided a hideout in Khyber": the place is the
    # earlier event's
    temporal = lexicon().modality["temporal_preps"]
    for index in list(scope):
        token = tree[index]
        if index != verb.i and token.lemma.lower() in temporal:
            clause = token.head if token.dep == "mark" and token.head != verb.i else index
            scope -= tree.subtree(clause)
    return bool(scope & anchors)


def _sequences_another(tree: SentenceTree, head: Token, anchors: set[int]) -> bool:
    """ "The bombing came a day after ...", "the attack followed ...": the event told before,
    set in time against another one."""
    verbs = lexicon().modality["sequence_verbs"]
    if head.dep != "nsubj" or tree[head.head].lemma.lower() not in verbs:
        return False
    return not _acts_somewhere(tree, head, anchors)


def _dates_another_event(tree: SentenceTree, head: Token) -> bool:
    """ "two days after the attack", "since the bombing": the event another one is dated from."""
    if head.dep != "pobj":
        return False
    preposition = tree[head.head]
    return preposition.lemma.lower() in lexicon().modality["temporal_preps"]


def _is_setting(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "At a rally, he said": the occasion of a statement, not a report of the rally.

    A sentence without any verb (a caption, a list of links) reports nothing either.
    """
    tokens = tree.parsed.sentence_tokens(tree.sentence)
    if trigger.is_noun and not any(t.pos in {"VERB", "AUX"} for t in tokens):
        return True
    head = tree[trigger.head]
    if not trigger.is_noun:
        return False
    if head.dep == "pobj" and tree[head.head].lemma.lower() in _OCCASION_PREPS:
        verb = tree.clause_verb(head.i)
    elif head.dep == "dobj":  # "told a campaign rally"
        verb = tree[head.head]
    else:
        return False
    return verb is not None and verb.lemma.lower() in lexicon().modality["reporting_verbs"]


def _is_verbal(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "attacked Trump, saying ...", "attacks on the bill": words, not violence."""
    if trigger.event_class != "attack":
        return False
    modality = lexicon().modality
    head = tree[trigger.head]
    if any(c.lemma.lower() in modality["reporting_verbs"] for c in tree.children(head.i)):
        return True
    objects = tree.children(head.i, "dobj")
    objects += [
        o for p in tree.children(head.i, "prep") if p.lemma == "on" for o in tree.children(p.i)
    ]
    return any(
        o.lemma.lower() in modality["verbal_targets"]
        or (o.ent_type == "PERSON" and head.pos == "VERB")
        for o in objects
    )


def _is_idle_agent(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "being a suicide bomber was OK": a person named, not an act reported."""
    words = " ".join(tree[i].lemma.lower() for i in range(trigger.start, trigger.end))
    if words not in lexicon().cues["agent_phrases"]:
        return False
    head = tree[trigger.head]
    acting = head.dep in {"nsubj", "nsubjpass"} and tree[head.head].lemma not in {"be", "become"}
    return not acting


def _is_running_total(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "Thousands have been arrested": a count of many is a total, not one event."""
    if trigger.event_class not in {"arrest", "kill"}:
        return False
    modality = lexicon().modality
    crowds = modality["vague_crowds"]
    counted = tree.children(trigger.head, "nsubjpass", "nsubj")
    if any(a.lemma == "have" for a in tree.children(trigger.head, "aux")):
        counted += tree.children(trigger.head, "dobj")  # "police have arrested thousands"
    if any(s.lemma.lower() in crowds or s.text.lower() in crowds for s in counted):
        return True
    # "have arrested 300 people since the war began": a count over a span of time
    text = f" {tree.sentence.text.lower()} "
    return trigger.event_class == "arrest" and any(
        f" {phrase} " in text for phrase in modality["aggregate_phrases"]
    )


def _is_abstract(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "accused of rape", "pregnancy resulting from rape": a kind of act, no event."""
    if not trigger.is_noun or trigger.event_class not in lexicon().cues["abstract_classes"]:
        return False
    head = tree[trigger.head]
    if head.dep != "pobj" or head.tag in {"NNS", "NNPS"}:
        return False
    arguments = {"det", "poss", "nummod", "prep", "relcl", "acl", "compound", "amod"}
    return not any(c.dep in arguments for c in tree.children(head.i))


def _is_damage(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "two cars were destroyed": damage another event did, no act of its own."""
    cues = lexicon().cues
    head = tree[trigger.head]
    if trigger.event_class != "looting" or head.lemma not in cues["damage_verbs"]:
        return False
    # "the explosions destroyed vehicles": the blast's damage
    if any(c.lemma.lower() in cues["damage_makers"] for c in tree.children(head.i, "nsubj")):
        return True
    return bool(tree.children(head.i, "auxpass")) and not tree.children(head.i, "agent")


def _is_generic_statement(tree: SentenceTree, trigger: Trigger) -> bool:
    """ "Rape is widespread", "kidnapping is a growing problem": a general statement."""
    if not trigger.is_noun:
        return False
    head = tree[trigger.head]
    if head.dep != "nsubj" or any(
        c.dep in {"det", "poss", "nummod"} for c in tree.children(head.i)
    ):
        return False
    verb = tree[head.head]
    if verb.lemma not in {"be", "become", "remain"}:
        return False
    generic = lexicon().modality["generic_predicates"]
    said = tree.children(verb.i, "acomp", "attr")
    said += [m for c in said for m in tree.children(c.i, "amod")]
    return any(t.lemma.lower() in generic for t in said)


def is_reported_event(
    tree: SentenceTree, trigger: Trigger, anchors: set[int] | None = None, *, dated: bool = False
) -> bool:
    """Whether the trigger reports a real, specific event (``dated``: the sentence has a date)."""
    anchors = anchors or set()
    return not (
        _is_irrealis(tree, trigger)
        or _is_aggregate(tree, trigger)
        or _is_bare_anaphor(tree, trigger, anchors)
        or _is_setting(tree, trigger)
        or _is_verbal(tree, trigger)
        or _is_idle_agent(tree, trigger)
        or _is_generic_statement(tree, trigger)
        or _is_damage(tree, trigger)
        or _is_abstract(tree, trigger)
        or (not dated and _is_running_total(tree, trigger))
    )
