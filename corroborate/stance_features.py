"""Claim/body pair features for the stance classifier.

Two families, following the FNC-1 winners (Athene, UCL, Talos):
relatedness (TF-IDF, LSA, BM25, word/char/bigram overlap, shared names),
which separate 'unrelated' almost perfectly, and stance cues (refuting,
hedging, negation, confirming words) counted where they matter: in the
body sentences that talk about the claim's key terms, in the lead, and in
a window around each claim term.  Every text is analysed once and cached,
because FNC bodies are paired with dozens of claims.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

from .stance_text import (
    CONFIRM,
    HEDGE,
    NEGATION,
    REFUTE,
    capitalised_words,
    content_stems,
    distinct_texts,
    normalise_stem,
    raw_tokens,
    sentences,
)

LEAD_SENTENCES = 3
TOP_SENTENCES = 3
CUE_WINDOW = 8
CUE_SETS = {"refute": REFUTE, "hedge": HEDGE, "neg": NEGATION, "confirm": CONFIRM}


@dataclass
class BodyInfo:
    """Everything about a body that does not depend on the claim."""

    tokens: list[str]
    stems: list[str]  # stem of every token (stop words kept), aligned with tokens
    stem_set: set[str]
    stem_counts: Counter
    lead_set: set[str]
    bigrams: set[tuple[str, str]]
    char4: set[str]
    names: set[str]
    sent_tokens: list[list[str]]
    sent_sets: list[set[str]]
    length: int
    cue_rates: list[float] = field(default_factory=list)
    lead_cues: list[float] = field(default_factory=list)


@dataclass
class ClaimInfo:
    """Everything about a claim (headline) that does not depend on the body."""

    tokens: list[str]
    stems: list[str]
    stem_set: set[str]
    bigrams: set[tuple[str, str]]
    char4: set[str]
    names: set[str]
    cues: list[float]


def _char4(stems: list[str]) -> set[str]:
    joined = " ".join(stems)
    return {joined[i:i + 4] for i in range(max(0, len(joined) - 3))}


def _cue_counts(tokens: list[str]) -> list[float]:
    return [float(sum(t in cue for t in tokens)) for cue in CUE_SETS.values()]


def analyse_body(text: str) -> BodyInfo:
    """Tokenise a body once: stems, sentence sets, char 4-grams, cue rates."""
    sents = sentences(text)
    sent_tokens = [raw_tokens(s) for s in sents]
    tokens = [t for st in sent_tokens for t in st]
    stems = [normalise_stem(t) for t in tokens]
    content = content_stems(tokens)
    sent_sets = [set(content_stems(st)) for st in sent_tokens]
    lead_set = set().union(*sent_sets[:LEAD_SENTENCES]) if sent_sets else set()
    length = max(1, len(tokens))
    lead_tokens = [t for st in sent_tokens[:LEAD_SENTENCES] for t in st]
    return BodyInfo(
        tokens=tokens,
        stems=stems,
        stem_set=set(content),
        stem_counts=Counter(content),
        lead_set=lead_set,
        bigrams=set(zip(content, content[1:], strict=False)),
        char4=_char4(content),
        names=capitalised_words(text),
        sent_tokens=sent_tokens,
        sent_sets=sent_sets,
        length=length,
        cue_rates=[100.0 * c / length for c in _cue_counts(tokens)],
        lead_cues=_cue_counts(lead_tokens),
    )


def analyse_claim(text: str) -> ClaimInfo:
    """Tokenise a claim once."""
    tokens = raw_tokens(text)
    stems = content_stems(tokens)
    return ClaimInfo(
        tokens=tokens,
        stems=stems,
        stem_set=set(stems),
        bigrams=set(zip(stems, stems[1:], strict=False)),
        char4=_char4(stems),
        names=capitalised_words(" " + text),
        cues=_cue_counts(tokens) + [float("?" in text), float(any(q in text for q in "'\"‘“"))],
    )


def stem_string(text: str) -> str:
    """The text as space-joined content stems: what the TF-IDF/LSA models see."""
    return " ".join(content_stems(raw_tokens(text)))


@dataclass
class VectorSpace:
    """TF-IDF (1-2 grams) for cosine, a small unigram TF-IDF + SVD for LSA, BM25 idf."""

    tfidf: TfidfVectorizer
    lsa_tfidf: TfidfVectorizer
    svd: TruncatedSVD
    idf: dict[str, float]
    avg_len: float

    @classmethod
    def fit(cls, texts: list[str], lsa_dims: int = 80, seed: int = 0) -> VectorSpace:
        """Fit on unique claim and body texts (unlabelled, so no label leakage)."""
        stemmed = [stem_string(t) for t in texts]
        tfidf = TfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), min_df=2, max_features=30000,
                                sublinear_tf=True, dtype=np.float32)
        tfidf.fit(stemmed)
        lsa_tfidf = TfidfVectorizer(token_pattern=r"\S+", min_df=2, max_features=6000, sublinear_tf=True,
                                    dtype=np.float32)
        lsa_matrix = lsa_tfidf.fit_transform(stemmed)
        dims = max(1, min(lsa_dims, lsa_matrix.shape[1] - 1, lsa_matrix.shape[0] - 1))  # small corpora
        svd = TruncatedSVD(n_components=dims, random_state=seed).fit(lsa_matrix)
        svd.components_ = svd.components_.astype(np.float32)
        doc_freq: Counter = Counter()
        for s in stemmed:
            doc_freq.update(set(s.split()))
        n_docs = len(stemmed)
        idf = {w: math.log(1 + (n_docs - df + 0.5) / (df + 0.5)) for w, df in doc_freq.items() if df >= 2}
        avg_len = float(np.mean([len(s.split()) for s in stemmed])) if stemmed else 1.0
        return cls(tfidf, lsa_tfidf, svd, idf, avg_len)

    def default_idf(self) -> float:
        """Idf of an unseen word: as rare as a word seen once."""
        return max(self.idf.values()) if self.idf else 1.0


def _l2_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-9)


def _bm25(claim: ClaimInfo, body: BodyInfo, space: VectorSpace, unseen_idf: float) -> float:
    k1, b = 1.2, 0.75
    norm = k1 * (1 - b + b * sum(body.stem_counts.values()) / max(space.avg_len, 1.0))
    score = max_score = 0.0
    for stem in claim.stem_set:
        idf = space.idf.get(stem, unseen_idf)
        tf = body.stem_counts.get(stem, 0)
        score += idf * tf * (k1 + 1) / (tf + norm)
        max_score += idf
    return score / max_score if max_score else 0.0


def _cues_near_terms(claim: ClaimInfo, body: BodyInfo) -> list[float]:
    """Cue words within CUE_WINDOW tokens of a claim term in the body."""
    hits = [i for i, s in enumerate(body.stems) if s in claim.stem_set]
    if not hits:
        return [0.0] * len(CUE_SETS)
    near: set[int] = set()
    for i in hits:
        near.update(range(max(0, i - CUE_WINDOW), min(len(body.tokens), i + CUE_WINDOW + 1)))
    window = [body.tokens[i] for i in near]
    return [c / max(1.0, len(window) / 50.0) for c in _cue_counts(window)]


def pair_features(claim: ClaimInfo, body: BodyInfo, space: VectorSpace, unseen_idf: float,
                  sims: tuple[float, float, float, float, float]) -> list[float]:
    """Hand features of one pair; `sims` are the vector similarities computed in batch."""
    cos_full, cos_lead, cos_lsa, sent_max, sent_top = sims
    n_claim = max(1, len(claim.stem_set))
    shared = claim.stem_set & body.stem_set
    idf_total = sum(space.idf.get(s, unseen_idf) for s in claim.stem_set) or 1.0
    sent_cover = [len(claim.stem_set & ss) / n_claim for ss in body.sent_sets] or [0.0]
    order = np.argsort(sent_cover)[::-1][:TOP_SENTENCES]
    top_tokens = [t for i in order for t in body.sent_tokens[i]]
    top_cues = _cue_counts(top_tokens)
    best_sentence_cues = _cue_counts(body.sent_tokens[int(order[0])]) if body.sent_tokens else [0.0] * 4
    names_cover = len(claim.names & body.names) / len(claim.names) if claim.names else -1.0
    features = [
        cos_full, cos_lead, cos_lsa, sent_max, sent_top,
        len(shared) / len(claim.stem_set | body.stem_set) if body.stem_set else 0.0,
        len(shared) / n_claim,
        sum(space.idf.get(s, unseen_idf) for s in shared) / idf_total,
        len(claim.stem_set & body.lead_set) / n_claim,
        _bm25(claim, body, space, unseen_idf),
        len(claim.bigrams & body.bigrams) / len(claim.bigrams) if claim.bigrams else 0.0,
        len(claim.char4 & body.char4) / len(claim.char4) if claim.char4 else 0.0,
        names_cover,
        max(sent_cover),
        float(np.mean(sorted(sent_cover)[-TOP_SENTENCES:])),
        float(len(claim.stem_set)),
        math.log(body.length),
        float(len(body.sent_sets)),
    ]
    features += claim.cues
    features += body.cue_rates + body.lead_cues + top_cues + best_sentence_cues
    features += _cues_near_terms(claim, body)
    features += [sum(claim.cues[:1]) % 2, body.cue_rates[0] * body.length / 100.0 % 2]
    return features


FEATURE_NAMES = (
    ["cos_tfidf", "cos_tfidf_lead", "cos_lsa", "cos_sent_max", "cos_sent_top3",
     "jaccard", "claim_cover", "claim_cover_idf", "claim_cover_lead", "bm25", "bigram_cover",
     "char4_cover", "names_cover", "sent_cover_max", "sent_cover_top3", "claim_len", "log_body_len",
     "body_sentences"]
    + [f"claim_{c}" for c in CUE_SETS] + ["claim_question", "claim_quote"]
    + [f"body_{c}_rate" for c in CUE_SETS] + [f"lead_{c}" for c in CUE_SETS]
    + [f"top3_{c}" for c in CUE_SETS] + [f"best_{c}" for c in CUE_SETS]
    + [f"near_{c}" for c in CUE_SETS] + ["claim_polarity", "body_polarity"]
)


class FeatureExtractor:
    """Turns (claim, body) pairs into a dense feature matrix, caching per-text analysis."""

    def __init__(self, space: VectorSpace) -> None:
        self.space = space
        self._unseen_idf = space.default_idf()

    def _similarities(self, claims: list[str], bodies: list[str], claim_idx: np.ndarray,
                      body_idx: np.ndarray) -> np.ndarray:
        space = self.space
        claim_stems = [stem_string(c) for c in claims]
        body_sents = [sentences(b) for b in bodies]
        body_stems = [" ".join(stem_string(s) for s in ss) for ss in body_sents]
        lead_stems = [" ".join(stem_string(s) for s in ss[:LEAD_SENTENCES]) for ss in body_sents]
        claim_vec = space.tfidf.transform(claim_stems)
        body_vec = space.tfidf.transform(body_stems)
        lead_vec = space.tfidf.transform(lead_stems)
        cos_full = np.asarray(claim_vec[claim_idx].multiply(body_vec[body_idx]).sum(axis=1)).ravel()
        cos_lead = np.asarray(claim_vec[claim_idx].multiply(lead_vec[body_idx]).sum(axis=1)).ravel()
        claim_lsa = _l2_rows(space.svd.transform(space.lsa_tfidf.transform(claim_stems)))
        body_lsa = _l2_rows(space.svd.transform(space.lsa_tfidf.transform(body_stems)))
        cos_lsa = np.einsum("ij,ij->i", claim_lsa[claim_idx], body_lsa[body_idx])
        flat = [stem_string(s) for ss in body_sents for s in ss]
        offsets = np.cumsum([0] + [len(ss) for ss in body_sents])
        sent_vec = space.tfidf.transform(flat) if flat else sparse.csr_matrix((0, claim_vec.shape[1]))
        sent_max = np.zeros(len(claim_idx), dtype=np.float32)
        sent_top = np.zeros(len(claim_idx), dtype=np.float32)
        for b in np.unique(body_idx):
            rows = np.flatnonzero(body_idx == b)
            block = sent_vec[offsets[b]:offsets[b + 1]]
            if block.shape[0] == 0:
                continue
            sims = (claim_vec[claim_idx[rows]] @ block.T).toarray()
            sims.sort(axis=1)
            sent_max[rows] = sims[:, -1]
            sent_top[rows] = sims[:, -TOP_SENTENCES:].mean(axis=1)
        return np.column_stack([cos_full, cos_lead, cos_lsa, sent_max, sent_top])

    def transform(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Feature matrix (n_pairs x len(FEATURE_NAMES)) for (claim, body) pairs."""
        if not pairs:
            return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
        claims, bodies, claim_idx, body_idx = distinct_texts(pairs)
        sims = self._similarities(claims, bodies, claim_idx, body_idx)
        claim_info = [analyse_claim(c) for c in claims]
        body_info = [analyse_body(b) for b in bodies]
        rows = [
            pair_features(claim_info[ci], body_info[bi], self.space, self._unseen_idf, tuple(sims[k]))
            for k, (ci, bi) in enumerate(zip(claim_idx, body_idx, strict=True))
        ]
        return np.asarray(rows, dtype=np.float32)
