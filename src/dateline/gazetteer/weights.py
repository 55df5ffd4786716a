"""The fitted weights of toponym resolution (resources/geo_weights.json)."""

from __future__ import annotations

from functools import cache

from dateline.resources import load_json


@cache
def weights() -> dict[str, float]:
    data = load_json("geo_weights.json")
    return {key: float(value) for key, value in data.items() if not key.startswith("_")}
