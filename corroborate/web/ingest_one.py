"""`POST /api/articles`: one article through the same validation and stages as file ingest."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from ..docfields import document_from_mapping
from ..documents import DEFAULT_MAX_CHARS, IngestError, RawDocument, check_text_length
from ..extract import extract_html
from ..ingest import to_article
from ..model import Article
from ..pipeline import process_article
from ..storage import Store

MAX_BODY_BYTES = 5_000_000


def ingest_payload(store: Store, payload: Any, content_type: str, source: str) -> tuple[Article, bool]:
    """Store the article in payload unless already stored; (article, created)."""
    if content_type == "application/json":
        if not isinstance(payload, dict):
            raise HTTPException(422, f"expected a JSON object with article fields, got {type(payload).__name__}")
        doc = document_from_mapping(source, payload)
    elif content_type == "text/html":
        doc = extract_html(payload)
    else:
        doc = RawDocument(source=source, text=payload)
    if not isinstance(doc, IngestError):
        if doc.source in ("", "api") and doc.url:
            doc.source = doc.url
        doc = check_text_length(doc, DEFAULT_MAX_CHARS)
    if isinstance(doc, IngestError):
        raise HTTPException(422, doc.reason)
    article = to_article(doc)
    if store.has_articles([article.id]):
        return store.get_articles([article.id])[0], False
    article = process_article(article)
    store.add_articles([article])
    return article, True
