"""The two things ingest yields: a document it could read, or a reason it could not.

Kept apart from the readers so that every reader (files, HTML, JSON, WARC,
URLs, feeds) can build them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20_000_000
# A long feature runs to ~100k characters; anything far beyond that is a dump, not an article,
# and would stall every per-article stage downstream.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass
class RawDocument:
    """One readable input, before any cleaning: text plus whatever metadata came with it.

    `source` is the path or URL as given; members of a container get a stable suffix
    (`path#line-N`, `path#item-N`, `path#record-N`) so each has a distinct source.
    """

    source: str
    text: str
    title: str = ""
    url: str = ""
    published: str | None = None
    outlet: str = ""
    author: str = ""
    language: str = ""


@dataclass
class IngestError:
    """An input that could not be read, with a reason a person can act on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def format_mb(n_bytes: int) -> str:
    """Bytes as megabytes with one decimal, the unit the size limits are stated in."""
    return f"{n_bytes / 1_000_000:.1f} MB"


def too_big(size: int, max_bytes: int, what: str = "file") -> str:
    """The reason text for an input over the byte limit."""
    limit = f"{max_bytes / 1_000_000:g} MB"
    return f"{what} is {format_mb(size)}, over the {limit} limit (raise it with max_bytes)"


def check_text_length(doc: RawDocument, max_chars: int) -> RawDocument | IngestError:
    """Refuse a document whose text is beyond the per-document cap, or has no text at all."""
    if not doc.text.strip():
        return IngestError(doc.source, "no text")
    if len(doc.text) > max_chars:
        return IngestError(
            doc.source,
            f"text is {len(doc.text):,} characters, over the per-document limit of {max_chars:,} "
            "(raise it with max_chars)",
        )
    return doc
