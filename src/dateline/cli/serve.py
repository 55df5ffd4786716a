"""``dateline serve``: the HTTP API and the dashboard over a database."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.cli.output import db_option
from dateline.errors import DatelineError
from dateline.settings import Settings

_DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


@click.command("serve")
@db_option("Database to serve (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--token",
    metavar="TEXT",
    envvar="DATELINE_TOKEN",
    default=None,
    help="Accept articles on POST /api/documents from clients that send this bearer "
    "token (or set DATELINE_TOKEN).  [default: none: read-only]",
)
@click.option(
    "--tiles",
    metavar="URL|none",
    default=_DEFAULT_TILES,
    show_default=True,
    help="XYZ tile layer drawn over the offline country outlines when reachable.",
)
def serve_command(db: Path | None, host: str, port: int, token: str | None, tiles: str) -> None:
    """Serve the events API (docs at /docs) and the dashboard (at /).

    Read-only unless a token is given. Listens on loopback by default; put a
    TLS-terminating proxy in front before exposing it to a network.

    \b
    Examples:
      dateline serve
      dateline serve --db runs/july.db --port 8080 --tiles none
      DATELINE_TOKEN=s3cret dateline serve --host 0.0.0.0
    """
    import uvicorn

    from dateline.web import create_app

    settings = Settings.from_env(db=db)
    try:
        app = create_app(
            settings.db,
            token=token or None,
            tiles=None if tiles.lower() == "none" else tiles,
            settings=settings,
        )
    except DatelineError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"dateline: serving {settings.db} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
