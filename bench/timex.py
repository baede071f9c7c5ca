"""TempEval-3 TIMEX3 benchmark: span F1 (strict and relaxed), type and value scores, speed.

Run from the repo root:
    /work/venv/bin/python bench/timex.py [--errors N] [--split TimeBank|AQUAINT|AQUAINT-A|AQUAINT-B] [--news]
Reads ../shared/data/temporal-dev/tempeval3/{TimeBank,AQUAINT}/*.tml and tags each document's TEXT
with its DCT as the anchor.  AQUAINT-A / AQUAINT-B are its documents in sorted file-name order taken
alternately (A: 1st, 3rd, ...; B: 2nd, 4th, ...), so that rules can be developed on TimeBank and A
and B kept as a held-out check.  Scoring follows TE3-evaluation: relaxed = any character overlap
(one-to-one), strict = identical span; the value and type scores are attribute F1 over relaxed
matches (correct attributes / system timexes, / gold timexes).  HeidelTime's published TempEval-3
figures are printed beside ours for reference (they are on the TE3 platinum test set, not this data).
--news also times the tagger on every Timeline17 dev article (../shared/data/timelines-dev, long news
texts anchored at their publication dates) and checks that every span's offsets match its text.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from corroborate.model import TimeExpr  # noqa: E402
from corroborate.timex import find_timexes  # noqa: E402
from corroborate.timex_tml import read_timeml  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "data",
                    "temporal-dev", "tempeval3")


def match(gold: list[TimeExpr], system: list[TimeExpr]) -> list[tuple[TimeExpr, TimeExpr]]:
    """One-to-one relaxed matching: each gold timex pairs with the first unused overlapping system one."""
    pairs, used = [], set()
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and s.start < g.end and g.start < s.end:
                pairs.append((g, s))
                used.add(i)
                break
    return pairs


def prf(correct: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_sys if n_sys else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def split_paths(split: str) -> list[str]:
    """The .tml files of a split; "AQUAINT-A"/"AQUAINT-B" are alternate AQUAINT files in sorted order."""
    corpus, _, half = split.partition("-")
    paths = sorted(glob.glob(os.path.join(DATA, corpus, "*.tml")))
    if half:
        paths = paths[{"A": 0, "B": 1}[half]::2]
    return paths


def evaluate(paths: list[str], errors: int = 0) -> dict[str, float]:
    """Tag every document, score it against its gold; returns the figures the table prints."""
    n_gold = n_sys = relaxed = strict = value_ok = type_ok = 0
    wrong_exact = wrong_partial = ok_partial = 0
    elapsed = 0.0
    shown = 0
    for path in paths:
        doc = read_timeml(path)
        t0 = time.perf_counter()
        system = find_timexes(doc.text, doc.dct[:10] if doc.dct else None)
        elapsed += time.perf_counter() - t0
        pairs = match(doc.gold, system)
        n_gold += len(doc.gold)
        n_sys += len(system)
        relaxed += len(pairs)
        strict += sum(1 for g, s in pairs if (g.start, g.end) == (s.start, s.end))
        value_ok += sum(1 for g, s in pairs if g.value == s.value)
        type_ok += sum(1 for g, s in pairs if g.type == s.type)
        for g, s in pairs:
            exact = (g.start, g.end) == (s.start, s.end)
            if g.value != s.value:
                wrong_exact += exact
                wrong_partial += not exact
            else:
                ok_partial += not exact
        if errors and shown < errors:
            shown += _show_errors(doc, system, pairs, errors - shown)
    out = {}
    for name, correct in (("strict", strict), ("relaxed", relaxed), ("value", value_ok), ("type", type_ok)):
        out[name + "_p"], out[name + "_r"], out[name + "_f"] = prf(correct, n_sys, n_gold)
    out["value_acc"] = value_ok / relaxed if relaxed else 0.0
    out.update(wrong_exact=wrong_exact, wrong_partial=wrong_partial, ok_partial=ok_partial,
               missed=n_gold - relaxed, false_alarms=n_sys - relaxed, value_ok=value_ok)
    out.update(n_gold=n_gold, n_sys=n_sys, docs=len(paths), seconds=elapsed,
               per_second=n_sys / elapsed if elapsed else 0.0)
    return out


def _show_errors(doc, system, pairs, limit: int) -> int:
    matched_gold = {id(g) for g, _ in pairs}
    matched_sys = {id(s) for _, s in pairs}
    lines = []
    for g in doc.gold:
        if id(g) not in matched_gold:
            lines.append(f"  MISS  {g.text!r} {g.type} {g.value}   ...{doc.text[max(0, g.start - 40):g.end + 30]!r}")
    for s in system:
        if id(s) not in matched_sys:
            lines.append(f"  FALSE {s.text!r} {s.type} {s.value}   ...{doc.text[max(0, s.start - 40):s.end + 30]!r}")
    for g, s in pairs:
        if g.value != s.value or (g.start, g.end) != (s.start, s.end):
            lines.append(f"  DIFF  gold {g.text!r} {g.value} | sys {s.text!r} {s.value}  (dct {doc.dct})")
    if lines:
        print(f"{doc.doc_id}:")
        print("\n".join(lines[:limit]))
    return min(len(lines), limit)


def news_speed() -> str:
    """Tag all Timeline17 dev articles; a Markdown line with the throughput."""
    folder = os.path.join(os.path.dirname(DATA), "..", "timelines-dev")
    n_docs = n_chars = n_timexes = 0
    elapsed = 0.0
    for path in sorted(glob.glob(os.path.join(folder, "*", "articles.json"))):
        with open(path, encoding="utf-8") as fh:
            for art in json.load(fh):
                t0 = time.perf_counter()
                found = find_timexes(art["text"], art.get("dct"))
                elapsed += time.perf_counter() - t0
                assert all(art["text"][t.start:t.end] == t.text for t in found)
                n_docs, n_chars, n_timexes = n_docs + 1, n_chars + len(art["text"]), n_timexes + len(found)
    if not n_docs:
        return "Timeline17 dev articles not found"
    return (f"News speed: {n_docs} Timeline17 articles, {n_chars / 1e6:.1f} M characters, {n_timexes} timexes "
            f"in {elapsed:.1f} s = {n_timexes / elapsed:.0f} timexes/s, {n_chars / elapsed / 1000:.0f} k chars/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--split", choices=["TimeBank", "AQUAINT", "AQUAINT-A", "AQUAINT-B"], default=None)
    parser.add_argument("--news", action="store_true", help="also time the tagger on Timeline17 articles")
    args = parser.parse_args()
    if not os.path.isdir(DATA):
        sys.exit(f"TempEval-3 data not found at {DATA}")
    splits = [args.split] if args.split else ["TimeBank", "AQUAINT-A", "AQUAINT-B", "AQUAINT", "all"]
    rows = []
    for split in splits:
        if split == "all":
            paths = split_paths("TimeBank") + split_paths("AQUAINT")
        else:
            paths = split_paths(split)
        shown_errors = args.errors if split in ("TimeBank", "AQUAINT-A") or args.split else 0
        rows.append((split, evaluate(paths, shown_errors)))
    print("| system | data | docs | gold | sys | strict P/R/F1 | relaxed P/R/F1 | type F1 | value F1 | value acc | timexes/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for split, r in rows:
        print(f"| corroborate rules | {split} | {r['docs']} | {r['n_gold']} | {r['n_sys']} | "
              f"{100 * r['strict_p']:.1f}/{100 * r['strict_r']:.1f}/{100 * r['strict_f']:.1f} | "
              f"{100 * r['relaxed_p']:.1f}/{100 * r['relaxed_r']:.1f}/{100 * r['relaxed_f']:.1f} | "
              f"{100 * r['type_f']:.1f} | {100 * r['value_f']:.1f} | {100 * r['value_acc']:.1f} | "
              f"{r['per_second']:.0f} |")
    print("| HeidelTime (published, TE3 platinum test) | - | - | - | - | 83.9/79.0/81.3 | 93.1/87.7/90.3 | - | 77.6 | - | - |")
    print()
    print("Value errors by cause (a gold timex scores a value only when matched with the right value):")
    print()
    print("| data | correct values | missed (no overlap) | false alarms | wrong value, exact span | "
          "wrong value, other span | right value, other span | value F1 if wrong-span values were right |")
    print("|---|---|---|---|---|---|---|---|")
    for split, r in rows:
        span_fixed = prf(r["value_ok"] + r["wrong_partial"], r["n_sys"], r["n_gold"])[2]
        print(f"| {split} | {r['value_ok']} | {r['missed']} | {r['false_alarms']} | {r['wrong_exact']} | "
              f"{r['wrong_partial']} | {r['ok_partial']} | {100 * span_fixed:.1f} |")
    if args.news:
        print()
        print(news_speed())


if __name__ == "__main__":
    main()
