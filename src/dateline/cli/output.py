"""Shared by the commands that print events: table, JSON, JSON Lines, CSV, and ``--db``."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.serialize import event_to_dict
from dateline.settings import Settings
from dateline.types import Event, Fatalities, Rejection

FORMATS = ("table", "json", "jsonl", "csv")

CSV_COLUMNS = (
    "event_id", "doc_id", "event_type", "sub_event_type",
    "date_start", "date_end", "date_granularity", "date_text",
    "actor1_name", "actor1_kind", "assoc_actor1", "actor2_name", "actor2_kind", "interaction",
    "location_name", "admin1", "country", "lat", "lon", "geo_precision",
    "fatalities_min", "fatalities_max", "fatalities_text",
    "cameo", "plover_type", "plover_mode",
    "background", "confidence", "trigger", "evidence",
)  # fmt: skip

F = TypeVar("F", bound=Callable[..., Any])


def format_option(command: F) -> F:
    """Add ``--format table|json|jsonl|csv`` (parameter ``fmt``) to a click command."""
    option = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS, case_sensitive=False),
        default="table",
        show_default=True,
        help="How to print events: a table to read, or JSON, JSON Lines or CSV for other tools.",
    )
    return option(command)


def event_row(event: Event) -> dict[str, Any]:
    """The event as one flat CSV row (keys: CSV_COLUMNS)."""
    interval = event.date.interval
    place = event.location
    deaths = event.fatalities
    actor2 = event.actor2
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": interval.start.isoformat() if interval else "",
        "date_end": interval.end.isoformat() if interval else "",
        "date_granularity": interval.granularity.value if interval else "",
        "date_text": event.date.text or "",
        "actor1_name": event.actor1.name,
        "actor1_kind": event.actor1.kind,
        "assoc_actor1": "; ".join(a.name for a in event.assoc_actor1),
        "actor2_name": actor2.name if actor2 else "",
        "actor2_kind": actor2.kind if actor2 else "",
        "interaction": event.interaction,
        "location_name": place.name,
        "admin1": place.admin1 or "",
        "country": place.country or "",
        "lat": place.lat,
        "lon": place.lon,
        "geo_precision": place.precision.value,
        "fatalities_min": deaths.min if deaths else "",
        "fatalities_max": deaths.max if deaths and deaths.max is not None else "",
        "fatalities_text": deaths.text if deaths else "",
        "cameo": event.codes.cameo if event.codes else "",
        "plover_type": event.codes.plover_type if event.codes else "",
        "plover_mode": (event.codes.plover_mode or "") if event.codes else "",
        "background": "true" if event.background else "false",
        "confidence": round(event.confidence, 3),
        "trigger": event.trigger,
        "evidence": event.evidence_text,
    }


def write_events(events: Sequence[Event], fmt: str, stream: TextIO) -> None:
    """Write events to ``stream`` in one of :data:`FORMATS`."""
    fmt = fmt.lower()
    if fmt == "json":
        json.dump([event_to_dict(e) for e in events], stream, indent=2, ensure_ascii=False)
        stream.write("\n")
    elif fmt == "jsonl":
        for event in events:
            stream.write(json.dumps(event_to_dict(event), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(event_row(e) for e in events)
    elif fmt == "table":
        console = Console(file=stream, soft_wrap=False)
        if events:
            console.print(events_table(events))
        else:
            console.print("No events.")
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _date_cell(event: Event) -> str:
    interval = event.date.interval
    if interval is None:
        return "unknown"
    if interval.start == interval.end:
        return interval.start.isoformat()
    return f"{interval.start.isoformat()}..{interval.end.isoformat()}"


def _fatalities_cell(deaths: Fatalities | None) -> str:
    if deaths is None:
        return ""
    if deaths.max is None:
        return f"{deaths.min}+"
    if deaths.max == deaths.min:
        return str(deaths.min)
    return f"{deaths.min}-{deaths.max}"


def events_table(events: Sequence[Event]) -> Table:
    """A rich table of events; background events (long before publication) are dimmed and marked."""
    table = Table(title=f"{len(events)} event{'s' if len(events) != 1 else ''}", show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type / sub-event")
    table.add_column("actor1")
    table.add_column("actor2")
    table.add_column("location")
    table.add_column("deaths", justify="right")
    # Text cells, not strings: names such as "Rebels [FSA]" must not be read as rich markup.
    for event in events:
        kind = Text(f"{event.event_type}\n{event.sub_event_type}")
        if event.background:
            kind.append(" (background)", style="italic")
        actor1 = event.actor1.name
        if event.assoc_actor1:
            actor1 += " with " + ", ".join(a.name for a in event.assoc_actor1)
        place = event.location
        where = ", ".join(p for p in (place.name, place.country) if p)
        table.add_row(
            Text(event.event_id[:8]),
            Text(_date_cell(event)),
            kind,
            Text(actor1),
            Text(event.actor2.name if event.actor2 else ""),
            Text(where),
            Text(_fatalities_cell(event.fatalities)),
            style="dim" if event.background else None,
        )
    return table


def print_rejections(rejections: Sequence[Rejection], console: Console) -> None:
    """Rejected inputs, one ``file:line: reason: detail`` line each (easy to grep and to click)."""
    if not rejections:
        return
    count = len(rejections)
    console.print(f"{count} input{'s' if count != 1 else ''} rejected:", style="bold yellow")
    for rejection in rejections:
        console.print(Text(f"  {rejection}"), soft_wrap=True)


def db_option(what: str = "Database to read.") -> Callable[[F], F]:
    """Add ``--db FILE`` (parameter ``db``: a path, or None for the setting) to a click command."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"{what}  [default: $DATELINE_DB or dateline.db]",
    )


def stored_db(db: Path | None) -> Path:
    """The database a read-only command opens: ``--db``, else the setting; it must exist."""
    path = db if db is not None else Settings.from_env().db
    if not path.is_file():
        raise click.BadParameter(
            f"no database at {path}. Extract events into it first with `dateline run` "
            "(which writes to the same --db, or DATELINE_DB).",
            param_hint="'--db'",
        )
    return path
