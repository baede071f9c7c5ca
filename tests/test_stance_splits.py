"""The competition-like held-out split and the class-mix-weighted FNC score (corroborate.stance_data)."""

from __future__ import annotations

import random

import pytest

from corroborate.stance_data import (
    COMPETITION_MIX,
    RELATED,
    StancePair,
    claim_topics,
    competition_like_split,
    competition_mix_weights,
    fnc_score,
    topic_split,
)


def toy_pairs(n_topics: int = 20, seed: int = 0) -> list[StancePair]:
    """Rumours with 3 headlines and 4 bodies each, all related within a topic, plus a few cross pairs."""
    rng = random.Random(seed)
    pairs = []
    for t in range(n_topics):
        for h in range(3):
            for b in range(4):
                pairs.append(StancePair(f"claim {t}-{h}", f"body {t}-{b}", rng.choice(RELATED), t * 10 + b))
    for _ in range(40):
        t, u = rng.sample(range(n_topics), 2)
        pairs.append(StancePair(f"claim {t}-{rng.randrange(3)}", f"body {u}-0", "unrelated", u * 10))
    return pairs


def test_competition_like_split_holds_out_whole_topics_with_the_competition_share() -> None:
    pairs = toy_pairs()
    train, test = competition_like_split(pairs, test_share=0.25, seed=3)
    topic_train, topic_test = topic_split(pairs, test_share=0.25, seed=3)
    assert train == topic_train
    assert set(topic_test) <= set(test)  # the topic split's test pairs are all kept
    unrelated = [p for p in test if p.stance == "unrelated"]
    assert len(unrelated) / len(test) == pytest.approx(COMPETITION_MIX["unrelated"], abs=0.01)
    assert not {p.body_id for p in train} & {p.body_id for p in test}
    assert not {p.claim for p in train if p.stance in RELATED} & {p.claim for p in test}
    topic_of_body = claim_topics(pairs)
    claim_topic = {p.claim: topic_of_body[p.body_id] for p in pairs if p.stance in RELATED}
    for p in unrelated:  # made like FNC's: a headline with a body of another held-out topic
        assert claim_topic[p.claim] != topic_of_body[p.body_id]
    assert len({(p.claim, p.body_id) for p in test}) == len(test)
    assert competition_like_split(pairs, test_share=0.25, seed=3) == (train, test)


def test_mix_weights_give_the_competition_mix_and_score() -> None:
    gold = ["agree"] * 10 + ["disagree"] * 5 + ["discuss"] * 30 + ["unrelated"] * 55
    weights = competition_mix_weights(gold)
    total = sum(weights[g] for g in gold)
    for label, share in COMPETITION_MIX.items():
        assert sum(weights[g] for g in gold if g == label) / total == pytest.approx(share)
    score, best = fnc_score(gold, ["unrelated"] * len(gold), weights)
    assert score / best == pytest.approx(0.3937, abs=1e-4)  # all-'unrelated' on the competition test: 39.37 %
    assert fnc_score(gold, gold, weights)[0] == pytest.approx(best)
