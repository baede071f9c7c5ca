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
import stat
from collections.abc import Callable, Iterator, Sequence

from .docfields import normalise_date, outlet_from_url
from .documents import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, IngestError, RawDocument
from .extract import extract_html
from .model import Article, content_id
from .readers import (
    open_error,
    read_html_file,
    read_json_file,
    read_jsonl_file,
    read_text_file,
)
from .remote import read_feed_file, url_documents
from .warc import read_warc_file

__all__ = ["IngestError", "RawDocument", "extract_html", "iter_documents", "normalise_date",
           "outlet_from_url", "to_article", "SUPPORTED_EXTENSIONS"]

Result = RawDocument | IngestError
Reader = Callable[[str, int, int], Iterator[Result]]


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
    for given_path in paths:
        given = os.fspath(given_path)  # pathlib.Path works too
        if re.match(r"(?i)^https?://", given):
            yield from url_documents(given, max_bytes, max_chars, allow_private)
        elif re.match(r"(?i)^[a-z][a-z0-9+.-]*://", given) and not os.path.exists(given):
            scheme = given.split("://", 1)[0]
            yield IngestError(given, f"only http and https URLs are fetched, not {scheme}: URLs")
        else:
            yield from _path_documents(given, max_bytes, max_chars, allow_private)


def _path_documents(path: str, max_bytes: int, max_chars: int, allow_private: bool) -> Iterator[Result]:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        yield open_error(path, exc)
        return
    if stat.S_ISDIR(mode):
        found_any = False
        for file_path in walk_sorted(path):
            found_any = True
            if isinstance(file_path, IngestError):
                yield file_path
            else:
                yield from _file_documents(file_path, max_bytes, max_chars, allow_private)
        if not found_any:
            yield IngestError(path, "folder holds no files")
    elif stat.S_ISREG(mode):
        yield from _file_documents(path, max_bytes, max_chars, allow_private)
    else:  # reading a FIFO or a device would block or never end
        yield IngestError(path, "not a regular file (a device, pipe or socket)")


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
                yield from read_feed_file(path, max_bytes, max_chars, allow_private)
            else:
                yield from reader(path, max_bytes, max_chars)
            return
    suffix = os.path.splitext(lowered)[1] or "(none)"
    yield IngestError(path, f"unsupported file type {suffix}; supported: {', '.join(SUPPORTED_EXTENSIONS)}")


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
