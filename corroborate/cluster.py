"""Incremental story clustering: each arriving article joins a story or starts one, once and for all.

Per article: (1) a copy of an earlier article (syndication) joins that article's
story outright; (2) otherwise an inverted index over story key terms and entity
keys shortlists a few candidate stories, so the cost does not grow with the
number of stories; (3) a logistic decision over content cosine, shared names,
time gap and story size says join-or-new (an article below the join threshold
still joins a plausible candidate whose articles it matches on average cosine,
`link_merge`, when the story carries its salient names, `link_names`).  While the
stream is young its IDF is unreliable; `young_docs` (off by default) raises the
join threshold over the first ~100 articles.  When a story grows it is
compared to the arriving article's plausible candidates, and two stories that
turn out to be one (average-link cosine between their articles, with the same
name guard on the article that bridges them, or each joining the other as one
big article) are merged; the merge is recorded (`merges`: old id -> surviving id) and never
reshuffles single articles.  The average link is what batch agglomerative
clustering uses; checked only among shortlisted stories, it mends stories that
were split while the stream was young, at one sparse dot per candidate.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

from .cluster_story import (
    FEATURE_NAMES,
    ArticleEvidence,
    StoryState,
    average_link,
    date_ordinal,
    name_agreement,
    pair_features,
)
from .dedup import DedupOptions, SyndicationIndex
from .features import TermStats, heaviest, name_keys, sparse_dot, tfidf_vector, tokens, weighted_counts
from .model import Article

# Decision weights in FEATURE_NAMES order, fitted by `corroborate.cluster_train` on the three dev corpora
# (stories-dev: basil, ecbplus-dev, newswcl50) fed in ingest batches (lookahead 500), with the average link
# off; see docs/benchmarks.md (story clustering, session 6).
DEFAULT_WEIGHTS: tuple[float, ...] = (-5.3035, 3.2961, 2.8774, 0.9036, 6.4486, -1.0, 2.2435, 0.0, 3.5311, 0.0)


@dataclass
class ClusterOptions:
    """Thresholds and sizes of the clusterer; the defaults are the benchmarked ones."""

    top_terms: int = 60  # terms kept per article vector
    centroid_terms: int = 150  # terms kept per story centroid
    index_terms: int = 12  # centroid terms a story is posted under in the inverted index
    index_names: int = 6  # entity keys a story is posted under
    query_terms: int = 12  # article terms looked up
    posting_cap: int = 100  # most recently updated stories kept per index key
    candidates: int = 12  # stories scored per article
    name_cap: int = 40
    top_names: int = 3  # salient names per article for the top_names feature
    weights: tuple[float, ...] = DEFAULT_WEIGHTS
    join_threshold: float = 0.3  # join the best candidate when its probability reaches this
    time_penalty: float = 1.0  # prior weight of log(1 + days between article and story); chosen on dev F1
    merge_threshold: float = 0.85  # merge two stories when one, seen as an article, scores this vs the other
    # Average link: an article joins, and two stories merge, when the mean cosine between their articles
    # reaches this (0 = off).  It recovers locally, among the arriving article's candidates, what batch
    # average-link clustering finds globally: stories split while the stream was young.  Off by default:
    # the dev fit chose 0.25 for +0.005 held-out B3 on basil and ecbplus-dev, but being blind to names and
    # dates it cost precision where different incidents share wording (whole-pipeline ecbplus-dev run:
    # B3 precision 0.908 -> 0.852, F1 0.891 -> 0.882; synthetic stream at 50k: 0.790 -> 0.686).
    link_merge: float = 0.0
    # Name guard on the average link: an article joins, or bridges two stories into one, by average link only
    # when the story carries its most salient names (top_names): name_agreement >= link_names (0.33: one of
    # the three in at least half of the story's articles; 0 = no guard).  Two incidents told in the same words
    # differ in who and where.  Off by default, like the link itself: with the link on it lifts the
    # whole-pipeline ecbplus-dev precision 0.852 -> 0.866 (still below 0.909 with the link off), but costs
    # held-out ecbplus-dev B3 0.860 -> 0.856 in the LOCO fit (docs/benchmarks.md, session 4).
    link_names: float = 0.0
    # Young-stream caution: after n articles the join threshold is raised by (1 - join) * exp(-n / young_docs)
    # (20: gone, < 0.01, by 100 articles; 0 = off).  An IDF estimated from a handful of articles makes every
    # shared word look rare, so the first articles of a stream join on common words (newswcl50: the 2nd
    # article joined the 1st at p 0.59 on "Trump", "Russia", "campaign").  Off by default: with the HEAD LOCO
    # options it lifts held-out newswcl50 0.915 -> 0.984 at no cost elsewhere, but with the shipped options it
    # costs all three dev corpora (basil 0.963 -> 0.949, ecbplus-dev 0.842 -> 0.838, newswcl50 1.000 -> 0.932)
    # and it shifts what the LOCO fit picks (docs/benchmarks.md, session 4).
    young_docs: float = 0.0
    merge_floor: float = 0.1  # neighbours below this article-level probability are not link- or merge-checked
    # Articles that arrive together (one ingest batch, up to this many) have their words counted into the
    # document frequencies before any of them is decided (`add_many`).  A young stream's IDF, counted from a
    # handful of articles, makes every shared word look rare; the batch's own counts are evidence the
    # system already holds when it decides (the baselines fit their TF-IDF on the whole corpus).  1 = count
    # each article only as it is added, as a pure one-at-a-time stream must.
    lookahead: int = 500
    use_syndication: bool = True
    min_articles: int = 2  # minimum-evidence rule for `is_listed`
    min_outlets: int = 2
    compact_after: int = 20_000  # articles without an update after which a story's summary is shrunk
    compact_terms: int = 32
    compact_names: int = 12
    prune_df_every: int = 50_000  # drop df=1 terms every so many articles (memory bound)
    df_max_keys: int = 400_000  # a document-frequency table this big is shrunk to half (memory and speed bound)
    # Recency window of the term index: a story whose last article is `posting_days` days of stream time
    # behind the newest article, and which has not grown in `posting_min_idle` arrivals (so one wrongly
    # dated article cannot empty the index), leaves the term index.  It stays findable through its exact
    # full-name keys ("n:" keys) in a small archive index, `archive_names` keys per story, `archive_cap`
    # stories per key, `archive_candidates` of them scored per article.  This keeps the stories scored per
    # article, and so the cost of an add, flat however long the stream.
    posting_days: int = 30
    posting_min_idle: int = 5_000
    archive_names: int = 4
    archive_cap: int = 20
    archive_candidates: int = 3
    dedup: DedupOptions = field(default_factory=DedupOptions)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ClusterOptions:
        data = dict(data)
        data["weights"] = tuple(data.get("weights", DEFAULT_WEIGHTS))
        data["dedup"] = DedupOptions(**data.get("dedup", {}))
        return cls(**data)


def _pop_oldest(posting: dict[str, None]) -> str:
    """Remove and return the first-inserted key of an insertion-ordered dict."""
    oldest = next(iter(posting))
    del posting[oldest]
    return oldest


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


class StoryClusterer:
    """Streaming clusterer with stable story ids ("s" + first article id) and recorded merges."""

    def __init__(self, options: ClusterOptions | None = None) -> None:
        self.options = options or ClusterOptions()
        if len(self.options.weights) != len(FEATURE_NAMES):
            raise ValueError(f"weights must have {len(FEATURE_NAMES)} entries ({', '.join(FEATURE_NAMES)})")
        self._weights = list(self.options.weights)
        self._weights[FEATURE_NAMES.index("log_gap_days")] = -self.options.time_penalty
        self.merges: dict[str, str] = {}
        self._stories: dict[str, StoryState] = {}
        self._article_story: dict[str, str] = {}
        # Postings and archive entries are plain dicts of str -> None (insertion-ordered, oldest first): unlike
        # OrderedDicts they hold nothing the garbage collector must track, so a long stream's hundreds of
        # thousands of postings add nothing to each full collection.
        self._postings: dict[str, dict[str, None]] = {}
        self._terms = TermStats()
        self._names = TermStats()
        self._syndication = SyndicationIndex(self.options.dedup)
        self._seq = 0
        self._recent: OrderedDict[str, None] = OrderedDict()  # live stories by last update, oldest first
        self._posted: OrderedDict[str, None] = OrderedDict()  # stories in the term index, by last update
        self._archive: dict[str, dict[str, None]] = {}  # exact-name key -> retired stories
        self._archived: dict[str, tuple[str, ...]] = {}  # retired story id -> its archive keys
        self._clock: int | None = None  # newest publication day seen (stream time)
        # Articles counted ahead by `prime`, not yet added: their term counts and name keys.  Empty between
        # batches, so not part of the saved state.
        self._primed: dict[str, tuple[Counter[str], Counter[str]]] = {}
        # Work done so far, for benchmarks: index entries visited and stories scored (flat per article = the
        # cost of an add does not grow with the stream).  Not part of the saved state.
        self.work: dict[str, int] = {"postings_visited": 0, "stories_scored": 0}

    # ---- public API -------------------------------------------------------------------------------
    def add(self, article: Article) -> str:
        """Assign article to a story and return the story id; re-adding an article returns its story."""
        if article.id in self._article_story:
            return self.story_of(article.id)
        self._seq += 1
        ev, copy_of = self._evidence(article)
        if ev.day is not None and (self._clock is None or ev.day > self._clock):
            self._clock = ev.day
        target: StoryState | None = None
        if copy_of is not None and copy_of in self._article_story:
            target = self._stories[self.story_of(copy_of)]
        scored = [(s, self.probability(ev, s)) for s in self._shortlist(ev)]
        self.work["stories_scored"] += len(scored)
        if target is None:
            target = self._decide(scored, ev)
        # Only stories the article itself finds plausible are worth a story-to-story merge check.
        candidates = [s for s, p in scored if p >= self.options.merge_floor]
        if target is None:
            target = StoryState(id="s" + article.id, created=self._seq)
            self._stories[target.id] = target
        target.absorb(ev, article.id, self._seq, self.options.centroid_terms, self.options.name_cap, self._names)
        self._article_story[article.id] = target.id
        target = self._maybe_merge(target, candidates, ev.top_names)
        self._reindex(target)
        self._recent.pop(target.id, None)
        self._recent[target.id] = None
        self._compact_stale()
        self._retire_idle()
        opts = self.options
        if opts.prune_df_every and self._seq % opts.prune_df_every == 0:
            self._terms.prune()
            self._names.prune()
        for stats in (self._terms, self._names):
            if len(stats.df) > opts.df_max_keys:
                stats.shrink(opts.df_max_keys)
        return target.id

    def add_many(self, articles: Sequence[Article]) -> list[str]:
        """Assign articles that arrive together, in the given order (publication order for a stream),
        counting each chunk of `lookahead` articles into the document frequencies before deciding any of
        them; returns their story ids.  Decisions are still made one article at a time, once and for all."""
        return [self.add(article) for chunk in self.counted_ahead(articles) for article in chunk]

    def counted_ahead(self, articles: Sequence[Article]) -> Iterator[Sequence[Article]]:
        """The articles in chunks of `lookahead`, each chunk counted into the document frequencies
        (`prime`) just before it is handed out: the one place the lookahead rule lives."""
        step = max(1, self.options.lookahead)
        for start in range(0, len(articles), step):
            chunk = articles[start:start + step]
            if step > 1:
                self.prime(chunk)
            yield chunk

    def prime(self, articles: Iterable[Article]) -> None:
        """Count the words and names of articles about to be added (their `add` will not count them
        again); articles already assigned or already primed are skipped."""
        for article in articles:
            if article.id in self._article_story or article.id in self._primed:
                continue
            self._primed[article.id] = self._observe(article)

    def _observe(self, article: Article) -> tuple[Counter[str], Counter[str]]:
        """The article's weighted term counts and name keys, counted into the document frequencies."""
        counts = weighted_counts(article)
        self._terms.observe(set(counts))
        keys = name_keys(article, self.options.name_cap)
        self._names.observe(set(keys))
        return counts, keys

    def story_of(self, article_id: str) -> str:
        """Current story id of an article, following recorded merges."""
        sid = self._article_story[article_id]
        return self.resolve(sid)

    def resolve(self, story_id: str) -> str:
        """Follow the merge chain from a (possibly retired) story id to the live one."""
        while story_id in self.merges:
            story_id = self.merges[story_id]
        return story_id

    def stories(self) -> dict[str, list[str]]:
        """Live story id -> its article ids, in arrival order within each story."""
        return {sid: list(s.articles) for sid, s in self._stories.items()}

    def is_listed(self, story_id: str) -> bool:
        """The minimum-evidence rule: enough articles from enough distinct outlets (copies count once)."""
        story = self._stories[self.resolve(story_id)]
        return len(story.articles) >= self.options.min_articles and self.outlet_count(story.id) >= self.options.min_outlets

    def outlet_count(self, story_id: str) -> int:
        """Distinct outlets; an article with no known outlet counts as its own source unless it is a copy."""
        story = self._stories[self.resolve(story_id)]
        return len(story.outlets)

    def independent_sources(self, story_id: str) -> int:
        """Independent texts in the story: all copies of one syndicated text count once."""
        return len(self._stories[self.resolve(story_id)].groups)

    def syndication(self, story_id: str) -> dict[str, str]:
        """article id -> syndication group id for the story's articles that are copies or have copies."""
        group = self._syndication.group
        return {a: group[a] for a in self._stories[self.resolve(story_id)].articles if a in group}

    # ---- evidence and decision ----------------------------------------------------------------------
    def _evidence(self, article: Article) -> tuple[ArticleEvidence, str | None]:
        opts = self.options
        counts, keys = self._primed.pop(article.id, None) or self._observe(article)
        copy_of = self._syndication.add(article) if opts.use_syndication else None
        group = self._syndication.group_of(article.id)
        title_counts = {t: 1.0 for t in tokens(article.title)}
        outlet = article.outlet or ("?" + group)
        return ArticleEvidence(
            vector=tfidf_vector(counts, self._terms, opts.top_terms),
            title_vector=tfidf_vector(title_counts, self._terms, opts.top_terms) if title_counts else {},
            names=(idfs := self._names.idf_map(keys)),
            top_names=tuple(k for k, _ in sorted(((k, c * idfs[k]) for k, c in keys.items()),
                                                 key=lambda kv: (-kv[1], kv[0]))[:opts.top_names]),
            day=date_ordinal(article.published),
            outlet=outlet,
            group=group,
        ), copy_of

    def _shortlist(self, ev: ArticleEvidence) -> list[StoryState]:
        opts = self.options
        scores: dict[str, float] = {}
        query = sorted(ev.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:opts.query_terms]
        name_query = sorted(ev.names.items(), key=lambda kv: (-kv[1], kv[0]))[:opts.index_names * 2]
        for key, w in [*query, *((k, 0.05 * w) for k, w in name_query)]:
            posting = self._postings.get(key)
            if not posting:
                continue
            self.work["postings_visited"] += len(posting)
            for sid in posting:
                scores[sid] = scores.get(sid, 0.0) + w
        best = heaviest(scores, opts.candidates)
        shortlist = [self._stories[sid] for sid, _ in best if sid in self._stories]
        return shortlist + self._archive_shortlist(ev)

    def _archive_shortlist(self, ev: ArticleEvidence) -> list[StoryState]:
        """Retired stories that share an exact full name with the article: the slow path to old stories."""
        if not self._archive or not self.options.archive_candidates:
            return []
        scores: dict[str, float] = {}
        for key, w in ev.names.items():
            posting = self._archive.get(key) if key.startswith("n:") else None
            if posting:
                for sid in posting:
                    scores[sid] = scores.get(sid, 0.0) + w
        best = heaviest(scores, self.options.archive_candidates)
        return [self._stories[sid] for sid, _ in best]

    def probability(self, ev: ArticleEvidence, story: StoryState) -> float:
        """Probability that the article (or story seen as an article) belongs to story."""
        feats = pair_features(ev, story, self._names)
        return _sigmoid(sum(w * f for w, f in zip(self._weights, feats, strict=True)))

    def _decide(self, scored: list[tuple[StoryState, float]], ev: ArticleEvidence | None = None) -> StoryState | None:
        """The most probable candidate at or above the join threshold; failing that, the most probable
        plausible candidate whose articles the article is close to on average (link_merge)."""
        opts = self.options
        best, best_p = None, self._join_threshold()
        for story, p in scored:
            if p >= best_p and (best is None or p > best_p or story.id < best.id):
                best, best_p = story, p
        if best is not None or ev is None or not opts.link_merge:
            return best
        best_p = opts.merge_floor
        for story, p in scored:
            if p >= best_p and (best is None or p > best_p or story.id < best.id) \
                    and sparse_dot(ev.vector, story.centroid) / (ev.norm * len(story.articles)) >= opts.link_merge \
                    and self._names_agree(ev.top_names, story):
                best, best_p = story, p
        return best

    def _join_threshold(self) -> float:
        """The join threshold, raised while the stream is young (young_docs): see ClusterOptions."""
        opts = self.options
        if not opts.young_docs:
            return opts.join_threshold
        return opts.join_threshold + (1.0 - opts.join_threshold) * math.exp(-self._terms.docs / opts.young_docs)

    def _names_agree(self, names: tuple[str, ...], story: StoryState) -> bool:
        """The name guard of the average link (link_names): the story carries these salient names."""
        return not self.options.link_names or name_agreement(names, story) >= self.options.link_names

    def _same_story(self, story: StoryState, other: StoryState, story_ev: ArticleEvidence | None,
                    bridge: tuple[str, ...] = ()) -> bool:
        """Two stories are one: their articles are close on average (link_merge) and the article that
        bridges them (bridge: its salient names) names the actors of both, or each, seen as one big article
        (story_ev for story), would join the other with merge_threshold."""
        opts = self.options
        if opts.link_merge and average_link(story, other) >= opts.link_merge \
                and self._names_agree(bridge, story) and self._names_agree(bridge, other):
            return True
        if story_ev is None or len(other.articles) < 2:
            return False
        return min(self.probability(story_ev, other),
                   self.probability(other.as_evidence(self._names), story)) >= opts.merge_threshold

    def _maybe_merge(self, story: StoryState, candidates: list[StoryState],
                     bridge: tuple[str, ...] = ()) -> StoryState:
        """Merge the grown story with a neighbour that is the same story; the older id survives.
        bridge: the salient names of the article that just grew it."""
        ev = story.as_evidence(self._names) if len(story.articles) >= 2 else None
        for other in candidates:
            if other.id == story.id or other.id not in self._stories or not self._same_story(story, other, ev, bridge):
                continue
            keep, gone = (story, other) if story.created < other.created else (other, story)
            keep.absorb_story(gone, self._seq, self.options.centroid_terms, self.options.name_cap, self._names)
            self.merges[gone.id] = keep.id
            del self._stories[gone.id]
            self._unindex(gone)
            self._unarchive(gone.id)
            self._posted.pop(gone.id, None)
            story = keep
            ev = story.as_evidence(self._names)
        return story

    def _compact_stale(self) -> None:
        """Shrink stories not updated in `compact_after` articles; oldest first, each once per idle spell."""
        opts = self.options
        horizon = self._seq - opts.compact_after
        while self._recent:
            sid = next(iter(self._recent))
            story = self._stories.get(sid)
            if story is not None and story.updated >= horizon:
                break
            self._recent.popitem(last=False)
            if story is not None:
                story.compact(opts.compact_terms, opts.compact_names)

    def _retire_idle(self) -> None:
        """Move stories idle beyond the recency window from the term index to the exact-name archive."""
        opts = self.options
        while self._posted:
            sid = next(iter(self._posted))
            story = self._stories[sid]
            if story.updated > self._seq - opts.posting_min_idle:
                break
            if story.last_day is not None and self._clock is not None \
                    and story.last_day >= self._clock - opts.posting_days:
                break
            self._posted.popitem(last=False)
            self._unindex(story)
            story.index_terms = []
            self._archive_story(story)

    def _archive_story(self, story: StoryState) -> None:
        opts = self.options
        full_names = [(k, c * self._names.idf(k)) for k, c in story.names.items() if k.startswith("n:")]
        keys = [k for k, _ in sorted(full_names, key=lambda kv: (-kv[1], kv[0]))[:opts.archive_names]]
        if not keys:
            return
        self._archived[story.id] = tuple(keys)
        for key in keys:
            posting = self._archive.setdefault(key, {})
            posting[story.id] = None
            if len(posting) > opts.archive_cap:
                dropped = _pop_oldest(posting)
                self._forget_archive_key(dropped, key)

    def _forget_archive_key(self, sid: str, key: str) -> None:
        keys = self._archived.get(sid)
        if keys is not None and key in keys:
            rest = tuple(k for k in keys if k != key)
            if rest:
                self._archived[sid] = rest
            else:
                del self._archived[sid]

    def _unarchive(self, sid: str) -> None:
        for key in self._archived.pop(sid, ()):
            posting = self._archive.get(key)
            if posting is not None:
                posting.pop(sid, None)
                if not posting:
                    del self._archive[key]

    # ---- inverted index -------------------------------------------------------------------------------
    def _index_keys(self, story: StoryState) -> list[str]:
        opts = self.options
        terms = heaviest(story.centroid, opts.index_terms)
        idfs = self._names.idf_map(story.names)
        names = heaviest({k: c * idfs[k] for k, c in story.names.items()}, opts.index_names)
        return [t for t, _ in terms] + [k for k, _ in names]

    def _unindex(self, story: StoryState) -> None:
        for key in story.index_terms:
            posting = self._postings.get(key)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del self._postings[key]

    def _reindex(self, story: StoryState) -> None:
        """Post the story under its current keys as the most recently updated entry."""
        self._unindex(story)
        self._unarchive(story.id)
        story.index_terms = self._index_keys(story)
        self._post(story)
        self._posted.pop(story.id, None)
        self._posted[story.id] = None

    def _post(self, story: StoryState) -> None:
        cap = self.options.posting_cap
        for key in story.index_terms:
            posting = self._postings.setdefault(key, {})
            posting[story.id] = None
            if len(posting) > cap:
                _pop_oldest(posting)

    # ---- persistence -----------------------------------------------------------------------------------
    def state_dict(self) -> dict:
        """JSON-serialisable state (format "corroborate-cluster/1"): options, term and name document
        frequencies, per story its capped summary (StoryState.to_json row), merges, the inverted index
        (key -> story ids, least recently updated first), the stories in it by last update ("posted"), the
        exact-name archive of retired stories, the stream clock and the copy index (SyndicationIndex.state_dict)."""
        return {
            "format": "corroborate-cluster/1",
            "options": self.options.to_dict(),
            "seq": self._seq,
            "terms": self._terms.state_dict(),
            "names": self._names.state_dict(),
            "stories": [s.to_json() for s in sorted(self._stories.values(), key=lambda s: s.updated)],
            "merges": dict(self.merges),
            "postings": {k: list(p) for k, p in self._postings.items()},
            "posted": list(self._posted),
            "archive": {k: list(p) for k, p in self._archive.items()},
            "clock": self._clock,
            "syndication": self._syndication.state_dict(),
        }

    @classmethod
    def from_state(cls, state: dict, options: ClusterOptions | None = None) -> StoryClusterer:
        """Rebuild a clusterer that continues exactly where the saved one stopped."""
        if state.get("format") != "corroborate-cluster/1":
            raise ValueError(f"unknown clusterer state format {state.get('format')!r}")
        opts = options or ClusterOptions.from_dict(state["options"])
        clusterer = cls(opts)
        clusterer._seq = int(state["seq"])
        clusterer._terms = TermStats.from_state(state["terms"])
        clusterer._names = TermStats.from_state(state["names"])
        clusterer.merges = dict(state["merges"])
        clusterer._syndication = SyndicationIndex.from_state(state["syndication"], opts.dedup)
        for row in state["stories"]:
            story = StoryState.from_json(row)
            clusterer._stories[story.id] = story
            for aid in story.articles:
                clusterer._article_story[aid] = story.id
        clusterer._postings = {k: dict.fromkeys(sids) for k, sids in state["postings"].items()}
        clusterer._archive = {k: dict.fromkeys(sids) for k, sids in state.get("archive", {}).items()}
        archived: dict[str, list[str]] = {}
        for key, sids in clusterer._archive.items():
            for sid in sids:
                archived.setdefault(sid, []).append(key)
        clusterer._archived = {sid: tuple(keys) for sid, keys in archived.items()}
        clusterer._clock = state.get("clock")
        if "posted" in state:
            clusterer._posted = OrderedDict.fromkeys(state["posted"])
        else:  # a state saved before the recency window: every story is in the term index
            clusterer._posted = OrderedDict.fromkeys(s.id for s in sorted(clusterer._stories.values(),
                                                                         key=lambda s: s.updated))
        horizon = clusterer._seq - opts.compact_after
        recent = sorted((s for s in clusterer._stories.values() if s.updated >= horizon), key=lambda s: s.updated)
        clusterer._recent = OrderedDict.fromkeys(s.id for s in recent)
        return clusterer
