"""Finding and resolving time expressions in plain text; used by ``dateline.stages.time``."""

from __future__ import annotations

from dateline.stages.timex.anchor import shift
from dateline.stages.timex.engine import Found, scan

__all__ = ["Found", "scan", "shift"]
