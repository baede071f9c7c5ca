"""Optional MiniLM signals for the stance classifier (the `embeddings` extra).

The core stance model never needs this.  With the extra installed, the claim and every body
sentence are embedded with the bundled all-MiniLM-L6-v2 (offline; nothing is downloaded), and
the claim's cosine to the best sentence, the top sentences, the lead and the whole body join the
features of both stages.  They recognise paraphrases that share few words with the claim, so
stage 1 finds related bodies that TF-IDF misses; that is where they help (docs/benchmarks.md).
A linear model over the MiniLM pair vector [claim, top sentences, |difference|, product], as
the FNC-1 UCLMR/Athene systems used, was tried for stage 2 and did not help: MiniLM is trained
for topical similarity, not for agreement.

Embeddings are computed once per unique text (FNC bodies are paired with dozens of claims).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .cluster_embed import minilm_model
from .stance_text import distinct_texts, sentences

DIM = 384
MAX_SENTENCES = 60  # long bodies: the claim's topic is stated early, and this bounds the cost
TOP_K = 3
SIM_NAMES = ("emb_cos_max", "emb_cos_top3", "emb_cos_lead", "emb_cos_body", "emb_share_above_half")

Encoder = Callable[[list[str]], np.ndarray]


def minilm_encode(texts: list[str]) -> np.ndarray:
    """L2-normalised MiniLM vectors, one row per text (the default encoder)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    order = np.argsort([len(t) for t in texts])  # similar lengths batch with less padding
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    out[order] = minilm_model().encode([texts[i] for i in order], batch_size=64, normalize_embeddings=True,
                                  show_progress_bar=False)
    return out


def body_sentences(body: str) -> list[str]:
    """The body sentences that are embedded (at most MAX_SENTENCES)."""
    return sentences(body)[:MAX_SENTENCES] or [""]


def embed_texts(claims: list[str], bodies: list[str],
                encode: Encoder = minilm_encode) -> tuple[np.ndarray, list[np.ndarray]]:
    """Claim vectors (one row each) and, per body, its sentence vectors; one encoder call for all."""
    sents = [body_sentences(b) for b in bodies]
    flat = list(claims) + [s for ss in sents for s in ss]
    vectors = encode(flat)
    claim_vecs = vectors[:len(claims)]
    offsets = np.cumsum([len(claims)] + [len(ss) for ss in sents])
    return claim_vecs, [vectors[offsets[k]:offsets[k + 1]] for k in range(len(bodies))]


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-9)


def pair_similarities(claim_vecs: np.ndarray, body_sents: list[np.ndarray], claim_idx: np.ndarray,
                      body_idx: np.ndarray) -> np.ndarray:
    """SIM_NAMES features for pairs given as indexes into the claims and the bodies."""
    sims = np.zeros((len(claim_idx), len(SIM_NAMES)), dtype=np.float32)
    body_means = [_unit(s.mean(axis=0)) for s in body_sents]
    for k, (ci, bi) in enumerate(zip(claim_idx, body_idx, strict=True)):
        claim = claim_vecs[ci]
        cos = body_sents[bi] @ claim
        top = np.sort(cos)[::-1][:TOP_K]
        sims[k] = (top[0], top.mean(), cos[0], float(body_means[bi] @ claim), float(np.mean(cos > 0.5)))
    return sims


def embed_similarities(pairs: list[tuple[str, str]], encode: Encoder = minilm_encode) -> np.ndarray:
    """`pair_similarities` for (claim, body) pairs, embedding each unique text once."""
    if not pairs:
        return np.zeros((0, len(SIM_NAMES)), dtype=np.float32)
    claims, bodies, claim_idx, body_idx = distinct_texts(pairs)
    claim_vecs, body_sents = embed_texts(claims, bodies, encode)
    return pair_similarities(claim_vecs, body_sents, claim_idx, body_idx)


class CachedEncoder:
    """An encoder that embeds each distinct text once, optionally kept in a pickle file so that
    training and benchmark runs over the same corpus pay for MiniLM once."""

    def __init__(self, encode: Encoder = minilm_encode, path: Path | None = None) -> None:
        self.encode = encode
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path is not None and path.exists():
            with open(path, "rb") as fh:
                self.vectors = pickle.load(fh)

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        if missing:
            self.vectors.update(zip(missing, self.encode(missing), strict=True))
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self.vectors[t] for t in texts])

    def save(self) -> None:
        """Write the cache to its file (if it has one)."""
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "wb") as fh:
                pickle.dump(self.vectors, fh, protocol=pickle.HIGHEST_PROTOCOL)
