"""Timeline17 benchmark: date F1 and alignment-based ROUGE-1 of generated timelines, DATEWISE beside them.

Run from the repo root: /work/venv/bin/python bench/timeline.py [--sets a,b] [--sentences N]
Reads ../shared/data/timelines-dev/<set>/{articles.json,*.timeline.json}.  As in news-tls
(Ghalandari & Ifrim 2020): for each set the collection is cut to the span of the gold timeline,
the system makes as many dates as the gold timeline has, with (by default) as many sentences per
date as the gold average.  Scores:
- date F1: predicted days vs gold days.
- Averages as news-tls: precision and recall averaged over timelines, then F.
- AR-1 F: the 'align+ m:1' ROUGE-1 of Martschat & Markert (2017) as tilse computes it: each predicted
  (for precision) / gold (for recall) day is aligned to the day on the other side with the lowest
  cost date_factor * content_factor, and its ROUGE-1 hit counts are weighted by 1/(|day gap| + 1);
  tokens lower-cased, Porter-stemmed, stopwords removed (pyrouge's stem=True, ignore_stopwords=True).
- concat R-1 F: ROUGE-1 F of all summaries concatenated against the gold concatenated.
Baselines run in the same pass: 'pub-count' (the days with most articles published, lead sentence).
Published (all of Timeline17, 19 timelines; we have 11 dev sets): DATEWISE AR-1 0.120, date F1 0.544.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # noqa: E402

from corroborate.model import Article  # noqa: E402
from corroborate.split import split_sentences  # noqa: E402
from corroborate.stemming import porter_stem  # noqa: E402
from corroborate.timeline import timeline_from_articles  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "data",
                    "timelines-dev")
_STEM_CACHE: dict[str, str] = {}


def rouge_tokens(text: str) -> Counter:
    out: Counter = Counter()
    for raw in text.lower().split():
        tok = "".join(ch for ch in raw if ch.isalnum())
        if not tok or tok in ENGLISH_STOP_WORDS:
            continue
        stem = _STEM_CACHE.get(tok)
        if stem is None:
            stem = _STEM_CACHE[tok] = porter_stem(tok)
        out[stem] += 1
    return out


def _hits(pred: Counter, ref: Counter) -> int:
    return sum(min(c, ref[t]) for t, c in pred.items())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def align_rouge1(pred: dict[date, Counter], gold: dict[date, Counter]) -> tuple[float, float, float]:
    """tilse's align+ m:1 ROUGE-1 (precision, recall, F)."""
    def cost(a: date, b: date, pa: Counter, gb: Counter) -> float:
        date_factor = 1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)
        hits = _hits(pa, gb)
        p = hits / sum(pa.values()) if pa else 0.0
        r = hits / sum(gb.values()) if gb else 0.0
        return date_factor * (1 - _f(p, r))

    p_num = p_den = r_num = r_den = 0.0
    gold_days = sorted(gold)
    pred_days = sorted(pred)
    for d in pred_days:
        p_den += sum(pred[d].values())
        if gold_days:
            g = min(gold_days, key=lambda x: cost(d, x, pred[d], gold[x]))
            p_num += _hits(pred[d], gold[g]) / (abs(d.toordinal() - g.toordinal()) + 1)
    for g in gold_days:
        r_den += sum(gold[g].values())
        if pred_days:
            d = min(pred_days, key=lambda x: cost(x, g, pred[x], gold[g]))
            r_num += _hits(pred[d], gold[g]) / (abs(d.toordinal() - g.toordinal()) + 1)
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return p, r, _f(p, r)


def concat_rouge1(pred: dict[date, Counter], gold: dict[date, Counter]) -> float:
    a, b = sum(pred.values(), Counter()), sum(gold.values(), Counter())
    hits = _hits(a, b)
    return _f(hits / sum(a.values()) if a else 0.0, hits / sum(b.values()) if b else 0.0)


def date_prf(pred: set[date], gold: set[date]) -> tuple[float, float, float]:
    hits = len(pred & gold)
    p, r = hits / len(pred) if pred else 0.0, hits / len(gold) if gold else 0.0
    return p, r, _f(p, r)


def load_set(name: str) -> tuple[list[dict], dict[date, str]]:
    folder = os.path.join(DATA, name)
    with open(os.path.join(folder, "articles.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    tl_file = next(f for f in os.listdir(folder) if f.endswith(".timeline.json"))
    with open(os.path.join(folder, tl_file), encoding="utf-8") as fh:
        entries = json.load(fh)
    gold: dict[date, str] = defaultdict(str)
    for e in entries:
        gold[date.fromisoformat(e["date"][:10])] += " " + e["text"]
    return raw, dict(gold)


def to_articles(raw: list[dict], lo: date, hi: date) -> list[Article]:
    out = []
    for r in raw:
        dct = r.get("dct", "")[:10]
        if not dct or not (lo.isoformat() <= dct <= hi.isoformat()):
            continue
        out.append(Article(id=str(r["uid"]), source=str(r["uid"]), raw_text=r["text"], body=r["text"], published=dct))
    return out


def pub_count_baseline(articles: list[Article], k: int, sentences: int) -> list[dict]:
    """Days with the most articles published; the lead sentence(s) of the first article of the day."""
    by_day: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_day[a.published].append(a)
    days = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:k]
    out = []
    for d in sorted(days):
        sents = split_sentences(by_day[d][0].body)[:sentences]
        out.append({"date": d, "text": " ".join(s.text for s in sents)})
    return out


def score(timeline: list[dict], gold: dict[date, str]) -> dict[str, float]:
    pred: dict[date, Counter] = defaultdict(Counter)
    for e in timeline:
        pred[date.fromisoformat(e["date"][:10])].update(rouge_tokens(e["text"]))
    gold_tokens = {d: rouge_tokens(t) for d, t in gold.items()}
    ar1_p, ar1_r, ar1 = align_rouge1(dict(pred), gold_tokens)
    date_p, date_r, date_f = date_prf(set(pred), set(gold))
    return {"date_p": date_p, "date_r": date_r, "date_f1": date_f, "ar1_p": ar1_p, "ar1_r": ar1_r, "ar1_f": ar1,
            "concat_r1_f": concat_rouge1(dict(pred), gold_tokens)}


def macro_f(rows: list[dict[str, float]], prefix: str) -> float:
    """news-tls averaging: precision and recall are averaged over timelines, then combined into F."""
    n = len(rows)
    return _f(sum(r[prefix + "_p"] for r in rows) / n, sum(r[prefix + "_r"] for r in rows) / n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default="", help="comma-separated set names (default: all)")
    parser.add_argument("--sentences", type=int, default=0, help="sentences per date (0: the gold average)")
    args = parser.parse_args()
    if not os.path.isdir(DATA):
        sys.exit(f"Timeline17 data not found at {DATA}")
    names = [n for n in sorted(os.listdir(DATA)) if os.path.isdir(os.path.join(DATA, n))]
    if args.sets:
        names = [n for n in names if n in args.sets.split(",")]
    rows: dict[str, list[dict[str, float]]] = defaultdict(list)
    print("| set | gold dates | articles | system | date F1 | AR-1 F | concat R-1 F | seconds |")
    print("|---|---|---|---|---|---|---|---|")
    for name in names:
        raw, gold = load_set(name)
        lo, hi = min(gold), max(gold)
        articles = to_articles(raw, lo, hi)
        k = len(gold)
        gold_sents = sum(len(split_sentences(t)) for t in gold.values())
        n_sent = args.sentences or max(1, round(gold_sents / k))
        t0 = time.perf_counter()
        ours = timeline_from_articles(articles, k, summary_sentences=n_sent, window=(lo.isoformat(), hi.isoformat()))
        elapsed = time.perf_counter() - t0
        for system, tl, secs in (("corroborate", ours, elapsed), ("pub-count", pub_count_baseline(articles, k, n_sent), 0.0)):
            s = score(tl, gold)
            rows[system].append(s)
            print(f"| {name} | {k} | {len(articles)} | {system} | {s['date_f1']:.3f} | {s['ar1_f']:.3f} | "
                  f"{s['concat_r1_f']:.3f} | {secs:.1f} |")
    print()
    print("| system | timelines | date F1 | AR-1 F | concat R-1 F (mean) |")
    print("|---|---|---|---|---|")
    for system, rs in rows.items():
        n = len(rs)
        print(f"| {system} | {n} | {macro_f(rs, 'date'):.3f} | {macro_f(rs, 'ar1'):.3f} | "
              f"{sum(r['concat_r1_f'] for r in rs) / n:.3f} |")
    print("| DATEWISE (published, all 19 T17 timelines) | 19 | 0.544 | 0.120 | - |")


if __name__ == "__main__":
    main()
