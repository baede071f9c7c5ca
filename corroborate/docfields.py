"""The field mapping from a JSON object (or front matter) to a `RawDocument`.

News data comes as JSON from many tools (NewsAPI, news-please, scrapers,
schema.org dumps) that each name the same fields differently.  One documented
table of accepted names, tried in order, covers them without per-source code.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from .documents import IngestError, RawDocument
from .extract import extract_html

# Accepted names per field, first match wins (keys are matched case-insensitively).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "maintext", "articlebody", "article_body"),
    "html": ("html", "raw_html", "rawhtml"),
    "url": ("url", "link", "canonical_url"),
    # "dct": TimeML's document creation time, the publication date in temporal corpora (news-tls, TimeBank)
    "published": ("published", "date", "publishedat", "published_at", "date_publish", "datepublished",
                  "pubdate", "dct"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "publisher", "source_domain"),
    "author": ("author", "authors", "byline", "creator"),
    "language": ("language", "lang"),
}


def document_from_mapping(source: str, obj: dict[str, Any]) -> RawDocument | IngestError:
    """Build a document from a JSON object; text comes from a text field, else from an `html` field."""
    lowered = {str(key).lower(): value for key, value in obj.items()}
    found = {name: _first(lowered, keys) for name, keys in FIELD_NAMES.items()}
    for name in ("title", "text", "html", "url", "language"):
        key, value = found[name]
        if value is not None and not isinstance(value, str):
            return IngestError(source, f"field '{key}' is {_type_name(value)}, expected a string")
    text = (found["text"][1] or "").replace("\r\n", "\n")
    url = (found["url"][1] or "").strip()
    page: RawDocument | None = None
    if not text.strip():
        html = found["html"][1]
        if not html or not html.strip():
            accepted = ", ".join(FIELD_NAMES["text"] + FIELD_NAMES["html"])
            return IngestError(source, f"no article text (expected a non-empty field among: {accepted})")
        extracted = extract_html(html, url)
        if isinstance(extracted, IngestError):
            return IngestError(source, extracted.reason)
        page = extracted
        text = page.text
    return RawDocument(
        source=source,
        text=text,
        title=_text(found["title"][1]) or (page.title if page else ""),
        url=url or (page.url if page else ""),
        published=_date(found["published"][1]) or (page.published if page else None),
        outlet=_name(found["outlet"][1]) or (page.outlet if page else ""),
        author=_names(found["author"][1]) or (page.author if page else ""),
        language=_text(found["language"][1]) or (page.language if page else ""),
    )


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, Any]:
    for key in keys:
        if key in obj and obj[key] is not None:
            return key, obj[key]
    return keys[0], None


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _name(value: Any) -> str:
    """An outlet or person given as a string or as an object with a name ({"name": "DW"})."""
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("title") or "")
    return _text(value)


def _names(value: Any) -> str:
    """Authors given as a string, an object, or a list of either (joined with "; ", as trafilatura does)."""
    if isinstance(value, list):
        return "; ".join(name for name in (_name(item) for item in value) if name)
    return _name(value)


def _date(value: Any) -> str | None:
    """A date string as given, or a Unix timestamp (seconds or milliseconds) as an ISO date."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if abs(value) < 10**5:  # too small for a timestamp of a news article: a bare year, or nothing
            return str(int(value)) if 1000 <= value <= 2999 else None
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    return _text(value) or None


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# --- normalising fields for the Article ----------------------------------------------------------

_HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp|mobile)\.")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$")
_WEEKDAY = re.compile(r"(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+")
# Day-first before month-first: "03/04/2026" is read as 3 April (most of the world's order).
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
                 "%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d", "%d.%m.%Y", "%Y%m%d")


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
    cleaned = _WEEKDAY.sub("", text)  # "Saturday, 14 March 2026"
    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", cleaned)  # "March 14th"
    cleaned = re.sub(r"(?<=[A-Za-z])\.", "", cleaned)  # "Mar. 14"
    cleaned = " ".join(cleaned.split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
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
