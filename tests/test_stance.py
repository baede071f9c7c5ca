"""Tests for the stance classifier (corroborate.stance and helpers)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from corroborate.stance import MODEL_PATH, predict_stance, predict_stances, stance_command, train_stance_model
from corroborate.stance_data import (
    StancePair,
    body_split,
    class_f1,
    fnc_score,
    load_fnc,
    official_holdout_split,
    related_components,
    topic_split,
)
from corroborate.stance_features import FEATURE_NAMES, FeatureExtractor, VectorSpace
from corroborate.stance_text import normalise_stem, raw_tokens

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "stance-dev" / "fnc1"
LABELS = {"agree", "disagree", "discuss", "unrelated"}

CLAIM = "Apple to release a smartwatch with a sapphire screen next month"
RESTATING_BODY = (
    "Apple will release a smartwatch with a sapphire screen next month, the company said on Tuesday. "
    "The smartwatch, Apple's first wearable, will go on sale in the United States next month. "
    "Analysts expect the sapphire screen to make the smartwatch more durable than rivals."
)
OTHER_BODY = (
    "Heavy flooding forced thousands of families from their homes in the river valley on Sunday. "
    "Rescue teams used boats to reach villages cut off by the water, and the regional governor "
    "declared a state of emergency as more rain was forecast for the week."
)

needs_model = pytest.mark.skipif(not MODEL_PATH.exists(), reason=f"no shipped stance model at {MODEL_PATH}")
needs_data = pytest.mark.skipif(not (DATA / "train_stances.csv").exists(),
                                reason=f"FNC-1 data not found at {DATA} (../shared/data/stance-dev/fnc1)")


def test_tokens_keep_negation_and_stems_merge_inflections() -> None:
    assert raw_tokens("They didn't deny it") == ["they", "did", "n't", "deny", "it"]
    assert normalise_stem("denies") == normalise_stem("denied") == "deny"
    assert normalise_stem("killing") == normalise_stem("killed") == "kill"


def test_fnc_score_matches_official_rules() -> None:
    gold = ["agree", "unrelated", "discuss", "disagree"]
    pred = ["agree", "unrelated", "agree", "unrelated"]
    score, best = fnc_score(gold, pred)
    # agree right: 1.0; unrelated right: 0.25; discuss->agree: related right only 0.25; disagree->unrelated: 0
    assert (score, best) == (1.5, 3.25)
    f1 = class_f1(gold, pred)
    assert f1["unrelated"] == pytest.approx(2 / 3)
    assert f1["agree"] == pytest.approx(2 / 3)
    assert f1["discuss"] == 0.0


def test_splits_never_share_bodies() -> None:
    rng = random.Random(3)
    pairs = [StancePair(f"h{rng.randrange(30)}", f"body {b}", rng.choice(sorted(LABELS)), b)
             for b in range(60) for _ in range(4)]
    train, test = body_split(pairs, 0.25, seed=1)
    assert train and test
    assert not {p.body_id for p in train} & {p.body_id for p in test}
    train_ids, held_ids = official_holdout_split(list(range(100)))
    assert len(train_ids) == 80 and not train_ids & held_ids
    t_train, t_test = topic_split(pairs, 0.3, seed=0)
    assert not {p.body_id for p in t_train} & {p.body_id for p in t_test}


def test_features_have_named_columns() -> None:
    texts = [CLAIM, RESTATING_BODY, OTHER_BODY, "Floods force families from homes"]
    extractor = FeatureExtractor(VectorSpace.fit(texts, lsa_dims=2))
    x = extractor.transform([(CLAIM, RESTATING_BODY), (CLAIM, OTHER_BODY)])
    assert x.shape == (2, len(FEATURE_NAMES))
    cover = FEATURE_NAMES.index("claim_cover")
    assert x[0, cover] > x[1, cover]
    assert extractor.transform([]).shape == (0, len(FEATURE_NAMES))


def test_related_components_group_a_rumour() -> None:
    claims = ["a", "a", "b", "c"]
    bodies = ["x", "y", "y", "z"]
    labels = ["agree", "discuss", "unrelated", "disagree"]
    topics = related_components(claims, bodies, labels)
    assert topics[0] == topics[1] == topics[2]  # x-a-y linked; 'b' is unrelated but its body is y
    assert topics[3] != topics[0]


def toy_stance_corpus() -> tuple[list[tuple[str, str]], list[str]]:
    """Four topics, one body per stance, ten near-copies each: enough rows for the trees' minimum leaf
    size (20), no data needed."""
    topics = [("mayor", "bridge"), ("singer", "concert"), ("league", "final"), ("virus", "vaccine")]
    pairs, labels = [], []
    for i, (who, what) in enumerate(topics):
        other = topics[(i + 1) % len(topics)]
        claim = f"The {who} will open the {what} on Friday"
        bodies = {
            "agree": f"The {who} confirmed the {what} opens Friday. Officials announced the {what} plan.",
            "disagree": f"The {who} denied reports about the {what}. The story is a hoax and false.",
            "discuss": f"The {who} may reportedly open the {what}, according to unconfirmed claims.",
            "unrelated": f"The {other[0]} spoke about the {other[1]} at length yesterday evening.",
        }
        for label, body in bodies.items():
            for k in range(10):
                pairs.append((claim, body + f" Update {k}."))
                labels.append(label)
    return pairs, labels


def test_training_runs_end_to_end_on_tiny_data() -> None:
    """Both stages and the stacked text model train on three toy topics and label the fourth, unseen
    one, as the shipped model labels new stories (no data needed).  Without cross-fitted similarities
    the model confused its stances (20 of 40 right, session 5); with them all 40 were right."""
    pairs, labels = toy_stance_corpus()
    seen = 3 * len(pairs) // 4
    model = train_stance_model(pairs[:seen], labels[:seen])
    assert model.text_model is not None
    predicted = model.predict(pairs[seen:])
    assert set(predicted) <= LABELS
    assert sum(p == g for p, g in zip(predicted, labels[seen:], strict=True)) >= 0.75 * len(predicted)


@needs_model
def test_api_shape_and_cli_records() -> None:
    label = predict_stance(CLAIM, RESTATING_BODY)
    assert label in LABELS
    labels = predict_stances([(CLAIM, RESTATING_BODY), (CLAIM, OTHER_BODY), (CLAIM, "")])
    assert len(labels) == 3 and set(labels) <= LABELS
    assert predict_stances([]) == []
    out = list(stance_command([{"id": "a", "claim": CLAIM, "body": OTHER_BODY},
                               {"id": 7, "claim": CLAIM, "body": RESTATING_BODY}]))
    assert [r["id"] for r in out] == ["a", 7]
    assert all(set(r) == {"id", "stance"} and r["stance"] in LABELS for r in out)


@needs_model
def test_sanity_unrelated_vs_restating() -> None:
    assert predict_stance(CLAIM, OTHER_BODY) == "unrelated"
    assert predict_stance(CLAIM, RESTATING_BODY) != "unrelated"


@needs_data
def test_floor_on_small_body_split() -> None:
    """Retrain on a small body-disjoint sample; the FNC score must stay above a floor.

    Without the text model, to keep the test near 30 s; floors sit well below the measured values.
    """
    pairs, _ = load_fnc(DATA)
    rng = random.Random(0)
    bodies = sorted({p.body_id for p in pairs})
    rng.shuffle(bodies)
    train_ids, test_ids = set(bodies[:300]), set(bodies[300:400])
    train = [p for p in pairs if p.body_id in train_ids]
    test = [p for p in pairs if p.body_id in test_ids]
    model = train_stance_model([(p.claim, p.body) for p in train], [p.stance for p in train], use_text_model=False)
    pred = model.predict([(p.claim, p.body) for p in test])
    gold = [p.stance for p in test]
    score, best = fnc_score(gold, pred)
    f1 = class_f1(gold, pred)
    assert score / best > FLOOR_FNC
    assert f1["unrelated"] > 0.95
    assert np.mean(list(f1.values())) > FLOOR_MACRO_F1


# Measured on this sample (2026-11-22): FNC 0.799, macro-F1 0.569, unrelated F1 0.983.
FLOOR_FNC = 0.72
FLOOR_MACRO_F1 = 0.45
