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
        reason = _not_warc_reason(handle)
        if reason:
            yield IngestError(path, reason)
            return
        yield from _records(path, handle, max_bytes, max_chars)
    finally:
        handle.close()


def _not_warc_reason(handle: BinaryIO) -> str:
    """Why a file is not a web archive (it must open with a WARC or ARC header), or ""; rewinds."""
    head = handle.read(4096)
    handle.seek(0)
    if not head:
        return "empty file"
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error as exc:
            return f"not a valid gzip file ({exc})"
    if head.lstrip().startswith((b"WARC/", b"filedesc://")) or not head:
        return ""
    preview = head[:40].decode("utf-8", errors="replace").split("\n")[0]
    if not preview.isprintable() or "\ufffd" in preview:
        return "not a WARC file (binary data)"
    return f"not a WARC file (starts with {preview!r})"


def _records(path: str, handle: BinaryIO, max_bytes: int, max_chars: int) -> Iterator[Result]:
    archive = ArchiveIterator(handle)
    records = iter(archive)
    number = 0
    found = 0
    last_offset = 0
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
        wanted = content_type is not None and 200 <= status < 300
        try:
            body = record.content_stream().read(max_bytes + 1) if wanted else b""
            last_offset = archive.get_record_offset()  # reads to the record's end: after the body
        except Exception as exc:  # noqa: BLE001 - as above
            yield IngestError(path, f"WARC record {number}: {_stream_reason(exc, number, handle, path)}")
            return
        if not wanted:
            continue
        found += 1
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        yield _document(source, url, body, content_type, charset, max_bytes, max_chars)
    complete = _truncated_member(path, last_offset) if path.lower().endswith(".gz") else None
    if complete is not None:
        broken = number + complete if number else complete + 1
        yield IngestError(path, f"WARC record {broken}: truncated gzip stream")
    elif number == 0:
        yield IngestError(path, "empty WARC file (no records)")
    elif found == 0:
        yield IngestError(path, f"no HTML or text responses among {number} WARC records")


def _truncated_member(path: str, offset: int) -> int | None:
    """Check that the gzip members from `offset` (the last record read) to the end are all complete.

    warcio stops quietly at a cut-off gzip member, so a truncated download would
    lose its last records without a word.  Returns None when all is well, else
    how many members from `offset` on were complete before the cut.
    """
    complete = 0
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    fed = False
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            while data := handle.read(1 << 16):
                while data:
                    decompressor.decompress(data)
                    fed = True
                    if not decompressor.eof:
                        break
                    complete += 1
                    data = decompressor.unused_data
                    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    fed = False
    except (OSError, zlib.error):
        return None  # trailing garbage is warcio's business, not a truncation
    return complete if fed and not decompressor.eof else None


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
    if isinstance(exc, EOFError) or at_end:
        return "truncated gzip stream" if path.lower().endswith(".gz") else "file ends inside a record (truncated)"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip stream ({exc})"
    return f"{type(exc).__name__}: {str(exc).strip()[:160]}"
