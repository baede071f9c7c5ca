"""The brief's timeline: dated events merged across sources, in date order.

A dated event is a sentence that carries a resolved calendar date (day, month or
year precision) from the temporal tagger.  The same event told by several
outlets ("On Monday the two leaders agreed...") lands on the same date, so
sentences of one date that tell one event merge and list all their sources:
those `align_facts` put in one fact, and those alike by in-story IDF cosine with
name variants counted as one entity (timeline_similarity; threshold measured on
ECB+ event coreference by bench/timeline_merge.py).

For long collections (Timeline17-style) `timeline_from_articles` follows the
DATEWISE idea (Ghalandari & Ifrim 2020): a date matters when many articles
refer to it, and its summary is the candidate sentence nearest the centroid of
the sentences that mention it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from .entities import resolve_entities
from .features import sparse_dot
from .model import Article, Story
from .split import split_sentences
from .summarize_candidates import is_fragment
from .timeline_similarity import (
    CALENDAR_WORDS,
    STOPWORDS,
    WORD,
    StoryIdf,
    entity_map,
    event_similarity,
    sentence_tokens,
    unit,
)
from .timex import find_timexes

_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# A sentence joins an event of its date when its mean in-story IDF cosine (timeline_similarity) with the
# event's sentences (LINKAGE) reaches MERGE_SIMILARITY: the best-F1 grouping on ECB+ Train, main-event
# labels (bench/timeline_merge.py; see docs/benchmarks.md for how little it differs from the old plain 0.3).
MERGE_SIMILARITY = 0.15
LINKAGE = "average"
MAX_EVENTS_COMPARED = 200  # events of one date a new sentence is compared with (the best-attested ones)
MAX_SENTENCES_COMPARED = 8  # sentences of one event it is compared with (the earliest)
MIN_EVENT_WORDS = 3  # content words (dates aside) a sentence needs to describe an event
MAX_TEXT_CHARS = 320


@dataclass
class _Event:
    date: str
    text: str
    vectors: list[dict[str, float]]
    sources: list[str] = field(default_factory=list)


def content_tokens(text: str) -> Counter:
    """Lower-cased content words of text (stopwords out): what event merging and summaries compare."""
    return Counter(w for w in WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1)


def event_tokens(text: str) -> Counter:
    """Content words without numbers and calendar words: two sentences about one date share those anyway."""
    return Counter({w: c for w, c in content_tokens(text).items() if not w.isdigit() and w not in CALENDAR_WORDS})


def cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return sum(v * b.get(k, 0) for k, v in a.items()) / norm if norm else 0.0


def trim_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """The sentence on one line, cut at a word boundary when longer than limit."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def ensure_processed(article: Article) -> Article:
    """Sentences and timexes for an article that has not been through those stages yet."""
    if not article.sentences and article.body:
        article.sentences = split_sentences(article.body)
    if "timex" not in article.stages and not article.timexes and article.body:
        article.timexes = find_timexes(article.body, article.published)
    return article


def dated_sentences(article: Article) -> list[tuple[str, int]]:
    """(date value, sentence index) for every sentence with a calendar date.  A sentence is dated by its
    most precise dates only: "signed on Monday the deal ending a mission begun in 2003" is Monday's
    event, and "this year" beside "July 26, 2021" adds nothing."""
    ensure_processed(article)
    if not article.sentences:
        return []
    starts = [s.start for s in article.sentences]
    per_sentence: dict[int, set[str]] = defaultdict(set)
    for tx in article.timexes:
        if tx.type not in ("DATE", "TIME"):
            continue
        value = tx.value.split("T")[0]
        if not _CALENDAR_VALUE.match(value):
            continue
        idx = tx.sentence if tx.sentence >= 0 else bisect.bisect_right(starts, tx.start) - 1
        if 0 <= idx < len(article.sentences):
            per_sentence[idx].add(value)
    out = []
    for idx in sorted(per_sentence):
        values = per_sentence[idx]
        finest = max(len(v) for v in values)
        out.extend((v, idx) for v in sorted(values) if len(v) == finest)
    return out


def build_timeline(story: Story, max_items: int | None = None, entities: list[dict] | None = None,
                   fact_of: dict[tuple[str, int], str] | None = None) -> list[dict]:
    """The brief's `timeline`: [{date, text, sources}] ordered by date, one entry per distinct event.

    Sentences of one date merge when `align_facts` put them in one fact (fact_of: (article id, sentence
    index) -> fact id) or when their in-story IDF cosine, name variants counted as one entity
    (timeline_similarity), reaches MERGE_SIMILARITY.  entities are `resolve_entities(story.articles)`
    records (resolved here when not given).  An entry's text is its earliest source's sentence.
    With max_items, only the events told by the most sources (then the most precisely dated) are kept."""
    if entities is None:
        entities = resolve_entities(story.articles)
    entity_of = entity_map(entities)
    fact_of = fact_of or {}
    ordered = sorted(story.articles, key=lambda a: (a.published or "9999", a.id))
    dated = [(a, value, idx) for a in ordered for value, idx in dated_sentences(a)]
    idf = StoryIdf.of_articles(story.articles, entity_of) if dated else None
    by_date: dict[str, list[_Event]] = defaultdict(list)
    by_fact: dict[tuple[str, str], _Event] = {}  # (date, fact id) -> the event holding that fact
    for article, value, idx in dated:
        text = article.sentences[idx].text
        if sum(event_tokens(text).values()) < MIN_EVENT_WORDS or is_fragment(text):
            continue  # a dateline or byline ("Published 26 July 2021 Opinion") or half a quotation
        vector = unit(idf.weigh(sentence_tokens(article, idx, entity_of)))
        fact = fact_of.get((article.id, idx))
        event = by_fact.get((value, fact)) if fact else None
        event = event or _most_similar_event(by_date[value], vector)
        if event is None:
            event = _Event(date=value, text=trim_text(text), vectors=[vector], sources=[article.id])
            by_date[value].append(event)
        elif article.id not in event.sources:
            event.sources.append(article.id)
        if fact:
            by_fact.setdefault((value, fact), event)
        if event.vectors[-1] is not vector and len(event.vectors) < MAX_SENTENCES_COMPARED:
            event.vectors.append(vector)
    events = [e for value in sorted(by_date) for e in sorted(by_date[value], key=lambda e: -len(e.sources))]
    if max_items is not None and len(events) > max_items:
        keep = sorted(range(len(events)), key=lambda i: (-len(events[i].sources), -len(events[i].date), i))
        events = [events[i] for i in sorted(keep[:max_items])]
    return [{"date": e.date, "text": e.text, "sources": e.sources} for e in events]


def _most_similar_event(events: list[_Event], vector: dict[str, float]) -> _Event | None:
    """The event of this date most similar to the sentence (LINKAGE over its sentences), if at or above
    MERGE_SIMILARITY.  Average link, not single: one loose pair must not chain two events into one.  Only
    MAX_EVENTS_COMPARED events (the earliest half, which gather most sources, and the latest half) and
    their first MAX_SENTENCES_COMPARED sentences are compared, so a crowded date stays linear."""
    half = MAX_EVENTS_COMPARED // 2
    candidates = events if len(events) <= MAX_EVENTS_COMPARED else events[:half] + events[-half:]
    best, best_score = None, MERGE_SIMILARITY
    for event in candidates:
        score = event_similarity([sparse_dot(v, vector) for v in event.vectors], LINKAGE)
        if score >= best_score:
            best, best_score = event, score
    return best


def timeline_from_articles(
    articles: list[Article],
    max_items: int,
    summary_sentences: int = 1,
    window: tuple[str, str] | None = None,
) -> list[dict]:
    """A long timeline for a whole collection: the max_items most referred-to days, each with a summary.

    Date importance = how many distinct articles mention the day (DATEWISE's reference count), plus a
    smaller weight for articles published on it; only days inside window (inclusive ISO days; default:
    any) count.  A day's summary comes from two pools, as in DATEWISE's PM-Mean
    collector: sentences that mention the day, and the lead sentences of articles published that day or
    the next; the sentences nearest the centroid of the words both pools share are picked.
    """
    mentions: dict[str, list[tuple[str, int]]] = defaultdict(list)
    leads: dict[str, list[tuple[str, int]]] = defaultdict(list)
    published: Counter = Counter()
    by_id = {a.id: a for a in articles}
    for article in articles:
        ensure_processed(article)
        dated = dated_sentences(article)
        for value, idx in dated:
            if len(value) == 10:
                mentions[value].append((article.id, idx))
        pub = parse_day(article.published or "")
        if pub is None:
            continue
        published[pub.isoformat()] += 1
        dated_idx = {idx for _, idx in dated}
        for idx in range(min(LEAD_SENTENCES, len(article.sentences))):
            if idx not in dated_idx:
                for back in (0, 1):
                    leads[(pub - timedelta(days=back)).isoformat()].append((article.id, idx))
    lo, hi = window or ("0000", "9999")
    days = set(mentions) | set(published)
    scores = {d: len({aid for aid, _ in mentions.get(d, [])}) + PUBLISHED_WEIGHT * published[d]
              for d in days if lo <= d <= hi}
    chosen = sorted(scores, key=lambda d: (-scores[d], d))[:max_items]
    document_freq = _document_frequencies(articles)
    topic_words = _topic_words(document_freq, len(articles))
    entries = []
    for day in sorted(chosen):
        pools = [mentions.get(day, []), leads.get(day, [])]
        candidates = pools[0] + pools[1]
        if not candidates:
            continue
        texts = [by_id[aid].sentences[idx].text for aid, idx in candidates]
        vectors = [_tfidf(t, document_freq, len(articles)) for t in texts]
        centroid = _pooled_centroid(vectors[:len(pools[0])], vectors[len(pools[0]):])
        picked = _nearest(vectors, texts, centroid, summary_sentences, topic_words)
        sources = sorted({candidates[i][0] for i in picked} | {aid for aid, _ in pools[0]})
        entries.append({"date": day, "text": " ".join(trim_text(texts[i], 600) for i in picked), "sources": sources})
    return entries


LEAD_SENTENCES = 5  # lead sentences of an article that may summarise its publication day (DATEWISE: 5)
TOPIC_SHARE = 0.3  # share of the articles a word must appear in to count as a topic word
PUBLISHED_WEIGHT = 0.5


def _document_frequencies(articles: list[Article]) -> Counter:
    df: Counter = Counter()
    for article in articles:
        df.update(set(content_tokens(article.body)))
    return df


def _tfidf(text: str, df: Counter, n_docs: int) -> Counter:
    return Counter({w: c * math.log((n_docs + 1) / (df.get(w, 0) + 1)) for w, c in content_tokens(text).items()})


def _mean(vectors: list[Counter]) -> Counter:
    total: Counter = Counter()
    for v in vectors:
        total.update(v)
    return Counter({w: x / len(vectors) for w, x in total.items()}) if vectors else total


def _pooled_centroid(mention_vectors: list[Counter], lead_vectors: list[Counter]) -> Counter:
    """Mean of the two pools' means, kept to the words both pools use when both have sentences."""
    a, b = _mean(mention_vectors), _mean(lead_vectors)
    if a and b:
        return Counter({w: a[w] + b[w] for w in a if w in b}) or a + b
    return a or b


def _topic_words(df: Counter, n_docs: int) -> set[str]:
    """Words in at least TOPIC_SHARE of the articles: the collection's topic ("oil", "spill", "bp").
    DATEWISE keeps summary sentences to those naming the topic; it is given keywords, we find them."""
    return {w for w, c in df.items() if c >= TOPIC_SHARE * n_docs and not w.isdigit()}


def _nearest(vectors: list[Counter], texts: list[str], centroid: Counter, k: int,
             topic_words: set[str] | frozenset[str] = frozenset()) -> list[int]:
    """Indexes of up to k texts nearest the centroid, of readable length and on the topic, skipping
    near-duplicates."""
    ranked = sorted(range(len(texts)), key=lambda i: (-cosine(vectors[i], centroid), i))
    picked: list[int] = []
    for i in ranked:
        words = len(texts[i].split())
        if words < 6 or words > 80:
            continue
        if topic_words and not topic_words & set(vectors[i]):
            continue
        if any(cosine(vectors[i], vectors[j]) > 0.5 for j in picked):
            continue
        picked.append(i)
        if len(picked) == k:
            break
    return picked or ranked[:1]


def parse_day(value: str) -> date | None:
    """date of a "YYYY-MM-DD" value (None for coarser values)."""
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None
