"""Main-text extraction from HTML pages, with the page's metadata.

trafilatura does the boilerplate removal (it leads the open-source article
extraction benchmarks); this module adds what the pipeline needs on top:
paragraph breaks as blank lines (trafilatura's plain text puts one newline
between paragraphs, which the sentence splitter cannot tell from a line break),
the page language, byte decoding that honours a declared charset, and a clear
error instead of `None` when a page has no article text.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from charset_normalizer import from_bytes
from trafilatura import bare_extraction
from trafilatura.xml import xmltotxt

from .documents import IngestError, RawDocument

# trafilatura, htmldate and courlan log a warning for every page they discard; with no logging
# configured Python prints those to stderr.  We report the same fact as an IngestError, so give
# them a handler that drops records unless the application configures logging itself.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_BLOCK_TAGS = {"p", "head", "list", "quote", "table", "code"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*""", re.I)
_BLANK_RUNS = re.compile(r"\n{3,}")


def extract_html(html: str, url: str = "") -> RawDocument | IngestError:
    """The article text of a page (paragraphs separated by blank lines) with title, date, site, author."""
    source = url or "<html>"
    if not html.strip():
        return IngestError(source, "empty HTML")
    try:
        doc = bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
        )
    except Exception as exc:  # noqa: BLE001 - a parser bug on one page must not stop a batch
        return IngestError(source, f"HTML extraction failed: {type(exc).__name__}: {exc}")
    if doc is None or getattr(doc, "body", None) is None:
        return IngestError(source, "no article text found in HTML")
    text = body_to_text(doc.body)
    if not text.strip():
        return IngestError(source, "no article text found in HTML")
    return RawDocument(
        source=source,
        text=text,
        title=_clean(doc.title),
        url=url or _clean(doc.url),
        published=_clean(doc.date) or None,
        outlet=_clean(doc.sitename),
        author=_clean(doc.author),
        language=_clean(doc.language) or html_language(html),
    )


def body_to_text(body: Any) -> str:
    """Render trafilatura's body tree block by block, so paragraphs are separated by blank lines."""
    blocks: list[str] = []
    for element in body:
        if element.tag == "quote" and any(child.tag in _BLOCK_TAGS for child in element):
            # a blockquote of several paragraphs: keep each as its own paragraph
            blocks.extend(xmltotxt(child, False) for child in element)
        else:
            blocks.append(xmltotxt(element, False))
    text = "\n\n".join(block.strip() for block in blocks if block and block.strip())
    return _BLANK_RUNS.sub("\n\n", text)


def html_language(html: str) -> str:
    """The primary language subtag of `<html lang=...>` ("en-GB" -> "en"), or ""."""
    match = _HTML_LANG.search(html[:20_000])
    return match.group(1).lower() if match else ""


def decode_html_bytes(data: bytes, declared_charset: str = "") -> str:
    """Decode page bytes: BOM, then UTF-8, then the charset the server or the page declares, then a guess.

    Pages rarely lie about being UTF-8, but older ones declare windows-1252 or
    a national charset; a wrong guess here mangles every name in the article.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [declared_charset]
    match = _META_CHARSET.search(data[:8192])
    if match:
        candidates.append(match.group(1).decode("ascii", errors="ignore"))
    for charset in candidates:
        encoding = _known_encoding(charset)
        if encoding and encoding != "utf-8":
            return data.decode(encoding, errors="replace")
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")


def _known_encoding(charset: str) -> str:
    """Python's name for a charset label, or "" when Python does not know it."""
    charset = charset.strip().strip("\"'").lower()
    if not charset:
        return ""
    if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        return "cp1252"  # what browsers do: these labels mean windows-1252 on the web
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return ""


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""
