"""Readers for local files: plain text, HTML, JSON, JSONL.

Each reader takes a path and yields `RawDocument`s or `IngestError`s and never
raises for bad input: one broken file (or one broken line of a JSONL file)
must not stop a batch of thousands.  Sizes are checked with `stat` before
anything is read, so a 5 GB file is refused without touching its contents.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from .docfields import document_from_mapping
from .documents import IngestError, RawDocument, check_text_length, too_big
from .extract import decode_html_bytes, extract_html

Result = RawDocument | IngestError

_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "zip archive (docx, xlsx, epub...)",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
    b"\xd0\xcf\x11\xe0": "MS Office document",
}


def open_error(path: str, exc: OSError) -> IngestError:
    """An OSError as a reason a person can act on."""
    if isinstance(exc, FileNotFoundError):
        return IngestError(path, "no such file or directory")
    if isinstance(exc, PermissionError):
        return IngestError(path, "unreadable: permission denied")
    if isinstance(exc, IsADirectoryError):
        return IngestError(path, "is a directory")
    return IngestError(path, f"unreadable: {exc.strerror or exc}")


def read_capped(path: str, max_bytes: int) -> bytes | IngestError:
    """The bytes of a regular file, refused by size before reading; `.gz` files are decompressed (capped too)."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return IngestError(path, too_big(size, max_bytes))
        with open(path, "rb") as handle:
            if path.lower().endswith(".gz"):
                return _read_gzip(path, handle, max_bytes)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return open_error(path, exc)
    if len(data) > max_bytes:  # the file grew after the size check
        return IngestError(path, f"file is over the {max_bytes / 1_000_000:g} MB limit (raise it with max_bytes)")
    return data


def _read_gzip(path: str, handle: BinaryIO, max_bytes: int) -> bytes | IngestError:
    try:
        with gzip.GzipFile(fileobj=handle) as stream:
            data = stream.read(max_bytes + 1)
    except EOFError:
        return IngestError(path, "truncated gzip stream")
    except gzip.BadGzipFile:
        return IngestError(path, "not a gzip file (despite the .gz name)")
    except zlib.error as exc:
        return IngestError(path, f"corrupt gzip stream ({exc})")
    if len(data) > max_bytes:
        return IngestError(path, f"decompressed size is over the {max_bytes / 1_000_000:g} MB limit "
                                 "(raise it with max_bytes)")
    return data


def binary_kind(data: bytes) -> str:
    """A name for binary content ("PDF", "NUL bytes"), or "" when the bytes look like text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    if b"\x00" in data[:8192]:
        return "NUL bytes"
    return ""


def decode_text(source: str, data: bytes) -> str | IngestError:
    """Strict decoding for text formats: UTF-8 (or UTF-16 with a BOM), else a reason naming the byte."""
    if not data.strip():
        return IngestError(source, "empty file")
    kind = binary_kind(data)
    if kind:
        return IngestError(source, f"binary file ({kind})")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return IngestError(source, f"not valid UTF-16 at byte {exc.start}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return IngestError(source, f"not valid UTF-8 at byte {exc.start}")


def read_text_file(path: str, max_bytes: int, max_chars: int) -> Iterator[Result]:
    """A plain-text (or Markdown) article; an optional `---` front-matter block gives its metadata."""
    text = read_decoded(path, max_bytes)
    if isinstance(text, IngestError):
        yield text
        return
    meta, body = split_front_matter(text)
    doc = document_from_mapping(path, {**meta, "text": body}) if meta else RawDocument(path, body)
    yield doc if isinstance(doc, IngestError) else check_text_length(doc, max_chars)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---`-fenced `key: value` lines at the top of a text file, and the text after them.

    Only flat `key: value` lines are read (no YAML library needed); a block that
    does not look like that is left in the text untouched.
    """
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for index, line in enumerate(lines[1:60], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[index + 1:]).lstrip("\n")
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or " " in key.strip():
            return {}, text
        meta[key.strip().lower()] = value.strip().strip("\"'")
    return {}, text


def read_markup(path: str, max_bytes: int) -> bytes | IngestError:
    """A markup file's bytes (HTML, feeds), or why it cannot be a document: unreadable, too big, empty, binary."""
    data = read_capped(path, max_bytes)
    if isinstance(data, IngestError):
        return data
    if not data.strip():
        return IngestError(path, "empty file")
    kind = binary_kind(data)
    return IngestError(path, f"binary file ({kind})") if kind else data


def read_decoded(path: str, max_bytes: int) -> str | IngestError:
    """A text file's content decoded (UTF-8, or UTF-16 with a BOM), or why it cannot be read."""
    data = read_capped(path, max_bytes)
    return data if isinstance(data, IngestError) else decode_text(path, data)


def read_html_file(path: str, max_bytes: int, max_chars: int) -> Iterator[Result]:
    """An HTML page (optionally gzipped): main text and metadata via `extract_html`."""
    data = read_markup(path, max_bytes)
    if isinstance(data, IngestError):
        yield data
        return
    result = extract_html(decode_html_bytes(data), url="")
    if isinstance(result, IngestError):
        yield IngestError(path, result.reason)
        return
    result.source = path
    yield check_text_length(result, max_chars)


def read_json_file(path: str, max_bytes: int, max_chars: int) -> Iterator[Result]:
    """A JSON file holding one article object, a list of them, or {"articles": [...]}."""
    text = read_decoded(path, max_bytes)
    if isinstance(text, IngestError):
        yield text
        return
    yield from documents_from_json_text(path, text, max_chars)


def documents_from_json_text(source: str, text: str, max_chars: int) -> Iterator[Result]:
    """Articles in a JSON text; list members get `source#item-N` (N from 1)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(source, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return
    items = _article_list(value)
    if items is None:
        yield from _one_object(source, value, max_chars)
        return
    if not items:
        yield IngestError(source, "JSON list holds no articles")
    for number, item in enumerate(items, start=1):
        yield from _one_object(f"{source}#item-{number}", item, max_chars)


def _article_list(value: Any) -> list[Any] | None:
    """The list of articles in a JSON value, or None when the value is a single article."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in ("articles", "items", "documents", "results", "data"):
            inner = value.get(key)
            if isinstance(inner, list) and not any(k in value for k in ("text", "body", "content", "html")):
                return inner
    return None


def read_jsonl_file(path: str, max_bytes: int, max_chars: int) -> Iterator[Result]:
    """One article object per line (optionally gzipped), streamed: `max_bytes` caps each line, not the file."""
    try:
        handle = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield open_error(path, exc)
        return
    try:
        reason = _jsonl_head_problem(handle)
        if reason:
            yield IngestError(path, reason)
            return
        yielded = False
        number = 0
        while True:
            try:
                line = handle.readline(max_bytes + 1)
            except EOFError:
                yield IngestError(path, f"truncated gzip stream after line {number}")
                return
            except (gzip.BadGzipFile, zlib.error) as exc:
                yield IngestError(path, f"corrupt gzip stream ({exc})")
                return
            except OSError as exc:
                yield open_error(path, exc)
                return
            if not line:
                break
            number += 1
            source = f"{path}#line-{number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(handle)
                yield IngestError(source, f"line is over the {max_bytes / 1_000_000:g} MB limit "
                                          "(raise it with max_bytes)")
                yielded = True
                continue
            if not line.strip():
                continue
            yielded = True
            yield from _jsonl_line(source, line, max_chars)
        if not yielded:
            yield IngestError(path, "empty file")
    finally:
        handle.close()


def _jsonl_head_problem(handle: BinaryIO) -> str:
    """A reason to refuse the whole file from its first bytes (binary, not gzip), or ""; rewinds.

    Without this a binary file would yield one error per "line" of noise.
    """
    try:
        head = handle.read(8192)
        handle.seek(0)
    except EOFError:
        return "truncated gzip stream"
    except gzip.BadGzipFile:
        return "not a gzip file (despite the .gz name)"
    except zlib.error as exc:
        return f"corrupt gzip stream ({exc})"
    except OSError as exc:
        return open_error("", exc).reason
    kind = binary_kind(head)
    return f"binary file ({kind})" if kind else ""


def _skip_rest_of_line(handle: BinaryIO) -> None:
    try:
        while True:
            chunk = handle.readline(1 << 20)
            if not chunk or chunk.endswith(b"\n"):
                return
    except (EOFError, OSError, zlib.error):
        return  # the next readline reports it


def _jsonl_line(source: str, line: bytes, max_chars: int) -> Iterator[Result]:
    text = decode_text(source, line)
    if isinstance(text, IngestError):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(source, f"malformed JSON at column {exc.colno}: {exc.msg}")
        return
    yield from _one_object(source, value, max_chars)


def _one_object(source: str, value: Any, max_chars: int) -> Iterator[Result]:
    if not isinstance(value, dict):
        yield IngestError(source, f"expected a JSON object, found {_json_type(value)}")
        return
    doc = document_from_mapping(source, value)
    yield doc if isinstance(doc, IngestError) else check_text_length(doc, max_chars)


def _json_type(value: Any) -> str:
    names = {list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
