"""Bagged stages of the stance model (corroborate.stance_ensemble) and the stage-2 'disagree' boost."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corroborate.stance import train_stance_model
from corroborate.stance_ensemble import BaggedBoosting, topic_subsets
from tests.test_stance import toy_stance_corpus


def test_topic_subsets_keep_whole_topics_and_differ_between_members() -> None:
    groups = np.repeat(np.arange(10), 3)  # 10 topics of 3 rows
    subsets = topic_subsets(groups, members=4, share=0.8, seed=0)
    assert len(subsets) == 4
    for rows in subsets:
        kept = set(groups[rows])
        assert len(kept) == 8
        assert len(rows) == 24  # every row of a kept topic, none of the others
    assert len({tuple(rows) for rows in subsets}) > 1
    assert [r.tolist() for r in topic_subsets(groups, 4, 0.8, 0)] == [r.tolist() for r in subsets]  # seeded
    one_topic = topic_subsets(np.zeros(5, dtype=int), members=3)
    assert all(r.tolist() == list(range(5)) for r in one_topic)


def test_bag_averages_its_members() -> None:
    rng = np.random.RandomState(0)
    features = rng.normal(size=(300, 4))
    labels = np.where(features[:, 0] + 0.5 * rng.normal(size=300) > 0, "a", "b")
    groups = np.arange(300) // 10
    bag = BaggedBoosting(members=3, seed=1, max_iter=30).fit(features, labels, groups)
    assert len(bag.models) == 3 and list(bag.classes_) == ["a", "b"]
    proba = bag.predict_proba(features)
    assert np.allclose(proba, np.mean([m.predict_proba(features) for m in bag.models], axis=0))
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert (bag.predict(features) == labels).mean() > 0.75


def test_bag_member_that_lost_a_class_trains_on_all_rows() -> None:
    features = np.arange(40, dtype=float).reshape(-1, 1)
    labels = np.array(["common"] * 38 + ["rare"] * 2)
    groups = np.arange(40)  # the two 'rare' rows are two topics that a subset may drop
    bag = BaggedBoosting(members=6, seed=0, share=0.5, max_iter=10).fit(features, labels, groups)
    assert all(list(m.classes_) == ["common", "rare"] for m in bag.models)


def test_disagree_boost_only_moves_related_pairs_to_disagree() -> None:
    pairs, labels = toy_stance_corpus()
    model = train_stance_model(pairs, labels, members=2)
    plain = replace(model, disagree_boost=1.0).predict(pairs)
    boosted = replace(model, disagree_boost=1e30).predict(pairs)
    assert all(b == p if p == "unrelated" else b == "disagree" for p, b in zip(plain, boosted, strict=True))
    assert "disagree" in plain or "disagree" in boosted
