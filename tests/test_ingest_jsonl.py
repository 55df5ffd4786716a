"""JSON Lines: one document per line; a bad line is rejected and the rest go on."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from dateline.errors import BadInputError
from dateline.ingest import parse_published, read_inputs
from dateline.types import Document, Rejection, RejectReason

PAGE = """<html><head><title>Dock workers strike</title>
<meta property="og:site_name" content="Harbour Post"></head><body><article>
<h1>Dock workers strike</h1>
<p>Dock workers at the eastern port walked out on Thursday over unpaid wages, leaving
dozens of container ships waiting at anchor outside the harbour entrance.</p>
<p>The port authority said talks with the workers' union would resume next week.</p>
</article></body></html>"""


def read(*paths: str | Path, **options: object) -> list[Document | Rejection]:
    return list(read_inputs(list(paths), **options))  # type: ignore[arg-type]


def line(**fields: object) -> str:
    return json.dumps(fields)


def test_records_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    records = [
        line(
            doc_id="user-1",
            text="Rebels shelled the market.",
            published="2013-07-29",
            source="The Daily Example",
            url="https://daily.example/a",
            title="Market shelled",
            events=[{"event_type": "Battles"}],
        ),
        "",
        line(text="Protesters marched downtown.", published=None),
    ]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == "Rebels shelled the market."
    assert first.doc_id != "user-1"
    assert first.doc_id == Document.from_text("Rebels shelled the market.").doc_id
    assert first.published == dt.date(2013, 7, 29)
    assert (first.source, first.url, first.title) == (
        "The Daily Example",
        "https://daily.example/a",
        "Market shelled",
    )
    assert first.origin == f"{path}:1"
    assert second.origin == f"{path}:3"  # the blank line 2 is skipped but counted
    assert second.published is None and second.title is None


def test_callers_fields_win_over_the_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.ndjson"
    path.write_text(line(text="A strike.", published="2020-01-01", source="A") + "\n")
    [doc] = read(path, published=dt.date(2020, 2, 2), source="B")
    assert isinstance(doc, Document)
    assert (doc.published, doc.source) == (dt.date(2020, 2, 2), "B")


def test_html_field_goes_through_extraction(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text(line(html=PAGE, url="https://post.example/strike") + "\n", encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Dock workers at the eastern port")
    assert doc.title == "Dock workers strike"
    assert doc.source == "Harbour Post"
    assert doc.url == "https://post.example/strike"


def test_crlf_in_text_field_and_file(tmp_path: Path) -> None:
    path = tmp_path / "dos.jsonl"
    body = line(text="Line one.\r\nLine two.") + "\r\n" + line(text="Line one.\nLine two.") + "\r\n"
    path.write_bytes(body.encode())
    dos, unix = read(path)
    assert isinstance(dos, Document) and isinstance(unix, Document)
    assert dos.text == "Line one.\nLine two."
    assert dos.doc_id == unix.doc_id


def test_bad_lines_are_rejected_and_the_rest_go_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        line(text="Good one."),  # 1
        '{"text": "unterminated',  # 2
        "[1, 2, 3]",  # 3
        line(title="No body"),  # 4
        line(text="Dated badly.", published="2013-02-30"),  # 5
        line(text="Dated oddly.", published="last Tuesday"),  # 6
        line(text="Number date.", published=20130729),  # 7
        line(text="   \n  "),  # 8
        line(html="<html><body><script>x()</script></body></html>"),  # 9
        line(text=42),  # 10
        line(text="Bad url.", url=["a", "b"]),  # 11
        line(text="Good two."),  # 12
    ]
    data = ("\n".join(lines) + "\n").encode()
    data += b'{"text": "caf\xe9"}\n' + line(text="Good three.").encode() + b"\n"  # 13, 14
    path.write_bytes(data)
    items = read(path)
    docs = [i for i in items if isinstance(i, Document)]
    rejections = {r.line: r for r in items if isinstance(r, Rejection)}
    assert [d.text for d in docs] == ["Good one.", "Good two.", "Good three."]
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:12", f"{path}:14"]
    assert {n: r.reason for n, r in rejections.items()} == {
        2: RejectReason.MALFORMED_JSON,
        3: RejectReason.MISSING_FIELD,
        4: RejectReason.MISSING_FIELD,
        5: RejectReason.BAD_FIELD,
        6: RejectReason.BAD_FIELD,
        7: RejectReason.BAD_FIELD,
        8: RejectReason.EMPTY,
        9: RejectReason.EMPTY,
        10: RejectReason.BAD_FIELD,
        11: RejectReason.BAD_FIELD,
        13: RejectReason.NOT_UTF8,
    }
    assert all(r.origin == str(path) for r in rejections.values())
    assert "published" in rejections[5].detail and "2013-02-30" in rejections[5].detail
    assert "last Tuesday" in rejections[6].detail
    assert "`url`" in rejections[11].detail
    assert f"offset {len(data.split(b'caf')[0]) + 3}" in rejections[13].detail
    assert str(rejections[2]).startswith(f"{path}:2: malformed_json:")


def test_file_with_no_records_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    [item] = read(path)
    assert isinstance(item, Rejection)
    assert (item.reason, item.line) == (RejectReason.EMPTY, None)


def test_binary_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "packed.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)))
    [item] = read(path)
    assert isinstance(item, Rejection)
    assert item.reason is RejectReason.BINARY
    assert "gzip" in item.detail


def test_utf16_jsonl_file_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes((line(text="One.") + "\n" + line(text="Two.") + "\n").encode("utf-16"))
    [item] = read(path)
    assert isinstance(item, Rejection)
    assert (item.reason, item.line) == (RejectReason.NOT_UTF8, None)
    assert "UTF-16" in item.detail


def test_stdin_jsonl_is_sniffed() -> None:
    data = (line(text="From a pipe.") + "\n" + "{broken\n").encode()
    doc, bad = read("-", stdin=io.BytesIO(data))
    assert isinstance(doc, Document) and doc.origin == "<stdin>:1"
    assert isinstance(bad, Rejection)
    assert (bad.origin, bad.line, bad.reason) == ("<stdin>", 2, RejectReason.MALFORMED_JSON)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2013-07-29", dt.date(2013, 7, 29)),
        (" 2013-07-29 ", dt.date(2013, 7, 29)),
        ("2013-07-29T23:30:00", dt.date(2013, 7, 29)),
        ("2013-07-29T23:30:00Z", dt.date(2013, 7, 29)),
        ("2013-07-29 23:30:00+05:00", dt.date(2013, 7, 29)),
    ],
)
def test_parse_published_accepts_dates_and_datetimes(value: str, expected: dt.date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "2013-13-01", "2013-07-29T25:00", "29/07/2013"])
def test_parse_published_rejects_other_values(value: str) -> None:
    with pytest.raises(BadInputError, match="published date") as caught:
        parse_published(value)
    assert repr(value) in str(caught.value)
    assert "YYYY-MM-DD" in str(caught.value)


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.parametrize("name", ["dev.jsonl", "wikievents-dev.jsonl"])
def test_gold_files_read_as_documents_with_their_text_unchanged(name: str) -> None:
    path = SHARED / "gold" / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    records = [json.loads(raw) for raw in path.read_text(encoding="utf-8").splitlines() if raw]
    docs = read(path)
    assert len(docs) == len(records)
    for record, doc in zip(records, docs, strict=True):
        assert isinstance(doc, Document)
        assert doc.text == record["text"].replace("\r\n", "\n")
        assert doc.title == record.get("title")
        assert doc.source == record.get("source")
        published = record.get("published")
        assert doc.published == (dt.date.fromisoformat(published) if published else None)
