"""FNC-1 data loading, body-disjoint splits and the official FNC score.

Used by the trainer, the benchmark and the tests; the data itself is never
shipped (it lives in ../shared/data and has no licence to redistribute).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")


@dataclass(frozen=True)
class StancePair:
    """One labelled FNC-1 row: a headline (the claim), a body, the gold stance."""

    claim: str
    body: str
    stance: str
    body_id: int


def load_fnc(folder: Path | str, prefix: str = "train") -> tuple[list[StancePair], list[int]]:
    """Pairs of <prefix>_stances.csv joined to <prefix>_bodies.csv, and body ids in file order.

    The file order of body ids matters: the official hold-out split shuffles it.
    """
    folder = Path(folder)
    bodies: dict[int, str] = {}
    with open(folder / f"{prefix}_bodies.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            bodies[int(row["Body ID"])] = row["articleBody"]
    pairs = []
    with open(folder / f"{prefix}_stances.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            body_id = int(row["Body ID"])
            pairs.append(StancePair(row["Headline"], bodies[body_id], row["Stance"], body_id))
    return pairs, list(bodies)


def official_holdout_split(body_ids: list[int], train_share: float = 0.8,
                           seed: int = 1489215) -> tuple[set[int], set[int]]:
    """The FNC-1 baseline's body-disjoint split (utils/generate_test_splits.py): shuffled ids, first 80 % train."""
    ids = list(body_ids)
    random.Random(seed).shuffle(ids)
    cut = int(train_share * len(ids))
    return set(ids[:cut]), set(ids[cut:])


def body_split(pairs: list[StancePair], test_share: float, seed: int) -> tuple[list[StancePair], list[StancePair]]:
    """Split pairs so that no body is on both sides."""
    ids = sorted({p.body_id for p in pairs})
    random.Random(seed).shuffle(ids)
    test_ids = set(ids[: int(round(test_share * len(ids)))])
    return [p for p in pairs if p.body_id not in test_ids], [p for p in pairs if p.body_id in test_ids]


def related_components(claims: list[str], bodies: list[str], labels: list[str]) -> list[int]:
    """Topic id per pair: connected components of the graph linking each claim to the bodies
    it is related to (any label but 'unrelated').

    In FNC-1 (from Emergent) each component is one rumour.  Grouping by it keeps a
    claim's other pairs out of the fold that predicts it.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for claim, body, label in zip(claims, bodies, labels, strict=True):
        find("b" + body)
        if label != "unrelated":
            parent[find("h" + claim)] = find("b" + body)
    roots: dict[str, int] = {}
    return [roots.setdefault(find("b" + body), len(roots)) for body in bodies]


def claim_topics(pairs: list[StancePair]) -> dict[int, int]:
    """Body id -> topic id (see `related_components`); holding out whole topics imitates the
    competition test set, whose headlines and bodies are all new."""
    topics = related_components([p.claim for p in pairs], [p.body for p in pairs], [p.stance for p in pairs])
    return {p.body_id: t for p, t in zip(pairs, topics, strict=True)}


def topic_split(pairs: list[StancePair], test_share: float, seed: int) -> tuple[list[StancePair], list[StancePair]]:
    """Split by topic: test pairs share neither body nor related headline with training pairs.

    Headlines are assigned the topic of their related bodies; pairs whose
    headline and body fall on different sides are dropped.
    """
    topic_of_body = claim_topics(pairs)
    topic_of_claim = {p.claim: topic_of_body[p.body_id] for p in pairs if p.stance != "unrelated"}
    topics = sorted(set(topic_of_body.values()))
    random.Random(seed).shuffle(topics)
    test_topics = set(topics[: int(round(test_share * len(topics)))])
    train, test = [], []
    for p in pairs:
        body_test = topic_of_body[p.body_id] in test_topics
        claim_topic = topic_of_claim.get(p.claim)
        claim_test = claim_topic in test_topics if claim_topic is not None else body_test
        if body_test and claim_test:
            test.append(p)
        elif not body_test and not claim_test:
            train.append(p)
    return train, test


# Class mix of the FNC-1 competition test set (25,413 pairs: 18,349 unrelated, 1,903 agree, 697 disagree,
# 4,464 discuss); its unrelated pairs pair headlines with bodies of other Emergent claims.
COMPETITION_MIX = {"agree": 1903 / 25413, "disagree": 697 / 25413, "discuss": 4464 / 25413,
                   "unrelated": 18349 / 25413}
COMPETITION_UNRELATED_SHARE = COMPETITION_MIX["unrelated"]


def competition_like_split(pairs: list[StancePair], test_share: float = 0.2, seed: int = 0,
                           unrelated_share: float = COMPETITION_UNRELATED_SHARE,
                           ) -> tuple[list[StancePair], list[StancePair]]:
    """A held-out set made the way the FNC-1 competition test set was: whole topics unseen in training
    (as `topic_split`, same train part) and the competition's share of unrelated pairs, made as FNC
    made them, by pairing held-out headlines with bodies of other held-out topics (seeded).

    The plain topic split keeps only the few unrelated pairs whose two sides both fell in held-out
    topics, so it is mostly related pairs and its FNC score is not comparable with the competition's.
    """
    train, test = topic_split(pairs, test_share, seed)
    related = [p for p in test if p.stance in RELATED]
    unrelated = [p for p in test if p.stance not in RELATED]
    target = round(len(related) * unrelated_share / (1 - unrelated_share))
    rng = random.Random(seed)
    if len(unrelated) >= target:
        return train, related + rng.sample(unrelated, target)
    topic_of_body = claim_topics(pairs)
    body_text = {p.body_id: p.body for p in test}
    claim_topic = {p.claim: topic_of_body[p.body_id] for p in related}
    taken = {(p.claim, p.body_id) for p in test}
    candidates = [(claim, body_id) for claim in sorted(claim_topic) for body_id in sorted(body_text)
                  if claim_topic[claim] != topic_of_body[body_id] and (claim, body_id) not in taken]
    chosen = rng.sample(candidates, min(len(candidates), target - len(unrelated)))
    extra = [StancePair(claim, body_text[body_id], "unrelated", body_id) for claim, body_id in chosen]
    return train, test + extra


def competition_mix_weights(gold: list[str]) -> dict[str, float]:
    """Per-gold-class weights that give a test set the competition test set's four-class mix
    (competition share / share here), so a split whose held-out topics hold, say, fewer disagreeing
    pairs is scored as if it held as many as the competition did."""
    counts = {label: sum(g == label for g in gold) for label in LABELS}
    return {label: (COMPETITION_MIX[label] * len(gold) / counts[label]) if counts[label] else 0.0
            for label in LABELS}


def fnc_score(gold: list[str], predicted: list[str],
              class_weight: dict[str, float] | None = None) -> tuple[float, float]:
    """(score, max score) of the official FNC-1 scorer: 0.25 for related/unrelated, +0.75 for the exact
    stance; class_weight (per gold class) re-weights pairs, e.g. to the competition's class mix."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        w = class_weight[g] if class_weight else 1.0
        g_rel, p_rel = g in RELATED, p in RELATED
        if g_rel == p_rel:
            score += 0.25 * w
        if g_rel and g == p:
            score += 0.75 * w
        best += (1.0 if g_rel else 0.25) * w
    return score, best


def class_f1(gold: list[str], predicted: list[str],
             class_weight: dict[str, float] | None = None) -> dict[str, float]:
    """Per-class F1 over the four FNC labels (pairs weighted by their gold class's class_weight)."""
    weight = [class_weight[g] if class_weight else 1.0 for g in gold]
    out = {}
    for label in LABELS:
        tp = sum(w for g, p, w in zip(gold, predicted, weight, strict=True) if g == label and p == label)
        n_pred = sum(w for p, w in zip(predicted, weight, strict=True) if p == label)
        n_gold = sum(w for g, w in zip(gold, weight, strict=True) if g == label)
        out[label] = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    return out
