"""The cross-article stages put together: one story in, one brief (plain JSON data) out.

Field names are a public contract, described by docs/brief.schema.json.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from . import __version__
from .brief_reconcile import reconcile_facts
from .entities import resolve_entities
from .facts import align_facts
from .model import Story
from .summarize import ConceptSummarizer, summarize
from .timeline import build_timeline
from .timex import timex_stage

DEFAULT_WORDS = 150  # about a minute of reading


def build_brief(story: Story, words: int = DEFAULT_WORDS) -> dict[str, Any]:
    """Summary, facts, conflicts, entities, timeline and coverage of a story, all cited by article id."""
    facts, conflicts = align_facts(story)
    fact_at = {(ev["article"], ev["sentence"]): fact for fact in facts for ev in fact.get("evidence", [])}
    summarizer = ConceptSummarizer(fact_of={key: fact["id"] for key, fact in fact_at.items()})
    summary = summarize(story, words=words, summarizer=summarizer)
    if summarizer.source_index is not None:
        facts = reconcile_facts(story, facts, summary["summary"], summarizer.source_index)
        fact_at = {(ev["article"], ev["sentence"]): fact for fact in facts for ev in fact.get("evidence", [])}
    resolved = resolve_entities(story.articles)
    entities = [{k: e[k] for k in ("id", "name", "type", "variants", "sources")} for e in resolved]
    fact_of = {key: fact["id"] for key, fact in fact_at.items()}
    return {
        "version": __version__,
        "story": {
            "id": story.id,
            "title": story.title,
            "articles": [a.summary_dict() for a in story.articles],
        },
        "headline": summary["headline"],
        "summary": [_summary_item(story, s, fact_at.get((s["article"], s["sentence"]))) for s in summary["summary"]],
        "paragraph_sentences": len(summary["paragraph"]),
        "facts": [_fact_item(f) for f in facts],
        "conflicts": conflicts,
        "entities": entities,
        "timeline": build_timeline(with_inferred_anchors(story), entities=resolved, fact_of=fact_of),
        "coverage": coverage(story, facts),
    }


def _summary_item(story: Story, item: dict[str, Any], fact: dict[str, Any] | None) -> dict[str, Any]:
    """A summary sentence cited to every article that states it: the summarizer's matches, plus the
    sources of the fact its sentence was aligned into."""
    sources = list(item["sources"])
    for source in fact["sources"] if fact else []:
        if source not in sources:
            sources.append(source)
    return {"text": item["text"], "sources": sources, "single_source": story.independent_count(sources) <= 1}


def _fact_item(fact: dict[str, Any]) -> dict[str, Any]:
    keep = ("id", "text", "sources", "independent_sources", "single_source", "evidence")
    return {k: fact[k] for k in keep if k in fact}


def with_inferred_anchors(story: Story) -> Story:
    """Undated articles borrow the story's median publication date as the anchor of their relative dates
    ("Monday", "a week ago"), so the timeline can place what they report; their `published` stays unknown."""
    dates = sorted(a.published for a in story.articles if a.published and len(a.published) == 10)
    if not dates or all(a.published for a in story.articles):
        return story
    anchor = dates[len(dates) // 2]
    articles = []
    for article in story.articles:
        if not article.published:
            article = timex_stage(replace(article, published=anchor, stages=[]))
            article.published = None
        articles.append(article)
    return replace(story, articles=articles)


def coverage(story: Story, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per article: facts only its source has, and corroborated facts it leaves out."""
    only_in: dict[str, list[str]] = {}
    corroborated: list[tuple[str, set[str]]] = []
    for fact in facts:
        groups = {story.group_of(s) for s in fact["sources"]}
        if len(groups) == 1:
            only_in.setdefault(next(iter(groups)), []).append(fact["id"])
        else:
            corroborated.append((fact["id"], groups))
    rows = []
    for article in story.articles:
        group = story.group_of(article.id)
        rows.append({"article": article.id, "outlet": article.outlet, "unique_facts": only_in.get(group, []),
                     "missing_facts": [fid for fid, groups in corroborated if group not in groups]})
    return rows
