"""Ingest: turn paths, folders and URLs into documents, and documents into Articles.

`iter_documents` is the single entry point for every input the engine reads.
It never raises for bad input; it yields an `IngestError` with a reason a
person can act on and goes on with the rest, because a batch of news from the
wild always holds some broken files.  Order is deterministic (folders are
walked sorted) so two runs over the same inputs build the same store.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from .documents import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, IngestError, RawDocument, check_text_length
from .extract import decode_html_bytes, extract_html
from .feeds import Feed, FeedItem, looks_like_feed, parse_feed
from .fetch import FEED_TYPES, HTML_TYPES, JSON_TYPES, FetchedPage, fetch
from .model import Article, content_id
from .readers import (
    binary_kind,
    decode_text,
    documents_from_json_text,
    open_error,
    read_capped,
    read_html_file,
    read_json_file,
    read_jsonl_file,
    read_text_file,
)
from .warc import read_warc_file

__all__ = ["IngestError", "RawDocument", "extract_html", "iter_documents", "normalise_date",
           "outlet_from_url", "to_article", "SUPPORTED_EXTENSIONS"]

Result = RawDocument | IngestError
Reader = Callable[[str, int, int], Iterator[Result]]

FEED_FETCH_WORKERS = 4


def _read_feed_file(path: str, max_bytes: int, max_chars: int, allow_private: bool) -> Iterator[Result]:
    data = read_capped(path, max_bytes)
    if isinstance(data, IngestError):
        yield data
        return
    if not data.strip():
        yield IngestError(path, "empty file")
        return
    kind = binary_kind(data)
    if kind:
        yield IngestError(path, f"binary file ({kind})")
        return
    yield from _feed_documents(path, data, max_bytes, max_chars, allow_private)


# Longest suffixes first: ".warc.gz" must win over ".gz".
_READERS: list[tuple[str, Reader | None]] = [
    (".warc.gz", read_warc_file), (".html.gz", read_html_file), (".htm.gz", read_html_file),
    (".txt.gz", read_text_file), (".json.gz", read_json_file), (".jsonl.gz", read_jsonl_file),
    (".txt", read_text_file), (".text", read_text_file), (".md", read_text_file),
    (".html", read_html_file), (".htm", read_html_file), (".xhtml", read_html_file),
    (".json", read_json_file), (".jsonl", read_jsonl_file), (".ndjson", read_jsonl_file),
    (".warc", read_warc_file),
    (".rss", None), (".atom", None), (".xml", None),  # feeds: need allow_private, handled below
]
SUPPORTED_EXTENSIONS = tuple(suffix for suffix, _ in _READERS)


def iter_documents(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, allow_private: bool = False,
                   max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[RawDocument | IngestError]:
    """Every document in these files, folders (recursive, sorted, hidden files skipped) and http(s) URLs.

    Yields an IngestError for each input (or member of a JSONL/WARC/feed) that cannot
    be read, and carries on.  `max_bytes` caps each file or download (each line or
    record for the streamed JSONL and WARC containers); `max_chars` caps each document's text.
    """
    for given in paths:
        if re.match(r"(?i)^https?://", given):
            yield from _url_documents(given, max_bytes, max_chars, allow_private)
        elif re.match(r"(?i)^[a-z][a-z0-9+.-]*://", given) and not os.path.exists(given):
            scheme = given.split("://", 1)[0]
            yield IngestError(given, f"only http and https URLs are fetched, not {scheme}: URLs")
        else:
            yield from _path_documents(given, max_bytes, max_chars, allow_private)


def _path_documents(path: str, max_bytes: int, max_chars: int, allow_private: bool) -> Iterator[Result]:
    if os.path.isdir(path):
        found_any = False
        for file_path in walk_sorted(path):
            found_any = True
            if isinstance(file_path, IngestError):
                yield file_path
            else:
                yield from _file_documents(file_path, max_bytes, max_chars, allow_private)
        if not found_any:
            yield IngestError(path, "folder holds no files")
        return
    if not os.path.lexists(path):
        yield IngestError(path, "no such file or directory")
        return
    yield from _file_documents(path, max_bytes, max_chars, allow_private)


def walk_sorted(folder: str) -> Iterator[str | IngestError]:
    """Files under folder in a stable order (names sorted at every level); hidden names skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield open_error(folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from walk_sorted(entry.path)
            elif entry.is_file():
                yield entry.path
        except OSError as exc:
            yield open_error(entry.path, exc)


def _file_documents(path: str, max_bytes: int, max_chars: int, allow_private: bool) -> Iterator[Result]:
    lowered = path.lower()
    for suffix, reader in _READERS:
        if lowered.endswith(suffix):
            if reader is None:
                yield from _read_feed_file(path, max_bytes, max_chars, allow_private)
            else:
                yield from reader(path, max_bytes, max_chars)
            return
    suffix = os.path.splitext(lowered)[1] or "(none)"
    yield IngestError(path, f"unsupported file type {suffix}; supported: {', '.join(SUPPORTED_EXTENSIONS)}")


# --- URLs and feeds ---------------------------------------------------------------------------------


def _url_documents(url: str, max_bytes: int, max_chars: int, allow_private: bool) -> Iterator[Result]:
    page = fetch(url, max_bytes=max_bytes, allow_private=allow_private)
    if isinstance(page, IngestError):
        yield page
        return
    if not page.body.strip():
        yield IngestError(url, "empty response")
        return
    if page.content_type in FEED_TYPES or (page.content_type not in HTML_TYPES and looks_like_feed(page.body)):
        yield from _feed_documents(url, page.body, max_bytes, max_chars, allow_private)
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
        return text if isinstance(text, IngestError) else next(documents_from_json_text(source, text, max_chars))
    text = decode_html_bytes(page.body, page.charset)
    if page.content_type == "text/plain":
        doc = RawDocument(source=source, text=text.replace("\r\n", "\n"), url=page.url)
        return check_text_length(doc, max_chars)
    result = extract_html(text, page.url)
    if isinstance(result, IngestError):
        return IngestError(source, result.reason)
    result.source = source
    return check_text_length(result, max_chars)


def _feed_documents(source: str, data: bytes, max_bytes: int, max_chars: int,
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
        yield _item_document(item_source, item, feed, max_chars)


def _with_feed_metadata(doc: RawDocument, item: FeedItem) -> RawDocument:
    """Fill what the page did not say (title, date, author) from the feed item."""
    doc.title = doc.title or item.title
    doc.published = doc.published or item.published or None
    doc.author = doc.author or item.author
    doc.url = doc.url or item.link
    return doc


def _item_document(source: str, item: FeedItem, feed: Feed, max_chars: int) -> Result:
    """A document from the feed alone: title plus the fuller of content and description."""
    body = item.content if len(item.content) > len(item.summary) else item.summary
    text = "\n\n".join(part for part in (item.title, body) if part)
    if not text.strip():
        return IngestError(source, "feed item has no title, description or reachable link")
    doc = RawDocument(source=source, text=text, title=item.title, url=item.link,
                      published=item.published or None, author=item.author)
    return check_text_length(doc, max_chars)


# --- Articles ---------------------------------------------------------------------------------------

_HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp|mobile)\.")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$")
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d/%m/%Y",
                 "%Y/%m/%d", "%d.%m.%Y", "%Y%m%d")


def to_article(doc: RawDocument) -> Article:
    """The pipeline's Article for a document: content-hashed id, normalised date, outlet from the URL host."""
    return Article(
        id=content_id(doc.text),
        source=doc.source,
        raw_text=doc.text,
        title=doc.title,
        outlet=doc.outlet or outlet_from_url(doc.url or doc.source),
        url=doc.url,
        author=doc.author,
        published=normalise_date(doc.published),
        language=doc.language,
    )


def outlet_from_url(url: str) -> str:
    """The outlet's host name without www./m./amp. ("https://www.dw.com/en/x" -> "dw.com"); "" for paths."""
    if not re.match(r"(?i)^https?://", url):
        return ""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return _HOST_PREFIX.sub("", host)


def normalise_date(value: str | None) -> str | None:
    """A publication date as "YYYY-MM-DD" (or "YYYY-MM" / "YYYY" when that is all it says), else None."""
    if not value or not value.strip():
        return None
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = match.groups()
        return _checked(int(year), int(month) if month else None, int(day) if day else None)
    try:
        parsed = parsedate_to_datetime(text)  # RFC 822 dates of RSS feeds and HTTP headers
        return parsed.date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text.split("T")[0] if "T" in text[:11] else text)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _checked(year: int, month: int | None, day: int | None) -> str | None:
    if not 1000 <= year <= 2999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None
