"""The clean stage: keep the article's own lines, drop page furniture.

Comment forms, disclaimers, share/subscribe prompts and navigation labels are
dropped line by line, by patterns in ``resources/boilerplate.json``. Offsets
are kept: a ``CleanDoc`` lists the spans of the original text that remain.
"""

from __future__ import annotations

import re
from functools import cache

from dateline.resources import load_json
from dateline.types import Block, CleanDoc, Document

_LINE = re.compile(r"[^\n]+")
_TERMINAL = re.compile(r"""[.!?:;"'”’)\]]\s*$""")


@cache
def _patterns() -> tuple[tuple[str, ...], tuple[str, ...], int, int]:
    data = load_json("boilerplate.json")
    return (
        tuple(p.lower() for p in data["prefix"]),
        tuple(p.lower() for p in data["contains"]),
        int(data["max_words_for_contains"]),
        int(data["label_max_words"]),
    )


def is_boilerplate(line: str) -> bool:
    """Whether one line of a page is furniture rather than article text."""
    prefixes, contains, max_words, label_words = _patterns()
    text = line.strip().lower()
    if not text:
        return True
    if text.startswith(prefixes):
        return True
    words = text.split()
    if len(words) <= max_words and any(pattern in text for pattern in contains):
        return True
    # A short line without sentence punctuation is a label or a link ("Middle East", "Home").
    return len(words) <= label_words and not _TERMINAL.search(text)


def clean(document: Document) -> CleanDoc:
    kept: list[Block] = []
    dropped: list[Block] = []
    for match in _LINE.finditer(document.text):
        start, end = match.span()
        line = match.group()
        # trim surrounding whitespace so blocks start and end on text
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        if lead == len(line):
            continue
        block = Block(start + lead, end - trail)
        (dropped if is_boilerplate(line) else kept).append(block)
    return CleanDoc(document, tuple(kept), tuple(dropped))
