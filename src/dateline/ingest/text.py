"""Bytes to text: binary detection, UTF-8 decoding, and sniffing the format of unnamed input."""

from __future__ import annotations

import codecs
from enum import StrEnum

SNIFF_BYTES = 8192
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
UTF16_DETAIL = "the input is UTF-16, not UTF-8; re-save it as UTF-8"

# Leading bytes of common formats that are not text.
_MAGIC = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/ODT/EPUB)",
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\x1f\x8b": "gzip-compressed data",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"BZh": "bzip2-compressed data",
    b"\xfd7zXZ\x00": "xz-compressed data",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an old Microsoft Office document",
}


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"


class DecodeError(Exception):
    """Bytes that are not UTF-8 text; ``offset`` is the byte offset of the first bad byte."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def binary_kind(head: bytes) -> str | None:
    """What the file looks like when its first bytes say it is not text, else None."""
    for magic, kind in _MAGIC.items():
        if head.startswith(magic) and (magic != b"BZh" or head[3:4].isdigit()):
            return kind
    if head.startswith(UTF16_BOMS):
        return None  # UTF-16 text: reported by decode() as not UTF-8, which is more helpful
    if b"\x00" in head[:SNIFF_BYTES]:
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes, *, start: int = 0) -> str:
    """UTF-8 text with a leading byte-order mark removed.

    ``start`` is where ``data`` begins in its file, so an error names the byte offset in
    the file.
    """
    if data.startswith(UTF16_BOMS):
        raise DecodeError(UTF16_DETAIL, 0)
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start
        lines = data.count(b"\n", 0, offset)
        where = f" (line {lines + 1})" if lines else ""
        raise DecodeError(
            f"byte 0x{data[offset]:02x} at byte offset {start + offset}{where} is not valid "
            "UTF-8; re-save the input as UTF-8",
            start + offset,
        ) from None
    return text


def normalise_newlines(text: str) -> str:
    """CRLF to LF, so one article with either line ending is one document.

    Nothing else changes: character offsets downstream refer to this text.
    """
    return text.replace("\r\n", "\n")


def sniff(data: bytes) -> Format:
    """The format of input that has no telling file extension (stdin, unknown suffixes)."""
    body = data.removeprefix(codecs.BOM_UTF8).lstrip()
    if body.startswith(b"<") or b"<html" in body[:SNIFF_BYTES].lower():
        return Format.HTML
    lines = [line.strip() for line in body.split(b"\n")]
    lines = [line for line in lines if line]
    if lines and all(line.startswith(b"{") for line in lines):
        return Format.JSONL
    return Format.TEXT
