"""``dateline eval``: measure extraction quality against gold annotations."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from dateline.errors import DatelineError
from dateline.evaluate.events import Counts, EventScores, score
from dateline.evaluate.gold import GoldDocument, load_gold

_PROGRESS_ABOVE = 3  # documents; fewer finish before a bar would be worth drawing

Extractor = Callable[[GoldDocument], list[dict[str, Any]]]


@dataclass
class _Run:
    predicted: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)  # doc_id -> error


@click.group("eval")
def eval_group() -> None:
    """Measure extraction quality against gold annotations.

    Gold files are JSON Lines, one annotated document per line, in the format
    of the project's gold SCHEMA.md.
    """


@eval_group.command("events")
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    metavar="PATH",
    help="Also write the predicted events to PATH as JSON Lines, one document per line.",
)
def events_command(gold_file: Path, as_json: bool, predictions: Path | None) -> None:
    """Extract events from each gold document and score them against the gold events.

    A predicted event matches a gold event of the same type whose location is
    within 25 km (or has the same name) and whose dates overlap; matching is
    one-to-one. The report gives precision, recall and F1 overall and per event
    type, the accuracy of the other fields on matched pairs, the median
    location error, and background events on their own. A document whose
    processing fails counts all its gold events as missed and is listed.

    \b
    Examples:
      dateline eval events gold/dev.jsonl
      dateline eval events gold/dev.jsonl --json > scores.json
      dateline eval events gold/dev.jsonl --predictions predicted.jsonl
    """
    try:
        gold = load_gold(gold_file)
    except DatelineError as error:
        raise click.ClickException(str(error)) from error
    run = _predict(gold, _pipeline_extractor(), show_progress=len(gold) > _PROGRESS_ABOVE)
    if predictions is not None:
        _write_predictions(predictions, gold, run)
    scores = score(gold, run.predicted)
    if as_json:
        click.echo(json.dumps({**scores.to_dict(), "failures": run.failures}, ensure_ascii=False))
    else:
        _print_report(scores, run.failures, Console(file=sys.stdout, soft_wrap=False))


def _pipeline_extractor() -> Extractor:
    # Imported here so `dateline --help` does not pay for loading the NLP stack.
    from dateline.pipeline import Pipeline
    from dateline.serialize import event_to_dict

    pipeline = Pipeline()

    def extract(document: GoldDocument) -> list[dict[str, Any]]:
        extraction = pipeline.process(document.to_document())
        return [event_to_dict(event) for event in extraction.events]

    return extract


def _predict(gold: Sequence[GoldDocument], extract: Extractor, *, show_progress: bool) -> _Run:
    run = _Run()
    with Progress(console=Console(stderr=True), disable=not show_progress, transient=True) as bar:
        task = bar.add_task("Extracting", total=len(gold))
        for document in gold:
            try:
                run.predicted[document.doc_id] = extract(document)
            except Exception as error:  # one failing document is reported, not fatal
                run.predicted[document.doc_id] = []
                run.failures[document.doc_id] = f"{type(error).__name__}: {error}"
            bar.advance(task)
    return run


def _write_predictions(path: Path, gold: Sequence[GoldDocument], run: _Run) -> None:
    try:
        with path.open("w", encoding="utf-8") as stream:
            for document in gold:
                record: dict[str, Any] = {
                    "doc_id": document.doc_id,
                    "events": run.predicted.get(document.doc_id, []),
                }
                if document.doc_id in run.failures:
                    record["error"] = run.failures[document.doc_id]
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as error:
        raise click.ClickException(f"cannot write predictions to {path}: {error}") from error


def _print_report(scores: EventScores, failures: dict[str, str], console: Console) -> None:
    overall = Table(title="Events", title_justify="left")
    _score_columns(overall, "")
    overall.add_row("all", *_score_cells(scores.overall))
    overall.add_row("background", *_score_cells(scores.background))
    console.print(overall)

    per_type = Table(title="Per event type", title_justify="left")
    _score_columns(per_type, "event type")
    for name, counts in sorted(scores.per_type.items()):
        per_type.add_row(Text(name), *_score_cells(counts))
    console.print(per_type)

    fields = Table(title=f"Matched pairs ({scores.overall.tp})", title_justify="left")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    for name, accuracy in scores.field_accuracy.items():
        fields.add_row(name, _number(accuracy))
    console.print(fields)
    console.print(f"Median location error: {_number(scores.median_location_error_km, 1)} km")

    documents = Table(title="Per document", title_justify="left")
    for column in ("doc_id", "tp", "fp", "fn", "error"):
        documents.add_column(column, justify="left" if column in ("doc_id", "error") else "right")
    for doc_id, counts in scores.per_document.items():
        documents.add_row(
            Text(doc_id),
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
            Text(failures.get(doc_id, ""), style="red"),
        )
    console.print(documents)
    if failures:
        count = len(failures)
        console.print(
            f"[red]{count} document(s) failed to process; their gold events count as missed."
        )


def _score_columns(table: Table, first: str) -> None:
    table.add_column(first)
    for name in ("precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(name, justify="right")


def _score_cells(counts: Counts) -> list[str]:
    return [
        _number(counts.precision),
        _number(counts.recall),
        _number(counts.f1),
        str(counts.tp),
        str(counts.fp),
        str(counts.fn),
    ]


def _number(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


# Commands defined in their own modules.
from dateline.cli.eval_codes import case2021_command, plover_command  # noqa: E402
from dateline.cli.eval_time import time_command  # noqa: E402

eval_group.add_command(case2021_command)
eval_group.add_command(plover_command)
eval_group.add_command(time_command)
from dateline.cli.eval_geo import geo_command  # noqa: E402

eval_group.add_command(geo_command)
