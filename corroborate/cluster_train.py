"""Fitting the clusterer's join-or-new decision on labelled corpora (dev corpora only).

The pairs are collected the way the clusterer meets them: articles stream in
publication order, each is compared with the stories its shortlist returns, and
(teacher forcing) it is then put into its gold story.  A logistic regression
over those pair features gives the weights; the time prior and the join and merge
thresholds are then picked by running the real streaming clusterer over the same
corpora.

Run `python -m corroborate.cluster_train ../shared/data/stories-dev/*` to refit DEFAULT_WEIGHTS and the
ClusterOptions thresholds, and add `--embeddings` to refit cluster_embed.EMBEDDING_* (needs the extra).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable
from dataclasses import replace

from .cluster import ClusterOptions, StoryClusterer
from .cluster_eval import b_cubed, load_story_corpus, publication_order
from .cluster_story import FEATURE_NAMES, StoryState, pair_features
from .model import Article

Corpus = tuple[list[Article], list[str]]
# Builds the clusterer that streams a corpus (StoryClusterer, or one whose evidence carries embeddings).
ClustererFactory = Callable[[ClusterOptions | None], StoryClusterer]


def collect_pairs(articles: list[Article], labels: list[str], options: ClusterOptions | None = None,
                  factory: ClustererFactory = StoryClusterer) -> tuple[list[list[float]], list[int]]:
    """Pair features and 0/1 labels (same gold story) for every shortlisted article-story pair."""
    c = factory(options)
    story_of_label: dict[str, StoryState] = {}
    label_of_story: dict[str, str] = {}
    features, targets = [], []
    order = publication_order(articles)
    stream = (a for chunk in c.counted_ahead([articles[i] for i in order]) for a in chunk)  # as add_many
    for article, label in zip(stream, (labels[i] for i in order), strict=True):
        c._seq += 1
        ev, _ = c._evidence(article)
        for story in c._shortlist(ev):
            features.append(pair_features(ev, story, c._names))
            targets.append(int(label_of_story[story.id] == label))
        story = story_of_label.get(label)
        if story is None:
            story = StoryState(id="s" + article.id, created=c._seq)
            story_of_label[label] = story
            label_of_story[story.id] = label
            c._stories[story.id] = story
        story.absorb(ev, article.id, c._seq, c.options.centroid_terms, c.options.name_cap, c._names)
        c._article_story[article.id] = story.id
        c._reindex(story)
    return features, targets


def fit_weights(corpora: list[Corpus], options: ClusterOptions | None = None,
                fixed: dict[str, float] | None = None, l2: float = 1.0,
                pairs: list[tuple[list[list[float]], list[int]]] | None = None) -> tuple[float, ...]:
    """L2-regularised logistic-regression weights (FEATURE_NAMES order), every corpus weighing the same.

    `fixed` pins some weights (default: the time-gap weight at -options.time_penalty): the dev corpora
    have too few dated articles to learn how fast news goes stale, so that is a stated prior rather than
    a fitted number; the other weights are fitted around it (the pinned terms act as an offset).
    `pairs` (collect_pairs per corpus) saves collecting them again when only the prior changes.
    """
    import numpy as np
    from scipy.optimize import minimize

    options = options or ClusterOptions()
    if fixed is None:
        fixed = {"log_gap_days": -options.time_penalty, "log_size": 0.0}
    if pairs is None:
        pairs = [collect_pairs(articles, labels, options) for articles, labels in corpora]
    xs, ys, sample_weight = [], [], []
    for x, y in pairs:
        xs.extend(x)
        ys.extend(y)
        sample_weight.extend([1.0 / max(1, len(x))] * len(x))
    x = np.asarray(xs, dtype=float)
    sign = np.where(np.asarray(ys) > 0, 1.0, -1.0)
    sw = np.asarray(sample_weight) * len(sample_weight) / sum(sample_weight)
    pinned = np.array([i for i, n in enumerate(FEATURE_NAMES) if n in fixed], dtype=int)
    free = np.array([i for i, n in enumerate(FEATURE_NAMES) if n not in fixed], dtype=int)
    offset = x[:, pinned] @ np.array([fixed[FEATURE_NAMES[i]] for i in pinned]) if pinned.size else 0.0
    xf = x[:, free]
    reg = np.array([0.0 if FEATURE_NAMES[i] == "bias" else l2 for i in free])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        margin = sign * (xf @ w + offset)
        value = float(np.sum(sw * np.logaddexp(0.0, -margin)) + 0.5 * np.sum(reg * w * w))
        grad = -(xf.T @ (sw * sign / (1.0 + np.exp(margin)))) + reg * w
        return value, grad

    result = minimize(loss, np.zeros(free.size), jac=True, method="L-BFGS-B")
    weights = [0.0] * len(FEATURE_NAMES)
    for j, i in enumerate(free):
        weights[i] = round(float(result.x[j]), 4)
    for i in pinned:
        weights[i] = fixed[FEATURE_NAMES[i]]
    return tuple(weights)


def stream_f1(corpus: Corpus, options: ClusterOptions, factory: ClustererFactory = StoryClusterer) -> float:
    """B-cubed F1 of the streaming clusterer on one corpus fed in publication order."""
    articles, labels = corpus
    c = factory(options)
    c.add_many([articles[i] for i in publication_order(articles)])
    return b_cubed(labels, [c.story_of(a.id) for a in articles])[2]


def fit_options(corpora: list[Corpus], base: ClusterOptions | None = None,
                fixed: dict[str, float] | None = None,
                joins: tuple[float, ...] = (0.3, 0.4, 0.5, 0.6),
                merges: tuple[float, ...] = (0.85,),
                penalties: tuple[float, ...] = (0.5, 1.0),
                links: tuple[float, ...] = (0.0, 0.2, 0.25, 0.3),
                factory: ClustererFactory = StoryClusterer) -> ClusterOptions:
    """Weights by logistic regression, then the time prior, the join/merge thresholds and the average-link
    threshold with the best mean streaming F1 over the given corpora (so a held-out corpus never chooses
    its own settings).

    The time prior (weight of log(1 + days apart)) is chosen, not fitted: the dev corpora have too few
    dated articles for a regression to learn it, but a small grid judged on whole-stream F1 can.
    Without embeddings the embed_cosine weight is pinned at 0 (the feature is always 0 there).
    """
    base = base or ClusterOptions()
    if fixed is None:
        fixed = {"log_size": 0.0}
        if factory is StoryClusterer:
            fixed["embed_cosine"] = 0.0
    pairs = [collect_pairs(articles, labels, base, factory) for articles, labels in corpora]
    best, best_f1 = None, -1.0
    for penalty in penalties:
        prior = replace(base, time_penalty=penalty)
        pinned = {**fixed, "log_gap_days": -penalty}
        weights = fit_weights(corpora, prior, pinned, pairs=pairs)
        for join, merge, link in itertools.product(joins, merges, links):
            opts = replace(prior, weights=weights, join_threshold=join, merge_threshold=merge, link_merge=link)
            f1 = sum(stream_f1(c, opts, factory) for c in corpora) / len(corpora)
            if f1 > best_f1:
                best, best_f1 = opts, f1
    assert best is not None
    return best


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(prog="python -m corroborate.cluster_train",
                                 description="Refit the clusterer's decision on labelled story corpora.")
    ap.add_argument("corpora", nargs="+", help="stories-dev corpus folders (docs/ + gold.json)")
    ap.add_argument("--embeddings", action="store_true",
                    help="fit the decision that also weighs MiniLM similarity (needs the embeddings extra)")
    ap.add_argument("--no-link", action="store_true",
                    help="keep the average-link join off (link_merge 0), as the shipped defaults do")
    args = ap.parse_args(argv)
    corpora = [load_story_corpus(path) for path in args.corpora]
    factory: ClustererFactory = StoryClusterer
    if args.embeddings:
        from .cluster_embed import EmbeddingClusterer, embed_articles

        vectors = {a.id: tuple(float(v) for v in row)
                   for articles, _ in corpora for a, row in zip(articles, embed_articles(articles), strict=True)}

        def factory(options: ClusterOptions | None) -> StoryClusterer:
            return EmbeddingClusterer(options, vectors)

    opts = fit_options(corpora, factory=factory, **({"links": (0.0,)} if args.no_link else {}))
    print("weights:", dict(zip(FEATURE_NAMES, opts.weights, strict=True)))
    print(f"weights = {opts.weights}")
    print(f"join_threshold={opts.join_threshold} merge_threshold={opts.merge_threshold} "
          f"time_penalty={opts.time_penalty} link_merge={opts.link_merge}")


if __name__ == "__main__":
    main(sys.argv[1:])
