"""Tests for cross-fitted stance features (corroborate.stance_crossfit)."""

from __future__ import annotations

import numpy as np

from corroborate.stance_crossfit import cross_fitted_features, text_topics


def rumour_pairs(n_topics: int = 8) -> tuple[list[tuple[str, str]], list[str]]:
    """Each topic: one claim with two related bodies; each claim also paired with the next topic's body."""
    pairs, labels = [], []
    for t in range(n_topics):
        claim = f"claim {t}"
        for k in range(2):
            pairs.append((claim, f"body {t}.{k}"))
            labels.append("agree" if k else "discuss")
        pairs.append((claim, f"body {(t + 1) % n_topics}.0"))
        labels.append("unrelated")
    pairs.append(("a claim with no related body", "body 0.0"))
    labels.append("unrelated")
    return pairs, labels


def test_text_topics_follow_rumours_and_isolate_claims_without_related_bodies() -> None:
    pairs, labels = rumour_pairs()
    claim_topic, body_topic = text_topics(pairs, labels)
    assert claim_topic["claim 3"] == body_topic["body 3.0"] == body_topic["body 3.1"]
    assert body_topic["body 3.0"] != body_topic["body 4.0"]
    assert claim_topic["a claim with no related body"] not in body_topic.values()


def test_no_pair_is_featurised_by_a_space_that_saw_its_claim_or_body() -> None:
    pairs, labels = rumour_pairs()
    fits: list[tuple[set[str], set[str]]] = []

    def featuriser(claims: list[str], bodies: list[str]):
        seen_claims, seen_bodies = set(claims), set(bodies)
        fits.append((seen_claims, seen_bodies))
        return lambda batch: np.array([[float(c in seen_claims), float(b in seen_bodies), len(seen_bodies)]
                                       for c, b in batch])

    x = cross_fitted_features(pairs, labels, featuriser, folds=3, seed=1)
    assert x.shape == (len(pairs), 3)
    assert not x[:, :2].any()  # neither side known to the space that measured it
    assert x[:, 2].min() > 0  # but every space saw some text
    assert len(fits) <= 6  # one fit per pair of folds (3 + 3)


def test_both_settings_train_and_the_prediction_space_sees_all_training_text() -> None:
    """cross_fit only changes the rows the stages learn from: the space that featurises new pairs is
    still fitted on every training text, with and without it (bench/stance.py --cross-fit both)."""
    from corroborate.stance import train_stance_model
    from corroborate.stance_features import VectorSpace
    from tests.test_stance import toy_stance_corpus

    pairs, labels = toy_stance_corpus()
    full = VectorSpace.fit(list(dict.fromkeys([c for c, _ in pairs] + [b for _, b in pairs])))
    for cross_fit in (False, True):
        model = train_stance_model(pairs, labels, use_text_model=False, members=1, cross_fit=cross_fit)
        assert model.space.avg_len == full.avg_len and model.space.idf == full.idf
        assert set(model.predict(pairs[:8])) <= {"agree", "disagree", "discuss", "unrelated"}
