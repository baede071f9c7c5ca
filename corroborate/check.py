"""Claim checking: which articles support, contradict or merely discuss a claim, with evidence.

The claim is parsed into the same slots as article claims and compared with
every statement of every article (the same pair score as fact alignment).  An
article's best-matching sentences are its evidence; its stance comes from the
slots of the strongest match: compatible numbers/dates/polarity support,
incompatible ones or an explicit denial contradict, a hedged or merely related
sentence discusses.  A trained stance model (`corroborate.stance`), when it is
installed with its weights, is a second opinion used only where the slots
decide nothing.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from .claim_conflicts import claim_slot_keys, conflict_kind, conflicting_quantities
from .claim_dates import parse_dates
from .claim_quantities import comparable, compatible
from .claim_similarity import ClaimSpace
from .claim_text import capitalised_names, fold, words
from .claims import claims_stage, make_claim
from .model import Article, Claim, Story

# Pair scores (ClaimSpace.scores): below RELATED_MIN an article is unrelated; from MATCH_MIN a
# sentence states the claim (or its negation) rather than only touching its topic.  RELATED_MIN was
# chosen on the training part of FNC-1's body-disjoint split (89% of related pairs kept, 3% of
# unrelated ones let in); bench/facts.py --fnc reports the hold-out part.
RELATED_MIN = 0.16
MATCH_MIN = 0.45
SAME_NUMBERS_EASING = 0.1
EVIDENCE_PER_ARTICLE = 3
_REFUTING = frozenset({"false", "fake", "hoax", "untrue", "debunked", "debunk", "denied", "denies", "deny",
                       "refuted", "refutes", "rejected", "dismissed", "baseless", "bogus", "fabricated",
                       "misleading", "retracted", "incorrect", "wrong"})
_MODEL_TO_STANCE = {"agree": "support", "disagree": "contradict", "discuss": "discuss", "unrelated": "unrelated"}


def _target_claim(text: str, articles: list[Article]) -> Claim:
    years = Counter((a.published or "")[:4] for a in articles if re.fullmatch(r"\d{4}", (a.published or "")[:4]))
    anchor = years.most_common(1)[0][0] if years else "XXXX"
    known = {fold(w) for w in words(text)[1:] if w[:1].isupper()}
    return make_claim(-1, text.strip(), capitalised_names(text, known), parse_dates(text, anchor))


def _refutes(evidence: Claim, target: Claim) -> bool:
    """The evidence sentence calls the claim false ("denied", "a hoax") while the claim asserts it."""
    if target.negated:
        return False
    return any(fold(w) in _REFUTING for w in words(evidence.text)) and not any(
        fold(w) in _REFUTING for w in words(target.text))


def _numbers_agree(target: Claim, evidence: Claim) -> bool:
    """Every number of the claim has a compatible counterpart in the evidence (vacuous without numbers)."""
    for q in target.quantities:
        if not any(comparable(q, e) and compatible(q, e) or q.value == e.value for e in evidence.quantities):
            return False
    return True


def _same_numbers(target: Claim, evidence: Claim) -> bool:
    """The claim gives numbers above ten and the evidence repeats every one of them."""
    big = [q for q in target.quantities if q.value > 10]
    return bool(big) and all(any(e.value == q.value for e in evidence.quantities) for q in big)


def slot_stance(target: Claim, evidence: Claim, score: float) -> tuple[str, bool]:
    """Stance of one matching sentence toward the claim, and whether its slots decided it.

    Repeating the claim's exact figures is strong evidence of the same statement,
    so such a sentence needs a lower similarity (paraphrase: "had to leave" for
    "were evacuated").
    """
    threshold = MATCH_MIN - SAME_NUMBERS_EASING if _same_numbers(target, evidence) else MATCH_MIN
    if score < threshold:
        return "discuss", False
    kind = conflict_kind(target, evidence, score)
    if kind is not None:
        return "contradict", True
    if _refutes(evidence, target):
        return "contradict", False
    if evidence.hedged and not target.hedged:
        return "discuss", False
    if not _numbers_agree(target, evidence):
        return "discuss", True
    return "support", bool(target.quantities or target.dates)


def _model_stances(claim: str, articles: list[Article]) -> list[str] | None:
    """The trained stance model's labels for each article body, or None when it is not available."""
    try:
        from .stance import predict_stances
        labels = predict_stances([(claim, a.body) for a in articles])
    except (ImportError, FileNotFoundError, OSError):
        return None
    return [_MODEL_TO_STANCE.get(label, "discuss") for label in labels]


def _article_stance(target: Claim, ranked: list[tuple[float, Claim]], model_stance: str | None) -> str:
    if not ranked or ranked[0][0] < RELATED_MIN:
        lexical, decided = "unrelated", False
    else:
        lexical, decided = slot_stance(target, ranked[0][1], ranked[0][0])
        for score, evidence in ranked[1:]:
            # a second strong match with decisive slots (e.g. a conflicting number) overrides a weak first one
            stance, sure = slot_stance(target, evidence, score)
            if sure and not decided and score >= MATCH_MIN:
                lexical, decided = stance, True
                break
    if decided or model_stance is None:
        return lexical
    if model_stance == "support" and any(score >= RELATED_MIN and conflicting_quantities(target, evidence)
                                         for score, evidence in ranked):
        return "discuss"  # the article gives a different figure for the claim's number: not support
    if lexical == "unrelated" and model_stance != "unrelated" and ranked and ranked[0][0] >= RELATED_MIN / 2:
        return model_stance
    if lexical != "unrelated":
        return model_stance if model_stance != "unrelated" else "discuss"
    return lexical


def _verdict(stances: list[tuple[Article, str]], story: Story | None) -> str:
    support = [a.id for a, s in stances if s == "support"]
    contradict = [a.id for a, s in stances if s == "contradict"]
    count = story.independent_count if story else (lambda ids: len(set(ids)))
    n_support, n_contradict = count(support), count(contradict)
    if n_support and n_contradict:
        return "disputed"
    if n_support:
        return "supported"
    if n_contradict:
        return "contradicted"
    return "not found"


def check_claim(claim: str, articles: list[Article], story: Story | None = None,
                use_stance_model: bool = True) -> dict:
    """Which articles support, contradict or discuss `claim`, with their best sentences as evidence.

    With a story and no articles, the story's articles are checked; the story's
    syndication groups make copies of one wire text count once in the verdict.
    """
    if not articles and story is not None:
        articles = story.articles
    for article in articles:
        if "claims" not in article.stages and not article.claims:
            claims_stage(article)
    target = _target_claim(claim, articles)
    texts = [c.text for a in articles for c in a.claims]
    owners = [i for i, a in enumerate(articles) for _ in a.claims]
    results = {"claim": claim, "verdict": "not found", "articles": []}
    if not articles:
        return results
    claims_flat = [c for a in articles for c in a.claims]
    scores = np.zeros(0)
    if texts:
        space = ClaimSpace([target.text], extra_docs=texts, slot_keys=[claim_slot_keys(target)])
        others = space.transform(texts, [claim_slot_keys(c) for c in claims_flat])
        scores = space.scores(np.zeros(len(texts), dtype=int), np.arange(len(texts)), others)
    per_article: list[list[int]] = [[] for _ in articles]
    for k, owner in enumerate(owners):
        per_article[owner].append(k)
    rankings = [sorted(((float(scores[k]), claims_flat[k]) for k in ks), key=lambda p: (-p[0], p[1].sentence))
                for ks in per_article]
    # the model is asked only about articles it could change (see _article_stance)
    candidates = [i for i, r in enumerate(rankings) if r and r[0][0] >= RELATED_MIN / 2]
    model_labels = _model_stances(claim, [articles[i] for i in candidates]) if use_stance_model and candidates \
        else None
    model = dict(zip(candidates, model_labels, strict=True)) if model_labels else {}
    stances: list[tuple[Article, str]] = []
    for index, article in enumerate(articles):
        ranked = rankings[index]
        stance = _article_stance(target, ranked[:EVIDENCE_PER_ARTICLE], model.get(index))
        stances.append((article, stance))
        evidence = [{"sentence": c.sentence, "text": c.text, "score": round(s, 4)}
                    for s, c in ranked[:EVIDENCE_PER_ARTICLE] if s >= RELATED_MIN]
        results["articles"].append({"article": article.id, "outlet": article.outlet, "stance": stance,
                                    "evidence": evidence})
    order = {"support": 0, "contradict": 1, "discuss": 2, "unrelated": 3}
    results["articles"].sort(key=lambda r: (order[r["stance"]],
                                            -(r["evidence"][0]["score"] if r["evidence"] else 0.0)))
    results["verdict"] = _verdict(stances, story)
    return results
