"""WARC (web archive) reading: one document per archived HTML or text response.

Web archives from crawlers hold many records per page (requests, metadata,
images, scripts); only successful responses with an HTML or text body are
articles.  The file is streamed record by record, so `max_bytes` caps each
record's body rather than the archive, and a truncated archive still yields
every record before the break.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .documents import IngestError, RawDocument, check_text_length, too_big
from .extract import decode_html_bytes, extract_html
from .readers import binary_kind, open_error

Result = RawDocument | IngestError

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


def read_warc_file(path: str, max_bytes: int, max_chars: int) -> Iterator[Result]:
    """Documents from the 2xx HTML/text response (and resource) records of a WARC or WARC.gz file."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below; this is a generator
    except OSError as exc:
        yield open_error(path, exc)
        return
    try:
        yield from _records(path, handle, max_bytes, max_chars)
    finally:
        handle.close()


def _records(path: str, handle: BinaryIO, max_bytes: int, max_chars: int) -> Iterator[Result]:
    records = iter(ArchiveIterator(handle))
    number = 0
    found = 0
    skipped = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - warcio fails in many ways on a damaged archive
            yield IngestError(path, f"WARC record {number + 1}: {_stream_reason(exc, number, handle, path)}")
            return
        number += 1
        source = f"{path}#record-{number}"
        content_type, charset, status = _record_type(record)
        if content_type is None or not (200 <= status < 300):
            skipped += 1
            continue
        try:
            body = record.content_stream().read(max_bytes + 1)
        except Exception as exc:  # noqa: BLE001 - as above
            yield IngestError(path, f"WARC record {number}: {_stream_reason(exc, number, handle, path)}")
            return
        found += 1
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        yield _document(source, url, body, content_type, charset, max_bytes, max_chars)
    if number == 0:
        yield IngestError(path, "empty WARC file (no records)")
    elif found == 0:
        yield IngestError(path, f"no HTML or text responses among {number} WARC records")


def _record_type(record) -> tuple[str | None, str, int]:
    """(content type if the record is an HTML/text page else None, declared charset, HTTP status)."""
    if record.rec_type == "response" and record.http_headers is not None:
        header = record.http_headers.get_header("Content-Type") or ""
        try:
            status = int(record.http_headers.get_statuscode() or 0)
        except ValueError:
            status = 0
    elif record.rec_type == "resource":
        header = record.rec_headers.get_header("Content-Type") or ""
        status = 200
    else:
        return None, "", 0
    media_type, _, params = header.partition(";")
    media_type = media_type.strip().lower()
    charset = ""
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    if media_type in HTML_TYPES or media_type in TEXT_TYPES:
        return media_type, charset, status
    return None, charset, status


def _document(source: str, url: str, body: bytes, content_type: str, charset: str,
              max_bytes: int, max_chars: int) -> Result:
    if len(body) > max_bytes:
        return IngestError(source, too_big(len(body), max_bytes, "record body"))
    if not body.strip():
        return IngestError(source, "empty response body")
    kind = binary_kind(body)
    if kind:
        return IngestError(source, f"binary content ({kind}) served as {content_type}")
    text = decode_html_bytes(body, charset)
    if content_type in TEXT_TYPES:
        return check_text_length(RawDocument(source=source, text=text.replace("\r\n", "\n"), url=url), max_chars)
    page = extract_html(text, url)
    if isinstance(page, IngestError):
        return IngestError(source, page.reason)
    page.source = source
    return check_text_length(page, max_chars)


def _stream_reason(exc: BaseException, records_read: int, handle: BinaryIO, path: str) -> str:
    """Why the archive stream broke, in words.

    warcio does not say "truncated": a cut-off archive surfaces as whatever the
    parser tripped on next.  Failing with the whole file consumed is the sign.
    """
    try:
        at_end = handle.tell() >= os.fstat(handle.fileno()).st_size
    except (OSError, ValueError):
        at_end = False
    if isinstance(exc, EOFError) or (at_end and records_read > 0):
        return "truncated gzip stream" if path.lower().endswith(".gz") else "file ends inside a record (truncated)"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip stream ({exc})"
    if isinstance(exc, ArchiveLoadFailed) and records_read == 0:
        return f"not a WARC file ({str(exc).strip()[:120]})"
    return f"{type(exc).__name__}: {str(exc).strip()[:160]}"
