"""Cross-fitted similarity features: training pairs measured the way new stories will be.

The similarity features (TF-IDF, LSA, BM25 idf) come from vector spaces fitted on
the training text.  Measured on the training pairs themselves, every word of the pair is known to
the space, so a claim and a body of the same topic always look close and the stage-1 model learns
to trust the latent similarities.  On a new story the topic's names are unknown to the space, and
LSA's cosine between two texts of unknown words drifts to the generic direction (0.5 between an
Indian clerk's leave and an IS beheading video): the model, trained on known topics, calls such
pairs related.  Here each training pair is featurised by a space fitted without its claim's and its
body's topics (topics assigned to folds), so the stages learn from similarities that behave as they
will at prediction time.  The final space used for prediction is still fitted on all training text.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations_with_replacement

import numpy as np

from .stance_data import related_components

# Featurise pairs with spaces fitted on the given (claims, bodies): returns one row per pair.
Featuriser = Callable[[list[str], list[str]], Callable[[list[tuple[str, str]]], np.ndarray]]

# Topic folds: each training pair is measured by a space fitted on the topics of the other folds
# (half to three quarters of the text).  Set before any measurement and not tuned (session 6).
CROSS_FIT_FOLDS = 4


def text_topics(pairs: list[tuple[str, str]], labels: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Topic of each distinct claim and body: the rumour (related component) it belongs to; a claim
    with no related body is a topic of its own."""
    topics = related_components([c for c, _ in pairs], [b for _, b in pairs], labels)
    body_topic = {b: t for (_, b), t in zip(pairs, topics, strict=True)}
    claim_topic: dict[str, int] = {}
    for (claim, _), topic, label in zip(pairs, topics, labels, strict=True):
        if label != "unrelated":
            claim_topic[claim] = topic
    next_topic = max(topics, default=-1) + 1
    for claim, _ in pairs:
        if claim not in claim_topic:
            claim_topic[claim] = next_topic
            next_topic += 1
    return claim_topic, body_topic


def cross_fitted_features(pairs: list[tuple[str, str]], labels: list[str], featuriser: Featuriser,
                          folds: int = CROSS_FIT_FOLDS, seed: int = 0) -> np.ndarray:
    """Feature rows for training pairs, each from spaces fitted on text of neither its claim's nor its
    body's topic fold (one fit per pair of folds: folds * (folds + 1) / 2 fits)."""
    claim_topic, body_topic = text_topics(pairs, labels)
    distinct = sorted(set(claim_topic.values()) | set(body_topic.values()))
    rng = np.random.RandomState(seed)
    fold_of = dict(zip(distinct, rng.permutation(len(distinct)) % folds, strict=True))
    claim_fold = {c: int(fold_of[t]) for c, t in claim_topic.items()}
    body_fold = {b: int(fold_of[t]) for b, t in body_topic.items()}
    pair_folds = [tuple(sorted((claim_fold[c], body_fold[b]))) for c, b in pairs]
    out: np.ndarray | None = None
    for held in combinations_with_replacement(range(folds), 2):
        rows = [i for i, pf in enumerate(pair_folds) if pf == held]
        if not rows:
            continue
        claims = [c for c, f in claim_fold.items() if f not in held]
        bodies = [b for b, f in body_fold.items() if f not in held]
        if not claims or not bodies:  # too little data to hold anything out: fit on everything
            claims, bodies = list(claim_fold), list(body_fold)
        block = featuriser(claims, bodies)([pairs[i] for i in rows])
        if out is None:
            out = np.zeros((len(pairs), block.shape[1]), dtype=np.float32)
        out[rows] = block
    assert out is not None
    return out
