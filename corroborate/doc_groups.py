"""Group documents into stories by their words, for commands that get bare documents.

TF-IDF vectors and average-linkage clustering cut at a cosine distance; past a
few thousand documents the all-pairs linkage would be quadratic, so documents
then join the nearest story centroid in one pass.
"""

from __future__ import annotations

from collections import defaultdict


def group_documents(doc_texts: dict[str, str], threshold: float = 0.9) -> list[list[str]]:
    """Stories from documents: average-linkage clustering of TF-IDF vectors, cut at a cosine distance.

    Past `_MAX_LINKAGE_DOCS` documents the all-pairs linkage would be quadratic, so documents
    join the nearest story centroid in one pass instead."""
    ids = list(doc_texts)
    if len(ids) < 2:
        return [ids]
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([doc_texts[d] for d in ids])
    if len(ids) > _MAX_LINKAGE_DOCS:
        return _leader_groups(ids, vectors, 1.0 - threshold)
    from scipy.cluster.hierarchy import fcluster, linkage

    labels = fcluster(linkage(vectors.toarray(), method="average", metric="cosine"), t=threshold, criterion="distance")
    groups: dict[int, list[str]] = defaultdict(list)
    for doc, label in zip(ids, labels, strict=True):
        groups[int(label)].append(doc)
    return list(groups.values())


_MAX_LINKAGE_DOCS = 3000


def _leader_groups(ids: list[str], vectors, min_similarity: float) -> list[list[str]]:
    """One pass: each document joins the most similar story centroid, or starts a story."""
    import numpy as np
    from scipy.sparse import vstack
    from sklearn.preprocessing import normalize

    vectors = normalize(vectors).tocsr()
    groups: list[list[str]] = []
    sums: list = []
    for i, doc in enumerate(ids):
        row = vectors[i]
        if sums:
            centroids = normalize(vstack(sums).tocsr())
            sims = np.asarray((centroids @ row.T).todense()).ravel()
            best = int(np.argmax(sims))
            if sims[best] >= min_similarity:
                groups[best].append(doc)
                sums[best] = sums[best] + row
                continue
        groups.append([doc])
        sums.append(row)
    return groups
