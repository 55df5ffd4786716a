"""dateline: news articles in, a geocoded, dated database of political-violence events out.

>>> import dateline
>>> events = dateline.extract("Troops recaptured the town on Monday.", published="2013-07-29")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.types import Document, Event, Extraction, Rejection

__version__ = "0.1.0"

if TYPE_CHECKING:
    from dateline.pipeline import Pipeline, extract

__all__ = ["Document", "Event", "Extraction", "Pipeline", "Rejection", "__version__", "extract"]


def __getattr__(name: str) -> Any:
    # The pipeline imports every stage; load it only when asked for, so that
    # light users (the store, the CLI's help) stay fast.
    if name in ("Pipeline", "extract"):
        from dateline import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
