"""The HTTP API and the dashboard: ``create_app(db)`` gives the ASGI application."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Imported on use, so `python -m dateline.web.assets` runs without loading FastAPI.
    if name == "create_app":
        from dateline.web.app import create_app

        return create_app
    raise AttributeError(name)
