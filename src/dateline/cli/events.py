"""``dateline events``: query the events stored by ``dateline run``."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from dateline.cli.output import db_option, format_option, stored_db, write_events
from dateline.errors import DatelineError
from dateline.store import SQLiteStore, country_code

_DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command("events")
@db_option()
@click.option("--type", "event_type", metavar="TEXT", help="ACLED event type, e.g. Battles.")
@click.option("--sub-type", "sub_event_type", metavar="TEXT", help="ACLED sub-event type.")
@click.option("--country", metavar="TEXT", help="Country: ISO code (SY, SYR) or name (Syria).")
@click.option("--since", type=_DAY, metavar="YYYY-MM-DD", help="Events ending on or after.")
@click.option("--until", type=_DAY, metavar="YYYY-MM-DD", help="Events starting on or before.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Print at most N events.")
@format_option
def events_command(
    db: Path | None,
    event_type: str | None,
    sub_event_type: str | None,
    country: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored events, earliest first, filtered by type, country and date.

    Types and countries match regardless of case. A date filter drops events
    whose date could not be resolved.

    \b
    Examples:
      dateline events
      dateline events --type battles --country Syria --since 2013-07-01
      dateline events --sub-type "Peaceful protest" --format csv > protests.csv
      dateline events --db runs/july.db --until 2013-07-31 --format jsonl --limit 100
    """
    path = stored_db(db)
    if since and until and since > until:
        raise click.BadParameter(
            f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}", param_hint="'--since'"
        )
    if country is not None:
        try:
            country = country_code(country)
        except DatelineError as error:
            raise click.BadParameter(str(error), param_hint="'--country'") from error
    try:
        with SQLiteStore(path) as store:
            events = store.events(
                event_type=event_type,
                sub_event_type=sub_event_type,
                country=country,
                since=since.date() if since else None,
                until=until.date() if until else None,
                limit=limit,
            )
    except DatelineError as error:
        raise click.ClickException(str(error)) from error
    write_events(events, fmt, sys.stdout)
