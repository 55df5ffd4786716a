"""Keys for place names: one normalisation for the index and for queries.

``normalize_name`` gives the exact key: "Al-Qusayr", "al Quşayr" and "Qusayr" all
become ``qusayr``. ``skeleton`` gives a looser key that also joins transliteration
variants ("Qusair", "Quseir", "Kuseir"; "Daraa", "Deraa", "Dar'a"; "Dayr az Zawr",
"Deir ez-Zor"): consonant digraphs map to one letter (kh->h, q->k, sh/ch->s...),
every run of vowels becomes a single ``a`` (a ``y``/``w`` that closes a vowel run
counts as a vowel: ay, ei, aw, ou), an ``h`` after a vowel is dropped (Hamah,
Hama), spaces go and doubled letters collapse (Raqqa, Rakka). Skeletons shorter
than ``min_length`` would join too many unrelated names, so those keys fall back
to the exact key. The rules are data in ``resources/gazetteer_normalize.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_NON_WORD = re.compile(r"[\W_]+")


@cache
def _rules() -> dict[str, Any]:
    text = (resources.files("dateline") / "resources" / "gazetteer_normalize.json").read_text(
        encoding="utf-8"
    )
    rules: dict[str, Any] = json.loads(text)
    return rules


@cache
def _fold_table() -> dict[int, str | None]:
    rules = _rules()
    table: dict[int, str | None] = {ord(c): None for c in rules["drop"]}
    table.update({ord(k): v for k, v in rules["letters"].items()})
    return table


@cache
def _articles() -> frozenset[str]:
    return frozenset(_rules()["articles"])


def _fold(text: str) -> str:
    if text.isascii():  # most names in English text: nothing to decompose
        folded = text.casefold().translate(_fold_table())
        if folded.isascii():
            return folded
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_fold_table())
    # Folding can expose new upper case or combining forms; settle them.
    return unicodedata.normalize("NFKD", text.casefold())


@lru_cache(maxsize=65536)
def split_article(text: str) -> tuple[str, bool]:
    """The exact key of ``text``, and whether a leading article was removed from it."""
    folded = _fold(text)
    words = _NON_WORD.sub(" ", folded).split()
    if not folded.isascii():
        words = ["".join(c for c in w if not unicodedata.combining(c)) for w in words]
        words = [w for w in words if w]
    articles = _articles()
    stripped = False
    while len(words) > 1 and words[0] in articles:
        words = words[1:]
        stripped = True
    return " ".join(words), stripped


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Casefolded, accent-free, apostrophe-free, article-free, single-spaced key of a name."""
    return split_article(text)[0]


def _digraphs() -> list[tuple[str, str]]:
    return [(a, b) for a, b in _rules()["skeleton"]["digraphs"]]


@cache
def _skeleton_rules() -> tuple[re.Pattern[str], dict[str, str], frozenset[str], int]:
    pairs = _digraphs()
    pattern = re.compile("|".join(re.escape(a) for a, _ in pairs))
    spec = _rules()["skeleton"]
    return pattern, dict(pairs), frozenset(spec["vowels"]), int(spec["min_length"])


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """The loose key of an exact key (the output of ``normalize_name``)."""
    pattern, mapping, vowels, min_length = _skeleton_rules()
    text = pattern.sub(lambda m: mapping[m.group(0)], key.replace(" ", ""))
    out: list[str] = []
    in_vowels = False
    for i, char in enumerate(text):
        following = text[i + 1] if i + 1 < len(text) else ""
        is_vowel = char in vowels or (char in "yw" and in_vowels and following not in vowels)
        if char == "y" and i > 0 and not in_vowels and following not in vowels:
            is_vowel = True  # a syllable y, as in "Syrte"
        if is_vowel:
            if not in_vowels:
                out.append("a")
            in_vowels = True
            continue
        if char == "h" and in_vowels and following not in vowels:
            continue  # Hamah ~ Hama, Bahrain ~ Barain
        in_vowels = False
        if not out or out[-1] != char:
            out.append(char)
    loose = "".join(out)
    return loose if len(loose) >= min_length else key
