"""How alike two sentences of one story are as tellings of one event: the timeline's merge test.

Plain word overlap misses one event told by two outlets in their own words, and overweights the
story's own vocabulary (every report of a troop withdrawal says "troops" and "Iraq").  Two measured
changes (bench/timeline_merge.py, ECB+ cross-document event coreference) fix most of that:
- in-story IDF: a word found in every article of the story says little about which of its events a
  sentence tells; a word only some articles use says more;
- canonical names: each name mention that entity resolution put in an entity ("Kazmi", "al-Kadhimi",
  "Mustafa al-Kasimi") is read as the entity's canonical name, so a transliteration or a short form
  no longer hides a shared participant.
Words are Snowball-stemmed so "invaded" meets "invasion" half way ("invad").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from .model import Article
from .stemming import english_stem

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    "a an and are as at be been but by for from has have had he her his i in is it its of on or our she "
    "that the their them they this to was were which who will with would not no said says say also after "
    "before over than then there these those we you your about into more most other some such can could "
    "may might one two new what when where while up out so if do did does just only all any been being "
    "under against between during because both each few further here how very s t".split()
)
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tomorrow week month year last next".split()
)


def entity_map(resolved: Iterable[dict]) -> dict[tuple[str, int], str]:
    """(article id, mention index) -> the entity's canonical name, from `resolve_entities` records."""
    return {(aid, idx): entity["name"] for entity in resolved for aid, idx in entity.get("mentions", [])}


def _words(text: str) -> list[str]:
    """Stemmed event words of text: stopwords, numbers and calendar words out (same-date sentences
    share those anyway)."""
    out = []
    for w in WORD.findall(text.lower()):
        if len(w) > 1 and w not in STOPWORDS and w not in CALENDAR_WORDS and not w.isdigit():
            out.append(english_stem(w))
    return out


def span_tokens(article: Article, start: int, end: int, entity_of: dict[tuple[str, int], str]) -> Counter:
    """Event tokens of article.body[start:end], each resolved name mention spelled as its entity's canonical
    name: "Kazmi" and "Mustafa al-Kadhimi" then give the same words, and a name told in full or short
    weighs the same."""
    tokens: Counter = Counter()
    cursor = start
    for idx, m in enumerate(article.mentions):
        name = entity_of.get((article.id, idx))
        if name is None or m.start < cursor or m.end > end:
            continue
        tokens.update(_words(article.body[cursor:m.start]))
        tokens.update(_words(name))
        cursor = m.end
    tokens.update(_words(article.body[cursor:end]))
    return tokens


def sentence_tokens(article: Article, idx: int, entity_of: dict[tuple[str, int], str]) -> Counter:
    """Event tokens of the article's idx-th sentence (entity mentions as entity tokens)."""
    s = article.sentences[idx]
    if article.body[s.start:s.end] != s.text:  # sentences not by offsets into this body: words only
        return Counter(_words(s.text))
    return span_tokens(article, s.start, s.end, entity_of)


class StoryIdf:
    """Inverse document frequency of event tokens over the articles of one story.

    idf = ln(1 + N / df): bounded away from zero, so in a story of two articles the words both share
    still count (plain ln(N / df) would zero them)."""

    def __init__(self, token_sets: Iterable[set[str]]) -> None:
        self.df: Counter = Counter()
        self.n_docs = 0
        for tokens in token_sets:
            self.df.update(tokens)
            self.n_docs += 1

    @classmethod
    def of_articles(cls, articles: list[Article], entity_of: dict[tuple[str, int], str]) -> StoryIdf:
        return cls(set(span_tokens(a, 0, len(a.body), entity_of)) for a in articles if a.body)

    def weight(self, token: str) -> float:
        return math.log(1 + max(self.n_docs, 1) / max(self.df.get(token, 0), 1))

    def weigh(self, tokens: Counter) -> dict[str, float]:
        return {t: c * self.weight(t) for t, c in tokens.items()}


def unit(vector: dict[str, float]) -> dict[str, float]:
    """vector scaled to length 1, so the cosine of two unit vectors is their dot product (computed once)."""
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def event_similarity(member_scores: list[float], linkage: str) -> float:
    """Similarity of a sentence to an event from its similarities to the event's sentences: "single"
    (the best), "average" (the mean) or "first" (the event's representative, its earliest sentence)."""
    if not member_scores:
        return 0.0
    if linkage == "single":
        return max(member_scores)
    if linkage == "average":
        return sum(member_scores) / len(member_scores)
    return member_scores[0]
