"""Where inputs come from: files, directories (walked recursively) and stdin."""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from dateline.ingest.documents import Where, build, build_from_html
from dateline.ingest.fields import Overrides
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.text import (
    SNIFF_BYTES,
    UTF16_BOMS,
    UTF16_DETAIL,
    DecodeError,
    Format,
    binary_kind,
    decode,
    sniff,
)
from dateline.types import Document, Rejection, RejectReason

STDIN = "-"
STDIN_ORIGIN = "<stdin>"

EXTENSIONS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
}

Item = Document | Rejection


class InputReader:
    """Reads paths into documents and rejections, in order, never raising on bad input.

    Files a directory walk passes over (hidden, or of an unknown kind) are listed in
    ``skipped``, so a caller can say how many there were.
    """

    def __init__(
        self,
        *,
        published: dt.date | None = None,
        source: str | None = None,
        url: str | None = None,
        stdin: TextIO | BinaryIO | None = None,
    ) -> None:
        self.overrides = Overrides(published, source, url)
        self.stdin = stdin
        self.skipped: list[Path] = []

    def read(self, paths: Sequence[str | Path]) -> Iterator[Item]:
        for path in paths:
            if str(path) == STDIN:
                yield from self._read_stdin()
            elif Path(path).is_dir():
                yield from self._walk(Path(path))
            else:
                yield from self.read_file(Path(path), EXTENSIONS.get(Path(path).suffix.lower()))

    def read_file(self, path: Path, fmt: Format | None = None) -> Iterator[Item]:
        """One file; ``fmt`` None means sniff the format from the content."""
        where = Where(str(path))
        try:
            if fmt is Format.JSONL:
                with path.open("rb") as handle:
                    head = handle.peek(SNIFF_BYTES)[:SNIFF_BYTES]
                    if kind := binary_kind(head):
                        yield where.reject(RejectReason.BINARY, f"the file is {kind}")
                        return
                    if head.startswith(UTF16_BOMS):  # one rejection, not one per line
                        yield where.reject(RejectReason.NOT_UTF8, UTF16_DETAIL)
                        return
                    yield from read_jsonl(handle, where.origin, self.overrides)
                return
            data = path.read_bytes()
        except OSError as error:
            yield where.reject(RejectReason.UNREADABLE, _os_reason(error))
            return
        yield from self._read_bytes(data, where, fmt)

    def _read_stdin(self) -> Iterator[Item]:
        where = Where(STDIN_ORIGIN)
        stream = self.stdin if self.stdin is not None else sys.stdin
        try:
            raw = getattr(stream, "buffer", stream).read()
        except (OSError, ValueError) as error:
            yield where.reject(RejectReason.UNREADABLE, f"cannot read stdin: {error}")
            return
        data = raw.encode("utf-8") if isinstance(raw, str) else raw
        yield from self._read_bytes(data, where, None)

    def _read_bytes(self, data: bytes, where: Where, fmt: Format | None) -> Iterator[Item]:
        if kind := binary_kind(data[:SNIFF_BYTES]):
            yield where.reject(RejectReason.BINARY, f"the input is {kind}")
            return
        fmt = fmt or sniff(data)
        if fmt is Format.JSONL:
            yield from read_jsonl(io.BytesIO(data), where.origin, self.overrides)
            return
        try:
            text = decode(data)
        except DecodeError as error:
            yield where.reject(RejectReason.NOT_UTF8, str(error))
            return
        if fmt is Format.HTML:
            yield build_from_html(text, where, self.overrides)
        else:
            yield build(text, where, self.overrides)

    def _walk(self, directory: Path) -> Iterator[Item]:
        try:
            entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
        except OSError as error:
            yield Where(str(directory)).reject(RejectReason.UNREADABLE, _os_reason(error))
            return
        for entry in entries:
            if entry.name.startswith("."):
                self.skipped.append(entry)
            elif entry.is_dir():
                if not entry.is_symlink():  # a linked directory could lead round in a loop
                    yield from self._walk(entry)
                else:
                    self.skipped.append(entry)
            elif (fmt := EXTENSIONS.get(entry.suffix.lower())) is not None:
                yield from self.read_file(entry, fmt)
            else:
                self.skipped.append(entry)


def read_inputs(
    paths: Sequence[str | Path],
    *,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Document | Rejection]:
    """Documents (and rejections, for input that cannot be read) from files, directories
    and ``-`` for stdin. ``published``, ``source`` and ``url`` apply to every document and
    win over what the input itself says."""
    reader = InputReader(published=published, source=source, url=url, stdin=stdin)
    return reader.read(paths)


def _os_reason(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"cannot read: {reason}"
