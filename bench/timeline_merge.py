"""Timeline merge benchmark: does a similarity tell "these two sentences report one event" on ECB+?

Run from the repo root: OMP_NUM_THREADS=1 /work/venv/bin/python bench/timeline_merge.py [--minilm]
Reads ../shared/data/coref-dev/ecbplus/gold/ECB_{Train,Dev}_{corpus.txt,Event_gold_mentions.json}.

Pairs: every two validated sentences from DIFFERENT documents of one topic, each with at least one
gold event mention (a topic stands in for a story).  Labels:
- first (primary: it picks the threshold): "same" only when the chains of the two sentences' first
  gold event mentions match.  A timeline entry is its sentence's main event; sharing a background or
  reporting event ("said", "the 2003 invasion") must not merge two entries.  News states the main event
  early, so the first annotated event stands in for it.
- any (beside it): "same" when the two sentences share a gold event coreference chain.  A sentence
  that mentions the event at all is a telling of it, as a timeline entry is; singleton chains cannot
  be shared across documents, so they never make a positive.  Its best thresholds are near zero
  (it rewards merging nearly everything of a topic), which a timeline cannot use.
Each ECB+ topic holds two subtopics, the ecb and the ecbplus documents: the same kind of event, a
different instance (two earthquakes, two rehab check-ins).  Cross-subtopic pairs are the hard negatives
a timeline must keep apart; `hard FP` is the share of them at or above the threshold.

Methods (each a pair score; the threshold is the best-F1 one on Train, then applied to Dev):
- plain: the old build_timeline cosine of content words (numbers and calendar words out);
- idf: the same words weighted by in-topic IDF, ln(1 + N/df);
- idf+stem: Snowball-stemmed words, in-topic IDF;
- idf+stem+ent: plus each name mention resolved by the product's entity resolution
  over the topic's documents read as its entity's canonical name (corroborate.timeline_similarity,
  what build_timeline uses);
- minilm (--minilm): cosine of all-MiniLM-L6-v2 sentence embeddings; and mean(ent, minilm).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from corroborate.entities import resolve_entities  # noqa: E402
from corroborate.features import sparse_dot  # noqa: E402
from corroborate.mentions import mentions_stage  # noqa: E402
from corroborate.model import Article, Sentence  # noqa: E402
from corroborate.timeline import cosine, event_tokens  # noqa: E402
from corroborate.timeline_similarity import (  # noqa: E402
    StoryIdf,
    entity_map,
    event_similarity,
    sentence_tokens,
)

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "data",
                    "coref-dev", "ecbplus", "gold")
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "'s", "n't", ")", "'", "''", "%"}


def detokenize(tokens: list[str]) -> str:
    out = ""
    for tok in tokens:
        if out and tok not in _NO_SPACE_BEFORE and not out.endswith(("(", "``", "$")):
            out += " "
        out += tok
    return out.replace("``", '"').replace("''", '"')


def load_split(split: str) -> tuple[dict[str, Article], dict[tuple[str, int], list[str]]]:
    """Articles (one per document, validated sentences only, by offsets) and the event chains of each
    (doc, sentence index) in token order."""
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with open(os.path.join(DATA, f"ECB_{split}_corpus.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                sentences[parts[0]][int(parts[1])].append(parts[3])
    with open(os.path.join(DATA, f"ECB_{split}_Event_gold_mentions.json"), encoding="utf-8") as fh:
        events = json.load(fh)
    articles: dict[str, Article] = {}
    index_of: dict[tuple[str, int], int] = {}
    for doc, sents in sentences.items():
        body, spans = "", []
        for sid in sorted(sents):
            text = detokenize(sents[sid])
            start = len(body) + (2 if body else 0)
            body = f"{body}\n\n{text}" if body else text
            index_of[(doc, sid)] = len(spans)
            spans.append(Sentence(start=start, end=start + len(text), text=text))
        art = Article(id=doc, source=doc, raw_text=body, body=body, sentences=spans)
        articles[doc] = mentions_stage(art)
    chains: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    for ev in events:
        key = (ev["doc_id"], index_of.get((ev["doc_id"], ev["sent_id"]), -1))
        if key[1] >= 0:
            chains[key].append((min(ev["tokens_number"]), ev["coref_chain"]))
    return articles, {k: [c for _, c in sorted(v)] for k, v in chains.items()}


def topic_of(doc: str) -> str:
    return doc.split("_")[0]


def weighted_cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two sparse weighted vectors (0 when either is empty)."""
    if not a or not b:
        return 0.0
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return sparse_dot(a, b) / norm if norm else 0.0


def subtopic_of(doc: str) -> str:
    return doc.split("_")[0] + ("plus" if doc.endswith("ecbplus") else "")


def embed_all(keys: list[tuple[str, int]], articles: dict[str, Article]) -> dict[tuple[str, int], list[float]]:
    from corroborate.cluster_embed import encode_texts

    vectors = encode_texts([articles[d].sentences[i].text for d, i in keys], batch_size=64)
    return {k: [float(x) for x in v] for k, v in zip(keys, vectors, strict=True)}


def pair_scores(split: str, use_minilm: bool) -> tuple[list[dict], dict[str, float]]:
    """One record per cross-document same-topic sentence pair: labels, subtopic flag, each method's score;
    and the timings, with each topic's score matrices for the grouping table."""
    t0 = time.process_time()
    articles, chains = load_split(split)
    timings = {"load_cpu_s": time.process_time() - t0}
    by_topic: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key in sorted(chains):
        by_topic[topic_of(key[0])].append(key)
    vectors: dict[str, dict[tuple[str, int], object]] = defaultdict(dict)
    t0 = time.process_time()
    for keys in by_topic.values():
        docs = sorted({d for d, _ in keys})
        topic_articles = [articles[d] for d in docs]
        entity_of = entity_map(resolve_entities(topic_articles))
        plain = {k: event_tokens(articles[k[0]].sentences[k[1]].text) for k in keys}
        idf_words = StoryIdf(set(event_tokens(a.body)) for a in topic_articles)
        idf_stem = StoryIdf.of_articles(topic_articles, {})
        idf_ent = StoryIdf.of_articles(topic_articles, entity_of)
        for k in keys:
            art = articles[k[0]]
            vectors["plain"][k] = plain[k]
            vectors["idf"][k] = idf_words.weigh(plain[k])
            vectors["idf+stem"][k] = idf_stem.weigh(sentence_tokens(art, k[1], {}))
            vectors["idf+stem+ent"][k] = idf_ent.weigh(sentence_tokens(art, k[1], entity_of))
    timings["vectors_cpu_s"] = time.process_time() - t0
    topics, plain_topics = [], []
    for keys in by_topic.values():
        vec = [vectors["idf+stem+ent"][k] for k in keys]
        topics.append((keys, [[weighted_cosine(x, y) for y in vec] for x in vec]))
        vec = [vectors["plain"][k] for k in keys]
        plain_topics.append((keys, [[cosine(x, y) for y in vec] for x in vec]))
    timings["topics"] = topics
    timings["plain_topics"] = plain_topics
    timings["chains"] = chains
    embeddings = {}
    if use_minilm:
        t0 = time.process_time()
        embeddings = embed_all(sorted(chains), articles)
        timings["minilm_cpu_s"] = time.process_time() - t0
    records = []
    for keys in by_topic.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if a[0] == b[0]:
                    continue
                rec = {
                    "any": bool(set(chains[a]) & set(chains[b])),
                    "first": chains[a][0] == chains[b][0],
                    "cross_subtopic": subtopic_of(a[0]) != subtopic_of(b[0]),
                    "plain": cosine(vectors["plain"][a], vectors["plain"][b]),
                }
                for name in ("idf", "idf+stem", "idf+stem+ent"):
                    rec[name] = weighted_cosine(vectors[name][a], vectors[name][b])
                if use_minilm:
                    ea, eb = embeddings[a], embeddings[b]
                    rec["minilm"] = sum(x * y for x, y in zip(ea, eb, strict=True))
                    rec["mean(ent,minilm)"] = (rec["idf+stem+ent"] + rec["minilm"]) / 2
                records.append(rec)
    return records, timings


def prf(records: list[dict], method: str, label: str, threshold: float) -> tuple[float, float, float, float]:
    tp = fp = fn = hard = hard_fp = 0
    for r in records:
        merged = r[method] >= threshold
        tp += merged and r[label]
        fp += merged and not r[label]
        fn += (not merged) and r[label]
        if r["cross_subtopic"]:
            hard += 1
            hard_fp += merged
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * rec / (p + rec) if p + rec else 0.0
    return p, rec, f, hard_fp / hard if hard else 0.0


def greedy_groups(scores: list[list[float]], threshold: float, linkage: str) -> list[int]:
    """Group ids of sentences taken in order, each joining the best event at or above threshold (as
    build_timeline does, facts aside)."""
    groups: list[list[int]] = []
    group_of = []
    for i in range(len(scores)):
        best, best_score = -1, threshold
        for g, members in enumerate(groups):
            score = event_similarity([scores[i][j] for j in members], linkage)
            if score >= best_score:
                best, best_score = g, score
        if best < 0:
            groups.append([])
            best = len(groups) - 1
        groups[best].append(i)
        group_of.append(best)
    return group_of


def grouping_scores(topics: list[tuple[list[tuple[str, int]], list[list[float]]]], chains: dict,
                    threshold: float, linkage: str) -> tuple[float, float, float]:
    """Pairwise P/R/F1 (main-event label, cross-document pairs) of the greedy grouping of each topic."""
    tp = fp = fn = 0
    for keys, scores in topics:
        group_of = greedy_groups(scores, threshold, linkage)
        for i, a in enumerate(keys):
            for j in range(i + 1, len(keys)):
                b = keys[j]
                if a[0] == b[0]:
                    continue
                same, merged = chains[a][0] == chains[b][0], group_of[i] == group_of[j]
                tp += same and merged
                fp += merged and not same
                fn += same and not merged
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def best_threshold(records: list[dict], method: str, label: str) -> float:
    grid = [t / 100 for t in range(1, 100)]
    return max(grid, key=lambda t: (prf(records, method, label, t)[2], -t))


def table(train: list[dict], dev: list[dict], methods: list[str], label: str) -> None:
    """One Markdown row per method: its best-F1 threshold on Train and what that threshold gives on Dev."""
    print(f"\nlabel: {label}; threshold = best F1 on Train; Dev at that threshold (and Dev's own best)\n")
    print("| method | thr (Train) | Train P | Train R | Train F1 | Train hard FP | Dev P | Dev R | Dev F1 "
          "| Dev hard FP | Dev best thr / F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for m in methods:
        thr = best_threshold(train, m, label)
        tp, tr, tf, th = prf(train, m, label, thr)
        dp, dr, df, dh = prf(dev, m, label, thr)
        dthr = best_threshold(dev, m, label)
        print(f"| {m} | {thr:.2f} | {tp:.3f} | {tr:.3f} | {tf:.3f} | {th:.3f} | {dp:.3f} | {dr:.3f} | {df:.3f} "
              f"| {dh:.3f} | {dthr:.2f} / {prf(dev, m, label, dthr)[2]:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minilm", action="store_true", help="also score MiniLM sentence cosine")
    parser.add_argument("--at", type=str, default="", help="method=threshold: also report it at that threshold")
    args = parser.parse_args()
    if not os.path.isdir(DATA):
        sys.exit(f"ECB+ gold not found at {DATA}")
    train, t_train = pair_scores("Train", args.minilm)
    dev, t_dev = pair_scores("Dev", args.minilm)
    methods = [m for m in ("plain", "idf", "idf+stem", "idf+stem+ent", "minilm", "mean(ent,minilm)") if m in train[0]]
    for name, recs in (("Train", train), ("Dev", dev)):
        hard = sum(r["cross_subtopic"] for r in recs)
        print(f"{name}: {len(recs)} pairs, {sum(r['first'] for r in recs)} same main event (first), "
              f"{sum(r['any'] for r in recs)} share a chain (any), {hard} cross-subtopic")
    plain_groupings = {name: (t.pop("plain_topics"), t["chains"]) for name, t in (("Train", t_train), ("Dev", t_dev))}
    groupings = {name: (t.pop("topics"), t.pop("chains")) for name, t in (("Train", t_train), ("Dev", t_dev))}
    print(f"cpu seconds: Train {t_train}, Dev {t_dev}")
    print("\ngreedy grouping of each topic's sentences (idf+stem+ent with canonical names, as build_timeline; main-event label, "
          "cross-document pairs); threshold = best F1 on Train\n")
    print("| linkage | thr (Train) | Train P | Train R | Train F1 | Dev P | Dev R | Dev F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for linkage in ("single", "average", "first"):
        grid = [t / 100 for t in range(5, 50, 2)]
        thr = max(grid, key=lambda t: (grouping_scores(*groupings["Train"], t, linkage)[2], -t))
        tr = grouping_scores(*groupings["Train"], thr, linkage)
        dv = grouping_scores(*groupings["Dev"], thr, linkage)
        print(f"| {linkage} | {thr:.2f} | " + " | ".join(f"{x:.3f}" for x in tr + dv) + " |")
    old = grouping_scores(*plain_groupings["Train"], 0.3, "first") + grouping_scores(*plain_groupings["Dev"], 0.3, "first")
    print("| old: plain cosine, first, fixed | 0.30 | " + " | ".join(f"{x:.3f}" for x in old) + " |")
    fixed = [("plain", 0.3)]
    if args.at:
        name, value = args.at.split("=")
        fixed.append((name, float(value)))
    for label in ("first", "any"):
        table(train, dev, methods, label)
        for name, thr in fixed:
            for split, recs in (("Train", train), ("Dev", dev)):
                p, r, f, h = prf(recs, name, label, thr)
                print(f"{name} @ {thr:.2f} ({label}, {split}): P {p:.3f} R {r:.3f} F1 {f:.3f} hard FP {h:.3f}")


if __name__ == "__main__":
    main()
