"""Claim-to-sentence alignment features for stage 2 of the stance classifier.

Whether a body agrees with a claim or only discusses it is mostly told by *how* the body states the
claim: an agreeing body restates it as a plain assertion somewhere, a discussing body restates it only
in attributed or hedged sentences ("police said", "reportedly", a question), and a disagreeing one next
to a denial.  Each body sentence is classed as hedged (a hedge or attribution word, or a question
mark), refuted (a refuting word or phrase, or a negation within NEGATION_SCOPE tokens before one of the
claim's terms) or plain, and the features are the best claim coverage reached by each kind of sentence.
They need no vector space (so no cross-fitting) and feed stage 2 only; stage 1 is unchanged.

`window_documents` gives a second text model (`stance.WindowTextModel`) what surrounds the claim in
the body: the words within WINDOW tokens of the claim's terms, stop words and negations kept and the
claim's own terms masked as "T", so it learns "T was n't", "denied that T", "T reportedly" from any
story rather than the story's names.  Both were added in session 7 (docs/benchmarks.md): +0.36 and
+0.64 FNC (features alone / with the window model) on the competition-like dev seeds 0-2; on held-out
seeds 3-9 the core model went from 83.90 to 84.99 % (7 of 7 seeds), on fresh seeds 13-15 from 83.48 to 84.33.
"""

from __future__ import annotations

import numpy as np

from .stance_text import (
    ATTRIBUTION,
    HEDGE,
    NEGATION,
    REFUTE,
    REFUTE_PHRASES,
    STOP_WORDS,
    content_stems,
    distinct_texts,
    normalise_stem,
    raw_tokens,
    sentences,
)

NEGATION_SCOPE = 4  # tokens before a claim term in which a negation counts as negating it
ALIGNED_SENTENCES = 3  # body sentences taken as the ones that state the claim
WINDOW = 6  # tokens kept either side of a claim term in `window_documents`
CLAIM_TERM = "T"  # what a claim term becomes in a window document
ALIGN_NAMES = ("attribution_aligned", "attribution_rate", "question_aligned", "quote_aligned", "claim_attribution",
               "claim_colon", "hedge_aligned", "claim_hedge", "cover_plain_max", "cover_hedged_max", "cover_refuted_max", "plain_minus_hedged",
               "plain_minus_refuted")


def _phrase_hits(tokens: list[str]) -> int:
    return sum(tuple(tokens[i:i + 2]) in REFUTE_PHRASES or tuple(tokens[i:i + 3]) in REFUTE_PHRASES
               for i in range(len(tokens)))


class _BodySentences:
    """Per-sentence tokens, stems and hedged/refuting flags of one body (claim-independent)."""

    def __init__(self, text: str) -> None:
        sents = sentences(text)
        self.sents = sents
        self.tokens = [raw_tokens(s) for s in sents]
        self.stems = [[normalise_stem(t) for t in st] for st in self.tokens]
        self.sets = [set(content_stems(st)) for st in self.tokens]
        self.hedged = [any(t in HEDGE or t in ATTRIBUTION for t in st) or "?" in s
                       for st, s in zip(self.tokens, sents, strict=True)]
        self.refuting = [any(t in REFUTE for t in st) or _phrase_hits(st) > 0 for st in self.tokens]
        n_tokens = max(1, sum(len(st) for st in self.tokens))
        self.attribution_rate = 100.0 * sum(t in ATTRIBUTION for st in self.tokens for t in st) / n_tokens


def _negated_sentences(claim_stems: set[str], body: _BodySentences) -> list[bool]:
    """Per sentence: a claim term preceded by a negation within NEGATION_SCOPE tokens."""
    out = []
    for toks, stems in zip(body.tokens, body.stems, strict=True):
        out.append(any(s in claim_stems and toks[j] not in STOP_WORDS
                       and any(t in NEGATION for t in toks[max(0, j - NEGATION_SCOPE):j])
                       for j, s in enumerate(stems)))
    return out


def _pair(claim: str, body: _BodySentences) -> list[float]:
    claim_tokens = raw_tokens(claim)
    claim_stems = set(content_stems(claim_tokens))
    n_claim = max(1, len(claim_stems))
    cover = [len(claim_stems & s) / n_claim for s in body.sets]
    # the claim's sentences: up to ALIGNED_SENTENCES best covering, at least half the best coverage
    best = max(cover, default=0.0)
    ranked = sorted(range(len(cover)), key=lambda i: -cover[i])[:ALIGNED_SENTENCES]
    aligned = [i for i in ranked if cover[i] > 0 and cover[i] >= 0.5 * best] if best > 0 else []
    aligned_tokens = [t for i in aligned for t in body.tokens[i]]
    n_aligned = max(1, len(aligned_tokens))
    reporting = [
        100.0 * sum(t in ATTRIBUTION for t in aligned_tokens) / n_aligned,
        body.attribution_rate,
        float(sum("?" in body.sents[i] for i in aligned)),
        float(sum(any(q in body.sents[i] for q in "\"“”") for i in aligned)),
        float(sum(t in ATTRIBUTION for t in claim_tokens)),
        float(":" in claim),
        100.0 * sum(t in HEDGE for t in aligned_tokens) / n_aligned,
        float(sum(t in HEDGE for t in claim_tokens)),
    ]
    negated = _negated_sentences(claim_stems, body)
    refuted = [r or n for r, n in zip(body.refuting, negated, strict=True)]
    plain = max([c for c, h, r in zip(cover, body.hedged, refuted, strict=True) if not h and not r], default=0.0)
    hedged = max([c for c, h in zip(cover, body.hedged, strict=True) if h], default=0.0)
    refute = max([c for c, r in zip(cover, refuted, strict=True) if r], default=0.0)
    return reporting + [plain, hedged, refute, plain - hedged, plain - refute]


def alignment_features(pairs: list[tuple[str, str]]) -> np.ndarray:
    """Matrix (n_pairs x len(ALIGN_NAMES)); each distinct body is analysed once."""
    if not pairs:
        return np.zeros((0, len(ALIGN_NAMES)), dtype=np.float32)
    claims, bodies, claim_idx, body_idx = distinct_texts(pairs)
    info = [_BodySentences(b) for b in bodies]
    return np.asarray([_pair(claims[c], info[b]) for c, b in zip(claim_idx, body_idx, strict=True)],
                      dtype=np.float32)


def window_documents(pairs: list[tuple[str, str]]) -> list[str]:
    """Per pair, the body's words within WINDOW tokens of the claim's terms (stemmed, stop words kept,
    claim terms replaced by CLAIM_TERM), from sentences holding at least two claim terms, joined by " | "."""
    claims, bodies, claim_idx, body_idx = distinct_texts(pairs)
    info = [_BodySentences(b) for b in bodies]
    docs = []
    for c, b in zip(claim_idx, body_idx, strict=True):
        claim_stems = set(content_stems(raw_tokens(claims[c])))
        parts = []
        for toks, stems in zip(info[b].tokens, info[b].stems, strict=True):
            is_term = [s in claim_stems and t not in STOP_WORDS for t, s in zip(toks, stems, strict=True)]
            hits = [j for j, term in enumerate(is_term) if term]
            if len(hits) < 2:
                continue
            keep: set[int] = set()
            for j in hits:
                keep.update(range(max(0, j - WINDOW), min(len(toks), j + WINDOW + 1)))
            parts.append(" ".join(CLAIM_TERM if is_term[j] else stems[j] for j in sorted(keep)))
        docs.append(" | ".join(parts) if parts else "EMPTY")
    return docs
