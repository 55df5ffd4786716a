"""Interop: CAMEO and PLOVER codes for each event, so GDELT and POLECAT users can join.

``code`` is the stage (events in, the same events with ``codes`` set out);
:mod:`dateline.stages.interop.verbs` codes sentences that report no ACLED event.
"""

from __future__ import annotations

from dateline.stages.interop.events import code, codes_for

__all__ = ["code", "codes_for"]
