"""Imports point one way: types <- stages <- pipeline <- edges (store, evaluate, web, cli...)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dateline"
EDGES = ("dateline.store", "dateline.evaluate", "dateline.runners", "dateline.web", "dateline.cli")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules_under(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_stages_import_no_edges_and_no_pipeline() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in modules_under("stages") + modules_under("gazetteer") + modules_under("ingest")
        for name in imports_of(path)
        if name.startswith(EDGES) or name == "dateline.pipeline"
    ]
    assert offenders == []


def test_types_import_nothing_of_dateline() -> None:
    assert not [n for n in imports_of(PACKAGE / "types.py") if n.startswith("dateline")]


def test_spacy_stays_in_the_parse_stage() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.name != "parse.py" and any(n.split(".")[0] == "spacy" for n in imports_of(path))
    ]
    assert offenders == []


def test_every_stage_module_is_reached_by_the_pipeline() -> None:
    pipeline = imports_of(PACKAGE / "pipeline.py")
    assert "dateline.stages" in pipeline
    source = (PACKAGE / "pipeline.py").read_text(encoding="utf-8")
    for stage in ("clean", "parse", "time", "geo", "actors", "events", "dedup"):
        assert f"{stage}." in source, stage
