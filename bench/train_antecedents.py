"""Learn the pronoun-antecedent ranking model of `corroborate/entity_antecedents.py` and write
`corroborate/models/pronoun_antecedents.json`.

Training data: ECB+ Dev and the ODD Train topics (the even Train topics are the held-out check and
are never read here).  For each third-person pronoun, `resolve-mentions` lists the agreeing earlier
mentions within reach; a candidate is positive when the gold chain of the pronoun is the
candidate's.  A logistic model over (pronoun, candidate) pairs, one per pronoun group (he/she,
it/they), ranks them.  It is checked on CoNLL F1 with folds by topic: each topic is resolved with
weights learnt on the other topics only, beside the nearest-candidate rule.

    /work/venv/bin/python bench/train_antecedents.py            # report folds, write the model
    /work/venv/bin/python bench/train_antecedents.py --dry-run  # report only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corroborate.coref_eval import clusters_from_labels, conll_scores, ecb_command_lines, load_ecb_split  # noqa: E402
from corroborate.entity_antecedents import FEATURES, MODEL_PATH, AntecedentRanker, features  # noqa: E402
from corroborate.mention_heads import mention_kind  # noqa: E402
from corroborate.resolve_cmd import resolve_mentions_command  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "coref-dev" / "ecbplus" / "gold"


def topic(doc: str) -> int:
    """ECB+ topic number of a document id ("12_3ecbplus" -> 12); used only to make folds."""
    return int(doc.split("_")[0])


def load(split: str, parity: int | None) -> tuple[list[dict], dict[str, str]]:
    """`resolve-mentions` input lines and gold chains of one split, optionally only odd/even topics."""
    mentions, docs = load_ecb_split(DATA, split)
    lines, gold = [], {}
    for line, m in zip(ecb_command_lines(mentions, docs), mentions, strict=True):
        if parity is None or topic(m["doc_id"]) % 2 == parity:
            lines.append(line)
            gold[line["id"]] = m["coref_chain"]
    return lines, gold


class _Collector(AntecedentRanker):
    """Records every candidate list with features; picks the nearest candidate (the rule)."""

    def __init__(self) -> None:
        super().__init__({})
        self.seen: list[tuple[int, str, str, list[tuple[str, dict[str, float]]]]] = []

    def choose(self, rows, pronoun, cls, cands, chain_stats):  # noqa: ANN001, ANN201
        listed = [(rows[c].id, features(rows, pronoun, c, gap, cls, ccls, first, chain_stats(c)))
                  for c, gap, ccls, first in cands]
        self.seen.append((topic(rows[pronoun].doc), self.group(cls), rows[pronoun].id, listed))
        return cands[0][0]


class _ByTopic(AntecedentRanker):
    def __init__(self, rankers: dict[int, AntecedentRanker]) -> None:
        super().__init__({})
        self.rankers = rankers

    def choose(self, rows, pronoun, cls, cands, chain_stats):  # noqa: ANN001, ANN201
        return self.rankers[topic(rows[pronoun].doc)].choose(rows, pronoun, cls, cands, chain_stats)


def fit(seen, gold: dict[str, str], c: float) -> dict[str, dict[str, float]]:
    out = {}
    for group in ("personal", "other"):
        xs, ys = [], []
        for _, g, pid, listed in seen:
            labels = [int(gold[cid] == gold[pid]) for cid, _ in listed]
            if g != group or not any(labels):
                continue
            for (_, f), y in zip(listed, labels, strict=True):
                xs.append([f[name] for name in FEATURES])
                ys.append(y)
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(np.array(xs), np.array(ys))
        out[group] = {name: round(float(v), 4) for name, v in zip(FEATURES, model.coef_[0], strict=True)}
    return out


def pronoun_conll(lines: list[dict], gold: dict[str, str], out: dict[str, str]) -> float:
    ids = [ln["id"] for ln in lines if mention_kind(ln["text"], ln["sentence"], ln["start"]) == "PRON"]
    return conll_scores(clusters_from_labels({i: gold[i] for i in ids}), clusters_from_labels({i: out[i] for i in ids}))["CoNLL"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"no ECB+ data at {DATA}")
    sets = {"Dev": load("Dev", None), "Train-odd": load("Train", 1)}
    seen, all_gold = [], {}
    for name, (lines, gold) in sets.items():
        collector = _Collector()
        resolve_mentions_command([{**ln, "id": f"{name}:{ln['id']}"} for ln in lines], pronoun_ranker=collector)
        seen += collector.seen
        all_gold.update({f"{name}:{i}": c for i, c in gold.items()})
    picks = Counter()
    for _, g, pid, listed in seen:
        labels = [all_gold[cid] == all_gold[pid] for cid, _ in listed]
        picks[(g, "nearest right" if labels[0] else "some right" if any(labels) else "none right")] += 1
    print("pronoun decisions:", dict(sorted(picks.items())))
    topics = sorted({t for t, *_ in seen})
    folds = {t: AntecedentRanker(fit([s for s in seen if s[0] != t], all_gold, args.c)) for t in topics}
    for label, ranker in (("nearest (rule)", _Collector()), ("ranked, folds by topic",
                                                             _ByTopic(defaultdict(lambda: _Collector(), folds)))):
        cells = []
        for name, (lines, gold) in sets.items():
            out = {o["id"]: o["entity"] for o in resolve_mentions_command(lines, pronoun_ranker=ranker)}
            s = conll_scores(clusters_from_labels(gold), clusters_from_labels(out))["CoNLL"]
            cells.append(f"{name} {s:.2f} (pronouns {pronoun_conll(lines, gold, out):.1f})")
        print(f"{label}: " + ", ".join(cells), flush=True)
    weights = fit(seen, all_gold, args.c)
    print("weights", json.dumps(weights))
    if not args.dry_run:
        MODEL_PATH.parent.mkdir(exist_ok=True)
        MODEL_PATH.write_text(json.dumps({
            "about": "pronoun antecedent ranking for resolve-mentions; bench/train_antecedents.py on ECB+ Dev + odd Train",
            "features": list(FEATURES), "weights": weights, "C": args.c,
        }, indent=1) + "\n", encoding="utf-8")
        print("wrote", MODEL_PATH)


if __name__ == "__main__":
    main()
