"""Coreference scoring (MUC, B-cubed, CEAF-e, CoNLL F1) and the ECB+ gold-mention reader.

The scores follow the reference CoNLL scorer's definitions, over gold mentions
(key and response share one mention set), singletons included, as in Barhom et
al. 2019 / Cattan et al. 2021 for ECB+.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Iterable
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

Cluster = frozenset


def clusters_from_labels(labels: dict[Hashable, Hashable]) -> list[Cluster]:
    """Mention -> chain id mapping to a list of clusters."""
    groups: dict[Hashable, set] = defaultdict(set)
    for mention, chain in labels.items():
        groups[chain].add(mention)
    return [frozenset(g) for g in groups.values()]


def _prf(num_r: float, den_r: float, num_p: float, den_p: float) -> tuple[float, float, float]:
    r = num_r / den_r if den_r else 0.0
    p = num_p / den_p if den_p else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def muc(key: list[Cluster], response: list[Cluster]) -> tuple[float, float, float]:
    """Link-based MUC (Vilain et al. 1995)."""
    def side(a: list[Cluster], b: list[Cluster]) -> tuple[int, int]:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("solo", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den

    nr, dr = side(key, response)
    np_, dp = side(response, key)
    return _prf(nr, dr, np_, dp)


def b_cubed(key: list[Cluster], response: list[Cluster]) -> tuple[float, float, float]:
    """Mention-based B-cubed (Bagga & Baldwin 1998)."""
    def side(a: list[Cluster], b: list[Cluster]) -> tuple[float, int]:
        where = {m: c for c in b for m in c}
        total = 0.0
        count = 0
        for c in a:
            for m in c:
                other = where.get(m, frozenset([m]))
                total += len(c & other) / len(c)
                count += 1
        return total, count

    nr, dr = side(key, response)
    np_, dp = side(response, key)
    return _prf(nr, dr, np_, dp)


def ceaf_e(key: list[Cluster], response: list[Cluster]) -> tuple[float, float, float]:
    """Entity-based CEAF (Luo 2005) with phi4 similarity and an optimal alignment."""
    if not key or not response:
        return 0.0, 0.0, 0.0
    where = defaultdict(list)
    for j, c in enumerate(response):
        for m in c:
            where[m].append(j)
    sim = np.zeros((len(key), len(response)))
    for i, k in enumerate(key):
        for j in {j for m in k for j in where.get(m, [])}:
            r = response[j]
            sim[i, j] = 2 * len(k & r) / (len(k) + len(r))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return _prf(total, len(key), total, len(response))


def conll_scores(key: list[Cluster], response: list[Cluster]) -> dict[str, float]:
    """MUC, B3, CEAF-e F1 and their mean (CoNLL F1), in percent."""
    m, b, c = muc(key, response), b_cubed(key, response), ceaf_e(key, response)
    out = {"MUC": m[2], "B3": b[2], "CEAF-e": c[2]}
    out["CoNLL"] = sum(out.values()) / 3
    return {k: round(100 * v, 2) for k, v in out.items()}


def load_ecb_split(folder: str | Path, split: str = "Dev") -> tuple[list[dict], dict[str, dict[int, list[str]]]]:
    """ECB+ gold entity mentions and the documents' sentences (token lists), Cybulska setup files."""
    folder = Path(folder)
    mentions = json.loads((folder / f"ECB_{split}_Entity_gold_mentions.json").read_text(encoding="utf-8"))
    docs: dict[str, dict[int, list[str]]] = defaultdict(dict)
    for line in (folder / f"ECB_{split}_corpus.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4:
            continue
        doc, sent, tok, word = parts[0], int(parts[1]), int(parts[2]), parts[3]
        sentence = docs[doc].setdefault(sent, [])
        while len(sentence) <= tok:
            sentence.append("")
        sentence[tok] = word
    return mentions, {d: dict(sorted(sents.items())) for d, sents in docs.items()}


def ecb_command_lines(mentions: list[dict], docs: dict[str, dict[int, list[str]]]) -> Iterable[dict]:
    """The gold mentions as `resolve-mentions` input lines (sentence text = tokens joined by spaces)."""
    for n, m in enumerate(mentions):
        sentences = docs[m["doc_id"]]
        tokens = sentences[int(m["sent_id"])]
        ids = m["tokens_number"]
        offsets = []
        pos = 0
        for t in tokens:
            offsets.append((pos, pos + len(t)))
            pos += len(t) + 1
        start, end = offsets[min(ids)][0], offsets[max(ids)][1]
        yield {
            "id": str(n),
            "doc": m["doc_id"],
            "text": m["tokens_str"],
            "sentence": " ".join(tokens),
            "start": start,
            "end": end,
            "doc_text": "\n".join(" ".join(s) for s in sentences.values()),
        }
