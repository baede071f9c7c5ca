"""ROUGE-N recall, written to score like ROUGE-1.5.5 `-m -n 2 -f A` with jackknifing.

The Perl original cannot run here, and the published DUC/TAC tables were made with
it, so the scorer mirrors its conventions: lower-case, every run of characters
other than a-z/0-9 is a token break, tokens longer than three characters are
Porter-stemmed (`-m`), counts are clipped per n-gram, and with several references
the hits and totals are pooled over references (`-f A`).  Jackknifing scores a
summary against every leave-one-out subset of the references and averages, which
is how NIST makes humans and systems comparable.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .stemming import porter_stem

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=200_000)
def _stem(token: str) -> str:
    return porter_stem(token) if len(token) > 3 else token


def tokenize(text: str, stem: bool = True) -> list[str]:
    """ROUGE tokens of text: lower-cased alphanumeric runs, stemmed when asked."""
    tokens = _NON_ALNUM.sub(" ", text.lower()).split()
    return [_stem(t) for t in tokens] if stem else tokens


def truncate_words(text: str, words: int) -> str:
    """The first `words` whitespace-separated words, as NIST cut summaries before scoring."""
    return " ".join(text.split()[:words])


def ngram_counts(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of tokens."""
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _pooled_recall(peer: Counter, models: Sequence[Counter]) -> float:
    hits = sum(sum(min(c, peer[g]) for g, c in model.items()) for model in models)
    total = sum(sum(model.values()) for model in models)
    return hits / total if total else 0.0


def rouge_n_recall(
    summary: str,
    references: Sequence[str],
    n: int = 2,
    stem: bool = True,
    jackknife: bool = True,
    words: int | None = None,
) -> float:
    """ROUGE-N recall of summary against references (pooled, jackknifed when 2+ references).

    `words` cuts the summary (not the references) to that many words first.
    """
    if words is not None:
        summary = truncate_words(summary, words)
    peer = ngram_counts(tokenize(summary, stem), n)
    models = [ngram_counts(tokenize(ref, stem), n) for ref in references]
    if not models:
        raise ValueError("at least one reference summary is needed")
    if not jackknife or len(models) == 1:
        return _pooled_recall(peer, models)
    subsets = [models[:i] + models[i + 1:] for i in range(len(models))]
    return sum(_pooled_recall(peer, subset) for subset in subsets) / len(subsets)


def rouge_scores(
    summary: str,
    references: Sequence[str],
    orders: Sequence[int] = (1, 2),
    stem: bool = True,
    jackknife: bool = True,
    words: int | None = None,
) -> dict[str, float]:
    """ROUGE-N recall for several n at once, keyed "rouge-1", "rouge-2"..."""
    return {
        f"rouge-{n}": rouge_n_recall(summary, references, n, stem, jackknife, words) for n in orders
    }
