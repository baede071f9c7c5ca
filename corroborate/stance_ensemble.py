"""Bagged gradient boosting for the two stance stages.

One boosted-tree model trained on ~10k related pairs from ~250 rumours is noisy: which
rumours it happens to fit closely shifts its agree/discuss boundary by a point of FNC score
from one random seed to the next.  Averaging the probabilities of several models, each
trained on a different random subset of the topics (whole rumours left out, as the test
set's rumours are unseen), keeps what holds across topics and cancels what one topic taught.
"""

from __future__ import annotations

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

# Share of the topics each member of the bag is trained on.
TOPIC_SHARE = 0.8


def topic_subsets(groups: np.ndarray, members: int, share: float = TOPIC_SHARE,
                  seed: int = 0) -> list[np.ndarray]:
    """Row indexes for each member: all rows of a random `share` of the groups (seeded).

    With a single group (tiny data) or a single member, every member gets every row."""
    distinct = np.unique(groups)
    if members <= 1 or len(distinct) < 2:
        return [np.arange(len(groups)) for _ in range(max(1, members))]
    keep_count = max(1, int(round(share * len(distinct))))
    out = []
    for member in range(members):
        rng = np.random.RandomState(seed * 1000 + member)
        keep = rng.choice(distinct, keep_count, replace=False)
        out.append(np.flatnonzero(np.isin(groups, keep)))
    return out


class BaggedBoosting:
    """Average of HistGradientBoostingClassifiers fitted on topic subsets; the same
    `classes_` / `predict_proba` / `predict` interface as one of them."""

    def __init__(self, members: int = 5, seed: int = 0, share: float = TOPIC_SHARE, **params: object) -> None:
        self.members = members
        self.seed = seed
        self.share = share
        self.params = params
        self.models: list[HistGradientBoostingClassifier] = []
        self.classes_: np.ndarray = np.zeros(0)

    def fit(self, features: np.ndarray, labels: np.ndarray, groups: np.ndarray | None = None,
            sample_weight: np.ndarray | None = None) -> BaggedBoosting:
        """Fit each member on its topic subset (rows as groups when `groups` is None)."""
        labels = np.asarray(labels)
        groups = np.arange(len(labels)) if groups is None else np.asarray(groups)
        self.classes_ = np.unique(labels)
        self.models = []
        for member, rows in enumerate(topic_subsets(groups, self.members, self.share, self.seed)):
            if len(np.unique(labels[rows])) < len(self.classes_):  # a subset lost a class: use all rows
                rows = np.arange(len(labels))
            model = HistGradientBoostingClassifier(random_state=self.seed * 1000 + member, **self.params)
            weight = None if sample_weight is None else sample_weight[rows]
            self.models.append(model.fit(features[rows], labels[rows], sample_weight=weight))
        return self

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """Mean of the members' class probabilities, columns in `classes_` order."""
        return np.mean([m.predict_proba(features) for m in self.models], axis=0)

    def predict(self, features: np.ndarray) -> np.ndarray:
        """The class of highest mean probability."""
        return self.classes_[self.predict_proba(features).argmax(axis=1)]
