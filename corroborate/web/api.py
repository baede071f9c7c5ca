"""REST API under /api. Errors are JSON `{"error": message}`; bad input gets 4xx, never 500."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, Field

from ..brief import DEFAULT_WORDS
from ..engine import build_stories, load_story, refresh_briefs, story_brief_json
from ..options import Options
from ..storage import Store
from .deps import get_store
from .ingest_one import MAX_BODY_BYTES, ingest_payload

router = APIRouter(tags=["corroborate"])
StoreDep = Annotated[Store, Depends(get_store)]
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def _story_row(meta) -> dict[str, Any]:
    return {"id": meta.id, "title": meta.title, "articles": meta.article_count,
            "independent_sources": meta.independent_count, "outlets": meta.outlets,
            "first_published": meta.first_published, "last_published": meta.last_published}


@router.get("/stories", summary="List stories, newest first, with filters and paging")
def list_stories(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="words in the title")] = None,
    since: Annotated[str | None, Query(pattern=DATE)] = None,
    until: Annotated[str | None, Query(pattern=DATE)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    min_sources: Annotated[int, Query(ge=0, le=10_000)] = 0,
    min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 2,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    total, metas = store.query_stories(q=q, since=since, until=until, outlet=outlet, min_sources=min_sources,
                                       min_articles=min_articles, offset=(page - 1) * per_page, limit=per_page)
    return {"total": total, "page": page, "per_page": per_page, "stories": [_story_row(m) for m in metas]}


def _meta_or_404(store: Store, story_id: str):
    meta = store.get_story_meta(story_id)
    if meta is None:
        raise HTTPException(404, f"no story with id '{story_id}'")
    return meta


@router.get("/stories/{story_id}", summary="One story and its articles")
def get_story(story_id: str, store: StoreDep) -> dict[str, Any]:
    meta = _meta_or_404(store, story_id)
    record = store.get_story(meta.id)
    story = load_story(store, record)
    return {**_story_row(meta), "articles": [a.summary_dict() for a in story.articles],
            "article_count": meta.article_count}


@router.get("/stories/{story_id}/brief", summary="The story's cited brief (same JSON as the CLI)",
            response_class=Response, responses={200: {"content": {"application/json": {}}}})
def get_brief(story_id: str, store: StoreDep, words: Annotated[int, Query(ge=10, le=2000)] = 150) -> Response:
    text = story_brief_json(store, story_id, words)  # served as stored: no re-encoding of a large brief
    if text is None:
        raise HTTPException(404, f"no story with id '{story_id}'")
    return Response(content=text, media_type="application/json")


@router.get("/articles/{article_id}", summary="One article: clean body, raw text, metadata, claims")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    found = store.get_articles([article_id])
    if not found:
        raise HTTPException(404, f"no article with id '{article_id}'")
    data = found[0].to_dict()
    data.pop("stages", None)
    return data


@router.get("/entities", summary="Search entity names across all articles")
def search_entities(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200)],
                    limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
    return {"query": q, "entities": store.search_entities(q, limit)}


@router.get("/entities/{entity_id}", summary="One entity across stories: its spellings and the stories that mention it")
def get_entity(store: StoreDep, entity_id: Annotated[str, Path(max_length=200)],
               limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    entity = store.get_entity(entity_id, limit)
    if entity is None:
        raise HTTPException(404, f"no entity with id '{entity_id}' (ids come from a brief's entities[].entity_id)")
    return entity


class CheckRequest(BaseModel):
    claim: str = Field(min_length=3, max_length=2000)
    story: str | None = Field(default=None, max_length=200)


@router.post("/check", summary="Which articles support, contradict or discuss a claim")
def check(req: CheckRequest, store: StoreDep) -> dict[str, Any]:
    from ..check import check_claim

    story = None
    if req.story:
        meta = _meta_or_404(store, req.story)
        story = load_story(store, store.get_story(meta.id))
        articles = story.articles
    else:
        articles = list(store.iter_articles())
    return check_claim(req.claim, articles, story)


@router.post("/articles", status_code=201, summary="Ingest one article (JSON fields or an HTML page)",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"type": "object", "properties": {
                     "title": {"type": "string"}, "text": {"type": "string"}, "html": {"type": "string"},
                     "url": {"type": "string"}, "published": {"type": "string"}, "outlet": {"type": "string"},
                     "author": {"type": "string"}}}},
                 "text/html": {"schema": {"type": "string"}}}}})
async def post_article(request: Request, store: StoreDep) -> dict[str, Any]:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, f"body is {int(declared)} bytes, over the {MAX_BODY_BYTES} byte limit")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise HTTPException(413, f"body is over the {MAX_BODY_BYTES} byte limit")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            payload: Any = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise HTTPException(400, f"malformed JSON: {exc}") from exc
    elif ctype in ("text/html", "text/plain"):
        try:
            payload = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPException(400, f"body is not valid UTF-8 at byte {exc.start}") from exc
    else:
        raise HTTPException(415, "send application/json (fields title, text or html, url, published, outlet) "
                                 "or text/html")
    article, created = ingest_payload(store, payload, ctype, source=request.headers.get("x-source", "api"))
    report = build_stories(store, Options(db=request.app.state.db))
    refresh_briefs(store, report.touched, DEFAULT_WORDS)
    story_id = store.story_of_article(article.id)
    return {"id": article.id, "created": created, "story": story_id, "title": article.title}
