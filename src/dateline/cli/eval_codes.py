"""``dateline eval case2021`` and ``dateline eval plover``: event typing against shared tasks."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from dateline.errors import DatelineError
from dateline.evaluate.labels import LabelScores, score_labels

T = TypeVar("T")


@click.command("case2021")
@click.argument("tsv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
def case2021_command(tsv_file: Path, as_json: bool) -> None:
    """Classify CASE 2021 task 2 snippets into ACLED's 25 sub-event types.

    Each snippet runs through the pipeline; its label is the sub-event type of
    its events, or NONE when it reports none. Prints weighted and macro F1 for
    subtask 1 (the 25 ACLED labels) and for subtasks 2 and 3, whose extra
    classes (crime, disasters, diplomacy, attribution) count as NONE.

    \b
    Examples:
      dateline eval case2021 test_set_final_release_with_labels.tsv
      dateline eval case2021 test_set_final_release_with_labels.tsv --json
    """
    from dateline.evaluate.case2021 import classify, read_snippets, score_subtasks
    from dateline.pipeline import Pipeline
    from dateline.types import Document

    try:
        snippets = list(read_snippets(tsv_file))
    except DatelineError as error:
        raise click.ClickException(str(error)) from error
    pipeline = Pipeline()
    predicted = _each(
        snippets, lambda s: classify(pipeline.process(Document.from_text(s.text)).events), as_json
    )
    scores = score_subtasks(snippets, predicted)
    if as_json:
        main = scores["subtask1"]
        report = {
            "weighted_f1": round(main.weighted_f1, 4),
            "macro_f1": round(main.macro_f1, 4),
            "accuracy": round(main.accuracy, 4),
            "subtasks": {name: s.to_dict() for name, s in scores.items()},
        }
        click.echo(json.dumps(report))
        return
    console = Console(file=sys.stdout)
    _print_per_label(console, "Subtask 1 (ACLED sub-event types)", scores["subtask1"])
    summary = Table(title="CASE 2021 task 2", title_justify="left")
    for column in ("subtask", "snippets", "weighted F1", "macro F1", "accuracy"):
        summary.add_column(column, justify="left" if column == "subtask" else "right")
    for name, s in scores.items():
        summary.add_row(
            name, str(s.n), f"{s.weighted_f1:.3f}", f"{s.macro_f1:.3f}", f"{s.accuracy:.3f}"
        )
    console.print(summary)


@click.command("plover")
@click.argument("json_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
def plover_command(json_file: Path, as_json: bool) -> None:
    """Score PLOVER event types on PLOVER gold-standard records (a JSON array).

    A record's type comes from the first ACLED event found in its text, else
    from the main action of its first coded sentence; types of older PLOVER
    drafts in the gold are renamed to the 2021 types first.

    \b
    Examples:
      dateline eval plover PLOVER_GSR_CAMEO.json
      dateline eval plover PLOVER_GSR_CAMEO.json --json
    """
    from dateline.evaluate.plover import predict, read_records
    from dateline.pipeline import Pipeline
    from dateline.stages import clean, parse
    from dateline.stages.interop.verbs import code_sentences
    from dateline.types import Document

    try:
        records = read_records(json_file)
    except DatelineError as error:
        raise click.ClickException(str(error)) from error
    pipeline = Pipeline()

    def code(text: str) -> str:
        document = Document.from_text(text)
        parsed = parse.parse(clean.clean(document), model=pipeline.settings.model)
        return predict(pipeline.process(document).events, code_sentences(parsed))

    predicted = _each(records, lambda r: code(r.text), as_json)
    scores = score_labels([r.plover_type for r in records], predicted)
    if as_json:
        click.echo(json.dumps(scores.to_dict()))
        return
    console = Console(file=sys.stdout)
    _print_per_label(console, "PLOVER event types", scores)
    console.print(
        f"{scores.n} records: accuracy {scores.accuracy:.3f}, "
        f"macro F1 {scores.macro_f1:.3f}, weighted F1 {scores.weighted_f1:.3f}"
    )


def _each(items: Sequence[T], label: Callable[[T], str], quiet: bool) -> list[str]:
    """``label`` applied to each item, with a progress bar on stderr."""
    labels = []
    with Progress(console=Console(stderr=True), transient=True, disable=quiet) as progress:
        task = progress.add_task("classifying", total=len(items))
        for item in items:
            labels.append(label(item))
            progress.advance(task)
    return labels


def _print_per_label(console: Console, title: str, scores: LabelScores) -> None:
    table = Table(title=title, title_justify="left")
    for column in ("label", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for label, row in scores.per_label.items():
        table.add_row(
            label,
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['f1']:.3f}",
            str(row["support"]),
        )
    console.print(table)
