"""Benchmark facts alignment, conflicts and claim checking on real multi-source stories.

Run from the repo root: /work/venv/bin/python bench/facts.py [--sample N] [--scale N] [--fnc N]

1. BASIL (100 events x 3 outlets): facts per story, multi- vs single-source,
   conflicts and time, for `align_facts` and, side by side, a baseline that links
   sentences whose plain word TF-IDF cosine is >= 0.5 (connected components).
2. `--sample N` prints N facts (two thirds multi-source, one third single-source,
   fixed seed) with their evidence and, for single-source ones, the best
   sentence of every other article, for the hand check in docs/benchmarks.md (facts).
3. Scale: one story of `--scale` articles pooled from the dev corpora: time,
   claims, candidate pairs scored vs all cross-article pairs.
4. Seeds: the 2,500-troops fact and the conflicts of the four seed reports.
5. `--fnc N`: check_claim on N FNC-1 headline/body pairs (the body-disjoint
   hold-out of the FNC-1 baseline split), FNC score and per-class F1, next to the
   all-"unrelated" baseline; `--fnc-model` adds check_claim with the shipped stance
   model, which was trained on all of FNC-1 (so that row is not an estimate).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corroborate.check import check_claim  # noqa: E402
from corroborate.claim_similarity import ClaimSpace  # noqa: E402
from corroborate.facts import align_facts, story_claims  # noqa: E402
from corroborate.model import Article, Story, content_id  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
BASIL = DATA / "stories-dev" / "basil"


def basil_article(doc_id: str, meta: dict) -> Article:
    """Article from a BASIL doc file: first line the title (repeated once in some files), then paragraphs."""
    raw = (BASIL / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
    lines = raw.split("\n")
    title = lines[0].strip()
    rest = "\n".join(lines[1:]).strip()
    if rest.startswith(title):
        rest = rest[len(title):].strip()
    return Article(id=doc_id, source=str(BASIL / "docs" / f"{doc_id}.txt"), raw_text=raw, title=title,
                   outlet=meta.get("outlet", ""), published=meta.get("published"), body=rest)


def basil_stories() -> list[Story]:
    gold = json.loads((BASIL / "gold.json").read_text(encoding="utf-8"))
    by_story: dict[str, list[Article]] = {}
    for doc_id, meta in sorted(gold["docs"].items()):
        by_story.setdefault(meta["story"], []).append(basil_article(doc_id, meta))
    return [Story(id=sid, articles=arts, title=gold["stories"].get(sid, {}).get("main_event", ""))
            for sid, arts in sorted(by_story.items())]


def baseline_facts(story: Story, threshold: float = 0.5) -> list[set[str]]:
    """Source sets of facts from plain word TF-IDF cosine >= threshold, connected components."""
    items = story_claims(story)
    if not items:
        return []
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    matrix = vec.fit_transform([it.claim.text for it in items])
    sim = (matrix @ matrix.T).toarray()
    owner = np.array([it.article_index for it in items])
    adj = (sim >= threshold) & (owner[:, None] != owner[None, :])
    _, labels = connected_components(adj, directed=False)
    groups: dict[int, set[str]] = {}
    for it, label in zip(items, labels, strict=True):
        groups.setdefault(int(label), set()).add(it.article.id)
    return list(groups.values())


def run_basil(sample: int) -> list[str]:
    stories = basil_stories()
    out = ["## BASIL: facts per story (100 events x 3 outlets)", ""]
    totals = Counter()
    base = Counter()
    seconds = 0.0
    all_facts: list[tuple[Story, dict]] = []
    for story in stories:
        for article in story.articles:
            article.claims, article.stages = [], []
        t0 = time.perf_counter()
        facts, conflicts = align_facts(story)
        seconds += time.perf_counter() - t0
        totals["claims"] += sum(len(a.claims) for a in story.articles)
        totals["facts"] += len(facts)
        totals["multi"] += sum(1 for f in facts if not f["single_source"])
        totals["three"] += sum(1 for f in facts if f["independent_sources"] >= 3)
        totals["single"] += sum(1 for f in facts if f["single_source"])
        totals["conflicts"] += len(conflicts)
        totals["stories_with_multi"] += any(not f["single_source"] for f in facts)
        all_facts.extend((story, f) for f in facts)
        groups = baseline_facts(story)
        base["facts"] += len(groups)
        base["multi"] += sum(1 for g in groups if len(g) > 1)
        base["three"] += sum(1 for g in groups if len(g) >= 3)
        base["single"] += sum(1 for g in groups if len(g) == 1)
    out += ["| method | claims | facts | multi-source | 3 sources | single-source | conflicts | stories with a multi-source fact | align time (s, total) |",
            "|---|---|---|---|---|---|---|---|---|",
            f"| align_facts | {totals['claims']} | {totals['facts']} | {totals['multi']} | {totals['three']} | "
            f"{totals['single']} | {totals['conflicts']} | {totals['stories_with_multi']}/{len(stories)} | {seconds:.1f} |",
            f"| baseline: word TF-IDF cos>=0.5, components | {totals['claims']} | {base['facts']} | {base['multi']} | "
            f"{base['three']} | {base['single']} | - | - | - |", ""]
    if sample:
        print_sample(all_facts, stories, sample)
    return out


def print_sample(all_facts: list[tuple[Story, dict]], stories: list[Story], n: int) -> None:
    """Facts for the hand check, with the best competing sentence of each article not listed."""
    rng = random.Random(20261122)
    multi = [sf for sf in all_facts if not sf[1]["single_source"]]
    single = [sf for sf in all_facts if sf[1]["single_source"]]
    picked = rng.sample(multi, min(len(multi), n * 2 // 3)) + rng.sample(single, min(len(single), n - n * 2 // 3))
    for k, (story, fact) in enumerate(picked, 1):
        print(f"\n### {k}. story {story.id[:8]} ({story.title}) sources={[s[:8] for s in fact['sources']]}",
              file=sys.stderr)
        for ev in fact["evidence"]:
            print(f"   [{ev['article'][:8]}:{ev['sentence']}] {ev['text']}", file=sys.stderr)
        missing = [a for a in story.articles if a.id not in fact["sources"]]
        if missing:
            texts = [c.text for a in missing for c in a.claims]
            owners = [a.id for a in missing for c in a.claims]
            space = ClaimSpace([fact["text"]], extra_docs=texts)
            scores = space.scores(np.zeros(len(texts), dtype=int), np.arange(len(texts)), space.transform(texts))
            for art in missing:
                best = max(((s, t) for s, t, o in zip(scores, texts, owners, strict=True) if o == art.id),
                           default=None)
                if best:
                    print(f"   best in {art.id[:8]} ({best[0]:.2f}): {best[1]}", file=sys.stderr)


def pooled_articles(limit: int) -> list[Article]:
    paths = sorted((DATA / "stories-dev").glob("*/docs/*.txt"))
    arts = []
    for path in paths[:limit]:
        raw = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        arts.append(Article(id=content_id(raw), source=str(path), raw_text=raw, title=title, body=body))
    return arts


def run_scale(count: int) -> list[str]:
    arts = pooled_articles(count)
    story = Story(id="scale", articles=arts)
    t0 = time.perf_counter()
    items = story_claims(story)
    t_claims = time.perf_counter() - t0
    t1 = time.perf_counter()
    facts, conflicts = align_facts(story)
    t_align = time.perf_counter() - t1
    per_article = Counter(it.article_index for it in items)
    n = len(items)
    cross = (n * n - sum(v * v for v in per_article.values())) // 2
    from corroborate.claim_similarity import candidate_pairs
    space = ClaimSpace([it.claim.text for it in items])
    scored = len(candidate_pairs(space, [it.article_index for it in items], min_score=-1.0))
    return ["## Scale: one story pooled from the dev corpora", "",
            "| articles | claims | cross-article claim pairs | pairs scored (blocking) | claims stage (s) | align_facts (s) | facts | multi-source | conflicts |",
            "|---|---|---|---|---|---|---|---|---|",
            f"| {len(arts)} | {n} | {cross} | {scored} | {t_claims:.1f} | {t_align:.1f} | {len(facts)} | "
            f"{sum(1 for f in facts if not f['single_source'])} | {len(conflicts)} |", ""]


def run_seeds() -> list[str]:
    paths = sorted((DATA / "seeds").glob("*.txt"))
    arts = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        arts.append(Article(id=path.stem[:3], source=str(path), raw_text=raw, body=raw, published="2021-07-26"))
    facts, conflicts = align_facts(Story(id="seeds", articles=arts))
    troops = [f for f in facts if "2,500" in f["text"]]
    out = ["## Seeds (4 reports of one event, 3 machine-translated, raw text with page furniture)", "",
           f"facts: {len(facts)}, multi-source: {sum(1 for f in facts if not f['single_source'])}, "
           f"conflicts: {len(conflicts)}", ""]
    for f in troops:
        out.append(f"- 2,500-troops fact: sources {f['sources']} ({f['independent_sources']} independent): "
                   f"\"{f['text']}\"")
    for c in conflicts:
        out.append(f"- conflict about {c['about']}: " + " vs ".join(f"{x['value']} {x['sources']}" for x in c["claims"]))
    out.append("")
    return out


def fnc_pairs(n: int) -> list[tuple[str, int, str, str]]:
    """n (headline, body id, body, stance) pairs of the FNC-1 baseline's body-disjoint hold-out."""
    from corroborate.stance_data import load_fnc, official_holdout_split

    pairs, body_ids = load_fnc(DATA / "stance-dev" / "fnc1")
    _, held = official_holdout_split(body_ids)
    rows = [(p.claim, p.body_id, p.body, p.stance) for p in pairs if p.body_id in held]
    return random.Random(7).sample(rows, min(n, len(rows)))


def fnc_score(gold: list[str], pred: list[str]) -> tuple[float, dict[str, float]]:
    score = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
            if g != "unrelated" and g == p:
                score += 0.75
    f1 = {}
    for label in ("agree", "disagree", "discuss", "unrelated"):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        f1[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return score / best, f1


def run_fnc(n: int, with_model: bool) -> list[str]:
    pairs = fnc_pairs(n)
    to_fnc = {"support": "agree", "contradict": "disagree", "discuss": "discuss", "unrelated": "unrelated"}
    gold = [stance for *_, stance in pairs]
    preds: dict[str, list[str]] = {"all unrelated (baseline)": ["unrelated"] * len(pairs)}
    cache: dict[int, Article] = {}
    for _, body_id, body, _ in pairs:
        cache.setdefault(body_id, Article(id=str(body_id), source="fnc1", raw_text=body, body=body))
    t0 = time.perf_counter()
    preds["check_claim (slots + lexical, no model)"] = [
        to_fnc[check_claim(h, [cache[b]], use_stance_model=False)["articles"][0]["stance"]] for h, b, _, _ in pairs]
    t_lex = time.perf_counter() - t0
    t_model = None
    if with_model:
        t1 = time.perf_counter()
        preds["check_claim + shipped stance model (trained on ALL FNC-1: inflated)"] = [
            to_fnc[check_claim(h, [cache[b]])["articles"][0]["stance"]] for h, b, _, _ in pairs]
        t_model = time.perf_counter() - t1
    out = [f"## Claim checking on FNC-1 (body-disjoint hold-out, {len(pairs)} sampled pairs)", "",
           "| method | FNC score | F1 agree | F1 disagree | F1 discuss | F1 unrelated | macro-F1 |",
           "|---|---|---|---|---|---|---|"]
    for name, pred in preds.items():
        score, f1 = fnc_score(gold, pred)
        out.append(f"| {name} | {100 * score:.1f}% | {f1['agree']:.3f} | {f1['disagree']:.3f} | "
                   f"{f1['discuss']:.3f} | {f1['unrelated']:.3f} | {np.mean(list(f1.values())):.3f} |")
    out += ["", f"time: lexical {t_lex:.1f}s" + (f", with model {t_model:.1f}s" if t_model else ""), ""]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="print N facts for the hand check (stderr)")
    parser.add_argument("--scale", type=int, default=1000, help="articles in the pooled scale story (0: skip)")
    parser.add_argument("--fnc", type=int, default=0, help="FNC-1 pairs for claim checking (0: skip)")
    parser.add_argument("--fnc-model", action="store_true",
                        help="also run check_claim with the shipped stance model (slow; it was trained on all FNC-1)")
    args = parser.parse_args()
    if not BASIL.exists():
        sys.exit(f"BASIL not found at {BASIL}: the shared dev data is needed")
    lines = run_basil(args.sample)
    lines += run_seeds()
    if args.scale:
        lines += run_scale(args.scale)
    if args.fnc:
        lines += run_fnc(args.fnc, args.fnc_model)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
