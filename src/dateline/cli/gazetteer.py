"""``dateline gazetteer``: build the place index, look names up in it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from dateline.errors import DatelineError
from dateline.gazetteer import build_gazetteer, ensure_gazetteer, open_gazetteer
from dateline.settings import Settings

_index_option = click.option(
    "--index",
    "index",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The place index file [default: $DATELINE_GAZETTEER or the user cache].",
)


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build and query the offline place index (GeoNames towns, divisions, countries).

    \b
    Examples:
      dateline gazetteer build
      dateline gazetteer lookup Qusayr
      dateline gazetteer lookup "Deir ez-Zor" --country SY --json
    """


@gazetteer_group.command("build")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the index [default: $DATELINE_GAZETTEER or the user cache].",
)
@click.option(
    "--geonames",
    "geonames",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A GeoNames dump file (allCountries.zip, SY.zip, alternateNamesV2.zip, "
    "admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt); repeat for each file.",
)
def build_command(output: Path | None, geonames: tuple[Path, ...]) -> None:
    """Build (or rebuild) the place index. Takes well under a minute.

    Without --geonames the index is built from the installed packages (GeoNames towns
    of 500 people or more with their alternate names, divisions, countries). With the
    files of a GeoNames dump it holds whatever those files hold.

    \b
    Examples:
      dateline gazetteer build
      dateline gazetteer build --geonames SY.zip --geonames alternateNamesV2.zip \\
          --geonames admin1CodesASCII.txt --geonames countryInfo.txt --output sy.sqlite
    """
    target = output or Settings.from_env().gazetteer
    console = Console(stderr=True)
    columns = (
        TextColumn("{task.description:<24}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def report(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.update(tasks[phase], completed=done, total=total)

        try:
            stats = build_gazetteer(target, geonames=geonames, progress=report)
        except (OSError, DatelineError) as error:
            raise click.ClickException(f"cannot build the place index: {error}") from error
    click.echo(f"built {stats.path}")
    click.echo(f"  countries {stats.countries:>9,}")
    click.echo(f"  divisions {stats.admin1:>9,}")
    click.echo(f"  districts {stats.admin2:>9,}")
    click.echo(f"  towns     {stats.cities:>9,}")
    if stats.other:
        click.echo(f"  other     {stats.other:>9,}")
    click.echo(f"  names     {stats.names:>9,}")
    click.echo(f"  size      {stats.size_bytes / 1e6:>8.1f} MB, in {stats.seconds:.1f} s")


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--country", default=None, help="Only places in this country (ISO code or name).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 500))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_index_option
def lookup_command(
    name: str, country: str | None, limit: int, as_json: bool, index: Path | None
) -> None:
    """The places called NAME, best first (the index is built on first use).

    Spelling variants meet: "Qusair", "Al-Qusayr" and "al Quşayr" find the same town.
    """
    path = index or Settings.from_env().gazetteer
    try:
        gazetteer = open_gazetteer(path) if index else ensure_gazetteer(path)
    except DatelineError as error:
        raise click.ClickException(str(error)) from error
    candidates = gazetteer.lookup(name, country=country, limit=limit)
    if as_json:
        click.echo(
            json.dumps([dataclasses.asdict(c) for c in candidates], ensure_ascii=False, indent=2)
        )
        return
    if not candidates:
        click.echo(f"no place called {name!r}" + (f" in {country}" if country else ""), err=True)
        raise SystemExit(1)
    table = Table("name", "feature", "country", "admin1", "lat", "lon", "population", "geonameid")
    for c in candidates:
        table.add_row(
            c.name,
            c.feature,
            c.country,
            c.admin1_name or c.admin1_code or "",
            f"{c.lat:.4f}",
            f"{c.lon:.4f}",
            f"{c.population:,}",
            str(c.geonameid),
        )
    console = Console()
    if not console.is_terminal:  # piped: no wrapping inside names
        console = Console(width=160)
    console.print(table)
