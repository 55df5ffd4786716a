"""Readers that turn files, directories and stdin into documents (or rejections).

Plain text (``.txt``, ``.text``, ``.md``), HTML (``.html``, ``.htm``, ``.xhtml``, main
text through trafilatura) and JSON Lines (``.jsonl``, ``.ndjson``, the Document fields of
the gold format). Input that cannot be read becomes a :class:`~dateline.types.Rejection`
with a reason code; a batch never stops on bad input.
"""

from __future__ import annotations

from dateline.ingest.fields import parse_published
from dateline.ingest.html import Page, extract_page
from dateline.ingest.sources import EXTENSIONS, InputReader, read_inputs
from dateline.ingest.text import Format

__all__ = [
    "EXTENSIONS",
    "Format",
    "InputReader",
    "Page",
    "extract_page",
    "parse_published",
    "read_inputs",
]
