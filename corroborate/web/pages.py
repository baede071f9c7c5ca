"""Server-rendered pages. Jinja2 autoescaping is on: article text is never rendered as HTML."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from .. import __version__
from ..engine import story_brief_json
from ..model import Article
from ..storage import Store
from .deps import get_store
from .matrix import fact_matrix

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                                           autoescape=True))
templates.env.globals["version"] = __version__
StoreDep = Annotated[Store, Depends(get_store)]
DATE = r"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"
PER_PAGE = 30


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request, store: StoreDep,
    q: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(pattern=DATE)] = "",
    until: Annotated[str, Query(pattern=DATE)] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
    min_sources: Annotated[int, Query(ge=0, le=10_000)] = 0,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
):
    total, metas = store.query_stories(q=q or None, since=since or None, until=until or None, outlet=outlet or None,
                                       min_sources=min_sources, min_articles=2,
                                       offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
    filters = {"q": q, "since": since, "until": until, "outlet": outlet, "min_sources": min_sources or ""}
    def page_link(n: int) -> str:
        return "/?" + urlencode({**{k: v for k, v in filters.items() if v}, "page": n})
    pages = (total + PER_PAGE - 1) // PER_PAGE
    return templates.TemplateResponse(request, "stories.html", {
        "stories": metas, "total": total, "filters": filters, "page": page, "pages": pages,
        "prev_link": page_link(page - 1) if page > 1 else None,
        "next_link": page_link(page + 1) if page < pages else None})


def _cite_link(article_id: str, text: str) -> str:
    return f"/articles/{article_id}?" + urlencode({"hl": text[:400]}) + "#hl"


MAX_TIMELINE = 100


@lru_cache(maxsize=64)
def _parsed(text: str) -> dict[str, Any]:
    """Parsed briefs of recently viewed stories (keyed by the stored JSON, so a new version misses)."""
    return json.loads(text)


def timeline_view(timeline: list[dict[str, Any]], limit: int = MAX_TIMELINE) -> list[dict[str, Any]]:
    """At most `limit` timeline entries, the best-sourced ones, kept in date order."""
    if len(timeline) <= limit:
        return timeline
    keep = set(sorted(range(len(timeline)), key=lambda i: -len(timeline[i]["sources"]))[:limit])
    return [t for i, t in enumerate(timeline) if i in keep]


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, store: StoreDep,
               words: Annotated[int, Query(ge=10, le=2000)] = 150):
    text = story_brief_json(store, story_id, words)
    brief = _parsed(text) if text is not None else None
    if brief is None:
        return error_page(request, 404, f"There is no story with id '{story_id}'.")
    articles = brief["story"]["articles"]
    number = {a["id"]: i for i, a in enumerate(articles, 1)}
    facts_by_id = {f["id"]: f for f in brief["facts"]}
    return templates.TemplateResponse(request, "story.html", {
        "brief": brief, "number": number, "cite_link": _cite_link, "matrix": fact_matrix(brief),
        "facts_by_id": facts_by_id, "articles_by_id": {a["id"]: a for a in articles},
        "timeline": timeline_view(brief["timeline"])})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, store: StoreDep):
    entity = store.get_entity(entity_id, 200)
    if entity is None:
        return error_page(request, 404, f"There is no entity with id '{entity_id}'.")
    return templates.TemplateResponse(request, "entity.html", {"entity": entity})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep,
                 hl: Annotated[str, Query(max_length=2000)] = ""):
    found = store.get_articles([article_id])
    if not found:
        return error_page(request, 404, f"There is no article with id '{article_id}'.")
    article = found[0]
    highlight = best_sentence(article, hl) if hl else None
    claimed = {c.sentence: c for c in article.claims}
    story_id = store.story_of_article(article.id)
    return templates.TemplateResponse(request, "article.html", {
        "article": article, "paragraphs": paragraphs(article), "highlight": highlight, "claims": claimed,
        "story_id": story_id})


_TOKEN = re.compile(r"\w+")


def best_sentence(article: Article, text: str) -> int | None:
    """Index of the sentence of the article that best matches text (the cited one), if any matches well."""
    want = set(_TOKEN.findall(text.lower()))
    if not want:
        return None
    best, best_score = None, 0.0
    for i, sentence in enumerate(article.sentences):
        have = set(_TOKEN.findall(sentence.text.lower()))
        if not have:
            continue
        score = len(want & have) / len(want | have)
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 0.35 else None


def paragraphs(article: Article) -> list[list[tuple[int, str]]]:
    """The body's sentences grouped by paragraph (blank-line breaks), as (index, text)."""
    groups: list[list[tuple[int, str]]] = []
    last_end = None
    for i, s in enumerate(article.sentences):
        if last_end is None or "\n\n" in article.body[last_end:s.start] or "\n" in article.body[last_end:s.start]:
            groups.append([])
        groups[-1].append((i, s.text))
        last_end = s.end
    return groups
