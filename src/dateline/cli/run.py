"""``dateline run``: read articles, extract events, store them, print them."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dateline.cli.output import format_option, print_rejections, write_events
from dateline.errors import DatelineError
from dateline.ingest import InputReader, parse_published
from dateline.pipeline import Pipeline
from dateline.settings import Settings
from dateline.store import SQLiteStore
from dateline.types import Document, Event, Extraction, Rejection

_PROGRESS_AFTER = 3  # documents; shorter runs print no progress bar


@dataclass
class RunSummary:
    documents: int = 0
    new_documents: int = 0
    events: list[Event] = field(default_factory=list)
    new_events: int = 0
    rejections: list[Rejection] = field(default_factory=list)


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except DatelineError as error:
        raise click.BadParameter(str(error)) from error


def _process(
    items: Iterable[Document | Rejection],
    pipeline: Pipeline,
    store: SQLiteStore,
    summary: RunSummary,
    progress: Progress | None,
) -> None:
    task = progress.add_task("extracting", total=None) if progress else None
    for item in items:
        if isinstance(item, Rejection):
            summary.rejections.append(item)
            store.add_rejection(item)
            continue
        summary.documents += 1
        if store.has_document(item.doc_id):
            # already extracted: show what is stored, store nothing twice
            summary.events += store.events(doc_id=item.doc_id)
        else:
            [result] = list(pipeline.run([item]))
            if isinstance(result, Rejection):
                summary.rejections.append(result)
                store.add_rejection(result)
                continue
            assert isinstance(result, Extraction)
            summary.new_documents += 1
            summary.new_events += store.add_extraction(result)
            summary.events += result.events
        if progress is not None and task is not None:
            progress.update(task, advance=1, visible=summary.documents > _PROGRESS_AFTER)


@click.command("run")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite database to write.  [default: $DATELINE_DB or dateline.db]",
)
@click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="Publication date of plain-text input: the anchor for 'on Monday', 'last week'.",
)
@click.option("--source", metavar="TEXT", help="Outlet name for plain-text input.")
@click.option("--url", metavar="URL", help="Address of the article for plain-text input.")
@click.option("--model", metavar="NAME", help="spaCy pipeline to use.  [default: $DATELINE_MODEL]")
@click.option("--quiet", "-q", is_flag=True, help="Print no events, only the summary.")
@format_option
def run_command(
    inputs: tuple[str, ...],
    db: Path | None,
    published: dt.date | None,
    source: str | None,
    url: str | None,
    model: str | None,
    quiet: bool,
    fmt: str,
) -> None:
    """Extract events from articles, store them in SQLite and print them.

    INPUT is a text, HTML or JSON Lines file, a directory (read recursively),
    or - for standard input. Bad inputs are reported and skipped; the rest
    of the batch goes on. Running the same articles again stores nothing twice.

    \b
    Examples:
      dateline run samples/
      dateline run article.txt --published 2013-07-29 --source "The Daily Star"
      dateline run archive.jsonl --db archive.db --format csv > events.csv
      cat article.txt | dateline run - --published 2024-05-02
    """
    settings = Settings.from_env(db=db, model=model)
    reader = InputReader(
        published=published,
        source=source,
        url=url,
        stdin=sys.stdin.buffer,
    )
    err = Console(stderr=True)
    summary = RunSummary()
    try:
        with (
            SQLiteStore(settings.db) as store,
            Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed} documents"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            ) as progress,
        ):
            pipeline = Pipeline(settings)
            # where each source's earlier articles were: bare town names of its new ones
            pipeline.regions.restore(store.source_divisions())
            _process(reader.read(list(inputs)), pipeline, store, summary, progress)
    except DatelineError as error:
        raise click.ClickException(str(error)) from error
    if not quiet:
        write_events(summary.events, fmt, sys.stdout)
    err.print(
        f"{summary.documents} documents ({summary.new_documents} new), "
        f"{len(summary.events)} events ({summary.new_events} new) in {settings.db}"
        + (f"; {len(reader.skipped)} files skipped" if reader.skipped else ""),
        soft_wrap=True,
    )
    if summary.rejections:
        print_rejections(summary.rejections, err)
    if summary.documents == 0:
        raise SystemExit(1)
