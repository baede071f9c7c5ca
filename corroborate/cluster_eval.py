"""Loading labelled story corpora and scoring clusterings (B-cubed, ARI).

Shared by the benchmark, the decision-fitting script and the tests, so that all
three read the corpora and count the same way.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from .model import Article
from .split import split_sentences


def load_story_corpus(folder: str | Path) -> tuple[list[Article], list[str]]:
    """Articles of a stories-dev corpus (line 1 = title, rest = body) and their gold story labels.

    Only metadata that a real feed has (date, outlet) is copied from gold.json onto the articles;
    the labels are returned separately.
    """
    folder = Path(folder)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles, labels = [], []
    for doc_id in sorted(gold["docs"]):
        meta = gold["docs"][doc_id]
        raw = (folder / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
        head, _, rest = raw.partition("\n")
        body = rest.strip() or head.strip()
        art = Article(id=doc_id, source=str(folder / "docs" / f"{doc_id}.txt"), raw_text=raw,
                      title=head.strip(), outlet=meta.get("outlet") or "", published=meta.get("published"),
                      body=body)
        art.sentences = split_sentences(body)
        articles.append(art)
        labels.append(str(meta["story"]))
    return articles, labels


def publication_order(articles: list[Article], tie_seed: int | None = None) -> list[int]:
    """Indices in publication order: dated articles by date, then undated ones, ties by id.

    With tie_seed, articles the dates do not order (same day, or undated) come in a seeded random order
    instead: a stream fixes no order among them, and a streaming clusterer's result depends on it, so a
    benchmark should average over several such orders rather than trust one.
    """
    if tie_seed is None:
        tie: list = [a.id for a in articles]
    else:
        rnd = random.Random(tie_seed)
        tie = [rnd.random() for _ in articles]
    return sorted(range(len(articles)), key=lambda i: (articles[i].published is None,
                                                       articles[i].published or "", tie[i]))


def b_cubed(gold: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin), averaged over items."""
    pairs = Counter(zip(gold, predicted, strict=True))
    gold_sizes = Counter(gold)
    pred_sizes = Counter(predicted)
    n = len(gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    precision = sum(c * c / pred_sizes[p] for (_, p), c in pairs.items()) / n
    recall = sum(c * c / gold_sizes[g] for (g, _), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(gold: list[str], predicted: list[str]) -> float:
    """Adjusted Rand index (Hubert & Arabie), via scikit-learn."""
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(gold, predicted))
