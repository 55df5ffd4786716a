"""CAMEO and PLOVER codes: events by sub-event type and cue words, sentences by main verb."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from dateline.pipeline import Pipeline
from dateline.resources import load_json
from dateline.stages import clean, interop, parse
from dateline.stages.interop.verbs import code_sentences
from dateline.types import Document, InteropCodes

SUB_EVENT_TYPES = [
    sub_type
    for sub_types in load_json("acled_types.json")["event_types"].values()
    for sub_type in sub_types
]
UNCODED = {"Change to group/activity", "Other"}  # no CAMEO or PLOVER category fits


def test_the_taxonomy_has_six_types_and_twenty_five_sub_types() -> None:
    assert len(load_json("acled_types.json")["event_types"]) == 6
    assert len(SUB_EVENT_TYPES) == len(set(SUB_EVENT_TYPES)) == 25


@pytest.mark.parametrize("sub_type", SUB_EVENT_TYPES)
def test_every_sub_event_type_is_coded_or_deliberately_left_out(sub_type: str) -> None:
    codes = interop.codes_for(sub_type)
    if sub_type in UNCODED:
        assert codes is None
    else:
        assert codes is not None
        assert codes.cameo.isdigit()
        assert codes.plover_type.isupper()


def test_every_trigger_class_maps_to_a_known_sub_event_type() -> None:
    classes = load_json("event_triggers.json")["classes"].values()
    assert {spec["sub_event_type"] for spec in classes} <= set(SUB_EVENT_TYPES)


@pytest.mark.parametrize(
    ("sub_type", "text", "cameo", "plover_type", "mode"),
    [
        ("Remote explosive/landmine/IED", "A car bomb exploded outside the market.", "1832",
         "ASSAULT", "explosives"),
        ("Remote explosive/landmine/IED", "A roadside bomb hit the convoy.", "1833", "ASSAULT",
         "explosives"),
        ("Remote explosive/landmine/IED", "A device went off near the school.", "183", "ASSAULT",
         "explosives"),
        ("Peaceful protest", "Dock workers began a hunger strike on Monday.", "142", "PROTEST",
         "strike-hun"),
        ("Peaceful protest", "Teachers marched to the ministry.", "141", "PROTEST", "demo"),
        ("Agreement", "The two sides agreed a ceasefire.", "0871", "RETREAT", None),
        ("Agreement", "The parties signed a peace accord.", "057", "AGREE", None),
        ("Attack", "Gunmen shot dead a village elder.", "180", "ASSAULT", "firearms"),
        ("Attack", "The mayor was assassinated at his home.", "186", "ASSAULT", "assassinate"),
    ],
)  # fmt: skip
def test_cue_words_refine_the_default_code(
    sub_type: str, text: str, cameo: str, plover_type: str, mode: str | None
) -> None:
    assert interop.codes_for(sub_type, text) == InteropCodes(cameo, plover_type, mode)


def test_a_cue_must_be_a_whole_word() -> None:
    # "scar" is not "car", and "shotgun" is not "shot"
    assert interop.codes_for("Remote explosive/landmine/IED", "a scarred wall").cameo == "183"


def test_the_pipeline_codes_each_event(nlp_pipeline: Pipeline) -> None:
    text = (
        "Police arrested 14 opposition activists in the capital Nairobi on Tuesday, "
        "a police spokesman said."
    )
    document = Document.from_text(text, published=dt.date(2021, 3, 10))
    found = nlp_pipeline.process(document).events
    assert found
    for event in found:
        assert event.codes == interop.codes_for(event.sub_event_type, event.evidence_text)
    assert interop.code(tuple(replace(e, codes=None) for e in found)) == found


SentenceCoder = Callable[[str], list[tuple[str, str]]]


@pytest.fixture(scope="module")
def code_text(nlp_pipeline: Pipeline) -> SentenceCoder:
    def run(text: str) -> list[tuple[str, str]]:
        parsed = parse.parse(
            clean.clean(Document.from_text(text)), model=nlp_pipeline.settings.model
        )
        return [(code.plover_type, code.trigger_text) for code in code_sentences(parsed)]

    return run


@pytest.mark.parametrize(
    ("text", "plover_type", "trigger"),
    [
        ("The foreign minister said the government would reject the proposal.", "REJECT", "reject"),
        ("The two presidents held talks in the capital.", "CONSULT", "talks"),
        ("The council imposed sanctions on the ruling party.", "SANCTION", "sanctions"),
        ("Opposition leaders demanded the release of the detained journalists.", "REQUEST",
         "demanded"),
        ("The rebels threatened to shell the airport.", "THREATEN", "threatened"),
        ("Troops withdrew from the border town overnight.", "RETREAT", "withdrew"),
        ("The ministry condemned the raid as illegal.", "ACCUSE", "condemned"),
    ],
)  # fmt: skip
def test_a_sentence_is_coded_by_its_main_action(
    code_text: SentenceCoder, text: str, plover_type: str, trigger: str
) -> None:
    assert code_text(text) == [(plover_type, trigger)]


def test_a_sentence_with_no_political_action_gets_no_code(code_text: SentenceCoder) -> None:
    assert code_text("The weather in the valley was mild for the season.") == []
