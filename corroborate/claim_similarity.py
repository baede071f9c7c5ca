"""Claim vectors and nearest-neighbour candidate pairs for cross-article alignment.

Claims are TF-IDF vectors over `content_tokens` (stems, canonical numbers, name
sound keys).  Candidate pairs come from a sparse product restricted to tokens
that are not ubiquitous in the story, one block of rows at a time, keeping each
claim's top neighbours: this is an inverted-index search, so a story of a
thousand articles never scores all pairs of its sentences.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from .claim_text import common_tokens, content_tokens, fold

BLOCK_ROWS = 2048
NEIGHBOURS = 40
# Tokens in more than this share of the story's claims do not propose candidates on their own.
MAX_BLOCKING_DF = 0.1
MIN_BLOCKING_DF_CAP = 50
# ... and in a large story no more than this times the square root of its claim count.
BLOCKING_DF_SQRT_FACTOR = 3.0


class ClaimSpace:
    """Vectors of a set of claims and the pair score that decides whether two state the same thing.

    The score mixes three views, because each fails alone: word TF-IDF cosine
    (stems, numbers, name keys), character n-gram cosine (inflection and
    transliteration: "leads"/"leading", "Kazmi"/"Kazemi") and IDF-weighted
    containment of the shorter claim in the longer (a short sentence restated as
    one clause of a long one).  A shared number above ten, or a number of the
    same unit (`slot_keys`: "2,500 troops" and "3,500 troops" quantify one
    slot, and may be a conflict rather than two facts), adds a bonus.
    """

    WORD_WEIGHT, CHAR_WEIGHT, CONTAIN_WEIGHT, NUMBER_BONUS = 0.4, 0.3, 0.3, 0.1
    # Pairs sharing fewer than min_common_words lower-case content words (names do not count) and not
    # the same main verb (`predicates`, stems) lose this.
    FEW_COMMON_PENALTY = 0.15
    # Containment of a claim with fewer content tokens than this is discounted (too easily contained).
    CONTAIN_MIN_TOKENS = 6

    def __init__(self, texts: list[str], extra_docs: list[str] | None = None,
                 slot_keys: list[set[str]] | None = None, min_common_words: int = 0,
                 predicates: list[str] | None = None) -> None:
        self.min_common_words = min_common_words
        self.predicates = np.array(predicates if predicates is not None else [""] * len(texts), dtype=object)
        docs = texts + (extra_docs or [])
        self.word_vectorizer = TfidfVectorizer(analyzer=_cached_tokens, sublinear_tf=True, dtype=np.float64)
        try:
            words = self.word_vectorizer.fit_transform(docs)
        except ValueError:  # only stop words everywhere: a sentinel document keeps the vocabulary non-empty
            docs = docs + [_SENTINEL]
            words = self.word_vectorizer.fit_transform(docs)
        self.char_vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                               preprocessor=fold, dtype=np.float32, min_df=1)
        chars = self.char_vectorizer.fit_transform(docs)
        self.idf = self.word_vectorizer.idf_
        names = self.word_vectorizer.get_feature_names_out()
        self.big_number = np.array([n.startswith("#") and _number_value(n) > 10 for n in names], dtype=np.float64)
        self.common_vectorizer = CountVectorizer(analyzer=_cached_common, vocabulary=self.word_vectorizer.vocabulary_,
                                                 binary=True, dtype=np.float64)
        n = len(texts)
        self._set(texts, slot_keys, words[:n].tocsr(), chars[:n].tocsr())

    def _set(self, texts: list[str], slot_keys: list[set[str]] | None = None,
             words: sparse.csr_matrix | None = None, chars: sparse.csr_matrix | None = None) -> None:
        self.slot_keys = slot_keys or [set() for _ in texts]
        self.words = words if words is not None else self.word_vectorizer.transform(texts).tocsr()
        self.chars = chars if chars is not None else self.char_vectorizer.transform(texts).tocsr()
        self.present = (self.words > 0).astype(np.float64).tocsr()
        self.common = self.common_vectorizer.transform(texts).tocsr()
        self.weight = np.asarray(self.present @ self.idf).ravel()
        self.size = np.diff(self.present.indptr)

    def transform(self, texts: list[str], slot_keys: list[set[str]] | None = None) -> ClaimSpace:
        """A space for other texts with this one's vocabulary and IDF (for checking a claim)."""
        other = object.__new__(ClaimSpace)
        other.__dict__.update({k: v for k, v in self.__dict__.items()})
        other.predicates = np.array([""] * len(texts), dtype=object)
        other._set(texts, slot_keys)
        return other

    def centroid_vectors(self) -> sparse.csr_matrix:
        """One normalised row per claim joining the word and character views, for cluster centroids."""
        return sparse.hstack([self.words * np.sqrt(0.5), self.chars * np.sqrt(0.5)]).tocsr()

    def scores(self, rows: np.ndarray, cols: np.ndarray, other: ClaimSpace | None = None,
               min_score: float | None = None) -> np.ndarray:
        """Pair scores of rows (in this space) with cols (in `other`, default this space).

        With min_score, pairs that cannot reach it even with a perfect character
        score get their score without it (the costly view is skipped for them).
        """
        other = other or self
        rows, cols = np.asarray(rows), np.asarray(cols)
        if len(rows) == 0:
            return np.zeros(0)
        word = np.asarray(self.words[rows].multiply(other.words[cols]).sum(axis=1)).ravel()
        both = self.present[rows].multiply(other.present[cols])
        shared = np.asarray(both @ self.idf).ravel()
        short_weight = np.minimum(self.weight[rows], other.weight[cols])
        short_size = np.where(self.weight[rows] <= other.weight[cols], self.size[rows], other.size[cols])
        contain = np.divide(shared, short_weight, out=np.zeros_like(shared), where=short_weight > 0)
        contain *= np.minimum(1.0, short_size / self.CONTAIN_MIN_TOKENS)
        number = np.asarray(both @ self.big_number.astype(np.float64)).ravel() > 0
        same_slot = np.fromiter((bool(self.slot_keys[r] & other.slot_keys[c]) for r, c in zip(rows, cols, strict=True)),
                                dtype=bool, count=len(rows))
        number |= same_slot
        partial = self.WORD_WEIGHT * word + self.CONTAIN_WEIGHT * contain + self.NUMBER_BONUS * number
        if self.min_common_words:
            common = np.asarray(self.common[rows].multiply(other.common[cols]).sum(axis=1)).ravel()
            pred_a, pred_b = self.predicates[rows], other.predicates[cols]
            # the same main verb ("receives" / "received") is the statement's core, names aside
            same_verb = (pred_a == pred_b) & ~np.isin(pred_a, list(_LIGHT_VERBS))
            partial -= self.FEW_COMMON_PENALTY * ((common < self.min_common_words) & ~same_verb)
        todo = np.arange(len(rows)) if min_score is None else np.flatnonzero(partial + self.CHAR_WEIGHT >= min_score)
        if todo.size:
            char = np.asarray(self.chars[rows[todo]].multiply(other.chars[cols[todo]]).sum(axis=1)).ravel()
            partial[todo] += self.CHAR_WEIGHT * char
        return partial


_SENTINEL = "\x00"


@lru_cache(maxsize=100_000)
def _tokens_of(text: str) -> tuple[str, ...]:
    if text == _SENTINEL:
        return (_SENTINEL,)
    return tuple(content_tokens(text))


_LIGHT_VERBS = frozenset({"", "be", "have", "say", "do", "make", "get", "go", "take", "tell"})


@lru_cache(maxsize=100_000)
def _common_of(text: str) -> tuple[str, ...]:
    return tuple(common_tokens(text))


def _cached_common(text: str) -> list[str]:
    return list(_common_of(text))


def _cached_tokens(text: str) -> list[str]:
    """content_tokens, cached: the same claims are tokenised for fitting, scoring and checking."""
    return list(_tokens_of(text))


def _number_value(token: str) -> float:
    try:
        return float(token[1:])
    except ValueError:
        return 0.0


def candidate_pairs(space: ClaimSpace, groups: list[int], min_score: float,
                    neighbours: int = NEIGHBOURS) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of claims from different groups scoring >= min_score, top neighbours per claim.

    `groups` gives each claim's article; claims of one article are never paired.
    """
    matrix = space.words
    n = matrix.shape[0]
    if n < 2:
        return {}
    binary = (matrix > 0).astype(np.float32).tocsc()
    df = np.asarray(binary.sum(axis=0)).ravel()
    cap = max(MIN_BLOCKING_DF_CAP, min(MAX_BLOCKING_DF * n, BLOCKING_DF_SQRT_FACTOR * np.sqrt(n)))
    keep = np.flatnonzero(df <= cap)
    blocking = matrix[:, keep].tocsr()
    group_arr = np.asarray(groups)
    pairs: dict[tuple[int, int], float] = {}
    for start in range(0, n, BLOCK_ROWS):
        stop = min(n, start + BLOCK_ROWS)
        shared = (blocking[start:stop] @ blocking.T).tocsr()
        rows, cols = _top_per_row(shared, start, group_arr, neighbours)
        if rows.size == 0:
            continue
        # full pair score: blocking only chose whom to compare
        exact = space.scores(rows, cols, min_score=min_score)
        for row, col, score in zip(rows.tolist(), cols.tolist(), exact.tolist(), strict=True):
            if score >= min_score:
                pairs[(row, col) if row < col else (col, row)] = score
    return pairs


def _top_per_row(shared: sparse.csr_matrix, offset: int, groups: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k entries of each row of a block with the highest blocking score, other articles only."""
    out_rows: list[np.ndarray] = []
    out_cols: list[np.ndarray] = []
    for local in range(shared.shape[0]):
        lo, hi = shared.indptr[local], shared.indptr[local + 1]
        if lo == hi:
            continue
        row = local + offset
        cols, vals = shared.indices[lo:hi], shared.data[lo:hi]
        other = groups[cols] != groups[row]
        cols, vals = cols[other], vals[other]
        if cols.size > k:
            cols = cols[np.argpartition(-vals, k)[:k]]
        out_cols.append(cols)
        out_rows.append(np.full(cols.size, row))
    if not out_rows:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.concatenate(out_rows), np.concatenate(out_cols)
