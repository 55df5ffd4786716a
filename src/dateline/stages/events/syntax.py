"""Walking the dependency tree of one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from dateline.types import ParsedDoc, Sentence, Token

_CLAUSE_POS = {"VERB", "AUX"}


class SentenceTree:
    """Heads, children and subtrees of one parsed sentence (document token indices)."""

    def __init__(self, parsed: ParsedDoc, sentence: Sentence) -> None:
        self.parsed = parsed
        self.sentence = sentence
        self.tokens = parsed.tokens
        self._children: dict[int, list[int]] = {}
        for token in parsed.sentence_tokens(sentence):
            if token.head != token.i:
                self._children.setdefault(token.head, []).append(token.i)

    @cached_property
    def words(self) -> frozenset[str]:
        """Lowercase words and lemmas of the sentence."""
        tokens = self.parsed.sentence_tokens(self.sentence)
        return frozenset(t.lemma.lower() for t in tokens) | {t.text.lower() for t in tokens}

    @cached_property
    def lemma_line(self) -> str:
        """The sentence's lemmas, space-separated and padded with spaces."""
        tokens = self.parsed.sentence_tokens(self.sentence)
        return " " + " ".join(t.lemma.lower() for t in tokens) + " "

    def __getitem__(self, index: int) -> Token:
        return self.tokens[index]

    def children(self, index: int, *deps: str) -> list[Token]:
        found = [self.tokens[i] for i in self._children.get(index, [])]
        return [t for t in found if t.dep in deps] if deps else found

    def ancestors(self, index: int) -> Iterator[Token]:
        token = self.tokens[index]
        seen = {index}
        while token.head != token.i and token.head not in seen:
            seen.add(token.head)
            token = self.tokens[token.head]
            yield token

    def subtree(self, index: int, *, skip_deps: frozenset[str] = frozenset()) -> set[int]:
        found, stack = set(), [index]
        while stack:
            current = stack.pop()
            found.add(current)
            stack.extend(
                i for i in self._children.get(current, []) if self.tokens[i].dep not in skip_deps
            )
        return found

    def depth_below(self, index: int, root: int) -> int | None:
        """Edges from ``index`` up to ``root``; None when ``index`` is not under it."""
        if index == root:
            return 0
        for depth, ancestor in enumerate(self.ancestors(index), start=1):
            if ancestor.i == root:
                return depth
        return None

    def clause_verb(self, index: int) -> Token | None:
        """The verb a token's clause hangs on (the token itself when it is a verb)."""
        token = self.tokens[index]
        if token.pos in _CLAUSE_POS:
            return token
        return next((t for t in self.ancestors(index) if t.pos in _CLAUSE_POS), None)

    def text(self, start: int, end: int) -> str:
        return self.parsed.document.text[self.tokens[start].start : self.tokens[end - 1].end]
