"""The FastAPI application: the JSON API under ``/api`` and the dashboard page at ``/``."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from dateline import __version__
from dateline.pipeline import Pipeline
from dateline.settings import Settings
from dateline.store import SQLiteStore
from dateline.store.query import connect
from dateline.web import errors
from dateline.web.api import router
from dateline.web.assets import STATIC, SWAGGER_FILES, VENDOR
from dateline.web.errors import APIError

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# The page loads scripts, styles and data from this server only; tiles may come from elsewhere.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass
class ServerState:
    """What the routes share: the database, the ingest token and the pipeline."""

    db: Path
    token: str | None = None
    tiles: str | None = OSM_TILES
    vendor: Path = VENDOR
    settings: Settings = field(default_factory=Settings.from_env)
    _local: threading.local = field(default_factory=threading.local)
    _connections: list[sqlite3.Connection] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)  # one article at a time
    _pipeline: Pipeline | None = None

    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection (sqlite3 connections are not shared)."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = connect(self.db)
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    def pipeline(self) -> Pipeline:
        """The extraction pipeline, built on the first ingest (the model loads then), knowing
        where the stored articles of each source were."""
        if self._pipeline is None:
            pipeline = Pipeline(self.settings)
            with SQLiteStore(self.db) as store:
                pipeline.regions.restore(store.source_divisions())
            self._pipeline = pipeline
        return self._pipeline

    def close(self) -> None:
        with self._lock:
            for db in self._connections:
                db.close()
            self._connections.clear()


def create_app(
    db: Path | str,
    *,
    token: str | None = None,
    tiles: str | None = OSM_TILES,
    settings: Settings | None = None,
    vendor: Path = VENDOR,
) -> FastAPI:
    """The application over the SQLite database ``db`` (created and migrated if needed).

    ``token``: when given, ``POST /api/documents`` accepts articles that carry it as a
    bearer token; without it the server is read-only. ``tiles``: an XYZ tile URL the
    map adds over its offline outlines, or None for outlines only. ``vendor``: where the
    npm browser files were copied (see :mod:`dateline.web.assets`).
    """
    path = Path(db)
    SQLiteStore(path).close()  # create or migrate before any reader opens it
    state = ServerState(path, token or None, tiles, vendor, settings or Settings.from_env(db=path))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="dateline",
        version=__version__,
        summary="Political-violence and protest events extracted from news articles.",
        lifespan=lifespan,
        docs_url=None,  # served below, from local files when they are there
    )
    app.state.dateline = state
    errors.install(app)
    app.include_router(router, prefix="/api")

    @app.get("/static/vendor/{name:path}", include_in_schema=False)
    def vendor_file(name: str) -> FileResponse:
        root = state.vendor.resolve()
        target = (root / name).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            raise APIError(404, "not_found", f"no vendor file {name!r}", hint="Run `make assets`.")
        return FileResponse(target)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # The OpenAPI page works offline when `make assets` copied Swagger UI's files.
        local = all((state.vendor / name).is_file() for name in SWAGGER_FILES.values())
        if not local:
            return get_swagger_ui_html(openapi_url="/openapi.json", title="dateline API")
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dateline API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/vendor/images/layers.png",
        )

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(
            STATIC / "index.html",
            headers={"Content-Security-Policy": PAGE_POLICY, "Cache-Control": "no-cache"},
        )

    return app
