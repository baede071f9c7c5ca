"""Ingest: every format's happy path, and every kind of bad input yielding a clear IngestError.

All inputs are tiny made-up articles written to tmp_path by the tests.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate import ingest, readers
from corroborate.ingest import (
    IngestError,
    RawDocument,
    extract_html,
    iter_documents,
    normalise_date,
    outlet_from_url,
    to_article,
)

PARAGRAPHS = [
    "The town council of Eastbrook voted on Tuesday to rebuild the old river footbridge before winter.",
    "Mayor Ilse Marren said the crossing had been closed since a storm damaged its supports in March.",
    "Work will begin next month and is expected to cost about 1.2 million euros, the council said.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def article_html(title: str = "Eastbrook to rebuild river footbridge", paragraphs: list[str] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>{title} | Eastbrook Courier</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Eastbrook Courier">
<meta name="author" content="Tomas Weller">
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>{body}</article>
<footer><p>Copyright Eastbrook Courier. All rights reserved.</p></footer>
</body></html>"""


def collect(paths: list[Path | str], **kwargs) -> tuple[list[RawDocument], list[IngestError]]:
    docs: list[RawDocument] = []
    errors: list[IngestError] = []
    for item in iter_documents([str(p) for p in paths], **kwargs):
        (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


def error_for(errors: list[IngestError], source: Path | str) -> IngestError:
    matches = [e for e in errors if e.source == str(source)]
    assert matches, f"no error for {source}; errors: {errors}"
    return matches[0]


# --- happy paths ----------------------------------------------------------------------------------------


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(TEXT, encoding="utf-8")
    docs, errors = collect([path])
    assert errors == []
    assert len(docs) == 1
    assert docs[0].source == str(path)
    assert docs[0].text == TEXT


def test_text_with_bom_crlf_and_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "bridge.md"
    front = "---\ntitle: Eastbrook bridge\ndate: 2026-03-14\nurl: https://www.courier.example/bridge\n---\n"
    path.write_bytes(b"\xef\xbb\xbf" + (front + TEXT).encode("utf-8"))
    docs, errors = collect([path])
    assert errors == []
    doc = docs[0]
    assert doc.title == "Eastbrook bridge"
    assert doc.published == "2026-03-14"
    assert doc.url == "https://www.courier.example/bridge"
    assert doc.text.startswith(PARAGRAPHS[0])
    assert to_article(doc).outlet == "courier.example"


def test_html_file_keeps_metadata_and_paragraph_breaks(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(article_html(), encoding="utf-8")
    docs, errors = collect([path])
    assert errors == []
    doc = docs[0]
    assert doc.source == str(path)
    assert doc.title == "Eastbrook to rebuild river footbridge"
    assert doc.outlet == "Eastbrook Courier"
    assert doc.author == "Tomas Weller"
    assert doc.published == "2026-03-14"
    assert doc.language == "en"
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}" in doc.text
    assert "All rights reserved" not in doc.text
    assert "Sport" not in doc.text


def test_gzipped_html_and_declared_legacy_charset(tmp_path: Path) -> None:
    gz_path = tmp_path / "bridge.html.gz"
    gz_path.write_bytes(gzip.compress(article_html().encode("utf-8")))
    latin = tmp_path / "latin.html"
    page = article_html(paragraphs=[p.replace("Marren", "Märren") for p in PARAGRAPHS])
    latin.write_bytes(page.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1"))
    docs, errors = collect([gz_path, latin])
    assert errors == []
    assert PARAGRAPHS[2] in docs[0].text
    assert "Mayor Ilse Märren said" in docs[1].text


def test_extract_html_reports_a_page_without_text() -> None:
    empty_page = "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    result = extract_html(empty_page, url="https://news.example/empty")
    assert isinstance(result, IngestError)
    assert result.reason == "no article text found in HTML"
    assert result.source == "https://news.example/empty"


def test_json_single_object_list_and_wrapper(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({
        "title": "Bridge vote", "body": TEXT, "link": "https://m.courier.example/b",
        "publishedAt": "2026-03-14T08:00:00Z", "source": {"id": None, "name": "Eastbrook Courier"},
        "authors": ["Tomas Weller", {"name": "Ana Pires"}],
    }))
    listed = tmp_path / "many.json"
    listed.write_text(json.dumps([
        {"headline": "First", "content": PARAGRAPHS[0], "date": 1773475200},
        {"title": "From HTML", "html": article_html(), "url": "https://courier.example/html"},
    ]))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"status": "ok", "articles": [{"text": PARAGRAPHS[1], "outlet": "Gazette"}]}))
    docs, errors = collect([tmp_path])
    assert errors == []
    by_source = {doc.source: doc for doc in docs}
    one = by_source[str(single)]
    assert (one.title, one.outlet, one.author) == ("Bridge vote", "Eastbrook Courier", "Tomas Weller; Ana Pires")
    assert one.published == "2026-03-14T08:00:00Z"
    assert to_article(one).published == "2026-03-14"
    first = by_source[f"{listed}#item-1"]
    assert (first.title, first.text, first.published) == ("First", PARAGRAPHS[0], "2026-03-14")
    from_html = by_source[f"{listed}#item-2"]
    assert from_html.title == "From HTML"  # the object's own field wins over the page's
    assert PARAGRAPHS[1] in from_html.text and from_html.outlet == "Eastbrook Courier"
    assert by_source[f"{wrapped}#item-1"].outlet == "Gazette"


def test_jsonl_bad_line_does_not_stop_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "A", "text": PARAGRAPHS[0]}),
        "{not json",
        "",
        json.dumps(["a list"]),
        json.dumps({"title": "No text here"}),
        json.dumps({"title": "B", "text": 42}),
        json.dumps({"title": "C", "text": PARAGRAPHS[2], "source": "Gazette"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs, errors = collect([path])
    assert [(d.source, d.title) for d in docs] == [(f"{path}#line-1", "A"), (f"{path}#line-7", "C")]
    reasons = {e.source: e.reason for e in errors}
    assert reasons[f"{path}#line-2"].startswith("malformed JSON at column")
    assert reasons[f"{path}#line-4"] == "expected a JSON object, found a list"
    assert reasons[f"{path}#line-5"].startswith("no article text")
    assert reasons[f"{path}#line-6"] == "field 'text' is a number, expected a string"
    assert len(errors) == 4


def write_warc(path: Path, pages: list[tuple[str, str, str]], gz: bool) -> None:
    """Write (url, content_type, body) response records, plus a request record to skip."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers))
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "courier.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))


WARC_PAGES = [
    ("https://www.courier.example/bridge", "text/html; charset=utf-8", article_html()),
    ("https://courier.example/logo.png", "image/png", "not really an image"),
    ("https://courier.example/notes.txt", "text/plain", TEXT),
    ("https://gazette.example/second", "text/html", article_html("Second bridge story", PARAGRAPHS[1:])),
]


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_response_records(tmp_path: Path, name: str, gz: bool) -> None:
    path = tmp_path / name
    write_warc(path, WARC_PAGES, gz)
    docs, errors = collect([path])
    assert errors == []
    # records: 1 page, 2 request, 3 png, 4 request, 5 text, 6 request, 7 page, 8 request
    assert [d.source for d in docs] == [f"{path}#record-{n}" for n in (1, 5, 7)]
    assert docs[0].url == "https://www.courier.example/bridge"
    assert docs[0].title == "Eastbrook to rebuild river footbridge"
    assert docs[1].text == TEXT
    assert to_article(docs[0]).outlet == "Eastbrook Courier"
    assert to_article(docs[1]).outlet == "courier.example"


def test_truncated_warc_gz_reports_the_record_and_keeps_the_rest(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    write_warc(full, WARC_PAGES, gz=True)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    full.unlink()
    docs, errors = collect([cut])
    assert [d.source for d in docs][:2] == [f"{cut}#record-1", f"{cut}#record-5"]
    assert len(errors) == 1
    assert errors[0].source == str(cut)
    assert errors[0].reason.startswith("WARC record ")
    assert errors[0].reason.endswith(": truncated gzip stream")


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_text("this is a text file with a warc name\n")
    _, errors = collect([path])
    assert error_for(errors, path).reason == "not a WARC file (starts with 'this is a text file with a warc name')"


# --- bad inputs -----------------------------------------------------------------------------------------


def test_each_bad_input_is_named_and_good_files_still_come_through(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"abc\x00\x01\x02" * 100)
    pdf = tmp_path / "report.html"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    bad_utf8 = tmp_path / "latin.txt"
    bad_utf8.write_bytes(b"Caf\xe9 opens on the square")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{\n  "title": "x",\n  "text": "y",,\n}')
    no_text_html = tmp_path / "menu.html"
    no_text_html.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    unsupported = tmp_path / "sheet.xyz"
    unsupported.write_text("a,b,c")
    missing = tmp_path / "missing.txt"

    docs, errors = collect([tmp_path, missing])
    assert [d.source for d in docs] == [str(good)]
    assert error_for(errors, empty).reason == "empty file"
    assert error_for(errors, binary).reason == "binary file (NUL bytes)"
    assert error_for(errors, pdf).reason == "binary file (PDF)"
    assert error_for(errors, bad_utf8).reason == "not valid UTF-8 at byte 3"
    assert error_for(errors, bad_json).reason.startswith("malformed JSON at line 3")
    assert error_for(errors, no_text_html).reason == "no article text found in HTML"
    reason = error_for(errors, unsupported).reason
    assert reason.startswith("unsupported file type .xyz; supported: ") and ".warc.gz" in reason
    assert error_for(errors, missing).reason == "no such file or directory"
    assert len(errors) == 8


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(52_000_000)  # sparse: no data written
    good = tmp_path / "small.txt"
    good.write_text(TEXT)
    opened: list[str] = []

    def tracking_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(file))
        return open(file, *args, **kwargs)

    monkeypatch.setattr(readers, "open", tracking_open, raising=False)
    docs, errors = collect([huge, good])
    assert [d.source for d in docs] == [str(good)]
    assert error_for(errors, huge).reason == "file is 52.0 MB, over the 20 MB limit (raise it with max_bytes)"
    assert opened == [str(good)]  # refused on its size alone, never opened
    _, errors = collect([huge], max_bytes=1_000)
    assert "over the 0.001 MB limit" in errors[0].reason


def test_gzip_bomb_is_capped_on_decompressed_size(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 3_000_000 + b"</p>"))
    _, errors = collect([bomb], max_bytes=1_000_000)
    assert "decompressed size is over the 1 MB limit" in error_for(errors, bomb).reason


def test_per_document_text_cap(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 3000)
    _, errors = collect([path], max_chars=10_000)
    assert error_for(errors, path).reason.startswith("text is 15,000 characters, over the per-document limit")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT)
    locked.chmod(0)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(TEXT)
    closed.chmod(0)
    try:
        _, errors = collect([locked, closed])
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)
    assert error_for(errors, locked).reason == "unreadable: permission denied"
    assert error_for(errors, closed).reason == "unreadable: permission denied"


def test_unreadable_paths_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads mode-000 files, so simulate the permission errors the OS would raise, plus real dead ends."""
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(TEXT)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    real_open, real_scandir = open, os.scandir

    def denying_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def denying_scandir(path):  # type: ignore[no-untyped-def]
        if str(path) == str(closed):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(readers, "open", denying_open, raising=False)
    monkeypatch.setattr(ingest.os, "scandir", denying_scandir)
    docs, errors = collect([locked, closed, dangling, empty_dir, tmp_path / "closed" / "inside.txt"])
    assert error_for(errors, locked).reason == "unreadable: permission denied"
    assert error_for(errors, closed).reason == "unreadable: permission denied"
    assert error_for(errors, dangling).reason == "no such file or directory"
    assert error_for(errors, empty_dir).reason == "folder holds no files"
    assert [d.source for d in docs] == [str(closed / "inside.txt")]
    assert len(errors) == 4


def test_non_http_urls_are_refused(tmp_path: Path) -> None:
    _, errors = collect(["ftp://files.example/a.txt", "file:///etc/passwd"])
    assert [e.reason for e in errors] == [
        "only http and https URLs are fetched, not ftp: URLs",
        "only http and https URLs are fetched, not file: URLs",
    ]


# --- folders, feeds, articles ---------------------------------------------------------------------------


def test_folder_recursion_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for relative in ["b/2.txt", "b/10.txt", "a.txt", "c/d/e.txt", ".hidden.txt", ".git/x.txt", "b/.swap.txt"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{relative}: {TEXT}")
    first, _ = collect([tmp_path])
    second, _ = collect([tmp_path])
    names = [os.path.relpath(d.source, tmp_path) for d in first]
    assert names == ["a.txt", "b/10.txt", "b/2.txt", "c/d/e.txt"]
    assert [d.source for d in second] == [d.source for d in first]


def test_local_feed_falls_back_to_item_text_when_links_are_refused(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text("""<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Courier</title>
<item><title>Bridge to be rebuilt</title><link>http://127.0.0.1:9/bridge</link>
<description>&lt;p&gt;The council voted to rebuild the footbridge.&lt;/p&gt;&lt;p&gt;Work starts soon.&lt;/p&gt;</description>
<pubDate>Sat, 14 Mar 2026 09:30:00 GMT</pubDate><dc:creator>Tomas Weller</dc:creator></item>
<item><title>Ferry timetable changes</title><description>Ferries run hourly from May.</description></item>
</channel></rss>""")
    docs, errors = collect([feed])
    assert [d.source for d in docs] == ["http://127.0.0.1:9/bridge", f"{feed}#item-2"]
    assert docs[0].text == ("Bridge to be rebuilt\n\nThe council voted to rebuild the footbridge.\n\n"
                            "Work starts soon.")
    assert docs[0].author == "Tomas Weller"
    assert to_article(docs[0]).published == "2026-03-14"
    assert len(errors) == 1
    assert errors[0].source == "http://127.0.0.1:9/bridge"
    assert "127.0.0.1 is a loopback address" in errors[0].reason


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text("<config><option>1</option></config>")
    _, errors = collect([path])
    assert error_for(errors, path).reason == "XML root element is <config>, not an RSS or Atom feed"


def test_to_article_same_text_same_id(tmp_path: Path) -> None:
    one = RawDocument(source="a.txt", text=TEXT)
    two = RawDocument(source="https://www.dw.com/en/bridge/a-1", text=TEXT.replace("\n\n", "\n  \n") + "\n",
                      published="Sat, 14 Mar 2026 09:30:00 +0100", title="Bridge", language="en")
    first, second = to_article(one), to_article(two)
    assert first.id == second.id
    assert (first.source, first.outlet, first.published) == ("a.txt", "", None)
    assert (second.outlet, second.published, second.title, second.language) == ("dw.com", "2026-03-14", "Bridge", "en")
    assert second.raw_text == two.text


@pytest.mark.parametrize("given,expected", [
    ("2026-03-14", "2026-03-14"),
    ("2026-03-14T23:30:00+05:00", "2026-03-14"),
    ("2026-03-14 08:00", "2026-03-14"),
    ("2026-3-4", "2026-03-04"),
    ("2026-03", "2026-03"),
    ("2026", "2026"),
    ("Sat, 14 Mar 2026 09:30:00 GMT", "2026-03-14"),
    ("14 March 2026", "2026-03-14"),
    ("March 14th, 2026", "2026-03-14"),
    ("Saturday, 14 March 2026", "2026-03-14"),
    ("Tue, Mar. 3, 2026", "2026-03-03"),
    ("14/03/2026", "2026-03-14"),
    ("03/14/2026", "2026-03-14"),  # unambiguous US order
    ("2026-02-30", None),
    ("next week", None),
    ("", None),
    (None, None),
])
def test_normalise_date(given: str | None, expected: str | None) -> None:
    assert normalise_date(given) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://www.dw.com/en/x", "dw.com"),
    ("http://m.bbc.co.uk/news/1", "bbc.co.uk"),
    ("https://edition.cnn.com/2026/03/14/x.html", "edition.cnn.com"),
    ("https://WWW2.Example.org:8080/a", "example.org"),
    ("/data/news/a.txt", ""),
])
def test_outlet_from_url(url: str, expected: str) -> None:
    assert outlet_from_url(url) == expected


def test_gzipped_text_and_jsonl_and_a_truncated_jsonl_gz(tmp_path: Path) -> None:
    text_gz = tmp_path / "a.txt.gz"
    text_gz.write_bytes(gzip.compress(TEXT.encode()))
    lines = "".join(json.dumps({"text": p, "dct": "2026-03-14"}) + "\n" for p in PARAGRAPHS * 200).encode()
    jsonl_gz = tmp_path / "b.jsonl.gz"
    jsonl_gz.write_bytes(gzip.compress(lines))
    cut_gz = tmp_path / "c.jsonl.gz"
    cut_gz.write_bytes(gzip.compress(lines)[:-40])
    docs, errors = collect([text_gz, jsonl_gz, cut_gz])
    assert docs[0].text == TEXT
    from_b = [d for d in docs if d.source.startswith(f"{jsonl_gz}#")]
    assert len(from_b) == 600 and from_b[0].published == "2026-03-14"
    from_c = [d for d in docs if d.source.startswith(f"{cut_gz}#")]
    assert len(from_c) >= 500  # everything before the cut still comes through
    assert [e.source for e in errors] == [str(cut_gz)]
    assert errors[0].reason.startswith("truncated gzip stream after line ")


def test_jsonl_line_over_the_byte_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": PARAGRAPHS[0]}) + "\n")
    docs, errors = collect([path], max_bytes=1000)
    assert [d.source for d in docs] == [f"{path}#line-2"]
    assert errors[0].source == f"{path}#line-1"
    assert errors[0].reason == "line is over the 0.001 MB limit (raise it with max_bytes)"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _, errors = collect([fifo])
    assert error_for(errors, fifo).reason == "not a regular file (a device, pipe or socket)"


def test_garbage_in_every_format_never_raises(tmp_path: Path) -> None:
    """Random bytes, truncated valid files and near-misses under every supported name: errors, not exceptions."""
    import random

    from corroborate.ingest import SUPPORTED_EXTENSIONS

    rng = random.Random(7)
    valid = {
        ".json": json.dumps({"text": TEXT}).encode(), ".html": article_html().encode(),
        ".rss": b"<rss><channel><item><title>T</title><description>D</description></item></channel></rss>",
    }
    count = 0
    for suffix in SUPPORTED_EXTENSIONS:
        samples = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))) for _ in range(3)]
        base = valid.get(suffix.removesuffix(".gz"), TEXT.encode())
        samples += [base[: len(base) // 2], b"\xef\xbb\xbf", b"\x1f\x8b\x08\x00garbage", b"<" * 500]
        for number, data in enumerate(samples):
            (tmp_path / f"s{count}-{number}{suffix}").write_bytes(data)
        count += 1
    results = list(iter_documents([str(tmp_path)]))
    assert results and all(isinstance(r, RawDocument | IngestError) for r in results)
    assert all(r.reason for r in results if isinstance(r, IngestError))


def test_feed_parser_resolves_no_entities(tmp_path: Path) -> None:
    """XXE and entity-expansion bombs: the file is never read and nothing expands."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    feed = tmp_path / "evil.rss"
    feed.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY l0 "lol">{laughs}]>
<rss version="2.0"><channel><title>Evil</title>
<item><title>One &xxe;</title><description>Two &l9;</description></item>
</channel></rss>""")
    docs, errors = collect([feed])
    text = " ".join(d.text for d in docs) + " ".join(e.reason for e in errors)
    assert "TOP-SECRET-VALUE" not in text
    assert len(text) < 10_000
