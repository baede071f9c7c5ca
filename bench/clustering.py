"""Story clustering on the labelled dev corpora: corroborate against tuned baselines, same input, one run.

    /work/venv/bin/python bench/clustering.py [--data ../shared/data/stories-dev] [--quick]

For every corpus under stories-dev/ it prints B-cubed P/R/F1, ARI and the story
count for:
- corroborate (LOCO): the streaming clusterer, articles fed in publication order,
  decision weights and thresholds fitted on the *other* dev corpora only;
- corroborate (shipped): the same with the shipped defaults (fitted on all dev corpora, so in-sample);
- TF-IDF + agglomerative (average link, cosine), distance threshold tuned on the other corpora;
- single-pass TF-IDF threshold clustering (publication order), threshold tuned on the other corpora;
- HDBSCAN on MiniLM embeddings, when the embeddings extra is installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corroborate.cluster import ClusterOptions, StoryClusterer  # noqa: E402
from corroborate.cluster_eval import adjusted_rand, b_cubed, load_story_corpus, publication_order  # noqa: E402
from corroborate.cluster_train import fit_options  # noqa: E402

_TFIDF_CACHE: dict[int, object] = {}


def tfidf_matrix(articles):
    """TF-IDF (sublinear tf, English stopwords) fitted on the whole corpus: a batch advantage for baselines."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    key = id(articles)
    if key not in _TFIDF_CACHE:
        texts = [f"{a.title}\n{a.body}" for a in articles]
        _TFIDF_CACHE[key] = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    return _TFIDF_CACHE[key]


def agglomerative(articles, threshold: float) -> list[str]:
    from sklearn.cluster import AgglomerativeClustering

    x = tfidf_matrix(articles).toarray()
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=threshold)
    return [str(lab) for lab in model.fit_predict(x)]


def single_pass(articles, threshold: float) -> list[str]:
    """Classic single-pass clustering: join the most similar centroid if cosine >= threshold."""
    x = tfidf_matrix(articles).toarray()
    labels = [""] * len(articles)
    centroids = np.zeros_like(x)
    norms = np.zeros(len(articles))
    k = 0
    for i in publication_order(articles):
        v = x[i]
        best = -1
        if k:
            sims = centroids[:k] @ v / (norms[:k] + 1e-12)
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                best = j
        if best < 0:
            best, k = k, k + 1
        centroids[best] += v
        norms[best] = np.linalg.norm(centroids[best])
        labels[i] = str(best)
    return labels


def hdbscan_minilm(articles) -> list[str] | None:
    if importlib.util.find_spec("sentence_transformers") is None:
        return None
    import hdbscan
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer("all-MiniLM-L6-v2")
    emb = model.encode([f"{a.title}\n{a.body}"[:2000] for a in articles], normalize_embeddings=True)
    labels = hdbscan.HDBSCAN(min_cluster_size=2, metric="euclidean").fit_predict(emb)
    return [str(lab) if lab >= 0 else f"noise{i}" for i, lab in enumerate(labels)]


LISTED: dict[str, int] = {}


def corroborate_stream(articles, options: ClusterOptions) -> list[str]:
    c = StoryClusterer(options)
    for i in publication_order(articles):
        c.add(articles[i])
    LISTED["last"] = sum(1 for sid in c.stories() if c.is_listed(sid))
    return [c.story_of(a.id) for a in articles]


def tune(method, others, grid) -> float:
    """The grid value with the best mean B-cubed F1 over the other corpora."""
    best, best_f1 = grid[0], -1.0
    for value in grid:
        f1 = float(np.mean([b_cubed(labels, method(arts, value))[2] for arts, labels in others]))
        if f1 > best_f1:
            best, best_f1 = value, f1
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/stories-dev")
    ap.add_argument("--quick", action="store_true", help="skip the LOCO refit (shipped defaults only)")
    args = ap.parse_args()
    root = Path(args.data)
    if not root.exists():
        sys.exit(f"no corpora at {root}")
    names = sorted(p.name for p in root.iterdir() if (p / "gold.json").exists())
    corpora = {n: load_story_corpus(root / n) for n in names}
    grid = [round(t, 2) for t in np.arange(0.05, 1.0, 0.05)]
    print("| corpus | docs | gold stories | method | tuned on others | stories | B3 P | B3 R | B3 F1 | ARI | s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in names:
        arts, gold = corpora[name]
        others = [corpora[o] for o in names if o != name]
        rows = []
        if not args.quick:
            t = time.time()
            opts = fit_options(others)
            fit_s = time.time() - t
            t = time.time()
            rows.append(("corroborate (LOCO)", f"join={opts.join_threshold} merge={opts.merge_threshold} "
                         f"(fit {fit_s:.0f}s)", corroborate_stream(arts, opts), time.time() - t))
        t = time.time()
        rows.append(("corroborate (shipped, in-sample)", "-", corroborate_stream(arts, ClusterOptions()),
                     time.time() - t))
        listed = LISTED["last"]
        thr = tune(agglomerative, others, grid)
        t = time.time()
        rows.append(("TF-IDF agglomerative avg-link", f"dist={thr}", agglomerative(arts, thr), time.time() - t))
        thr = tune(single_pass, others, grid)
        t = time.time()
        rows.append(("TF-IDF single-pass", f"cos={thr}", single_pass(arts, thr), time.time() - t))
        t = time.time()
        hd = hdbscan_minilm(arts)
        if hd is not None:
            rows.append(("HDBSCAN on MiniLM", "min_cluster_size=2", hd, time.time() - t))
        for method, tuned, pred, secs in rows:
            p, r, f1 = b_cubed(gold, pred)
            print(f"| {name} | {len(arts)} | {len(set(gold))} | {method} | {tuned} | {len(set(pred))} | "
                  f"{p:.3f} | {r:.3f} | {f1:.3f} | {adjusted_rand(gold, pred):.3f} | {secs:.1f} |")
        print(f"| {name} | {len(arts)} | {len(set(gold))} | corroborate (shipped): listed stories "
              f"(>= 2 articles, >= 2 outlets) | - | {listed} | | | | | |")
        if hd is None:
            print(f"| {name} | {len(arts)} | {len(set(gold))} | HDBSCAN on MiniLM | - | skipped: embeddings "
                  "extra not installed | | | | | |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
