"""The ``dateline`` command group. Each command lives in its own module."""

from __future__ import annotations

import click

from dateline import __version__
from dateline.cli.bench import bench_group
from dateline.cli.eval import eval_group
from dateline.cli.events import events_command
from dateline.cli.explain import explain_command
from dateline.cli.gazetteer import gazetteer_group
from dateline.cli.run import run_command
from dateline.cli.serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dateline")
def cli() -> None:
    """Turn news articles into a database of dated, geocoded political-violence events.

    \b
    Examples:
      dateline run samples/                      # extract, store in dateline.db, print
      dateline run article.txt --published 2013-07-29 --source "The Daily Star"
      dateline events --type Battles --since 2013-07-01 --format csv
      dateline eval events gold.jsonl --json
    """


cli.add_command(run_command)
cli.add_command(events_command)
cli.add_command(explain_command)
cli.add_command(eval_group)
cli.add_command(gazetteer_group)
cli.add_command(bench_group)
cli.add_command(serve_command)
