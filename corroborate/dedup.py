"""Syndication and near-duplicate detection: MinHash + LSH over word shingles, then a containment check.

A wire story reprinted by twenty sites is one source, not twenty.  Copies keep
most of their word 5-grams even with a new headline, a trimmed ending or a light
edit, while two independent reports of the same event share few of them, so
shingle containment separates "copy" from "same topic".  Headlines are left out
of the shingles because reprints change them.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections import deque
from dataclasses import dataclass

import numpy as np

from .features import memo_map
from .model import Article

_WORDS = re.compile(r"\w+", re.UNICODE)
_MERSENNE = np.uint64((1 << 61) - 1)
_SHINGLE_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                          0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)


@dataclass
class DedupOptions:
    """Knobs of copy detection. Defaults: 5-word shingles, 64 hashes in 16 bands of 4 (LSH Jaccard ~0.5)."""

    shingle: int = 5
    num_perm: int = 64
    bands: int = 16
    min_containment: float = 0.7  # share of the shorter text's shingles found in the other
    min_shingles: int = 12  # shorter texts (one-line items) are too short to call copies
    window: int = 100_000  # how many recent articles stay searchable; copies appear within days
    bucket_cap: int = 8


_WORD_HASHES: dict[str, int] = {}  # word -> CRC-32 of its UTF-8 (persistent across processes, unlike hash())


def _crc32(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingle_hashes(text: str, size: int = 5, max_chars: int = 8000) -> np.ndarray:
    """Sorted unique 64-bit hashes of the lower-cased word `size`-grams of text's first max_chars."""
    words = _WORDS.findall(text[:max_chars].lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    wh = np.array(memo_map(_WORD_HASHES, _crc32, words), dtype=np.uint64)
    if len(words) < size:
        size = len(words)
    n = len(words) - size + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(size):
            acc = (acc ^ wh[i:i + n]) * _SHINGLE_MULT[i % len(_SHINGLE_MULT)]
    acc.sort()  # sorted unique by hand: np.unique's hash-based path is several times slower here
    keep = np.empty(n, dtype=bool)
    keep[0] = True
    np.not_equal(acc[1:], acc[:-1], out=keep[1:])
    return acc[keep]


class _Permutations:
    """Fixed universal hash family: the same seeds in every process, so signatures can be persisted."""

    def __init__(self, num_perm: int) -> None:
        rng = np.random.default_rng(20261122)
        self.a = rng.integers(1, 1 << 61, size=num_perm, dtype=np.uint64) | np.uint64(1)
        self.b = rng.integers(0, 1 << 61, size=num_perm, dtype=np.uint64)

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        if hashes.size == 0:
            return np.full(self.a.shape[0], 0xFFFFFFFF, dtype=np.uint32)
        with np.errstate(over="ignore"):
            mixed = (self.a[:, None] * hashes[None, :] + self.b[:, None]) >> np.uint64(32)
        return mixed.min(axis=1).astype(np.uint32)


def _appended(bucket: tuple[str, ...], aid: str, cap: int) -> tuple[str, ...]:
    """bucket with aid added last, its oldest ids dropped beyond cap."""
    bucket = (*bucket, aid)
    return bucket[-cap:] if len(bucket) > cap else bucket


def article_text(article: Article) -> str:
    return article.body or article.raw_text


class SyndicationIndex:
    """Incremental copy finder: `add` tells, for each new article, which earlier article it copies.

    Memory is bounded by `window` (older articles drop out of the LSH buckets), so the cost of an
    add does not grow with the stream.  With `exact=True` the shingle sets are kept and containment
    is measured exactly; otherwise it is estimated from the MinHash Jaccard and the set sizes.
    """

    def __init__(self, options: DedupOptions | None = None, exact: bool = False) -> None:
        self.options = options or DedupOptions()
        self.exact = exact
        self._perm = _Permutations(self.options.num_perm)
        self._rows = self.options.num_perm // self.options.bands
        # Buckets are tuples, rebuilt on change (at most bucket_cap ids): a tuple of strings drops out of the
        # garbage collector's tracking, so a full window's million buckets add nothing to each collection.
        self._buckets: dict[bytes, tuple[str, ...]] = {}
        self._sig: dict[str, np.ndarray] = {}
        self._size: dict[str, int] = {}
        self._shingles: dict[str, np.ndarray] = {}
        self._order: deque[str] = deque()
        self.group: dict[str, str] = {}  # article id -> id of the first copy (only for copies and originals)

    def _band_keys(self, sig: np.ndarray) -> list[bytes]:
        r = self._rows
        return [bytes([b]) + sig[b * r:(b + 1) * r].tobytes() for b in range(self.options.bands)]

    def _containment(self, aid: str, sig: np.ndarray, size: int, hashes: np.ndarray | None, other: str) -> float:
        if self.exact and hashes is not None and other in self._shingles:
            inter = np.intersect1d(hashes, self._shingles[other], assume_unique=True).size
            return inter / max(1, min(size, self._size[other]))
        jac = float(np.mean(sig == self._sig[other]))
        inter = jac * (size + self._size[other]) / (1.0 + jac)
        return inter / max(1, min(size, self._size[other]))

    def add(self, article: Article) -> str | None:
        """Index article; return the id of the earlier article it is a copy of, or None."""
        opts = self.options
        if article.id in self._sig:
            return self.group.get(article.id) if self.group.get(article.id) != article.id else None
        hashes = shingle_hashes(article_text(article), opts.shingle)
        size = int(hashes.size)
        sig = self._perm.signature(hashes)
        return self._insert(article.id, sig, size, hashes if self.exact else None)

    def _insert(self, aid: str, sig: np.ndarray, size: int, hashes: np.ndarray | None) -> str | None:
        opts = self.options
        keys = self._band_keys(sig)
        best, best_score = None, opts.min_containment
        if size >= opts.min_shingles:
            seen: set[str] = set()
            for key in keys:
                for other in self._buckets.get(key, ()):
                    if other in seen or self._size[other] < opts.min_shingles:
                        continue
                    seen.add(other)
                    score = self._containment(aid, sig, size, hashes, other)
                    if score >= best_score and (best is None or score > best_score or other < best):
                        best, best_score = other, score
        self._sig[aid] = sig
        self._size[aid] = size
        if hashes is not None:
            self._shingles[aid] = hashes
        self._order.append(aid)
        for key in keys:
            self._buckets[key] = _appended(self._buckets.get(key, ()), aid, opts.bucket_cap)
        if best is not None:
            root = self.group.get(best, best)
            self.group[best] = root
            self.group[aid] = root
        while len(self._order) > opts.window:
            self._evict(self._order.popleft())
        return best

    def _evict(self, aid: str) -> None:
        for key in self._band_keys(self._sig[aid]):
            bucket = self._buckets.get(key)
            if bucket and aid in bucket:
                rest = tuple(other for other in bucket if other != aid)
                if rest:
                    self._buckets[key] = rest
                else:
                    del self._buckets[key]
        del self._sig[aid]
        del self._size[aid]
        self._shingles.pop(aid, None)

    def group_of(self, article_id: str) -> str:
        """Syndication group id (the first copy's id); an article with no copies is its own group."""
        return self.group.get(article_id, article_id)

    def state_dict(self) -> dict:
        """JSON-serialisable state: per recent article its MinHash signature (base64) and shingle count."""
        return {
            "format": "minhash-u32-b64",
            "articles": [[aid, self._size[aid], base64.b64encode(self._sig[aid].tobytes()).decode("ascii")]
                         for aid in self._order],
            "group": dict(self.group),
        }

    @classmethod
    def from_state(cls, state: dict, options: DedupOptions | None = None) -> SyndicationIndex:
        index = cls(options)
        for aid, size, sig64 in state["articles"]:
            sig = np.frombuffer(base64.b64decode(sig64), dtype=np.uint32).copy()
            index._sig[aid] = sig
            index._size[aid] = int(size)
            index._order.append(aid)
            for key in index._band_keys(sig):
                index._buckets[key] = _appended(index._buckets.get(key, ()), aid, index.options.bucket_cap)
        index.group = dict(state["group"])
        return index


def find_syndication(articles: list[Article], options: DedupOptions | None = None) -> dict[str, str]:
    """Article id -> syndication group id (its earliest member) for every article that has a copy.

    Articles are taken in publication order (undated ones last, ties by input order), so the group
    id is the earliest copy; containment is checked exactly on the shingle sets.
    """
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or "", i))
    index = SyndicationIndex(options, exact=True)
    for i in order:
        index.add(articles[i])
    return dict(index.group)
