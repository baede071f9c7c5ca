"""The cited story summary: one selection of source sentences, three lengths of brief.

`Summarizer` is the plugin contract (sumy-style: one method that picks
sentences); `ConceptSummarizer` is the default.  `summarize` turns a selection
into the headline, the one-paragraph brief and the budgeted brief, every
sentence carrying the articles that state it, and `check_faithfulness` verifies
that each sentence is in its first source and that each cited source supports it.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import asdict, dataclass

from .model import Story
from .split import split_stage
from .summarize_concepts import GreedyConceptSelector, concept_weights, query_stems
from .summarize_sources import SourceIndex, check_faithfulness
from .summarize_text import features, word_count

__all__ = ["ConceptSummarizer", "SummarySentence", "Summarizer", "check_faithfulness", "summarize"]

PARAGRAPH_WORDS = 60
HEADLINE_WORDS = 14


@dataclass
class SummarySentence:
    """A picked sentence: its clean text, where it was taken from, and every article stating it."""

    text: str
    article: str  # id of the article it was taken from
    sentence: int  # index into that article's sentences
    sources: list[str]  # all supporting article ids, first = `article`
    score: float


class Summarizer(ABC):
    """Picks summary sentences for a story; any extractive method can be plugged in."""

    @abstractmethod
    def select(self, story: Story, words: int) -> list[SummarySentence]:
        """Sentences in reading order, at most `words` words in all."""


class ConceptSummarizer(Summarizer):
    """Corroborated-concept coverage (ICSISumm-style), lead-aware, redundancy-free, cited.

    `query` (an information need, as in DUC 2006) boosts concepts that share a
    word with it; the product default is generic (no query).
    """

    def __init__(
        self,
        query: str | None = None,
        lead_sentences: int = 3,
        lead_bonus: float = 3.0,
        query_bonus: float = 1.0,
        length_exponent: float = 0.6,
        max_overlap: float = 0.6,
        position_decay: float = 0.0,
        concept_power: float = 1.0,
        fact_of: dict[tuple[str, int], str] | None = None,
    ):
        self.concept_power = concept_power
        self.query = query
        self.lead_sentences = lead_sentences
        self.lead_bonus = lead_bonus
        self.query_bonus = query_bonus
        self.selector = GreedyConceptSelector(length_exponent, max_overlap, position_decay)
        # (article id, sentence index) -> id of the fact the sentence was aligned into, when facts are known:
        # two sentences of one fact say the same thing, however differently worded or translated
        self.fact_of = fact_of or {}
        self.source_index: SourceIndex | None = None  # the last story's, for callers that cite more

    def select(self, story: Story, words: int) -> list[SummarySentence]:
        _ensure_sentences(story)
        weights = concept_weights(story, self.lead_sentences, self.lead_bonus,
                                  query_stems(self.query), self.query_bonus, self.concept_power)
        index = self.source_index = SourceIndex(story)
        picked = self.selector.run(story, words, weights, restates=lambda cand, earlier: self._same_fact(
            cand, earlier) or index.restates(cand.text, (cand.article, cand.sentence),
                                             [(c.text, c.article, c.sentence) for c in earlier]))
        chosen = [
            SummarySentence(u.cand.text, u.cand.article, u.cand.sentence,
                            index.sources(u.cand.text, u.cand.article), round(gain, 4))
            for u, gain in picked
        ]
        return reading_order(story, chosen)


    def _same_fact(self, cand, earlier) -> bool:
        fact = self.fact_of.get((cand.article, cand.sentence))
        return fact is not None and any(self.fact_of.get((c.article, c.sentence)) == fact for c in earlier)


def _ensure_sentences(story: Story) -> None:
    for article in story.articles:
        if not article.sentences and article.body:
            split_stage(article)


LEAD = 3  # sentences at the top of an article, where reports put their main event


def reading_order(story: Story, chosen: list[SummarySentence]) -> list[SummarySentence]:
    """Main event first, then the rest by article date and position in the article.

    The main event is the pick that most independent sources state, counting double when it
    opens its article (a lead sentence); ties go to the earlier pick.
    """
    if len(chosen) <= 1:
        return chosen
    rank = {a.id: i for i, a in enumerate(story.articles)}
    published = {a.id: a.published or "" for a in story.articles}
    main = max(range(len(chosen)), key=lambda i: (
        story.independent_count(chosen[i].sources) + (2 if chosen[i].sentence < LEAD else 0), -i))
    first, rest = chosen[main], chosen[:main] + chosen[main + 1:]
    rest.sort(key=lambda s: (published.get(s.article, ""), s.sentence, rank.get(s.article, 0)))
    return [first, *rest]


_TITLE_FURNITURE = re.compile(r"\s+[|•]\s+.*$|\s+[-–—]\s+[^-–—]{1,40}$")


def _clean_title(title: str) -> str:
    """A title without the site-name tail ("... | free press")."""
    return _TITLE_FURNITURE.sub("", " ".join((title or "").split())).strip()


def _central_title(story: Story) -> str | None:
    """The article title whose words the most sources share, when titles look like headlines."""
    stated_by: Counter[str] = Counter()
    for article in story.articles:
        stated_by.update(set().union(*(features(s.text).content for s in article.sentences)))
    best, best_score = None, 0.0
    for article in story.articles:
        title = _clean_title(article.title)
        n_words = word_count(title)
        if not (4 <= n_words <= 20) or sum(w.isupper() for w in title.split()) > n_words / 2:
            continue
        stems = features(title).content
        if not stems:
            continue
        score = sum(stated_by[t] for t in stems) / len(stems)
        if score > best_score:
            best, best_score = title, score
    return best


_CLAUSE_END = re.compile(r",\s+(?:officials|police|authorities|the\s+\w+|\w+)\s+(?:said|say|says|reported)\.?$")


def _compress(text: str, limit: int) -> str:
    """A headline-length version of a sentence: attribution tail and trailing clauses cut."""
    text = _CLAUSE_END.sub("", text.rstrip(".")).rstrip(".")
    tokens = text.split()
    if len(tokens) <= limit:
        return text
    cut = " ".join(tokens[:limit])
    for mark in (";", ",", " and ", " but ", " after ", " while ", " as "):
        pos = cut.rfind(mark)
        if pos > len(cut) // 3:
            return cut[:pos].rstrip(",; ")
    return cut + "…"


def headline(story: Story, selection: list[SummarySentence]) -> str:
    """The most central title, else the top sentence compressed to headline length."""
    title = _central_title(story)
    if title:
        return title
    if selection:
        return _compress(selection[0].text, HEADLINE_WORDS)
    return story.title


def summarize(story: Story, words: int = 150, summarizer: Summarizer | None = None) -> dict:
    """Headline, one-paragraph brief and budgeted brief, all from one selection."""
    selection = (summarizer or ConceptSummarizer()).select(story, words)
    paragraph: list[SummarySentence] = []
    used = 0
    for sentence in selection:
        length = word_count(sentence.text)
        if paragraph and used + length > PARAGRAPH_WORDS:
            break
        paragraph.append(sentence)
        used += length
    return {
        "headline": headline(story, selection),
        "paragraph": [asdict(s) for s in paragraph],
        "summary": [{"text": s.text, "sources": list(s.sources), "article": s.article, "sentence": s.sentence}
                    for s in selection],
    }

