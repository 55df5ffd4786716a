"""JSON Lines: one document per line, in the Document fields of the gold format."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.errors import BadInputError
from dateline.ingest.documents import Where, build, build_from_html
from dateline.ingest.fields import Overrides, parse_published
from dateline.ingest.text import DecodeError, decode
from dateline.types import Document, Rejection, RejectReason

_OPTIONAL_STRINGS = ("url", "source", "title")


def read_jsonl(
    lines: Iterable[bytes], origin: str, overrides: Overrides
) -> Iterator[Document | Rejection]:
    """Each non-blank line as a document; a bad line is rejected and the rest go on."""
    seen_any = False
    offset = 0
    for number, raw in enumerate(lines, start=1):
        where = Where(origin, number)
        start, offset = offset, offset + len(raw)
        try:
            line = decode(raw, start=start)
        except DecodeError as error:
            yield where.reject(RejectReason.NOT_UTF8, str(error))
            seen_any = True
            continue
        if not line.strip():
            continue
        seen_any = True
        yield _record(line, where, overrides)
    if not seen_any:
        yield Where(origin).reject(RejectReason.EMPTY, "the JSON Lines input has no records")


def _record(line: str, where: Where, overrides: Overrides) -> Document | Rejection:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as error:
        return where.reject(RejectReason.MALFORMED_JSON, f"not valid JSON: {error}")
    if not isinstance(record, dict):
        return where.reject(
            RejectReason.MISSING_FIELD,
            f"expected a JSON object with `text` or `html`, got {type(record).__name__}",
        )
    body_field = "text" if record.get("text") is not None else "html"
    body = record.get(body_field)
    if body is None:
        return where.reject(RejectReason.MISSING_FIELD, "the record has neither `text` nor `html`")
    if not isinstance(body, str):
        return _bad(where, body_field, body, "a string")
    for name in _OPTIONAL_STRINGS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return _bad(where, name, record[name], "a string or null")
    published = record.get("published")
    if published is not None:
        if not isinstance(published, str):
            return _bad(where, "published", published, "a YYYY-MM-DD string or null")
        try:
            published = parse_published(published)
        except BadInputError:
            return _bad(where, "published", published, "a YYYY-MM-DD date")
    fields = {name: record.get(name) or None for name in _OPTIONAL_STRINGS}
    make = build if body_field == "text" else build_from_html
    return make(body, where, overrides, published=published, **fields)


def _bad(where: Where, name: str, value: object, expected: str) -> Rejection:
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return where.reject(RejectReason.BAD_FIELD, f"field `{name}` is {shown}; expected {expected}")
