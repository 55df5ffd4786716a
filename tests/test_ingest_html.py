"""HTML pages: the main text and metadata through trafilatura."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from dateline.ingest import extract_page, read_inputs
from dateline.types import Document, Rejection, RejectReason

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Farmers block highway - Valley Courier</title>
<meta property="og:title" content="Farmers block highway">
<meta property="og:site_name" content="Valley Courier">
<meta property="og:url" content="https://courier.example/farmers-block-highway">
<meta property="article:published_time" content="2022-05-10T08:30:00+02:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Farmers block highway</h1>
<p>Hundreds of farmers drove their tractors onto the northern highway on Monday morning
and blocked traffic for several hours to protest against the new fuel tax.</p>
<p>Police officers diverted cars through nearby villages while union leaders met the
regional governor, who promised to pass their demands on to the ministry.</p>
</article>
<div class="comments"><h3>Comments</h3>
<p>Great article, thanks for sharing it with us all!</p></div>
<footer>Copyright 2019 Valley Courier. Click here to subscribe to our newsletter.</footer>
</body></html>
"""


def read(*paths: str | Path, **options: object) -> list[Document | Rejection]:
    return list(read_inputs(list(paths), **options))  # type: ignore[arg-type]


def test_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "farmers.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Hundreds of farmers drove their tractors")
    assert "regional governor" in doc.text
    assert doc.title == "Farmers block highway"
    assert doc.published == dt.date(2022, 5, 10)
    assert doc.source == "Valley Courier"
    assert doc.url == "https://courier.example/farmers-block-highway"
    assert doc.origin == str(path)
    for boilerplate in ("Home", "Click here", "Great article", "Copyright"):
        assert boilerplate not in doc.text


def test_callers_fields_win_over_the_page(tmp_path: Path) -> None:
    path = tmp_path / "farmers.htm"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read(path, published=dt.date(2022, 5, 11), source="Wire", url="https://wire.example/1")
    assert isinstance(doc, Document)
    assert (doc.published, doc.source, doc.url) == (
        dt.date(2022, 5, 11),
        "Wire",
        "https://wire.example/1",
    )
    assert doc.title == "Farmers block highway"


def test_crlf_page_gives_the_same_document(tmp_path: Path) -> None:
    (tmp_path / "unix.html").write_bytes(PAGE.encode())
    (tmp_path / "dos.html").write_bytes(PAGE.replace("\n", "\r\n").encode())
    unix, dos = read(tmp_path / "unix.html", tmp_path / "dos.html")
    assert isinstance(unix, Document) and isinstance(dos, Document)
    assert "\r" not in dos.text
    assert unix.doc_id == dos.doc_id


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    xhtml = '<?xml version="1.0" encoding="UTF-8"?>\n' + PAGE.replace(
        "<!DOCTYPE html>\n<html", '<html xmlns="http://www.w3.org/1999/xhtml"'
    )
    (tmp_path / "page.xhtml").write_text(xhtml, encoding="utf-8")
    [doc] = read(tmp_path / "page.xhtml")
    assert isinstance(doc, Document)
    assert "tractors" in doc.text


def test_page_without_main_text_is_empty(tmp_path: Path) -> None:
    (tmp_path / "shell.html").write_text(
        "<html><head><title>Loading</title></head><body><script>run()</script></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "good.html").write_text(PAGE, encoding="utf-8")
    empty, good = read(tmp_path / "shell.html", tmp_path / "good.html")
    assert isinstance(empty, Rejection)
    assert empty.reason is RejectReason.EMPTY
    assert empty.origin == str(tmp_path / "shell.html")
    assert isinstance(good, Document)


def test_html_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin.html").write_bytes(PAGE.replace("Monday", "Montag \u00e9").encode("latin-1"))
    [item] = read(tmp_path / "latin.html")
    assert isinstance(item, Rejection)
    assert item.reason is RejectReason.NOT_UTF8


def test_stdin_html_is_sniffed() -> None:
    [doc] = read("-", stdin=io.BytesIO(b"\xef\xbb\xbf  " + PAGE.encode()))
    assert isinstance(doc, Document)
    assert doc.origin == "<stdin>"
    assert doc.title == "Farmers block highway"
    assert doc.text.startswith("Hundreds of farmers")


def test_extract_page_keeps_a_first_line_that_is_not_the_headline() -> None:
    page = extract_page(PAGE.replace("<h1>Farmers block highway</h1>", ""))
    assert page.title == "Farmers block highway"
    assert page.text.startswith("Hundreds of farmers")
    assert "regional governor" in page.text


def test_a_copyright_year_is_not_a_publication_date() -> None:
    meta = '<meta property="article:published_time" content="2022-05-10T08:30:00+02:00">\n'
    page = PAGE.replace(meta, "")
    assert page != PAGE
    assert extract_page(page).published is None
    dated = page.replace("</article>", '<p class="byline">Posted 12 March 2018</p></article>')
    assert extract_page(dated).published == dt.date(2018, 3, 12)
