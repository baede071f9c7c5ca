"""The main job: ingest inputs into a store, group stored articles into stories, load a story.

Ingest commits each processed batch in its own transaction and skips ids already
stored, so a run killed midway resumes without loss or duplicates, and ingesting
the same input twice adds nothing.
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .cluster import ClusterOptions, StoryClusterer
from .dedup import find_syndication
from .executors import make_executor
from .ingest import IngestError, iter_documents, to_article
from .model import Article, Story
from .options import Options
from .pipeline import process_article
from .storage import Store, StoryMeta, StoryRecord

CLUSTER_STATE = "story_clusterer"
Progress = Callable[[int], None]


@dataclass
class IngestReport:
    seen: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)


def ingest(paths: Sequence[str], store: Store, options: Options, progress: Progress | None = None) -> IngestReport:
    """Read, process and store every document under paths; report what happened."""
    report = IngestReport()
    executor = make_executor(options.executor, options.workers, options.ray_address)
    pending: dict[str, Article] = {}
    try:
        for item in iter_documents(paths, max_bytes=options.max_bytes, allow_private=options.allow_private):
            if isinstance(item, IngestError):
                report.errors.append(item)
                continue
            report.seen += 1
            article = to_article(item)
            if article.id in pending:
                report.duplicates += 1
                continue
            pending[article.id] = article
            if len(pending) >= options.batch_size:
                _flush(pending, store, executor, report, progress)
        _flush(pending, store, executor, report, progress)
    finally:
        executor.close()
    return report


def _flush(pending: dict[str, Article], store: Store, executor, report: IngestReport, progress) -> None:
    if not pending:
        return
    known = store.has_articles(pending)
    for aid in known:
        store.add_source(aid, pending[aid].source)
    todo = [a for aid, a in pending.items() if aid not in known]
    report.duplicates += len(known)
    processed = list(executor.map(process_article, todo))
    report.added += store.add_articles(processed)
    if progress:
        progress(len(pending))
    pending.clear()


# --- stories ------------------------------------------------------------------------------

@dataclass
class StoriesReport:
    assigned: int = 0
    stories: int = 0
    merges: int = 0
    touched: list[str] = field(default_factory=list)


def cluster_options(options: Options) -> ClusterOptions:
    base = ClusterOptions(min_articles=options.min_articles, min_outlets=options.min_outlets)
    if options.embeddings:
        from .cluster_embed import embedding_options

        return embedding_options(base)
    return base


def _clusterer_class(options: Options) -> type[StoryClusterer]:
    """The plain clusterer, or the one that also weighs MiniLM similarity when asked for (and installed)."""
    if not options.embeddings:
        return StoryClusterer
    from .cluster_embed import EmbeddingClusterer

    options.check()
    return EmbeddingClusterer


def build_stories(store: Store, options: Options, progress: Progress | None = None) -> StoriesReport:
    """Let every article not yet in a story join one (incrementally, in publication order)."""
    state = store.get_state(CLUSTER_STATE)
    copts = cluster_options(options)
    kind = _clusterer_class(options)
    clusterer = kind.from_state(_decode_state(state), copts) if state else kind(copts)
    ids = store.unassigned_article_ids()
    assignments: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        batch = store.get_articles(ids[i:i + 500])
        if options.embeddings:  # one batched encoding per block instead of one call per article
            from .cluster_embed import embed_articles

            clusterer.vectors = {a.id: tuple(map(float, v)) for a, v in zip(batch, embed_articles(batch), strict=True)}
        # The batch's words are counted before any of its articles is decided (ClusterOptions.lookahead).
        assignments.update(zip((a.id for a in batch), clusterer.add_many(batch), strict=True))
        if progress:
            progress(min(500, len(ids) - i))
    if not assignments:
        return StoriesReport()
    merges = dict(clusterer.merges)
    touched = {clusterer.story_of(a) for a in assignments}
    metas: dict[str, StoryMeta] = {}
    syndication: dict[str, str] = {}
    members = clusterer.stories()
    for sid in touched:
        articles = store.get_articles(members.get(sid, []))
        groups = find_syndication(articles)
        syndication.update(groups)
        metas[sid] = story_meta(sid, articles, groups)
    final = {aid: clusterer.story_of(aid) for aid in assignments}
    store.save_assignments(final, metas, merges, syndication, (CLUSTER_STATE, _encode_state(clusterer.state_dict())))
    return StoriesReport(assigned=len(final), stories=len(touched), merges=len(merges), touched=sorted(touched))


def refresh_briefs(store: Store, story_ids: Iterable[str], words: int, progress: Progress | None = None) -> int:
    """Compute and store the briefs of these stories now, so that reading them later is instant.

    Called once per ingest run for the stories it changed, not per article.
    """
    done = 0
    for story_id in story_ids:
        if story_brief_json(store, story_id, words) is not None:
            done += 1
        if progress:
            progress(1)
    return done


def _encode_state(state: object) -> str:
    if isinstance(state, bytes):
        return "b64:" + base64.b64encode(state).decode("ascii")
    return json.dumps(state)


def _decode_state(text: str) -> object:
    if text.startswith("b64:"):
        return base64.b64decode(text[4:])
    return json.loads(text)


_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")


def story_title(articles: Iterable[Article]) -> str:
    """The title sharing most words with the others: the most representative headline."""
    titles = [a.title.strip() for a in articles if a.title.strip()]
    if not titles:
        return ""
    bags = [{w.lower() for w in _WORD.findall(t)} for t in titles]
    df = Counter(w for bag in bags for w in bag)
    def score(i: int) -> float:
        bag = bags[i]
        return sum(df[w] - 1 for w in bag) / (len(bag) ** 0.5 or 1)
    return titles[max(range(len(titles)), key=score)]


def story_meta(story_id: str, articles: list[Article], syndication: dict[str, str]) -> StoryMeta:
    """The figures stored beside a story: size, independent sources, outlets, date range, title."""
    dates = sorted(a.published for a in articles if a.published)
    return StoryMeta(
        id=story_id,
        title=story_title(articles),
        article_count=len(articles),
        independent_count=Story(story_id, articles, syndication=syndication).independent_count([a.id for a in articles]),
        outlets=sorted({a.outlet for a in articles if a.outlet}),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        outlet_count=len({a.outlet or f"?{a.id}" for a in articles}),
    )


def listed_stories(store: Store, options: Options, show_all: bool = False) -> list[StoryMeta]:
    """Stories passing the minimum-evidence rule (enough articles from enough outlets), newest first."""
    rule = {} if show_all else {"min_articles": options.min_articles, "min_outlets": options.min_outlets}
    out: list[StoryMeta] = []
    while True:
        total, page = store.query_stories(offset=len(out), limit=1000, **rule)
        out.extend(page)
        if not page or len(out) >= total:
            return out


def story_brief_json(store: Store, story_id: str, words: int) -> str | None:
    """A story's brief as JSON text, computed once per story version and length, then served from the store."""
    from .brief import build_brief
    from .story_entities import link_story_entities

    meta = store.get_story_meta(story_id)
    if meta is None:
        return None
    cached = store.get_cached_brief(meta.id, words, meta.updated_at)
    if cached is not None:
        return cached
    record = store.get_story(meta.id)
    brief = build_brief(load_story(store, record), words=words)
    links = link_story_entities(store, meta.id, brief["entities"])
    for entity in brief["entities"]:
        entity["entity_id"] = links.get(entity["id"], entity["id"])
    text = json.dumps(brief, ensure_ascii=False)
    store.put_cached_brief(meta.id, words, meta.updated_at, text)
    return text


def story_brief(store: Store, story_id: str, words: int) -> dict | None:
    text = story_brief_json(store, story_id, words)
    return None if text is None else json.loads(text)


def load_story(store: Store, record: StoryRecord) -> Story:
    articles = store.get_articles(record.article_ids)
    return Story(id=record.id, articles=articles, title=record.title, syndication=dict(record.syndication))


def adhoc_story(articles: list[Article]) -> Story:
    """Exactly these articles as one story (the `summarize` command): no clustering."""
    ids = sorted(a.id for a in articles)
    story = Story(id="adhoc-" + (ids[0] if ids else "empty"), articles=articles, title=story_title(articles))
    story.syndication = find_syndication(articles)
    return story
