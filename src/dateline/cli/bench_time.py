"""``dateline bench time``: the time tagger's sentences per second against baselines."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dateline.evaluate.time import TimeMLError, read_timeml, timeml_files

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
# the least a tagger must do: find numbers and month and weekday names
_TRIVIAL = re.compile(
    r"\b(?:\d{1,4}|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*"
    r"|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|today|yesterday)\b",
    re.IGNORECASE,
)

Pass = Callable[[str, dt.date | None], object]


def _sentences(target: Path) -> list[tuple[str, dt.date | None]]:
    found: list[tuple[str, dt.date | None]] = []
    for path in timeml_files(target):
        try:
            document = read_timeml(path)
        except TimeMLError as error:
            Console(stderr=True).print(f"skipped {path}: {error.reason}", markup=False)
            continue
        found.extend(
            (s.strip(), document.creation) for s in _SENTENCE.split(document.text) if s.strip()
        )
    return found


def _rate(run: Pass, sentences: Sequence[tuple[str, dt.date | None]], repeat: int) -> float:
    started = time.process_time()
    for _ in range(repeat):
        for text, published in sentences:
            run(text, published)
    seconds = time.process_time() - started
    return len(sentences) * repeat / seconds if seconds else float("inf")


def _dateparser_pass() -> Pass:
    from dateparser.search import search_dates

    def run(text: str, published: dt.date | None) -> object:
        base = dt.datetime.combine(published, dt.time()) if published else None
        return search_dates(
            text, languages=["en"], settings={"RELATIVE_BASE": base} if base else {}
        )

    return run


@click.command("time")
@click.argument("target", type=click.Path(exists=True, path_type=Path))
@click.option("--repeat", default=3, show_default=True, type=click.IntRange(1, 100))
@click.option(
    "--dateparser",
    "with_dateparser",
    type=click.IntRange(0, 100000),
    default=0,
    metavar="N",
    help="Also time dateparser's search_dates on the first N sentences (it is slow).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def time_command(target: Path, repeat: int, with_dateparser: int, as_json: bool) -> None:
    """Sentences per CPU-second of the time tagger on the text of TimeML files.

    The baseline, measured in the same run, is a single trivial regular
    expression (numbers, month and weekday names) over the same sentences;
    dateparser's search_dates can be timed as well on a sample.

    \b
    Examples:
      dateline bench time ../shared/benchmarks/tempeval3/TBAQ-cleaned
      dateline bench time corpus/ --dateparser 200 --json
    """
    from dateline.stages.time import find_expressions, timex3

    sentences = _sentences(target)
    if not sentences:
        raise click.ClickException(f"no TimeML text under {target}")
    find_expressions(*sentences[0])  # compiles the rules: not timed
    rates = {
        "trivial_regex": _rate(lambda text, _: _TRIVIAL.findall(text), sentences, repeat),
        "time_stage": _rate(find_expressions, sentences, repeat),
        "timex3": _rate(timex3, sentences, repeat),
    }
    if with_dateparser:
        rates["dateparser_search"] = _rate(_dateparser_pass(), sentences[:with_dateparser], 1)
    report = {
        "sentences": len(sentences),
        "passes": repeat,
        "sentences_per_second": {name: round(rate, 1) for name, rate in rates.items()},
        "ratio_to_trivial_regex": {
            name: round(rate / rates["trivial_regex"], 4) for name, rate in rates.items()
        },
    }
    if as_json:
        click.echo(json.dumps(report))
        return
    table = Table(title=f"{len(sentences)} sentences × {repeat} passes (baseline: trivial regex)")
    for column in ("pass", "sentences/s", "× baseline"):
        table.add_column(column, justify="left" if column == "pass" else "right")
    for name, rate in rates.items():
        table.add_row(name, f"{rate:,.0f}", f"{rate / rates['trivial_regex']:.4f}")
    Console(file=sys.stdout).print(table)
