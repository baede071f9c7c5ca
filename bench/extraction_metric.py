"""The article-extraction benchmark's metric (as its evaluate.py), shared by bench/extraction.py and
bench/cleaning.py: word 4-gram shingle multisets, per-page TP/FP/FN normalised so each page weighs the same,
precision and recall averaged over pages, F1 of the averages, bootstrap spread over page resamples."""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of token n-grams, as evaluate.py builds them (case kept)."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles for one page, normalised to sum 1."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))


def prf(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    """Page-averaged precision and recall, and the F1 of the averages (evaluate.py's definition)."""
    p = statistics.mean(_precision(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(_recall(*r) for r in rows if r[0] + r[2] > 0)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def bootstrap(rows: list[tuple[float, float, float]], rounds: int = 1000, scale: float = 1.0) -> dict[str, float]:
    """scale x the standard deviation of each metric over page resamples (seeded)."""
    rng = random.Random(0)
    samples: dict[str, list[float]] = {}
    for _ in range(rounds):
        for key, value in prf([rows[rng.randrange(len(rows))] for _ in rows]).items():
            samples.setdefault(key, []).append(value)
    return {key: scale * statistics.stdev(values) for key, values in samples.items()}
