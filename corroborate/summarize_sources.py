"""Which articles state a summary sentence, and the check that the citations hold.

Finding sources and checking them use different yardsticks on purpose: sources
are found by shared content stems (robust to inflection and translation
wording), the check asks for the sentence's own words and numbers in one
sentence of each cited article.  A check that reused the finder would always pass.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .model import Article, Story
from .split import split_stage
from .summarize_candidates import clean_sentence
from .summarize_text import STOPWORDS, Features, features, numbers, words

FIND_THRESHOLD = 0.6  # share of the summary sentence's content stems one source sentence must hold
FIND_BIGRAMS = 0.3  # and share of its concepts (bigrams): same words in another order say something else
CHECK_THRESHOLD = 0.5  # share of its content words (unstemmed) the check asks for
_WS = re.compile(r"\s+")


class SourceIndex:
    """Inverted index from content stem to the sentences that hold it, built once per story."""

    def __init__(self, story: Story):
        self.story = story
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.entries: list[tuple[str, Features]] = []
        self.entry_of: dict[tuple[str, int], int] = {}  # (article id, sentence index) -> entry
        self._matches: dict[str, dict[int, float]] = {}
        self.article_order = {a.id: i for i, a in enumerate(story.articles)}
        for article in story.articles:
            if not article.sentences and article.body:
                split_stage(article)
            for position, sentence in enumerate(article.sentences):
                index = len(self.entries)
                found = features(sentence.text)
                self.entries.append((article.id, found))
                self.entry_of.setdefault((article.id, position), index)
                for s in found.content:
                    self.postings[s].append(index)

    def sources(self, text: str, taken_from: str) -> list[str]:
        """Articles with a sentence stating text: taken_from first, then by strength of match."""
        best: dict[str, float] = {}
        for index, share in self.matches(text).items():
            article_id = self.entries[index][0]
            if share > best.get(article_id, 0.0):
                best[article_id] = share
        best.pop(taken_from, None)
        order = self.article_order
        ranked = sorted(best, key=lambda a: (-best[a], order.get(a, len(order))))  # ties: story order, not hash order
        return [taken_from, *ranked]

    def matches(self, text: str) -> dict[int, float]:
        """Sentences (entry indexes) stating text, with the share of its content stems they hold."""
        cached = self._matches.get(text)
        if cached is None:
            cached = self._matches[text] = self._find(text)
        return cached

    def _find(self, text: str) -> dict[int, float]:
        found = features(text)
        stems, nums = found.content, found.numbers
        if not stems:
            return {}
        hits: Counter[int] = Counter()
        for s in stems:
            postings = self.postings.get(s, ())
            if len(postings) > 5000:  # a word in most sentences says nothing about this one
                continue
            hits.update(postings)
        out: dict[int, float] = {}
        need = FIND_THRESHOLD * len(stems)
        for index, count in hits.items():
            if count < need:
                continue
            other = self.entries[index][1]
            if nums and other.numbers and nums.isdisjoint(other.numbers):
                continue  # same words, different figures: a conflict, not support
            if found.concepts and len(found.concepts & other.concepts) < FIND_BIGRAMS * len(found.concepts):
                continue
            out[index] = count / len(stems)
        return out

    def restates(self, text: str, taken_from: tuple[str, int], earlier: list[tuple[str, str, int]]) -> bool:
        """True when a sentence says what an earlier pick says: either one is found stating the other.

        `earlier` holds (text, article id, sentence index) of the picks so far.  This is the same
        yardstick that cites a pick's other sources, so a brief never cites an article for a
        sentence and then quotes that article saying it again.
        """
        mine = set(self.matches(text))
        own = self.entry_of.get(taken_from)
        for other_text, article_id, sentence in earlier:
            other_own = self.entry_of.get((article_id, sentence))
            if other_own in mine or (own is not None and own in self.matches(other_text)):
                return True
        return False


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def occurs_in(text: str, article: Article) -> bool:
    """True when text is in the article body verbatim, or is the clean-up of one of its sentences."""
    target = _norm(text)
    if not target:
        return False
    body = _norm(article.body)
    if target in body or (target[:1].lower() + target[1:]) in body:
        return True
    return any(clean_sentence(s.text) == target for s in article.sentences)


def supports(text: str, article: Article) -> bool:
    """True when one sentence of article holds half the content words of text and no other figures."""
    if not article.sentences and article.body:
        split_stage(article)
    content = {w for w in words(text) if w not in STOPWORDS}
    nums = numbers(text)
    if not content:
        return True
    for sentence in article.sentences:
        other = set(words(sentence.text))
        other_nums = numbers(sentence.text)
        if nums and other_nums and nums.isdisjoint(other_nums):
            continue
        if len(content & other) >= CHECK_THRESHOLD * len(content):
            return True
    return False


def check_faithfulness(story: Story, summary: list[dict]) -> dict:
    """Share of summary sentences found in their first source, and of cited sources that support them."""
    by_id = {a.id: a for a in story.articles}
    verbatim = cited = supported = 0
    failures: list[dict] = []
    for item in summary:
        sources = item.get("sources") or []
        first = by_id.get(sources[0]) if sources else None
        if first is not None and occurs_in(item["text"], first):
            verbatim += 1
        else:
            failures.append({"text": item["text"], "problem": "not in first source"})
        for article_id in sources:
            cited += 1
            article = by_id.get(article_id)
            if article is not None and supports(item["text"], article):
                supported += 1
            else:
                failures.append({"text": item["text"], "problem": f"{article_id} does not support it"})
    n = len(summary)
    return {
        "sentences": n,
        "in_first_source": verbatim,
        "in_first_source_share": verbatim / n if n else 1.0,
        "sources_cited": cited,
        "sources_supporting": supported,
        "support_share": supported / cited if cited else 1.0,
        "failures": failures,
    }
