"""Lexicons and mappings kept as data, loaded once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """A JSON resource of this package, parsed once per process."""
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """A text resource as stripped lines, without blanks and ``#`` comments."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
