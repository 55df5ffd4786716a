"""The command line shared by the maintenance scripts that regenerate shipped data files."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def convert_main(
    argv: list[str], usage: str | None, convert: Callable[[Path, Path], int], what: str
) -> int:
    """Run ``convert(SOURCE, TARGET)`` from ``argv``; print ``usage`` when they are not two."""
    if len(argv) != 2:
        print(usage, file=sys.stderr)
        return 2
    count = convert(Path(argv[0]), Path(argv[1]))
    print(f"{count} {what} written to {argv[1]}", file=sys.stderr)
    return 0
