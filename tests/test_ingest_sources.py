"""Directories, dispatch by extension, sniffing of unknown extensions, and skipped files."""

from __future__ import annotations

import io
import json
from pathlib import Path

from dateline.ingest import InputReader, read_inputs
from dateline.types import Document, Rejection, RejectReason

PAGE = """<html><head><title>Students occupy campus</title></head><body><article>
<h1>Students occupy campus</h1>
<p>Several hundred students occupied the main university building on Friday, demanding
that the board cancel the planned increase in tuition fees for the next academic year.</p>
<p>The rector said the building would stay open and that classes would continue as usual.</p>
</article></body></html>"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second file.")
    write(tmp_path / "a.txt", "First file.")
    write(tmp_path / "nested" / "deeper" / "c.md", "Deep file.")
    write(tmp_path / "nested" / "page.html", PAGE)
    write(tmp_path / "nested" / "batch.jsonl", json.dumps({"text": "From JSONL."}) + "\n")
    write(tmp_path / "nested" / "notes.csv", "a,b\n1,2\n")
    write(tmp_path / "nested" / "picture.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / ".hidden.txt", "Hidden file.")
    write(tmp_path / ".git" / "config.txt", "Hidden folder.")
    write(tmp_path / "zz-bad.txt", b"\xff\xfe\x00bad")

    reader = InputReader()
    items = list(reader.read([tmp_path]))
    origins = [item.origin for item in items]
    assert origins == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        f"{tmp_path / 'nested' / 'batch.jsonl'}:1",
        str(tmp_path / "nested" / "deeper" / "c.md"),
        str(tmp_path / "nested" / "page.html"),
        str(tmp_path / "zz-bad.txt"),
    ]
    assert [type(item) for item in items] == [Document] * 5 + [Rejection]
    page = items[4]
    assert isinstance(page, Document) and page.title == "Students occupy campus"
    assert sorted(p.name for p in reader.skipped) == [
        ".git",
        ".hidden.txt",
        "notes.csv",
        "picture.png",
    ]


def test_unknown_extension_given_explicitly_is_sniffed(tmp_path: Path) -> None:
    html = write(tmp_path / "page.php", "\n  " + PAGE)
    jsonl = write(tmp_path / "dump.json", json.dumps({"text": "One."}) + "\n\n{}\n")
    text = write(tmp_path / "README", "Just {some} text with <b> in it.\n{second line}\n")
    embedded = write(tmp_path / "saved.out", "Saved page follows\n" + PAGE)
    items = list(read_inputs([html, jsonl, text, embedded]))
    assert isinstance(items[0], Document) and items[0].title == "Students occupy campus"
    assert isinstance(items[1], Document) and items[1].origin == f"{jsonl}:1"
    assert isinstance(items[2], Rejection) and items[2].reason is RejectReason.MISSING_FIELD
    assert items[2].line == 3
    assert isinstance(items[3], Document) and items[3].text.startswith("Just {some}")
    assert isinstance(items[4], Document) and items[4].text.startswith("Several hundred")
    assert len(items) == 5


def test_hidden_file_given_explicitly_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / ".notes.txt", "Read when named.")
    [doc] = read_inputs([path])
    assert isinstance(doc, Document) and doc.text == "Read when named."


def test_files_directories_and_stdin_together_keep_their_order(tmp_path: Path) -> None:
    write(tmp_path / "dir" / "one.txt", "One.")
    two = write(tmp_path / "two.txt", "Two.")
    items = list(
        read_inputs(
            [tmp_path / "dir", "-", two, tmp_path / "absent.txt"],
            stdin=io.BytesIO(b"Piped."),
        )
    )
    assert [i.text for i in items if isinstance(i, Document)] == ["One.", "Piped.", "Two."]
    assert isinstance(items[-1], Rejection) and items[-1].reason is RejectReason.UNREADABLE


def test_same_article_in_two_formats_is_one_document(tmp_path: Path) -> None:
    text = "Soldiers clashed with rebels near the border on Sunday."
    plain = write(tmp_path / "a.txt", text)
    jsonl = write(tmp_path / "b.jsonl", json.dumps({"text": text, "doc_id": "x"}) + "\n")
    first, second = read_inputs([plain, jsonl])
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.doc_id == second.doc_id


def test_empty_stdin() -> None:
    [item] = read_inputs(["-"], stdin=io.BytesIO(b"\n  \n"))
    assert isinstance(item, Rejection)
    assert (item.origin, item.reason) == ("<stdin>", RejectReason.EMPTY)
