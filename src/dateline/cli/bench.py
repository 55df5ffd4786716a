"""``dateline bench``: throughput and memory, measured against a baseline in the same run.

Each benchmark prints ratios as well as absolute figures, because a shared
machine's absolute speed varies from run to run while ratios hold.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from dateline.errors import BadInputError
from dateline.ingest import InputReader
from dateline.pipeline import STAGES, Pipeline, StageClock
from dateline.types import Document, Rejection


@click.group("bench")
def bench_group() -> None:
    """Measure speed and memory (benchmarks, not tests).

    Figures come with a baseline measured in the same run, so that results
    from a busy or a quiet machine can be compared as ratios.
    """


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@bench_group.command("pipeline")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--repeat",
    default=3,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Passes over the documents (after one untimed warm-up document).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def pipeline_command(inputs: tuple[Path, ...], repeat: int, as_json: bool) -> None:
    """Documents per second, and the share of each stage, over real articles.

    The baseline is the parse stage (the spaCy model) in the same run: the
    report gives each stage's time as a share of the whole and as a ratio to
    parsing, and the pipeline's documents per second on one core.

    \b
    Examples:
      dateline bench pipeline samples/
      dateline bench pipeline archive.jsonl --repeat 1 --json
    """
    documents = _documents(inputs)
    pipeline = Pipeline()
    pipeline.process(documents[0])  # loads the model and the place index: not timed
    clock = StageClock()
    started_cpu, started_wall = time.process_time(), time.perf_counter()
    with Progress(transient=True, disable=as_json or len(documents) * repeat < 4) as progress:
        task = progress.add_task("benchmarking", total=len(documents) * repeat)
        for _ in range(repeat):
            for document in documents:
                pipeline.process(document, clock)
                progress.advance(task)
    cpu = time.process_time() - started_cpu
    wall = time.perf_counter() - started_wall
    report = _pipeline_report(documents, repeat, clock, cpu, wall)
    if as_json:
        click.echo(json.dumps(report))
    else:
        _print_pipeline_report(report)


def _documents(inputs: tuple[Path, ...]) -> list[Document]:
    documents: list[Document] = []
    err = Console(stderr=True)
    for item in InputReader().read(list(inputs)):
        if isinstance(item, Rejection):
            where = f"{item.origin}:{item.line}" if item.line else item.origin
            err.print(f"{where}: {item.reason.value}: {item.detail}", markup=False)
        else:
            documents.append(item)
    if not documents:
        raise click.ClickException(
            str(
                BadInputError(
                    "no readable document in the inputs",
                    hint="Name text, HTML or JSON Lines files.",
                )
            )
        )
    return documents


def _pipeline_report(
    documents: list[Document], repeat: int, clock: StageClock, cpu: float, wall: float
) -> dict[str, object]:
    runs = len(documents) * repeat
    total = sum(clock.seconds.values())
    parse_seconds = clock.seconds["parse"] or 1e-9
    return {
        "documents": len(documents),
        "passes": repeat,
        "characters_per_document": round(sum(len(d.text) for d in documents) / len(documents)),
        "documents_per_second": round(runs / wall, 2),
        "documents_per_cpu_second": round(runs / cpu, 2) if cpu else None,
        "ms_per_document": round(1000 * total / runs, 2),
        "stages": {
            stage: {
                "ms_per_document": round(1000 * seconds / runs, 3),
                "share": round(seconds / total, 4) if total else 0.0,
                "ratio_to_parse": round(seconds / parse_seconds, 4),
                "added_to_rest": round(seconds / (total - seconds), 4) if total > seconds else None,
            }
            for stage, seconds in clock.seconds.items()
        },
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def _print_pipeline_report(report: dict[str, object]) -> None:
    console = Console(file=sys.stdout)
    stages = report["stages"]
    assert isinstance(stages, dict)
    table = Table(title="time per stage (baseline: parse)")
    for column in ("stage", "ms/doc", "share", "× parse", "adds to the rest"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    for stage in STAGES:
        row = stages[stage]
        added = row["added_to_rest"]
        table.add_row(
            stage,
            f"{row['ms_per_document']:.2f}",
            f"{row['share']:.1%}",
            f"{row['ratio_to_parse']:.3f}",
            "" if added is None else f"{added:.1%}",
        )
    console.print(table)
    console.print(
        f"{report['documents']} documents × {report['passes']} passes, "
        f"{report['characters_per_document']} characters each on average: "
        f"{report['documents_per_second']} documents/s on one core "
        f"({report['documents_per_cpu_second']} per CPU-second), "
        f"peak memory {report['peak_rss_mb']} MB"
    )


from dateline.cli.bench_gazetteer import gazetteer_command  # noqa: E402

bench_group.add_command(gazetteer_command)

from dateline.cli.bench_api import bench_api_command  # noqa: E402

bench_group.add_command(bench_api_command)

from dateline.cli.bench_time import time_command  # noqa: E402

bench_group.add_command(time_command)
