"""Word-level features the summarizer compares sentences by: stems, content words, concepts.

Concepts are stemmed word bigrams that are not made of two stop words (the unit
ICSISumm covers); content stems (no stop words) and numbers decide whether two
sentences say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .stemming import porter_stem as _stem_word

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can cannot could couldn't did didn't do does doesn't doing don't down
    during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
    here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its
    itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours
    ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll they're they've
    this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what
    what's when when's where where's which while who who's whom why why's will with won't would wouldn't
    you you'd you'll you're you've your yours yourself yourselves said says say told mr mrs ms s t also
    would could one two new year years last first since according may might us just like""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=300_000)
def stem(token: str) -> str:
    """Porter stem, cached: news vocabularies repeat, and stemming dominates the cost."""
    return _stem_word(token) if len(token) > 3 else token


def words(text: str) -> list[str]:
    """Lower-cased word tokens (numbers keep their inner separators: 2,500 and 3.5 stay whole)."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry content (no stop words)."""
    return {stem(w) for w in words(text) if w not in STOPWORDS}


def concepts(token_stems: list[str], token_words: list[str]) -> set[tuple[str, str]]:
    """Stemmed bigrams, minus those made only of stop words."""
    out = set()
    for i in range(len(token_stems) - 1):
        if token_words[i] in STOPWORDS and token_words[i + 1] in STOPWORDS:
            continue
        out.add((token_stems[i], token_stems[i + 1]))
    return out


def numbers(text: str) -> set[str]:
    """The numbers a sentence states, normalised ("2,500" -> "2500")."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def word_count(text: str) -> int:
    """Words as a reader (and ROUGE's length cut) counts them: whitespace-separated."""
    return len(text.split())


@dataclass(frozen=True)
class Features:
    """What selection and citation compare a sentence by, computed once per distinct text."""

    concepts: frozenset[tuple[str, str]]
    content: frozenset[str]
    numbers: frozenset[str]


@lru_cache(maxsize=200_000)
def features(text: str) -> Features:
    """Concepts, content stems and numbers of a sentence (cached: every stage asks for them)."""
    toks = words(text)
    token_stems = [stem(t) for t in toks]
    content = frozenset(s for s, t in zip(token_stems, toks, strict=True) if t not in STOPWORDS)
    return Features(frozenset(concepts(token_stems, toks)), content, frozenset(numbers(text)))
