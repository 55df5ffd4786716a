"""Lengths of time, times relative to another event, and ages and names (which are neither).

"for two days", "a month-long siege": durations, never dates.
"two days later", "the previous day": anchored to another event; the event
stage resolves them with :func:`dateline.stages.timex.anchor.shift`.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.stages.timex.days import duration_value
from dateline.stages.timex.fragments import DASH, Fragments, compile_pattern, phrase, words
from dateline.stages.timex.lexicon import key
from dateline.stages.timex.model import DATE, DURATION, NotExpression, Resolution, Rule, ignore
from dateline.stages.timex.relative import count_and_unit

ARTICLES = ("a", "an")


def rules(frag: Fragments) -> list[Rule]:
    lex = frag.lex
    plural_units = [u for u in lex.units if u.endswith("s")]
    prepositions = words(lex.duration_prepositions)
    joint = rf"(?:\s+|{DASH})"

    def duration(m: re.Match[str], published: dt.date | None) -> Resolution:
        count, unit = count_and_unit(lex, m)
        if key(m["n"] or "") in ARTICLES and not (m["pre"] or m["long"]):
            raise NotExpression(m.group(0))  # "twice a day", "$5 a day"
        return Resolution(DURATION, duration_value(count, unit))

    def bare_units(m: re.Match[str], published: dt.date | None) -> Resolution:
        if m["pre"] is None and m["of"] is None:
            raise NotExpression(m.group(0))
        return Resolution(DURATION, duration_value(None, lex.unit(m["u"])))

    def anchored_phrase(m: re.Match[str], published: dt.date | None) -> Resolution:
        return Resolution(DATE, "ANCHOR" + lex.anchored_phrases[key(m["w"])], None, True)

    def anchored(m: re.Match[str], published: dt.date | None) -> Resolution:
        if m["n"] is None and not key(m["u"]).endswith("s"):
            raise NotExpression(m.group(0))  # "the day after" is a phrase of its own
        count, unit = count_and_unit(lex, m)
        sign = lex.anchored_directions[key(m["dir"])]
        return Resolution(DATE, f"ANCHOR{sign}{duration_value(count, unit)}", None, True)

    table = [
        ("name", rf"(?-i:\b(?:{'|'.join(phrase(n) for n in lex.not_dates)})\b)", ignore),
        (
            "age",
            rf"{frag.number('n')}{joint}{frag.unit('u')}{joint}{words(lex.age_markers)}",
            ignore,
        ),
        ("aged", rf"\b(?:aged?|ages|the\s+age\s+of)\s+\d+(?:\s*(?:{DASH}|to|and)\s*\d+)?", ignore),
        (
            "duration",
            rf"(?:(?P<pre>{prepositions})\s+)?{frag.approximately}{frag.number('n')}{joint}"
            rf"{frag.unit('u')}"
            rf"(?P<long>{joint}long\b)?",
            duration,
        ),
        (
            "unit long",
            rf"(?:(?P<pre>{prepositions})\s+)?(?:\b(?P<n>an?)\s+)?{frag.unit('u')}"
            rf"(?P<long>{joint}long\b)",
            duration,
        ),
        (
            "bare units",
            rf"(?:\b(?P<pre>for|over|after|within|during|lasting)\s+)?(?P<u>{words(plural_units)})"
            r"(?:(?P<of>)(?=\s+of\b))?",
            bare_units,
        ),
        ("anchored phrase", rf"(?P<w>{words(lex.anchored_phrases)})", anchored_phrase),
        (
            "anchored",
            rf"{frag.approximately}(?:{frag.number('n')}{joint})?{frag.unit('u')}"
            rf"\s+(?P<dir>{words(lex.anchored_directions)})",
            anchored,
        ),
    ]
    return [Rule(name, compile_pattern(source), resolve) for name, source, resolve in table]
