"""The default selection: cover the concepts most sources state, within a word budget.

This is the ICSISumm recipe (Gillick & Favre 2009) made greedy: a concept is a
content bigram, its weight the number of independent sources (syndicated copies
count once) whose text contains it, boosted when it appears in a lead sentence.
Sentences are picked by new concept weight per word, which is near-optimal for
this budgeted coverage objective and, unlike an ILP, fast on 1,000 articles.
Covering a concept once means a second sentence saying the same thing gains
nothing, so redundancy across outlets and translations is removed by the
objective itself; an overlap cap catches paraphrases with different bigrams.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .model import Story
from .summarize_candidates import Candidate, article_candidates
from .summarize_text import STOPWORDS, features, stem, word_count, words


@dataclass
class _Unit:
    """A candidate with the features selection needs."""

    cand: Candidate
    length: int
    concepts: frozenset[tuple[str, str]]
    content: frozenset[str]
    numbers: frozenset[str]


@dataclass
class ConceptWeights:
    """Concept weights of a story and how many independent sources it has."""

    weights: dict[tuple[str, str], float]
    sources: int


def concept_weights(story: Story, lead: int, lead_bonus: float, query: set[str] | None,
                    query_bonus: float, power: float = 1.0) -> ConceptWeights:
    """Weight = independent sources stating the concept (+ a bonus for stating it in a lead sentence)."""
    group_concepts: dict[str, set[tuple[str, str]]] = defaultdict(set)
    group_lead: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for article in story.articles:
        group = story.syndication.get(article.id, article.id)
        for index, sentence in enumerate(article.sentences):
            found = features(sentence.text).concepts
            group_concepts[group].update(found)
            if index < lead:
                group_lead[group].update(found)
    n_sources = len(group_concepts)
    led_by: Counter[tuple[str, str]] = Counter()
    for found in group_lead.values():
        led_by.update(found)
    base: Counter[tuple[str, str]] = Counter()
    if n_sources >= 3:
        for found in group_concepts.values():
            base.update(found)
        floor = 3.0 if n_sources >= 10 else 2.0
    else:  # one or two sources: corroboration cannot rank, repetition within the text can
        for article in story.articles:
            for sentence in article.sentences:
                base.update(features(sentence.text).concepts)
        floor = 2.0
    weights: dict[tuple[str, str], float] = {}
    for concept, count in base.items():
        if count < floor:
            continue
        weight = (count + lead_bonus * led_by.get(concept, 0)) ** power
        if query and (concept[0] in query or concept[1] in query):
            weight *= 1.0 + query_bonus
        weights[concept] = weight
    return ConceptWeights(weights, n_sources)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller content set found in the other: paraphrase detector."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class GreedyConceptSelector:
    """Budgeted maximum concept coverage with lazy greedy evaluation."""

    def __init__(self, length_exponent: float = 1.0, max_overlap: float = 0.6,
                 position_decay: float = 0.0):
        self.length_exponent = length_exponent
        self.max_overlap = max_overlap
        self.position_decay = position_decay

    def _units(self, story: Story) -> list[_Unit]:
        seen: set[str] = set()
        units = []
        for article in story.articles:
            for cand in article_candidates(article):
                key = " ".join(words(cand.text))
                if key in seen:  # the same sentence in another copy: one unit, sources found later
                    continue
                seen.add(key)
                found = features(cand.text)
                units.append(_Unit(cand, word_count(cand.text), found.concepts, found.content,
                                   found.numbers))
        return units

    def run(self, story: Story, words_budget: int, weights: ConceptWeights,
            restates: Callable[[Candidate, list[Candidate]], bool] | None = None) -> list[tuple[_Unit, float]]:
        """The picked units in pick order, each with the concept weight it added.

        `restates(candidate, picked)` may veto a candidate that says what a pick already says
        in other words (a translation or paraphrase with few shared bigrams).
        """
        w = weights.weights
        units = self._units(story)
        prior = [1.0 / (1.0 + self.position_decay * u.cand.sentence) for u in units]

        def ratio(i: int, covered: set) -> tuple[float, float]:
            gain = sum(w.get(c, 0.0) for c in units[i].concepts if c not in covered)
            return gain * prior[i] / (units[i].length ** self.length_exponent), gain

        covered: set[tuple[str, str]] = set()
        heap = []
        for i in range(len(units)):
            r, gain = ratio(i, covered)
            if gain > 0:
                heap.append((-r, i))
        heapq.heapify(heap)
        picked: list[tuple[_Unit, float]] = []
        used = 0
        while heap:
            _, i = heapq.heappop(heap)
            unit = units[i]
            if used + unit.length > words_budget:
                continue
            r, gain = ratio(i, covered)
            if gain <= 0:
                continue
            if heap and r < -heap[0][0] - 1e-12:  # stale bound: re-queue with the fresh ratio
                heapq.heappush(heap, (-r, i))
                continue
            if any(_overlap(unit.content, p.content) > self.max_overlap for p, _ in picked):
                continue
            if restates is not None and restates(unit.cand, [p.cand for p, _ in picked]):
                continue
            picked.append((unit, gain))
            covered |= unit.concepts
            used += unit.length
        if not picked and units:  # nothing corroborated: fall back to the earliest sentence that fits
            fitting = [u for u in units if u.length <= words_budget]
            if fitting:
                first = min(fitting, key=lambda u: (u.cand.sentence, -len(u.content)))
                picked.append((first, 0.0))
        return picked


def query_stems(query: str | None) -> set[str] | None:
    """Content stems of an information need (DUC-style topic narrative)."""
    if not query:
        return None
    return {stem(t) for t in words(query) if t not in STOPWORDS and len(t) > 2}

