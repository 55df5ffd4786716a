"""``dateline eval time``: score the temporal tagger on TimeML files (TempEval-3 task A)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.evaluate.time import Evaluation, Timex, evaluate, timeml_files


def _tagger(text: str, published: dt.date | None) -> list[Timex]:
    # Imported here so `dateline --help` does not pay for compiling the rules.
    from dateline.stages.time import timex3

    return [
        Timex(t.start, t.end, t.type, t.value, text[t.start : t.end])
        for t in timex3(text, published)
    ]


@click.command("time")
@click.argument("target", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option(
    "--errors", is_flag=True, help="Also list every missed, spurious or misread expression."
)
def time_command(target: Path, as_json: bool, errors: bool) -> None:
    """Score the time tagger on TimeML files: TARGET is a .tml file or a directory of them.

    Each document's text is tagged with its creation time (the <DCT>) as the
    publication date. Scores follow TempEval-3 task A: strict span match (same
    extent), relaxed span match (overlapping extents, one-to-one), and value and
    type F1 over relaxed matches. A file that is not TimeML is listed with the
    reason and the others are still scored.

    \b
    Examples:
      dateline eval time ../shared/benchmarks/tempeval3/TBAQ-cleaned
      dateline eval time corpus/article.tml --json
    """
    files = timeml_files(target)
    if not files:
        raise click.ClickException(f"no .tml files under {target}")
    result = evaluate(files, _tagger)
    if as_json:
        report = {**result.tally.to_dict(), "failures": result.failures}
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        _print_report(result, Console(file=sys.stdout, soft_wrap=False), errors=errors)
    if result.failures and not result.tally.documents:
        sys.exit(1)


def _print_report(result: Evaluation, console: Console, *, errors: bool) -> None:
    tally = result.tally
    table = Table(
        title=f"TIMEX3, {tally.documents} document(s): {tally.gold} gold, {tally.system} found",
        title_justify="left",
    )
    for column in ("measure", "precision", "recall", "F1", "correct"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    labels = {"strict": "strict span", "relaxed": "relaxed span", "value": "value", "type": "type"}
    for name, score in tally.scores().items():
        table.add_row(
            labels[name],
            f"{score.precision:.4f}",
            f"{score.recall:.4f}",
            f"{score.f1:.4f}",
            str(score.correct),
        )
    console.print(table)
    if errors:
        for miss in tally.errors:
            gold = f"{miss.gold.text!r} {miss.gold.type} {miss.gold.value}" if miss.gold else "-"
            found = (
                f"{miss.system.text!r} {miss.system.type} {miss.system.value}"
                if miss.system
                else "-"
            )
            console.print(Text(f"{miss.doc_id}: gold {gold} | found {found}"), soft_wrap=True)
    for path, reason in result.failures.items():
        console.print(Text(f"skipped {path}: {reason}", style="red"), soft_wrap=True)
