"""``dateline eval geo``: toponym resolution (and recognition) on a geoparsing corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from dateline.errors import DatelineError
from dateline.evaluate.geo import GeoScores, PlaceFinder, score_end_to_end, score_gold_toponyms
from dateline.evaluate.geo_corpora import GeoDocument, read_geo_corpus, split_part
from dateline.gazetteer import Gazetteer, ensure_gazetteer, open_gazetteer
from dateline.gazetteer.home import SourceRegions
from dateline.settings import Settings
from dateline.types import Document, Place


@click.command("geo")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option(
    "--gold-toponyms",
    is_flag=True,
    help="Resolve the gold toponym spans (resolution only); without it, find them too.",
)
@click.option(
    "--gazetteer",
    "gazetteer_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A place index file [default: $DATELINE_GAZETTEER or the user cache].",
)
@click.option(
    "--part",
    type=click.Choice(["all", "train", "test"]),
    default="all",
    show_default=True,
    help="train: the first 70% of documents in file order (for development); test: the rest.",
)
def geo_command(
    corpus: Path, as_json: bool, gold_toponyms: bool, gazetteer_path: Path | None, part: str
) -> None:
    """Score place resolution on a GeoWebNews, LGL, TR-News or GeoVirus XML file.

    Prints accuracy within 161 km, the median error, the AUC of the log error curve
    (lower is better) and the oracle: the share of gold toponyms for which the index
    holds some place of that name within 161 km. The names beyond the oracle are
    listed: those the index lacks, and those it holds only far away. Without
    --gold-toponyms places are also recognised in the raw text, and toponym
    precision, recall and F1 are printed
    (a predicted span must have the gold span's offsets).

    \b
    Examples:
      dateline eval geo lgl.xml --gold-toponyms
      dateline eval geo GWN.xml --json
      dateline eval geo TR-News.xml --gold-toponyms --gazetteer full.sqlite
    """
    try:
        documents = split_part(read_geo_corpus(corpus), part)
        path = gazetteer_path or Settings.from_env().gazetteer
        gazetteer = open_gazetteer(path) if gazetteer_path else ensure_gazetteer(path)
    except DatelineError as error:
        raise click.ClickException(str(error)) from error
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Resolving" if gold_toponyms else "Geoparsing", total=len(documents))

        def advance() -> None:
            bar.advance(task)

        if gold_toponyms:
            scores = score_gold_toponyms(documents, gazetteer, advance)
        else:
            scores = score_end_to_end(documents, gazetteer, _pipeline_finder(path), advance)
    if as_json:
        click.echo(json.dumps({"corpus": corpus.name, "part": part, **scores.to_dict()}))
    else:
        _print(scores, corpus.name, part, gazetteer)


def _pipeline_finder(gazetteer_path: Path) -> PlaceFinder:
    """The pipeline's own place finding, learning each source's home regions as it goes."""
    # Imported here so the resolution-only mode does not load the NLP stack.
    from dateline.stages import clean, geo, parse, time

    model = Settings.from_env().model
    regions = SourceRegions()

    def find(document: GeoDocument) -> list[tuple[int, int, Place]]:
        article = Document.from_text(document.text, source=document.source)
        parsed = parse.parse(clean.clean(article), model=model)
        home = regions.home(document.source)
        placed = geo.locate(time.tag(parsed), gazetteer_path=gazetteer_path, home=home)
        regions.learn(document.source, article.doc_id, geo.mention_places(placed))
        return [(m.span.start, m.span.end, m.place) for m in placed.mentions]

    return find


def _print(scores: GeoScores, name: str, part: str, gazetteer: Gazetteer) -> None:
    data = scores.to_dict()
    table = Table(title=f"{name} ({part}, {data['documents']} documents)", title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows = [
        ("toponyms scored", str(data["toponyms"])),
        ("accuracy @161 km", f"{data['acc161']:.3f}"),
        ("oracle @161 km", f"{data['oracle161']:.3f}"),
        ("accuracy / oracle", f"{data['acc_over_oracle'] or 0:.3f}"),
        ("median error (km)", f"{data['median_km']:.1f}"),
        ("mean error (km)", f"{data['mean_km']:.1f}"),
        ("AUC (lower is better)", f"{data['auc']:.3f}"),
    ]
    if "recognition_f1" in data:
        rows += [
            ("recognition precision", f"{data['recognition_precision']:.3f}"),
            ("recognition recall", f"{data['recognition_recall']:.3f}"),
            ("recognition F1", f"{data['recognition_f1']:.3f}"),
        ]
    for row in rows:
        table.add_row(*row)
    console = Console()
    console.print(table)
    beyond = data["beyond_oracle"]
    for key, count, what in (
        ("most_common_no_entry", beyond["no_entry"], "have no entry in the index"),
        ("most_common_only_far_away", beyond["only_far_away"], "have entries only >161 km away"),
    ):
        if count:
            names = ", ".join(f"{n} ({k})" for n, k in beyond[key])
            console.print(f"{count} gold toponyms {what}; most often: {names}", soft_wrap=True)
    console.print(f"index: {gazetteer.path}")
