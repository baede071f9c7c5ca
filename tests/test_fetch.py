"""URL and feed fetching against a local server on 127.0.0.1 that the tests start; no other traffic.

Pages are served with allow_private=True (the server is on loopback); the
default refusal of loopback, private and link-local addresses is checked both
as a pure function and by showing the local server never sees a request.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from corroborate import fetch as fetch_module
from corroborate.fetch import address_refusal, fetch
from corroborate.ingest import IngestError, RawDocument, iter_documents, to_article

PARAGRAPHS = [
    "The harbour authority of Westmere reopened the north quay on Friday after three weeks of repairs.",
    "Officials said cargo ships would be able to dock again from Monday, easing delays for local traders.",
    "The repairs followed damage caused by a collision between a ferry and the quay wall in early June.",
]


def page(title: str, paragraphs: list[str] = PARAGRAPHS) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html lang='en'><head><title>{title}</title><meta property='og:site_name' content='Westmere Post'>"
            f"<meta name='date' content='2026-06-20'></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article></body></html>").encode()


class Site:
    """Routes of the local test server: path -> (status, headers, body)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[str] = []
        self.base = ""

    def add(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            **headers: str) -> str:
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, body)
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.requests.append(self.path)
            status, headers, body = state.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"nope"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def collect(urls: list[str], **kwargs) -> tuple[list[RawDocument], list[IngestError]]:
    docs: list[RawDocument] = []
    errors: list[IngestError] = []
    for item in iter_documents(urls, **kwargs):
        (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


def test_html_page_with_metadata(site: Site) -> None:
    url = site.add("/quay.html", page("North quay reopens"))
    docs, errors = collect([url], allow_private=True)
    assert errors == []
    doc = docs[0]
    assert (doc.source, doc.url, doc.title, doc.outlet) == (url, url, "North quay reopens", "Westmere Post")
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}" in doc.text
    assert to_article(doc).published == "2026-06-20"


def test_plain_text_and_redirect(site: Site) -> None:
    target = site.add("/notes.txt", "\n\n".join(PARAGRAPHS).encode(), "text/plain; charset=utf-8")
    start = site.add("/old", b"", status=301, Location="/notes.txt")
    docs, errors = collect([start], allow_private=True)
    assert errors == []
    assert docs[0].source == start
    assert docs[0].url == target
    assert docs[0].text == "\n\n".join(PARAGRAPHS)


def test_redirect_loop_and_limit(site: Site) -> None:
    loop = site.add("/loop", b"", status=302, Location="/loop")
    for n in range(8):
        site.add(f"/hop{n}", b"", status=302, Location=f"/hop{n + 1}")
    site.add("/hop8", page("Far away"))
    _, errors = collect([loop, site.base + "/hop0"], allow_private=True)
    assert [e.source for e in errors] == [loop, site.base + "/hop0"]
    assert all("redirect" in e.reason for e in errors)


def test_redirect_to_other_schemes_is_refused(site: Site) -> None:
    url = site.add("/sneaky", b"", status=302, Location="file:///etc/passwd")
    result = fetch(url, max_bytes=1_000_000, allow_private=True)
    assert isinstance(result, IngestError)
    assert "redirect to a file: URL refused" in result.reason


def test_content_type_and_size_checks(site: Site) -> None:
    image = site.add("/photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    declared = site.add("/big.html", b"<p>" + b"x" * 5000 + b"</p>")
    undeclared = site.add("/stream.html", b"<p>" + b"y" * 5000 + b"</p>", **{"Content-Length": "999999999"})
    missing = site.base + "/missing.html"
    _, errors = collect([image, declared, missing], allow_private=True, max_bytes=2_000)
    reasons = {e.source: e.reason for e in errors}
    assert reasons[image] == "unsupported content type image/png"
    assert reasons[declared].startswith("response is 0.0 MB, over the 0.002 MB limit")
    assert reasons[missing] == "HTTP 404 Not Found"
    result = fetch(undeclared, max_bytes=2_000, allow_private=True)
    assert isinstance(result, IngestError) and "over the 0.002 MB limit" in result.reason


def test_feed_items_are_fetched_in_order_with_fallback(site: Site) -> None:
    first = site.add("/a1.html", page("Quay reopens"))
    second = site.add("/a2.html", page("Traders relieved", PARAGRAPHS[1:]))
    gone = site.base + "/gone.html"
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Westmere Post</title>
<entry><title>Quay reopens</title><link href="{first}"/><published>2026-06-19T10:00:00Z</published></entry>
<entry><title>Traders relieved</title><link rel="alternate" href="{second}"/>
  <author><name>Rosa Lind</name></author></entry>
<entry><title>Ferry inquiry</title><link href="{gone}"/><summary>An inquiry into the collision opens.</summary></entry>
</feed>""".encode()
    feed_url = site.add("/feed.atom", feed, "application/atom+xml")
    docs, errors = collect([feed_url], allow_private=True)
    assert [d.source for d in docs] == [first, second, gone]
    assert docs[0].title == "Quay reopens" and PARAGRAPHS[0] in docs[0].text
    assert docs[1].author == "Rosa Lind"
    assert docs[2].text == "Ferry inquiry\n\nAn inquiry into the collision opens."
    assert [(e.source, e.reason.split(";")[0]) for e in errors] == [(gone, "HTTP 404 Not Found")]


def test_feed_detected_by_content_when_served_as_generic_xml(site: Site) -> None:
    item = site.add("/story.html", page("Quay story"))
    rss = (f"<rss version='2.0'><channel><title>Post</title><item><title>Quay story</title>"
           f"<link>{item}</link></item></channel></rss>").encode()
    docs, errors = collect([site.add("/rss", rss, "text/xml")], allow_private=True)
    assert errors == []
    assert [d.source for d in docs] == [item]


def test_loopback_is_refused_by_default_without_connecting(site: Site) -> None:
    url = site.add("/quay.html", page("North quay reopens"))
    localhost_url = url.replace("127.0.0.1", "localhost")
    docs, errors = collect([url, localhost_url])
    assert docs == []
    assert "resolves to 127.0.0.1 is a loopback address" in errors[0].reason
    assert "allow_private=True" in errors[0].reason
    assert "loopback address" in errors[1].reason
    assert site.requests == []


def test_redirect_to_a_private_address_is_refused(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat 127.0.0.1 as public for this test; its redirect to 127.0.0.2 must still be checked and refused."""
    real = fetch_module.address_refusal
    monkeypatch.setattr(fetch_module, "address_refusal", lambda a: "" if a == "127.0.0.1" else real(a))
    port = site.base.rsplit(":", 1)[1]
    url = site.add("/jump", b"", status=302, Location=f"http://127.0.0.2:{port}/quay.html")
    site.add("/quay.html", page("North quay reopens"))
    result = fetch(url, max_bytes=1_000_000)
    assert isinstance(result, IngestError)
    assert "127.0.0.2 is a loopback address" in result.reason
    assert site.requests == ["/jump"]


@pytest.mark.parametrize("address,label", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"),
    ("172.16.5.4", "private"), ("169.254.169.254", "link-local"), ("fe80::1%eth0", "link-local"),
    ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"), ("100.64.0.1", "not a public"),
    ("240.0.0.1", "reserved"),
])
def test_non_public_addresses_are_refused(address: str, label: str) -> None:
    assert label in address_refusal(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(address) == ""


@pytest.mark.parametrize("url,reason", [
    ("ftp://example.org/x", "only http and https URLs are fetched, not ftp: URL"),
    ("http:///nohost", "URL has no host"),
    ("http://example.org:99999/", "malformed URL"),
])
def test_malformed_or_foreign_urls_refused_before_connecting(url: str, reason: str) -> None:
    result = fetch(url, max_bytes=1000)
    assert isinstance(result, IngestError)
    assert result.reason.startswith(reason)


def test_json_url_yields_every_article(site: Site) -> None:
    body = json.dumps({"articles": [{"title": "Quay", "text": PARAGRAPHS[0]},
                                    {"title": "Ferry", "text": PARAGRAPHS[2], "source": {"name": "Post"}}]})
    url = site.add("/api/news", body.encode(), "application/json")
    docs, errors = collect([url], allow_private=True)
    assert errors == []
    assert [(d.source, d.title) for d in docs] == [(f"{url}#item-1", "Quay"), (f"{url}#item-2", "Ferry")]
    assert to_article(docs[0]).outlet == "127.0.0.1"


def test_gzip_content_encoding_is_undone_and_capped(site: Site) -> None:
    url = site.add("/zipped.html", gzip.compress(page("Zipped quay")), **{"Content-Encoding": "gzip"})
    docs, errors = collect([url], allow_private=True)
    assert errors == [] and docs[0].title == "Zipped quay"
    bomb = site.add("/bomb.html", gzip.compress(b"<p>" + b"z" * 200_000 + b"</p>"), **{"Content-Encoding": "gzip"})
    result = fetch(bomb, max_bytes=50_000, allow_private=True)
    assert isinstance(result, IngestError)
    assert result.reason == "decompressed response is over the 0.05 MB limit (raise it with max_bytes)"
