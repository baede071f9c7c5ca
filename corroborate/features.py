"""Cheap text features shared by clustering and near-duplicate detection.

Everything here is model-free and streaming: term statistics grow one article
at a time, so an article's vector only depends on what came before it.  That is
what lets the clusterer assign an article once and never revisit it.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, _count_elements
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from operator import mul, neg
from typing import TypeVar

from .model import Article

T = TypeVar("T")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say saying told according one two three new
    also year years day days week weeks time first last may might must could many much well like get got
    s t don didn isn wasn aren weren won wouldn shouldn couldn mr mrs ms dr per via since yet still even
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    """.split()
)

_WORD = re.compile(r"[^\W_][\w'’\-]*[^\W_]|[^\W_]", re.UNICODE)
# A run of capitalised words, allowing short connectors inside ("Bank of England", "al-Kasimi").
_NAME = re.compile(
    r"\b(?:[A-Z][\w'’\-]*[a-zA-Z])(?:\s+(?:(?:of|de|la|al|bin|van|von|der|du|the)\s+)?[A-Z][\w'’\-]*[a-zA-Z])*"
)
_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


@lru_cache(maxsize=1 << 18)
def normalise_token(token: str) -> str:
    """Lower-case and strip possessives and plural -s, so "Reuters'" and "reports" meet their stems."""
    tok = token.lower().replace("’", "'")
    if tok.endswith("'s"):
        tok = tok[:-2]
    tok = tok.strip("'-")
    if len(tok) > 4 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
        tok = tok[:-1]
    return tok


def memo_map(cache: dict[str, T], compute: Callable[[str], T], keys: list[str], limit: int = 1 << 19) -> list[T]:
    """compute(key) for each key, memoised in a plain dict so the common case (all cached) stays in C;
    the cache is emptied when it passes `limit` entries."""
    try:
        return list(map(cache.__getitem__, keys))
    except KeyError:
        pass
    if len(cache) > limit:
        cache.clear()
    for key in set(keys).difference(cache):
        cache[key] = compute(key)
    return list(map(cache.__getitem__, keys))


def _content_token(word: str) -> str:
    token = normalise_token(word)
    return token if len(token) > 1 and token not in STOPWORDS else ""


_CONTENT: dict[str, str] = {}  # word as written -> its content token, or "" for stopwords and debris


def tokens(text: str) -> list[str]:
    """Content tokens of text: normalised words minus stopwords and one-letter debris."""
    return list(filter(None, memo_map(_CONTENT, _content_token, _WORD.findall(text))))


@lru_cache(maxsize=1 << 16)
def soundex(word: str) -> str:
    """Soundex code: machine translations mangle names ("al-Kasimi" / "al-Kazmi") but keep their sound."""
    codes = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
             "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}
    letters = [c for c in word.lower() if c.isalpha()]
    if not letters:
        return ""
    out, prev = letters[0], codes.get(letters[0], "")
    for c in letters[1:]:
        code = codes.get(c, "")
        if code and code != prev:
            out += code
        if c not in "hw":
            prev = code
    return (out + "000")[:4]


def name_keys(article: Article, limit: int = 40) -> Counter[str]:
    """Entity keys with counts: from `mentions` when another stage found them, else capitalised runs.

    Each name gives its full form and its tokens (so "Barack Obama" meets "Obama"), plus a sound key
    per long token that survives transliteration variants.
    """
    names: list[str] = []
    if article.mentions:
        names = [m.alias_of or m.text for m in article.mentions]
    else:
        text = f"{article.title}\n{article.body}"
        for m in _NAME.finditer(text):
            name = m.group(0)
            if " " not in name and (normalise_token(name) in STOPWORDS or name.lower() in STOPWORDS) \
                    and _SENT_START.search(text, max(0, m.start() - 3), m.start()) is not None:
                continue  # a lone capitalised stopword opening a sentence is just a word
            names.append(name)
    keys: Counter[str] = Counter(chain.from_iterable(map(_keys_of_name, names)))
    return Counter(dict(keys.most_common(limit)))


@lru_cache(maxsize=1 << 15)
def _keys_of_name(name: str) -> tuple[str, ...]:
    """The keys one written name gives (full form, tokens, sound keys); cached, as names recur a lot."""
    parts = [normalise_token(p) for p in _NAME_SPLIT.split(name)]
    parts = [p for p in parts if len(p) > 1 and p not in STOPWORDS and p not in _CONNECTORS]
    if not parts:
        return ()
    keys = ["n:" + " ".join(parts)] if len(parts) > 1 else []
    for p in parts:
        keys.append("t:" + p)
        if len(p) >= 4 and p.isalpha():
            keys.append("p:" + soundex(p))
    return tuple(keys)


_NAME_SPLIT = re.compile(r"[\s\-]+")


_CONNECTORS = frozenset({"of", "de", "la", "al", "bin", "van", "von", "der", "du", "the", "el"})


@dataclass
class TermStats:
    """Streaming document frequencies: the IDF an article sees is the one of the stream so far."""

    docs: int = 0
    df: dict[str, int] = field(default_factory=dict)

    def observe(self, terms: set[str]) -> None:
        self.docs += 1
        _count_elements(self.df, terms)  # df[t] += 1 per term, in C (the helper behind Counter.update)

    def idf(self, term: str) -> float:
        # Smoothed so that the first articles of a stream do not treat every word as rare.
        return math.log((self.docs + 10.0) / (self.df.get(term, 0) + 1.0)) + 1.0

    def idf_map(self, terms: Iterable[str]) -> dict[str, float]:
        """idf of many terms at once (the same values as `idf`, without a call per term)."""
        log, df, docs = math.log, self.df.get, self.docs + 10.0
        return {t: log(docs / (df(t, 0) + 1.0)) + 1.0 for t in terms}

    def prune(self, min_df: int = 2) -> None:
        """Drop one-off terms (typos, numbers) to bound memory; they matter little to any IDF."""
        self.df = {t: c for t, c in self.df.items() if c >= min_df}

    def shrink(self, max_keys: int) -> None:
        """Drop the rarest terms until at most half of max_keys remain, so the table stays bounded on an
        endless stream of new names (a dropped term reads as unseen: its IDF only rises a little)."""
        min_df = 2
        while len(self.df) > max_keys // 2:
            self.prune(min_df)
            min_df += 1

    def state_dict(self) -> dict:
        return {"docs": self.docs, "df": self.df}

    @classmethod
    def from_state(cls, state: dict) -> TermStats:
        return cls(docs=int(state["docs"]), df={str(k): int(v) for k, v in state["df"].items()})


def weighted_counts(article: Article, title_weight: float = 2.0, lead_chars: int = 600,
                    max_chars: int = 6000) -> Counter[str]:
    """Term counts where the headline and the lead count extra: that is where news states the event.

    Only the first `max_chars` of the body are read: news puts the event first, and it bounds the cost
    of very long pieces.
    """
    body = (article.body or article.raw_text)[:max_chars]
    counts: Counter[str] = Counter(tokens(body))
    for t in tokens(body[:lead_chars]):
        counts[t] += 0.5
    if article.title:
        extra = title_weight - 1.0 if body.startswith(article.title) else title_weight
        for t in tokens(article.title):
            counts[t] += extra
    return counts


def tfidf_vector(counts: Counter[str] | dict[str, float], stats: TermStats, top_k: int) -> dict[str, float]:
    """Sublinear-TF x IDF, L2-normalised, truncated to the top_k heaviest terms."""
    log = math.log
    df = stats.df.get
    base = log(stats.docs + 10.0) + 1.0  # idf = log((docs + 10) / (df + 1)) + 1, as TermStats.idf
    weights = {t: (1.0 + log(c)) * (base - log(df(t, 0) + 1.0)) for t, c in counts.items() if c > 0}
    if len(weights) > top_k:
        weights = dict(heaviest(weights, top_k))
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def heaviest(weights: dict[str, float], k: int) -> list[tuple[str, float]]:
    """The k heaviest (key, weight) pairs, heaviest first, ties by key: `sorted(weights.items(),
    key=lambda kv: (-kv[1], kv[0]))[:k]` with the comparisons left to C (no key function per item)."""
    top = heapq.nsmallest(k, zip(map(neg, weights.values()), weights, strict=True))
    return [(key, -negated) for negated, key in top]


def sparse_dot(small: dict[str, float], big: dict[str, float]) -> float:
    """Dot product of two sparse vectors; iterate the smaller one."""
    if len(small) > len(big):
        small, big = big, small
    # All in C (map over dict views), summed in the small vector's order: same value as a Python loop.
    return sum(map(mul, small.values(), map(big.get, small, repeat(0.0))))
