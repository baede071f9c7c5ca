"""Entity coreference on ECB+ dev (gold mentions) and mention finding, with baselines side by side.

Run from the repository root:  /work/venv/bin/python bench/entities.py [--split Dev]
Prints Markdown tables: CoNLL scores of `resolve-mentions` beside a string-identity and a
same-head-lemma baseline (all three on the same predicted stories, and on gold topics for
reference), mention-finding recall on proper-name gold mentions, and speed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corroborate.coref_eval import clusters_from_labels, conll_scores, ecb_command_lines, load_ecb_split  # noqa: E402
from corroborate.doc_groups import group_documents  # noqa: E402
from corroborate.entities import resolve_entities  # noqa: E402
from corroborate.mention_heads import PRONOUNS, head_word, lemma  # noqa: E402
from corroborate.mentions import find_mentions  # noqa: E402
from corroborate.model import Article  # noqa: E402
from corroborate.names import fold  # noqa: E402
from corroborate.resolve_cmd import resolve_mentions_command  # noqa: E402
from corroborate.split import split_sentences  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "coref-dev" / "ecbplus" / "gold"


def baseline(lines: list[dict], stories: list[list[str]], key_of) -> dict[str, str]:
    """Mentions with the same key in one story share an entity."""
    story_of = {d: n for n, docs in enumerate(stories) for d in docs}
    return {ln["id"]: f"{story_of[ln['doc']]}|{key_of(ln['text'])}" for ln in lines}


def score(lines: list[dict], gold: dict[str, str], labels: dict[str, str]) -> dict[str, float]:
    key = clusters_from_labels({ln["id"]: gold[ln["id"]] for ln in lines})
    response = clusters_from_labels({ln["id"]: labels[ln["id"]] for ln in lines})
    return conll_scores(key, response)


def coref_table(lines: list[dict], gold: dict[str, str], gold_topic: dict[str, str]) -> list[str]:
    doc_texts = {ln["doc"]: ln["doc_text"] for ln in lines}
    group_documents(doc_texts)  # warm-up: library imports are not part of the measured time
    t0 = time.perf_counter()
    predicted = group_documents(doc_texts)
    t_group = time.perf_counter() - t0
    topics: dict[str, list[str]] = defaultdict(list)
    for d in doc_texts:
        topics[gold_topic[d]].append(d)
    rows = ["| system | stories | MUC F1 | B3 F1 | CEAF-e F1 | CoNLL F1 |", "|---|---|---|---|---|---|"]
    for name, stories in (("predicted", predicted), ("gold topics", list(topics.values()))):
        systems = {
            "string identity": baseline(lines, stories, lambda t: fold(t).strip()),
            "same head lemma": baseline(lines, stories, lambda t: lemma(head_word(t))),
        }
        if name == "predicted":
            t0 = time.perf_counter()
            out = resolve_mentions_command(lines)
            t_resolve = time.perf_counter() - t0
            systems["corroborate resolve-mentions"] = {o["id"]: o["entity"] for o in out}
        else:
            labels = {}
            for n, docs in enumerate(stories):
                part = [ln for ln in lines if ln["doc"] in set(docs)]
                out = resolve_mentions_command(part, threshold=2.0)  # one story: the gold topic
                labels.update({o["id"]: f"{n}|{o['entity']}" for o in out})
            systems["corroborate resolve-mentions"] = labels
        for sys_name, labels in systems.items():
            s = score(lines, gold, labels)
            rows.append(f"| {sys_name} | {name} ({len(stories)}) | {s['MUC']:.1f} | {s['B3']:.1f} | "
                        f"{s['CEAF-e']:.1f} | {s['CoNLL']:.1f} |")
    rows.append("")
    rows.append(f"`resolve-mentions` on {len(lines)} mentions in {len(doc_texts)} documents: {t_resolve:.2f} s "
                f"({len(lines) / t_resolve:.0f} mentions/s), of which grouping documents into stories {t_group:.2f} s.")
    return rows


def _is_proper(m: dict, lower_vocab: set[str]) -> bool:
    """A gold entity mention headed by a proper name: a capitalised head the document never writes in
    lower case (so headline-capitalised "Woman" or "Driver" do not count), and not a pronoun."""
    head = head_word(m["tokens_str"])
    return (m["mention_type"] in ("HUM", "LOC", "NON") and bool(re.match(r"[A-Z]|\d+[a-zA-Z]", head))
            and head.lower() not in lower_vocab and head.lower() not in PRONOUNS)


def finding_table(mentions: list[dict], docs: dict[str, dict[int, list[str]]]) -> tuple[list[str], list]:
    """Recall of mention finding on gold mentions whose head is capitalised (a proper name)."""
    found_by_doc: dict[str, list] = {}
    n_found = 0
    t0 = time.perf_counter()
    n_chars = 0
    for doc, sents in docs.items():
        text = "\n\n".join(" ".join(toks) for toks in sents.values())
        n_chars += len(text)
        found = find_mentions(text, split_sentences(text))
        found_by_doc[doc] = (text, found)
        n_found += len(found)
    elapsed = time.perf_counter() - t0
    hit = total = 0
    lower_vocab = {d: set(re.findall(r"\b[a-z][\w'-]*", t)) for d, (t, _) in found_by_doc.items()}
    for m in mentions:
        if not _is_proper(m, lower_vocab[m["doc_id"]]):
            continue
        total += 1
        text, found = found_by_doc[m["doc_id"]]
        head = head_word(m["tokens_str"])
        sent_tokens = " ".join(docs[m["doc_id"]][int(m["sent_id"])])
        sent_start = text.find(sent_tokens)
        if any(head in f.text and _overlaps(f, sent_start, len(sent_tokens)) for f in found):
            hit += 1
    rows = ["| measure | value |", "|---|---|",
            f"| gold proper-name mentions (HUM/LOC/NON, capitalised head never lower-case in its document) | {total} |",
            f"| found (a found mention in the same sentence contains the head) | {hit} ({100 * hit / total:.1f}%) |",
            f"| mentions found | {n_found} in {len(docs)} documents |",
            f"| finding speed | {n_found / elapsed:.0f} mentions/s ({n_chars / elapsed / 1000:.0f} k chars/s) |"]
    sample = []
    for doc, (_text, found) in found_by_doc.items():
        for f in found:
            sample.append((doc, f.text, f.type))
    return rows, sample


def _overlaps(f, start: int, length: int) -> bool:
    return start <= f.start < start + length


def scaling_table() -> list[str]:
    """Resolution time of `resolve_entities` as mentions per story grow (synthetic articles)."""
    rng = random.Random(7)
    first = ["Ana", "Omar", "Lena", "Ivan", "Sara", "Yusuf", "Mila", "Tomas", "Nora", "Karim"]
    last = ["Petrov", "Haddad", "Lindqvist", "Moreno", "Okafor", "Tanaka", "Rossi", "Nowak", "Silva", "Kovacs"]
    rows = ["| articles | mentions | resolve_entities s | mentions/s |", "|---|---|---|---|"]
    for n_articles in (10, 100, 1000):
        arts = []
        for a in range(n_articles):
            sents = []
            for _ in range(12):
                f, s = rng.choice(first), rng.choice(last)
                sents.append(f"Minister {f} {s} met {rng.choice(last)} in the capital on Monday, officials said.")
            body = " ".join(sents)
            art = Article(id=f"a{a}", source="", raw_text=body, body=body)
            art.mentions = find_mentions(body, split_sentences(body))
            arts.append(art)
        n = sum(len(a.mentions) for a in arts)
        t0 = time.perf_counter()
        resolve_entities(arts)
        dt = time.perf_counter() - t0
        rows.append(f"| {n_articles} | {n} | {dt:.2f} | {n / dt:.0f} |")
    return rows


def command_scaling_table(lines: list[dict]) -> list[str]:
    """`resolve-mentions` time as stories grow: every document copied k times (copies join its story)."""
    rows = ["| copies | mentions | documents | largest story (mentions) | total s | of which grouping documents s "
            "| mentions/s |", "|---|---|---|---|---|---|---|"]
    for k in (1, 2, 4, 8):
        big = [dict(ln, id=f"{ln['id']}#{c}", doc=f"{ln['doc']}#{c}") for c in range(k) for ln in lines]
        t0 = time.perf_counter()
        out = resolve_mentions_command(big)
        dt = time.perf_counter() - t0
        t0 = time.perf_counter()
        group_documents({b["doc"]: b["doc_text"] for b in big})
        dt_group = time.perf_counter() - t0
        stories: dict[str, int] = defaultdict(int)
        for o in out:
            stories[o["entity"].split("_")[0]] += 1
        rows.append(f"| {k} | {len(big)} | {len({b['doc'] for b in big})} | {max(stories.values())} | "
                    f"{dt:.2f} | {dt_group:.2f} | {len(big) / dt:.0f} |")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="Dev")
    ap.add_argument("--sample", type=int, default=60, help="found mentions printed for a hand check")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"ECB+ data not found at {DATA}")
        return 1
    mentions, docs = load_ecb_split(DATA, args.split)
    lines = list(ecb_command_lines(mentions, docs))
    gold = {ln["id"]: m["coref_chain"] for ln, m in zip(lines, mentions, strict=True)}
    gold_topic = {d: d.split("_")[0] for d in docs}  # only for the reference rows and the baselines' oracle run
    print(f"## ECB+ {args.split}: entity coreference on gold mentions ({len(lines)} mentions)\n")
    print("\n".join(coref_table(lines, gold, gold_topic)))
    print("\n## Mention finding\n")
    rows, sample = finding_table(mentions, docs)
    print("\n".join(rows))
    print("\n## `resolve_entities` time against mentions per story (synthetic articles)\n")
    print("\n".join(scaling_table()))
    print("\n## `resolve-mentions` time against mentions per story (ECB+ dev documents copied k times)\n")
    print("\n".join(command_scaling_table(lines)))
    if args.sample:
        rng = random.Random(1)
        print(f"\n## Random sample of {args.sample} found mentions (for a hand check of precision)\n")
        for doc, text, typ in rng.sample(sample, min(args.sample, len(sample))):
            print(f"- {doc}: {text} [{typ}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
