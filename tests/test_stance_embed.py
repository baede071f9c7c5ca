"""The MiniLM variant of the stance model (corroborate.stance_embed), with a stand-in encoder so the
tests need neither the embeddings extra nor the data; one test uses MiniLM when it is installed."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from corroborate import cluster_embed, stance_embed
from corroborate.stance import EMBED_MODEL_PATH, MODEL_PATH, load_model, predict_stances, train_stance_model
from corroborate.stance_embed import DIM, SIM_NAMES, CachedEncoder, embed_similarities
from tests.test_stance import toy_stance_corpus

LABELS = {"agree", "disagree", "discuss", "unrelated"}


def hashed_bag_encoder(texts: list[str]) -> np.ndarray:
    """Deterministic stand-in for MiniLM: hashed bag of lower-cased words, unit length."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            out[row, int(hashlib.md5(word.strip(".,").encode()).hexdigest(), 16) % DIM] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-9)


CLAIM = "The mayor will open the bridge on Friday"
RESTATING = "Officials said the mayor will open the bridge on Friday. Crowds are expected."
OTHER = "Heavy rain flooded the valley. Rescue boats reached the villages."


def test_similarities_rank_a_restating_body_above_another_story() -> None:
    sims = embed_similarities([(CLAIM, RESTATING), (CLAIM, OTHER), (CLAIM, "")], hashed_bag_encoder)
    assert sims.shape == (3, len(SIM_NAMES))
    assert all(sims[0, i] > sims[1, i] for i in range(4))
    assert embed_similarities([], hashed_bag_encoder).shape == (0, len(SIM_NAMES))


def test_cached_encoder_encodes_each_text_once_and_persists(tmp_path) -> None:
    calls: list[list[str]] = []

    def counting(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return hashed_bag_encoder(texts)

    path = tmp_path / "vectors.pkl"
    cache = CachedEncoder(counting, path)
    first = cache(["a b", "c", "a b"])
    second = cache(["c", "a b"])
    assert calls == [["a b", "c"]]
    assert np.allclose(first[2], second[1])
    cache.save()
    reloaded = CachedEncoder(counting, path)
    assert np.allclose(reloaded(["c"]), second[:1]) and len(calls) == 1


def test_minilm_variant_trains_and_predicts_with_a_stand_in_encoder() -> None:
    """Trained on three toy topics, the variant labels the fourth, unseen one (as in test_stance: the
    cross-fitted model is meant for new stories; on its own training pairs, whose words the final space
    knows, the similarities differ from those it learnt from)."""
    pairs, labels = toy_stance_corpus()
    seen = 3 * len(pairs) // 4
    model = train_stance_model(pairs[:seen], labels[:seen], encode=hashed_bag_encoder)
    assert model.uses_embeddings
    assert model.uses_alignment and model.window_model is not None  # on by default since the session-7 follow-up
    predicted = model.predict(pairs[seen:], hashed_bag_encoder)
    assert set(predicted) <= LABELS
    assert sum(p == g for p, g in zip(predicted, labels[seen:], strict=True)) >= 0.75 * len(predicted)
    assert not train_stance_model(pairs, labels).uses_embeddings


def test_related_threshold_trades_unrelated_for_related() -> None:
    """A lower stage-1 threshold can only move pairs from 'unrelated' to a stance."""
    from dataclasses import replace

    pairs = [(CLAIM, RESTATING), (CLAIM, OTHER), ("Floods reach the valley", OTHER), (CLAIM, "")] * 12
    labels = ["agree", "unrelated", "discuss", "unrelated"] * 12
    model = train_stance_model(pairs, labels, use_text_model=False)
    default = model.predict(pairs)
    assert set(replace(model, related_threshold=1.01).predict(pairs)) == {"unrelated"}
    loose = replace(model, related_threshold=-0.01).predict(pairs)
    assert "unrelated" not in loose
    assert all(a == "unrelated" or a == b for a, b in zip(default, loose, strict=True))


@pytest.mark.skipif(not cluster_embed.available(), reason="embeddings extra (MiniLM) not installed")
def test_minilm_vectors_see_paraphrase() -> None:
    vectors = stance_embed.minilm_encode(["The president resigned today.", "Today the head of state quit.",
                                          "Bananas are rich in potassium."])
    assert vectors.shape == (3, DIM)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


@pytest.mark.skipif(not (cluster_embed.available() and EMBED_MODEL_PATH.exists()),
                    reason="embeddings extra (MiniLM) not installed or no stance_minilm.pkl.gz")
def test_shipped_minilm_variant_tells_related_from_unrelated() -> None:
    claim = "Apple to release a smartwatch with a sapphire screen next month"
    restating = ("Apple will release a smartwatch with a sapphire screen next month, the company said. "
                 "The watch goes on sale in the United States next month.")
    labels = predict_stances([(claim, OTHER), (claim, restating)], use_embeddings=True)
    assert labels[0] == "unrelated" and labels[1] != "unrelated"
    assert load_model(EMBED_MODEL_PATH).uses_embeddings and not load_model(MODEL_PATH).uses_embeddings


def test_stance_command_embeds_a_shared_body_once_across_batches(monkeypatch) -> None:
    from corroborate import stance
    from corroborate.stance_embed import CachedEncoder

    seen: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return hashed_bag_encoder(texts)

    monkeypatch.setattr(stance, "CachedEncoder", lambda: CachedEncoder(counting))
    monkeypatch.setattr(stance, "predict_stances",
                        lambda pairs, use, encode: [str(encode([b for _, b in pairs]).shape[0]) for _ in pairs])
    body = "The minister resigned on Monday. Officials confirmed the resignation."
    rows = [{"id": i, "claim": f"claim {i}", "body": body} for i in range(5)]
    out = list(stance.stance_command(rows, batch_size=2, use_embeddings=True))
    assert [r["id"] for r in out] == list(range(5))
    assert seen == [body]  # three batches, one encoding
