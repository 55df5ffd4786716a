"""Where events are kept: the :class:`Store` protocol and its SQLite implementation."""

from __future__ import annotations

from dateline.store.base import Store, country_code
from dateline.store.sqlite import SCHEMA_VERSION, SQLiteStore

__all__ = ["SCHEMA_VERSION", "SQLiteStore", "Store", "country_code"]
