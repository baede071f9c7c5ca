"""Claim-to-sentence alignment features of stage 2 (corroborate.stance_align)."""

from __future__ import annotations

import numpy as np

from corroborate.stance import train_stance_model
from corroborate.stance_align import ALIGN_NAMES, alignment_features, window_documents
from tests.test_stance import toy_stance_corpus

CLAIM = "Apple to release a smartwatch with a sapphire screen"


def _named(claim: str, body: str) -> dict[str, float]:
    return dict(zip(ALIGN_NAMES, alignment_features([(claim, body)])[0], strict=True))


def test_plain_hedged_and_refuted_restatements_are_told_apart() -> None:
    plain = _named(CLAIM, "Apple will release a smartwatch with a sapphire screen. Shares rose.")
    hedged = _named(CLAIM, "Apple will reportedly release a smartwatch with a sapphire screen, sources said.")
    refuted = _named(CLAIM, "Apple will not release a smartwatch with a sapphire screen. It was a hoax.")
    assert plain["cover_plain_max"] == 1.0 and plain["cover_hedged_max"] == 0.0
    assert plain["plain_minus_hedged"] == 1.0
    assert hedged["cover_hedged_max"] == 1.0 and hedged["cover_plain_max"] == 0.0
    assert hedged["attribution_aligned"] > 0 and hedged["hedge_aligned"] > 0
    assert refuted["cover_refuted_max"] == 1.0 and refuted["cover_plain_max"] == 0.0  # "not" before "release"


def test_negation_counts_only_in_scope() -> None:
    far = _named(CLAIM, "No one expected it, the analysts were shocked and surprised and amazed: Apple will release "
                        "a smartwatch with a sapphire screen.")
    assert far["cover_refuted_max"] == 0.0 and far["cover_plain_max"] == 1.0


def test_shapes_and_claim_cues() -> None:
    x = alignment_features([(CLAIM + ": report", "Body one."), ("Other claim?", "Body one. Is it?")])
    assert x.shape == (2, len(ALIGN_NAMES)) and x.dtype == np.float32
    assert alignment_features([]).shape == (0, len(ALIGN_NAMES))
    named = dict(zip(ALIGN_NAMES, x[0], strict=True))
    assert named["claim_colon"] == 1.0 and named["claim_attribution"] == 1.0


def test_window_documents_mask_claim_terms_and_keep_negation() -> None:
    docs = window_documents([
        (CLAIM, "The company said Apple did not release a smartwatch. Weather was fine."),
        (CLAIM, "Only one term: Apple."),
    ])
    assert docs[0] == "the company said T did not T a T"
    assert docs[1] == "EMPTY"  # no sentence holds two claim terms


def test_core_model_uses_alignment_and_false_turns_it_off() -> None:
    pairs, labels = toy_stance_corpus()
    model = train_stance_model(pairs, labels, members=1)
    assert model.uses_alignment and model.window_model is not None
    plain = train_stance_model(pairs, labels, members=1, alignment=False)
    assert not plain.uses_alignment and plain.window_model is None
    assert len(model.predict(pairs[:5])) == 5 and len(plain.predict(pairs[:5])) == 5
