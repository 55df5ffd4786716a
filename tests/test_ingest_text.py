"""Plain text files and stdin: decoding, line endings, identity, and bad bytes."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest

from dateline.ingest import read_inputs
from dateline.types import Document, Rejection, RejectReason

ARTICLE = "Police dispersed a march in the capital on Monday.\nTwo people were hurt.\n"


def read(*paths: str | Path, **options: object) -> list[Document | Rejection]:
    return list(read_inputs(list(paths), **options))  # type: ignore[arg-type]


def test_text_file_is_one_document_with_the_callers_fields(tmp_path: Path) -> None:
    path = tmp_path / "march.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = read(
        path,
        published=dt.date(2021, 3, 15),
        source="The Example Herald",
        url="https://herald.example/march",
    )
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE
    assert doc.published == dt.date(2021, 3, 15)
    assert doc.source == "The Example Herald"
    assert doc.url == "https://herald.example/march"
    assert doc.title is None
    assert doc.origin == str(path)


def test_markdown_and_text_suffixes_are_plain_text(tmp_path: Path) -> None:
    for name in ("a.md", "b.text", "c.TXT"):
        (tmp_path / name).write_text(f"# {name}\n{ARTICLE}", encoding="utf-8")
    docs = read(*sorted(tmp_path.iterdir()))
    assert [type(d) for d in docs] == [Document] * 3
    assert all(isinstance(d, Document) and d.text.startswith("# ") for d in docs)


def test_same_content_twice_is_the_same_document(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "other.txt").write_text(ARTICLE + "More.\n", encoding="utf-8")
    one, two, other = read(tmp_path / "one.txt", tmp_path / "two.txt", tmp_path / "other.txt")
    assert isinstance(one, Document) and isinstance(two, Document)
    assert isinstance(other, Document)
    assert one.doc_id == two.doc_id
    assert one.origin != two.origin
    assert other.doc_id != one.doc_id


def test_crlf_line_endings_make_the_same_document(tmp_path: Path) -> None:
    (tmp_path / "unix.txt").write_bytes(ARTICLE.encode())
    (tmp_path / "dos.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    unix, dos = read(tmp_path / "unix.txt", tmp_path / "dos.txt")
    assert isinstance(unix, Document) and isinstance(dos, Document)
    assert dos.text == ARTICLE
    assert dos.doc_id == unix.doc_id


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Caf\u00e9 protest.".encode())
    [doc] = read(tmp_path / "bom.txt")
    assert isinstance(doc, Document)
    assert doc.text == "Caf\u00e9 protest."


def test_other_whitespace_is_kept_as_received(tmp_path: Path) -> None:
    text = "\n\n  Indented line.\tTabbed.  \n\n"
    (tmp_path / "ws.txt").write_text(text, encoding="utf-8")
    [doc] = read(tmp_path / "ws.txt")
    assert isinstance(doc, Document)
    assert doc.text == text


def test_stdin_text(tmp_path: Path) -> None:
    [doc] = read("-", stdin=io.BytesIO(ARTICLE.encode()), source="Wire")
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE
    assert doc.origin == "<stdin>"
    assert doc.source == "Wire"


def test_stdin_as_a_text_stream() -> None:
    [doc] = read("-", stdin=io.StringIO(ARTICLE))
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE


def test_bad_files_are_rejected_and_good_ones_still_come_through(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    cases = {
        "missing.txt": None,
        "nul.txt": b"text\x00with a NUL byte",
        "report.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "archive.txt": b"PK\x03\x04\x14\x00\x00\x00",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "packed.txt": b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        "latin1.txt": "First line.\nCaf\u00e9 attack.\n".encode("latin-1"),
        "utf16.txt": "A protest.".encode("utf-16"),
        "blank.txt": b"  \n\t\r\n",
        "empty.txt": b"",
    }
    for name, data in cases.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
    items = read(good, *(tmp_path / name for name in cases), good)
    assert isinstance(items[0], Document) and isinstance(items[-1], Document)
    rejections = items[1:-1]
    assert all(isinstance(r, Rejection) for r in rejections)
    by_name = {Path(r.origin).name: r for r in rejections if isinstance(r, Rejection)}
    expected = {
        "missing.txt": RejectReason.UNREADABLE,
        "nul.txt": RejectReason.BINARY,
        "report.txt": RejectReason.BINARY,
        "archive.txt": RejectReason.BINARY,
        "image.txt": RejectReason.BINARY,
        "packed.txt": RejectReason.BINARY,
        "latin1.txt": RejectReason.NOT_UTF8,
        "utf16.txt": RejectReason.NOT_UTF8,
        "blank.txt": RejectReason.EMPTY,
        "empty.txt": RejectReason.EMPTY,
    }
    assert {name: r.reason for name, r in by_name.items()} == expected
    assert all(r.line is None for r in by_name.values())
    assert "PDF" in by_name["report.txt"].detail
    assert "no such file" in by_name["missing.txt"].detail.lower()
    # The first bad byte is the e-acute: 12 bytes of "First line.\n" plus 3 of "Caf".
    assert "offset 15" in by_name["latin1.txt"].detail
    assert "line 2" in by_name["latin1.txt"].detail
    assert "UTF-16" in by_name["utf16.txt"].detail


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: file permissions do not apply")
        [item] = read(path)
        assert isinstance(item, Rejection)
        assert item.reason is RejectReason.UNREADABLE
        assert "permission denied" in item.detail.lower()
    finally:
        path.chmod(0o644)


def test_binary_stdin_is_rejected() -> None:
    [item] = read("-", stdin=io.BytesIO(b"\x00\x01\x02binary"))
    assert isinstance(item, Rejection)
    assert item.reason is RejectReason.BINARY
    assert item.origin == "<stdin>"


def test_path_through_a_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    [item] = read(tmp_path / "plain.txt" / "inner.txt")
    assert isinstance(item, Rejection)
    assert item.reason is RejectReason.UNREADABLE
    assert "not a directory" in item.detail.lower()
