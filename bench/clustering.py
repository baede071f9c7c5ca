"""Story clustering on the labelled dev corpora: corroborate against tuned baselines, same input, one run.

    /work/venv/bin/python bench/clustering.py [--data ../shared/data/stories-dev] [--quick | --loco-only]
        [--no-embeddings] [--ablation] [--orders N]

For every corpus under stories-dev/ it prints B-cubed P/R/F1, ARI and the story
count for:
- corroborate (LOCO): the streaming clusterer, articles fed in publication order in ingest batches
  (`StoryClusterer.add_many`: each batch of up to ClusterOptions.lookahead = 500 articles is counted into
  the document frequencies before its articles are decided one by one, as `corroborate ingest` does),
  decision weights, time prior and thresholds fitted on the *other* dev corpora only;
- corroborate (LOCO, one article at a time): the same with lookahead 1, a pure one-at-a-time stream
  (each article's words counted only when it is added), fitted the same way;
- corroborate (LOCO, no average link), with --ablation: the same fit with the average-link join/merge
  switched off and the session-2 merge grid (the procedure before session 3), same run, same input;
- corroborate (LOCO, + name guard / + young-stream caution), with --ablation: the same fit with one of the
  two options that ship off switched on (ClusterOptions link_names=0.33, young_docs=20), same run, same input;
- corroborate (shipped): the same with the shipped defaults (fitted on all dev corpora, so in-sample);
- corroborate + MiniLM (LOCO / shipped): the same with the optional embedding signal
  (cluster_embed.EmbeddingClusterer), when the embeddings extra is installed;
- TF-IDF + agglomerative (average link, cosine), distance threshold tuned on the other corpora;
- single-pass TF-IDF threshold clustering (publication order), threshold tuned on the other corpora;
- HDBSCAN on MiniLM embeddings of title + lead (PCA to 50 d), min_cluster_size and min_samples tuned on
  the other corpora, when the embeddings extra is installed ("skipped" rows otherwise).
The MiniLM vectors are computed once per corpus and shared by the rows that use them.

--orders N runs the streaming methods (corroborate, single-pass) in N tie orders: publication order keeps the
dated articles in date order, but it fixes no order among articles of the same day or undated ones (all of
ecbplus-dev), and a stream's result depends on it (up to 0.03 B3 on these corpora). The rows then give the mean
over the orders and the F1's standard deviation. The options are still fitted in the first order (ties by id).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corroborate import cluster_embed  # noqa: E402
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


def single_pass(articles, threshold: float, tie_seed: int | None = None) -> list[str]:
    """Classic single-pass clustering: join the most similar centroid if cosine >= threshold."""
    x = tfidf_matrix(articles).toarray()
    labels = [""] * len(articles)
    centroids = np.zeros_like(x)
    norms = np.zeros(len(articles))
    k = 0
    for i in publication_order(articles, tie_seed):
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


HDBSCAN_GRID = [(size, samples) for size in (2, 3, 4, 5) for samples in (1, None)]


def hdbscan_minilm(vectors: np.ndarray, setting: tuple[int, int | None]) -> list[str]:
    """HDBSCAN over MiniLM title+lead vectors reduced to 50 d by PCA; noise points are singletons."""
    import hdbscan
    from sklearn.decomposition import PCA

    x = PCA(n_components=min(50, len(vectors) - 1), random_state=0).fit_transform(vectors)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    size, samples = setting
    labels = hdbscan.HDBSCAN(min_cluster_size=size, min_samples=samples).fit_predict(x)
    return [str(lab) if lab >= 0 else f"noise{i}" for i, lab in enumerate(labels)]


LISTED: dict[str, int] = {}


def corroborate_stream(articles, options: ClusterOptions, factory=StoryClusterer, tie_seed: int | None = None
                       ) -> list[str]:
    c = factory(options)
    c.add_many([articles[i] for i in publication_order(articles, tie_seed)])  # ingest batches of options.lookahead
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


# Tie orders the streaming methods are run in (--orders): None = publication order with ties by id, then seeded
# random orders among the articles the dates do not order (cluster_eval.publication_order).
TIE_SEEDS: list[int | None] = [None]


def timed(rows: list, label: str, tuned: str, method, *args, extra_s: float = 0.0, ordered: bool = False) -> None:
    """Run method(*args) (a streaming method once per tie order of TIE_SEEDS) and append (label, tuning note,
    predictions, CPU seconds per run) to rows."""
    seeds = TIE_SEEDS if ordered else [None]
    t = time.process_time()
    preds = [method(*args, tie_seed=seed) if ordered else method(*args) for seed in seeds]
    rows.append((label, tuned, preds, (time.process_time() - t) / len(seeds) + extra_s))


def loco_row(rows: list, label: str, arts, others, factory=StoryClusterer, base: ClusterOptions | None = None,
             **grids) -> None:
    """corroborate with weights, time prior and thresholds fitted on the other corpora only."""
    t = time.process_time()
    opts = fit_options(others, base, factory=factory, **grids)
    fit_s = time.process_time() - t
    timed(rows, label, f"join={opts.join_threshold} link={opts.link_merge} merge={opts.merge_threshold} "
          f"time={opts.time_penalty} (fit {fit_s:.0f}s)", corroborate_stream, arts, opts, factory, ordered=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/stories-dev")
    ap.add_argument("--quick", action="store_true", help="skip the LOCO refits (shipped defaults only)")
    ap.add_argument("--loco-only", action="store_true",
                    help="skip the shipped (in-sample) rows: held-out corroborate rows and the baselines only")
    ap.add_argument("--no-embeddings", action="store_true", help="skip the MiniLM rows even if installed")
    ap.add_argument("--orders", type=int, default=1,
                    help="run the streaming methods (corroborate, single-pass) in this many tie orders and print the "
                         "means (± the F1's standard deviation): 1 = publication order, ties by id; each further "
                         "order shuffles the articles that the dates leave unordered (same day or undated)")
    ap.add_argument("--ablation", action="store_true",
                    help="add a LOCO row without the average-link join/merge (the session-2 procedure)")
    args = ap.parse_args()
    TIE_SEEDS[:] = [None, *range(1, max(1, args.orders))]
    if args.quick and args.loco_only:
        sys.exit("--quick skips the LOCO rows and --loco-only keeps only them: choose one")
    root = Path(args.data)
    if not root.exists():
        sys.exit(f"no corpora at {root}")
    names = sorted(p.name for p in root.iterdir() if (p / "gold.json").exists())
    corpora = {n: load_story_corpus(root / n) for n in names}
    vectors: dict[str, np.ndarray] = {}
    embed_s: dict[str, float] = {}
    if cluster_embed.available() and not args.no_embeddings:
        for n in names:
            t = time.process_time()
            vectors[n] = cluster_embed.embed_articles(corpora[n][0])
            embed_s[n] = time.process_time() - t
    by_id = {a.id: tuple(float(v) for v in row)
             for n in vectors for a, row in zip(corpora[n][0], vectors[n], strict=True)}

    def with_vectors(options: ClusterOptions | None) -> StoryClusterer:
        return cluster_embed.EmbeddingClusterer(options, by_id)

    grid = [round(t, 2) for t in np.arange(0.05, 1.0, 0.05)]
    print("| corpus | docs | gold stories | method | tuned on others | stories | B3 P | B3 R | B3 F1 | ARI | CPU s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in names:
        arts, gold = corpora[name]
        others = [corpora[o] for o in names if o != name]
        rows: list = []
        if not args.quick:
            loco_row(rows, "corroborate (LOCO)", arts, others)
            loco_row(rows, "corroborate (LOCO, one article at a time: lookahead 1)", arts, others,
                     base=ClusterOptions(lookahead=1))
            if args.ablation:
                loco_row(rows, "corroborate (LOCO, no average link)", arts, others, links=(0.0,),
                         merges=(0.85, 0.95))
                loco_row(rows, "corroborate (LOCO, + name guard on the average link)", arts, others,
                         base=ClusterOptions(link_names=0.33))
                loco_row(rows, "corroborate (LOCO, + young-stream caution)", arts, others,
                         base=ClusterOptions(young_docs=20.0))
        listed = None
        if not args.loco_only:
            timed(rows, "corroborate (shipped, in-sample)", "-", corroborate_stream, arts, ClusterOptions(),
                  ordered=True)
            listed = LISTED["last"]
        if vectors:
            if not args.quick:
                loco_row(rows, "corroborate + MiniLM (LOCO)", arts, others, with_vectors)
            if not args.loco_only:
                timed(rows, "corroborate + MiniLM (shipped, in-sample)", "-", corroborate_stream, arts,
                      cluster_embed.embedding_options(), with_vectors, extra_s=embed_s[name], ordered=True)
        thr = tune(agglomerative, others, grid)
        timed(rows, "TF-IDF agglomerative avg-link", f"dist={thr}", agglomerative, arts, thr)
        thr = tune(single_pass, others, grid)
        timed(rows, "TF-IDF single-pass", f"cos={thr}", single_pass, arts, thr, ordered=True)
        if vectors:
            setting = tune(hdbscan_minilm, [(vectors[o], corpora[o][1]) for o in names if o != name], HDBSCAN_GRID)
            timed(rows, "HDBSCAN on MiniLM (title+lead, PCA 50)",
                  f"min_cluster_size={setting[0]} min_samples={setting[1] or setting[0]}",
                  hdbscan_minilm, vectors[name], setting, extra_s=embed_s[name])
        for method, tuned, preds, secs in rows:
            scores = np.array([[*b_cubed(gold, pred), adjusted_rand(gold, pred), len(set(pred))] for pred in preds])
            p, r, f1, ari, stories = scores.mean(axis=0)
            spread = f" ±{scores[:, 2].std():.3f}" if len(preds) > 1 else ""
            print(f"| {name} | {len(arts)} | {len(set(gold))} | {method} | {tuned} | {stories:.0f} | "
                  f"{p:.3f} | {r:.3f} | {f1:.3f}{spread} | {ari:.3f} | {secs:.1f} |")
        if listed is not None:
            print(f"| {name} | {len(arts)} | {len(set(gold))} | corroborate (shipped): listed stories "
                  f"(>= 2 articles, >= 2 outlets) | - | {listed} | | | | | |")
        if not vectors:
            why = "--no-embeddings" if args.no_embeddings else "embeddings extra not installed"
            for method in ("corroborate + MiniLM", "HDBSCAN on MiniLM"):
                print(f"| {name} | {len(arts)} | {len(set(gold))} | {method} | - | skipped: {why} | | | | | |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
