"""The clean stage: page furniture dropped line by line, offsets into the original text kept."""

from __future__ import annotations

import itertools

import pytest

from dateline.stages.clean import clean, is_boilerplate
from dateline.types import CleanDoc, Document

PAGE = "\n".join(
    [
        "Africa News",
        "",
        "Herders and farmers clash over grazing land",
        "",
        "  Clashes between herders and farmers over grazing land left the market town tense on "
        "Sunday, residents said.  ",
        "",
        "Share this story on social media",
        "Click here to get our morning briefing",
        "Disclaimer: Readers' comments are the sole responsibility of their authors.",
        "Leave a comment",
        "Subscribe",
        "\tA local chief said talks between the two sides would resume next week.",
        "Home",
        "Your email address will not be published. Required fields are marked",
        "",
    ]
)


def _texts(doc: CleanDoc, which: str = "blocks") -> list[str]:
    return [doc.document.text[b.start : b.end] for b in getattr(doc, which)]


@pytest.fixture(scope="module")
def cleaned() -> CleanDoc:
    return clean(Document.from_text(PAGE))


def test_article_lines_and_headline_are_kept(cleaned: CleanDoc) -> None:
    assert _texts(cleaned) == [
        "Herders and farmers clash over grazing land",
        "Clashes between herders and farmers over grazing land left the market town tense on "
        "Sunday, residents said.",
        "A local chief said talks between the two sides would resume next week.",
    ]


def test_furniture_lines_are_dropped(cleaned: CleanDoc) -> None:
    dropped = _texts(cleaned, "dropped")
    for line in (
        "Africa News",
        "Share this story on social media",
        "Click here to get our morning briefing",
        "Disclaimer: Readers' comments are the sole responsibility of their authors.",
        "Leave a comment",
        "Subscribe",
        "Home",
        "Your email address will not be published. Required fields are marked",
    ):
        assert line in dropped
    assert not set(dropped) & set(_texts(cleaned))


def test_blocks_slice_the_original_text_exactly(cleaned: CleanDoc) -> None:
    text = cleaned.document.text
    blocks = sorted(cleaned.blocks + cleaned.dropped, key=lambda b: b.start)
    for block in blocks:
        piece = text[block.start : block.end]
        assert piece == piece.strip() and piece  # trimmed to the text, never empty
        assert "\n" not in piece
    # blocks never overlap and every non-blank line is accounted for
    assert all(a.end < b.start for a, b in itertools.pairwise(blocks))
    assert len(blocks) == sum(1 for line in PAGE.splitlines() if line.strip())


def test_the_document_is_not_changed() -> None:
    document = Document.from_text(PAGE)
    cleaned = clean(document)
    assert cleaned.document is document
    assert cleaned.document.text == PAGE


@pytest.mark.parametrize(
    "line",
    [
        "Rebels share control of the town with a local militia, officials said.",
        "The newly formed council will subscribe to the ceasefire terms, a spokesman said.",
        "Police said the men were arrested near the border.",
        "Troops withdrew.",  # short, but a sentence
    ],
)
def test_article_sentences_that_mention_furniture_words_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Ceasefire talks stall",
        "ADVERTISEMENT",
        "Follow us on Twitter for live updates",
        "© 2021 Example Media Group",
        "Share:",
        "Latest Videos",
        "   ",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_boilerplate(line)


def test_empty_and_blank_documents_have_no_blocks() -> None:
    for text in ("", "\n\n  \n\t\n"):
        cleaned = clean(Document.from_text(text))
        assert cleaned.blocks == () and cleaned.dropped == ()


def test_windows_line_endings_keep_offsets() -> None:
    text = "Troops entered the town on Monday.\r\nClick here to subscribe\r\nResidents fled.\r\n"
    cleaned = clean(Document.from_text(text))
    assert _texts(cleaned) == ["Troops entered the town on Monday.", "Residents fled."]
