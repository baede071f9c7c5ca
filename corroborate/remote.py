"""Documents from http(s) URLs and from RSS/Atom feeds (fetched or local).

A URL can hold a page, a plain text, a JSON list of articles or a feed; a
feed names many pages.  This module decides which from the content type (or,
for XML served under a generic type, from the root element) and applies the
same fetch safety rules to every item link.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from .documents import IngestError, RawDocument, check_text_length
from .extract import decode_html_bytes, extract_html
from .feeds import FeedItem, looks_like_feed, parse_feed
from .fetch import FEED_TYPES, HTML_TYPES, JSON_TYPES, FetchedPage, fetch
from .readers import binary_kind, decode_text, documents_from_json_text, read_markup

Result = RawDocument | IngestError

FEED_FETCH_WORKERS = 4


def url_documents(url: str, max_bytes: int, max_chars: int, allow_private: bool) -> Iterator[Result]:
    """Documents behind one http(s) URL: a page, a text, a JSON list of articles, or a feed's items."""
    page = fetch(url, max_bytes=max_bytes, allow_private=allow_private)
    if isinstance(page, IngestError):
        yield page
        return
    if not page.body.strip():
        yield IngestError(url, "empty response")
        return
    if page.content_type in FEED_TYPES or (page.content_type not in HTML_TYPES and looks_like_feed(page.body)):
        yield from feed_documents(url, page.body, max_bytes, max_chars, allow_private)
    elif page.content_type in JSON_TYPES:
        text = decode_text(url, page.body)
        yield from [text] if isinstance(text, IngestError) else documents_from_json_text(url, text, max_chars)
    else:
        yield _page_document(url, page, max_chars)


def _page_document(source: str, page: FetchedPage, max_chars: int) -> Result:
    """A fetched page (HTML, plain text, JSON) as one document; `source` is the URL as given."""
    kind = binary_kind(page.body)
    if kind:
        return IngestError(source, f"binary content ({kind}) served as {page.content_type or 'untyped'}")
    if page.content_type in JSON_TYPES:  # a feed item linking to a JSON article: its first article
        text = decode_text(source, page.body)
        return text if isinstance(text, IngestError) else next(
            documents_from_json_text(source, text, max_chars), IngestError(source, "no article in JSON"))
    text = decode_html_bytes(page.body, page.charset)
    if page.content_type == "text/plain":
        doc = RawDocument(source=source, text=text.replace("\r\n", "\n"), url=page.url)
        return check_text_length(doc, max_chars)
    result = extract_html(text, page.url)
    if isinstance(result, IngestError):
        return IngestError(source, result.reason)
    result.source = source
    return check_text_length(result, max_chars)


def feed_documents(source: str, data: bytes, max_bytes: int, max_chars: int,
                   allow_private: bool) -> Iterator[Result]:
    """One document per feed item: the linked page when it can be fetched, else the feed's own text."""
    feed = parse_feed(data)
    if isinstance(feed, str):
        yield IngestError(source, feed)
        return
    if not feed.items:
        yield IngestError(source, "feed has no items")
        return

    def fetch_item(item: FeedItem) -> Result | None:
        if not item.link:
            return None
        page = fetch(item.link, max_bytes=max_bytes, allow_private=allow_private)
        if isinstance(page, IngestError):
            return page
        return _page_document(item.link, page, max_chars)

    with ThreadPoolExecutor(max_workers=FEED_FETCH_WORKERS) as pool:
        fetched = list(pool.map(fetch_item, feed.items))
    for number, (item, result) in enumerate(zip(feed.items, fetched, strict=True), start=1):
        item_source = item.link or f"{source}#item-{number}"
        if isinstance(result, RawDocument):
            yield _with_feed_metadata(result, item)
            continue
        if isinstance(result, IngestError):
            yield IngestError(item_source, f"{result.reason}; using the feed's own text for this item")
        yield _item_document(item_source, item, max_chars)


def _with_feed_metadata(doc: RawDocument, item: FeedItem) -> RawDocument:
    """Fill what the page did not say (title, date, author) from the feed item."""
    doc.title = doc.title or item.title
    doc.published = doc.published or item.published or None
    doc.author = doc.author or item.author
    doc.url = doc.url or item.link
    return doc


def _item_document(source: str, item: FeedItem, max_chars: int) -> Result:
    """A document from the feed alone: title plus the fuller of content and description."""
    body = item.content if len(item.content) > len(item.summary) else item.summary
    text = "\n\n".join(part for part in (item.title, body) if part)
    if not text.strip():
        return IngestError(source, "feed item has no title, description or reachable link")
    doc = RawDocument(source=source, text=text, title=item.title, url=item.link,
                      published=item.published or None, author=item.author)
    return check_text_length(doc, max_chars)


def read_feed_file(path: str, max_bytes: int, max_chars: int, allow_private: bool) -> Iterator[Result]:
    """A local .rss/.atom/.xml feed: its items' links are fetched like a feed URL's."""
    data = read_markup(path, max_bytes)
    if isinstance(data, IngestError):
        yield data
        return
    yield from feed_documents(path, data, max_bytes, max_chars, allow_private)
