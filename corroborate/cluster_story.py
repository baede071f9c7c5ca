"""Per-story summary kept by the clusterer, and the article-versus-story evidence it is judged on.

A story keeps a capped centroid, its entity keys, time range and sources, never
its articles' vectors: that keeps the state small at a million articles and
makes it cheap to persist.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from .features import TermStats, sparse_dot

# Names of the pair features, in the order `pair_features` returns them (the decision weights follow it).
FEATURE_NAMES = (
    "bias", "cosine", "name_cover_article", "name_cover_story", "avg_link",
    "log_gap_days", "top_names", "log_size", "title_cosine", "embed_cosine",
)


def date_ordinal(published: str | None) -> int | None:
    """Day number of a "YYYY-MM-DD" (or "YYYY-MM", "YYYY") date; None when absent or unreadable."""
    if not published:
        return None
    parts = published[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 7
        day = int(parts[2]) if len(parts) > 2 else 15
        return date(year, month, day).toordinal()
    except (ValueError, IndexError):
        return None


@dataclass(slots=True)
class ArticleEvidence:
    """What the clusterer extracts from one article, once."""

    vector: dict[str, float]
    title_vector: dict[str, float]
    names: dict[str, float]  # name key -> idf weight
    day: int | None
    outlet: str
    group: str  # syndication group id
    top_names: tuple[str, ...] = ()  # the article's most salient names (count x idf), the event's actors
    norm: float = 1.0  # L2 norm of vector (1 for an article; a story seen as an article has its own)
    embedding: tuple[float, ...] | None = None  # optional MiniLM title+lead vector, unit length (cluster_embed)


@dataclass(slots=True)
class StoryState:
    """The running summary of one story (slotted: no per-instance dict, at hundreds of thousands of stories)."""

    id: str
    created: int  # sequence number of the article that started it
    articles: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of article vectors, capped
    title_centroid: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)  # name key -> count of articles naming it
    first_day: int | None = None
    last_day: int | None = None
    outlets: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # syndication groups among its articles
    updated: int = 0  # sequence number of the last change
    index_terms: list[str] = field(default_factory=list)  # keys under which the story is posted
    norm: float = 0.0
    title_norm: float = 0.0
    name_total: float = 0.0  # sum over names of idf x share of articles naming it (idf as of last update)
    embedding: list[float] | None = None  # sum of its articles' MiniLM vectors, when the extra is in use

    def absorb(self, ev: ArticleEvidence, article_id: str, seq: int, centroid_cap: int, name_cap: int,
               name_stats: TermStats) -> None:
        """Add one article's evidence."""
        self.articles.append(article_id)
        _add_into(self.centroid, ev.vector, centroid_cap)
        _add_into(self.title_centroid, ev.title_vector, centroid_cap // 4)
        for k in ev.names:
            self.names[k] = self.names.get(k, 0.0) + 1.0
        _cap(self.names, name_cap)
        self.embedding = _add_vectors(self.embedding, ev.embedding)
        if ev.day is not None:
            self.first_day = ev.day if self.first_day is None else min(self.first_day, ev.day)
            self.last_day = ev.day if self.last_day is None else max(self.last_day, ev.day)
        if ev.outlet not in self.outlets:
            self.outlets.append(ev.outlet)
        if ev.group not in self.groups:
            self.groups.append(ev.group)
        self.updated = seq
        self.refresh_norms(name_stats)

    def absorb_story(self, other: StoryState, seq: int, centroid_cap: int, name_cap: int,
                     name_stats: TermStats) -> None:
        """Merge another story into this one."""
        self.articles.extend(other.articles)
        _add_into(self.centroid, other.centroid, centroid_cap)
        _add_into(self.title_centroid, other.title_centroid, centroid_cap // 4)
        _add_into(self.names, other.names, name_cap)
        self.embedding = _add_vectors(self.embedding, other.embedding)
        for d in (other.first_day, other.last_day):
            if d is not None:
                self.first_day = d if self.first_day is None else min(self.first_day, d)
                self.last_day = d if self.last_day is None else max(self.last_day, d)
        self.outlets.extend(o for o in other.outlets if o not in self.outlets)
        self.groups.extend(g for g in other.groups if g not in self.groups)
        self.updated = seq
        self.refresh_norms(name_stats)

    def compact(self, terms: int, names: int) -> None:
        """Shrink a story nobody has added to for a while to its core terms and names (memory bound).

        It stays findable and can still grow; only the long tail of its centroid is dropped.
        """
        for weights, cap in ((self.centroid, terms), (self.title_centroid, max(4, terms // 4)), (self.names, names)):
            if len(weights) > cap:
                keep = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]
                weights.clear()
                weights.update(keep)
        self.refresh_norms()

    def refresh_norms(self, name_stats: TermStats | None = None) -> None:
        self.norm = math.sqrt(sum(w * w for w in self.centroid.values())) or 1.0
        self.title_norm = math.sqrt(sum(w * w for w in self.title_centroid.values())) or 1.0
        if name_stats is not None:
            n = len(self.articles) or 1
            idfs = name_stats.idf_map(self.names)
            self.name_total = sum(idfs[k] * c / n for k, c in self.names.items())

    def as_evidence(self, name_stats: TermStats) -> ArticleEvidence:
        """The story seen as one big article, to compare two stories for a merge."""
        n = len(self.articles) or 1
        # vector = mean of the article vectors, so that pair_features' avg_link is the average-link
        # similarity between the two stories' articles (as the agglomerative baseline measures it).
        return ArticleEvidence(
            vector={t: w / n for t, w in self.centroid.items()},
            norm=self.norm / n,
            title_vector={t: w / self.title_norm for t, w in self.title_centroid.items()},
            names={k: name_stats.idf(k) for k, c in self.names.items() if c * 2 >= len(self.articles) or c >= 2},
            day=self.last_day, outlet="", group="",
            embedding=_unit(self.embedding) if self.embedding is not None else None,
        )

    def to_json(self) -> list:
        return [self.id, self.created, self.articles, self.centroid, self.title_centroid, self.names,
                self.first_day, self.last_day, self.outlets, self.groups, self.updated, self.index_terms,
                self.name_total, self.embedding]

    @classmethod
    def from_json(cls, row: list) -> StoryState:
        s = cls(id=row[0], created=row[1], articles=list(row[2]), centroid=dict(row[3]),
                title_centroid=dict(row[4]), names=dict(row[5]), first_day=row[6], last_day=row[7],
                outlets=list(row[8]), groups=list(row[9]), updated=row[10], index_terms=list(row[11]),
                name_total=row[12] if len(row) > 12 else 0.0,
                embedding=list(row[13]) if len(row) > 13 and row[13] is not None else None)
        s.refresh_norms()
        return s


def _add_vectors(total: list[float] | None, vector: list[float] | tuple[float, ...] | None) -> list[float] | None:
    if vector is None:
        return total
    if total is None:
        return list(vector)
    return [a + b for a, b in zip(total, vector, strict=True)]


def _unit(vector: list[float]) -> tuple[float, ...]:
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return tuple(v / norm for v in vector)


def _add_into(target: dict[str, float], source: dict[str, float], cap: int) -> None:
    for t, w in source.items():
        target[t] = target.get(t, 0.0) + w
    _cap(target, cap)


def _cap(weights: dict[str, float], cap: int) -> None:
    """Keep the `cap` heaviest keys once the dict grows to twice that (amortised, deterministic)."""
    if len(weights) > 2 * cap:
        keep = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]
        weights.clear()
        weights.update(keep)


def average_link(a: StoryState, b: StoryState) -> float:
    """Mean cosine over all pairs of articles, one from each story (the agglomerative baseline's link).

    Centroids are sums of unit article vectors, so one sparse dot of the two centroids gives the sum of all
    pairwise cosines.  Capping drops terms and every weight is positive, so a capped centroid can only
    underestimate it: the merge errs towards keeping stories apart.
    """
    return sparse_dot(a.centroid, b.centroid) / ((len(a.articles) or 1) * (len(b.articles) or 1))


def pair_features(ev: ArticleEvidence, story: StoryState, name_stats: TermStats) -> list[float]:
    """Evidence that an article belongs to a story: content, shared names, time gap, story size, and
    (only with the optional embeddings extra; 0 otherwise) MiniLM similarity to the story's mean vector."""
    dot = sparse_dot(ev.vector, story.centroid)
    cosine = dot / (story.norm * ev.norm)
    title_cos = sparse_dot(ev.title_vector, story.title_centroid) / story.title_norm if ev.title_vector else 0.0
    n = len(story.articles)
    art_total = sum(ev.names.values())
    shared = 0.0
    names = story.names
    for k, w in ev.names.items():
        c = names.get(k)
        if c:
            shared += w * c / n  # weighted by how many of the story's articles carry this name
    story_total = story.name_total
    cover_article = shared / art_total if art_total else 0.0
    cover_story = min(1.0, shared / story_total) if story_total else 0.0
    top = sum(min(1.0, 2.0 * names.get(k, 0.0) / n) for k in ev.top_names) / len(ev.top_names) if ev.top_names else 0.0
    if ev.day is None or story.first_day is None:
        gap = 0.0
    else:
        gap = max(0, story.first_day - ev.day, ev.day - story.last_day)
    embed_cos = 0.0
    if ev.embedding is not None and story.embedding is not None:
        embed_cos = sum(a * b for a, b in zip(ev.embedding, story.embedding, strict=True)) \
            / (math.sqrt(sum(b * b for b in story.embedding)) or 1.0)
    return [1.0, cosine, cover_article, cover_story, dot / n,
            math.log1p(gap), top, math.log1p(n), title_cos, embed_cos]


def name_agreement(keys: tuple[str, ...], story: StoryState) -> float:
    """How far the story carries the given salient names: mean over keys of min(1, 2 x share of its articles
    naming it), so 1 = each in at least half of them.  No names: no agreement.

    Two incidents told in the same words (two shootings, two quakes) differ in who and where: this is what
    keeps a wording-only link from merging them.
    """
    if not keys:
        return 0.0
    n = len(story.articles) or 1
    names = story.names
    return sum(min(1.0, 2.0 * names.get(k, 0.0) / n) for k in keys) / len(keys)
