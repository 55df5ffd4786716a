"""The JSON API: events, one event with its sources, documents, stats, and ingest."""

from __future__ import annotations

import datetime as dt
import hmac
import json
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from dateline.ingest.documents import Where, build, build_from_html
from dateline.ingest.fields import Overrides
from dateline.serialize import event_to_dict
from dateline.store import SQLiteStore
from dateline.store import query as q
from dateline.types import Extraction, Rejection
from dateline.web.assets import missing
from dateline.web.errors import APIError

if TYPE_CHECKING:
    from dateline.web.app import ServerState

router = APIRouter()
MAX_ARTICLE_CHARS = 2_000_000
Short = Annotated[str | None, Query(max_length=200)]


def _state(request: Request) -> ServerState:
    state: ServerState = request.app.state.dateline
    return state


def _json(body: Any, status: int = 200, media_type: str = "application/json") -> Response:
    # Serialised here: FastAPI's generic encoder is several times slower on large pages.
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(text, status_code=status, media_type=media_type)


def event_filter(
    type: Short = None,
    sub_type: Short = None,
    country: Short = None,
    actor: Short = None,
    since: Annotated[dt.date | None, Query(description="Events ending on or after.")] = None,
    until: Annotated[dt.date | None, Query(description="Events starting on or before.")] = None,
    bbox: Annotated[
        str | None, Query(max_length=100, description="west,south,east,north in degrees.")
    ] = None,
    text: Short = None,
    doc_id: Annotated[str | None, Query(max_length=64)] = None,
) -> q.EventFilter:
    """The filters shared by /events and /stats."""
    return q.EventFilter(
        event_type=type,
        sub_event_type=sub_type,
        country=country,
        actor=actor,
        since=since,
        until=until,
        bbox=q.BBox.parse(bbox) if bbox else None,
        text=text,
        doc_id=doc_id,
    )


Filter = Annotated[q.EventFilter, Depends(event_filter)]


@router.get("/health")
def health() -> dict[str, str]:
    """The server is up (answers without touching the database)."""
    return {"status": "ok"}


@router.get("/config")
def config(request: Request) -> dict[str, Any]:
    """What the dashboard needs to know about this server."""
    state = _state(request)
    return {
        "tiles": state.tiles,
        "ingest": state.token is not None,
        "missing_assets": missing(state.vendor),
    }


@router.get("/events")
def list_events(
    request: Request,
    where: Filter,
    limit: Annotated[int, Query(ge=0, le=q.MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    order: Literal["date", "-date", "fatalities", "-fatalities"] = "date",
    format: Literal["json", "geojson"] = "json",
) -> Response:
    """Events matching every filter given, one page at a time.

    Types and countries match without regard to case; `country` takes an ISO code or a
    name; `actor` and `text` match part of a name or of the evidence sentence; `since`
    and `until` drop events whose date is unknown. `format=geojson` gives a
    FeatureCollection of points.
    """
    db = _state(request).reader()
    total = q.count_events(db, where)
    records = q.event_records(db, where, limit=limit, offset=offset, order=order)
    # The stored records are event_to_dict's JSON already: joined, not decoded and re-encoded.
    if format == "geojson":
        features = ",".join(
            f'{{"type":"Feature","id":{json.dumps(r.event_id)},"geometry":{{"type":"Point",'
            f'"coordinates":[{r.lon!r},{r.lat!r}]}},"properties":{r.json}}}'
            for r in records
        )
        body = f'{{"type":"FeatureCollection","total":{total},"features":[{features}]}}'
        return Response(body, media_type="application/geo+json")
    events = ",".join(r.json for r in records)
    body = f'{{"total":{total},"limit":{limit},"offset":{offset},"events":[{events}]}}'
    return Response(body, media_type="application/json")


@router.get("/events/{event_id}")
def get_event(request: Request, event_id: str) -> Response:
    """One event with every source that reports it and the evidence spans in each."""
    found = q.event_detail(_state(request).reader(), event_id)
    if found is None:
        raise APIError(404, "not_found", f"no event {event_id!r}")
    return _json(found)


@router.get("/documents/{doc_id}")
def get_document(request: Request, doc_id: str) -> Response:
    """One stored article, its text and its events."""
    found = q.document(_state(request).reader(), doc_id)
    if found is None:
        raise APIError(404, "not_found", f"no document {doc_id!r}")
    return _json(found)


@router.get("/stats")
def get_stats(request: Request, where: Filter) -> Response:
    """Counts (and fatalities) of the matching events by type, by start day and by country."""
    return _json(q.stats(_state(request).reader(), where))


class Article(BaseModel):
    """An article to ingest: its text (or HTML) and what is known about it."""

    text: str | None = Field(None, max_length=MAX_ARTICLE_CHARS)
    html: str | None = Field(None, max_length=MAX_ARTICLE_CHARS)
    published: dt.date | None = None
    source: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)


def require_token(request: Request) -> None:
    """Ingest needs the token the server was started with, sent as a bearer token."""
    token = _state(request).token
    if token is None:
        raise APIError(
            403,
            "ingest_disabled",
            "this server is read-only",
            hint="Start it with `dateline serve --token ...` to accept articles.",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.encode()
    ):
        raise APIError(
            401,
            "unauthorized",
            "a valid bearer token is required",
            hint="Send the header `Authorization: Bearer <token>`.",
            headers={"WWW-Authenticate": "Bearer"},
        )


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)])
def post_document(request: Request, article: Article) -> Response:
    """Extract the events of one article and store both (needs the server's token).

    201 with the new events; 200 with the stored ones when the article was stored before.
    """
    if (article.text is None) == (article.html is None):
        raise APIError(422, "validation_error", "give exactly one of text and html")
    state = _state(request)
    where, overrides = Where("<api>"), Overrides()
    make = build if article.text is not None else build_from_html
    item = make(
        article.text or article.html or "",
        where,
        overrides,
        published=article.published,
        source=article.source,
        url=article.url,
        title=article.title,
    )
    if isinstance(item, Rejection):
        raise APIError(422, item.reason.value, item.detail)
    with state.ingest_lock, SQLiteStore(state.db) as store:
        if store.has_document(item.doc_id):
            events = store.events(doc_id=item.doc_id)
            body = {
                "doc_id": item.doc_id,
                "new": False,
                "events": [event_to_dict(e) for e in events],
            }
            return _json(body, status=200)
        [result] = list(state.pipeline().run([item]))
        if isinstance(result, Rejection):
            store.add_rejection(result)
            raise APIError(422, result.reason.value, result.detail)
        assert isinstance(result, Extraction)
        store.add_extraction(result)
    events_out = [event_to_dict(e) for e in result.events]
    return _json({"doc_id": item.doc_id, "new": True, "events": events_out}, status=201)
