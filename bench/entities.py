"""Entity coreference on ECB+ dev (gold mentions) and mention finding, with baselines side by side.

Run from the repository root:  /work/venv/bin/python bench/entities.py [--split Dev] [--topics odd|even]
Prints Markdown tables: CoNLL scores of `resolve-mentions` beside a string-identity and a
same-head-lemma baseline (all three on the same predicted stories, and on gold topics for
reference), the same scores by mention kind, mention-finding recall on proper-name gold
mentions, and speed (mention finding, resolution, cross-story linking).

`--topics even` on Train is the half of Train that sessions 2 and 3 (2026-11-22) kept unseen while
developing (decisions were made on Dev and the odd Train topics; the pronoun model of
`bench/train_antecedents.py` is trained on those only); ECB+ Test is not in ../shared/data, so
that half is the nearest thing to held-out data here.
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
from corroborate.entities import link_across_stories, resolve_entities  # noqa: E402
from corroborate.mention_heads import PRONOUNS, head_word, lemma, mention_kind  # noqa: E402
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


_KINDS = (("NAME", "names"), ("NOMINAL", "common nouns"), ("TIME", "times"), ("PRON", "pronouns"))


def kind_table(lines: list[dict], gold: dict[str, str], stories: list[list[str]]) -> list[str]:
    """CoNLL F1 within each kind of mention (its own key and response restricted to that kind)."""
    kinds = {ln["id"]: mention_kind(ln["text"], ln["sentence"], ln["start"]) for ln in lines}
    systems = {
        "same head lemma": baseline(lines, stories, lambda t: lemma(head_word(t))),
        "corroborate resolve-mentions": {o["id"]: o["entity"] for o in resolve_mentions_command(lines)},
    }
    rows = ["| system | " + " | ".join(f"{label} ({sum(1 for k in kinds.values() if k == kind)})"
                                       for kind, label in _KINDS) + " |", "|---" * (len(_KINDS) + 1) + "|"]
    for name, labels in systems.items():
        cells = []
        for kind, _ in _KINDS:
            part = [ln for ln in lines if kinds[ln["id"]] == kind]
            cells.append(f"{score(part, gold, labels)['CoNLL']:.1f}")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
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


def cross_story_table() -> list[str]:
    """`link_across_stories` time as stories grow: synthetic stories of four ministers each, drawn
    from a fixed pool of made-up names, so that surname blocks grow with the corpus."""
    rng = random.Random(3)
    syllables = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "re", "po", "la", "zi", "ga", "he", "bo"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).title()

    firsts, lasts, places = [word() for _ in range(300)], [word() for _ in range(600)], [word() for _ in range(300)]
    stories: dict[str, list[dict]] = {}
    for s in range(4000):
        people = [(rng.choice(firsts), rng.choice(lasts)) for _ in range(4)]
        arts = []
        for a in range(3):
            body = " ".join(f"Minister {f} {last} met officials in {rng.choice(places)} on Monday. {last} said talks "
                            "went well." for f, last in people)
            art = Article(id=f"{s}a{a}", source="", raw_text=body, body=body)
            art.mentions = find_mentions(body, split_sentences(body))
            arts.append(art)
        stories[f"s{s}"] = resolve_entities(arts)
    rows = ["| stories | story entities | link_across_stories CPU s | entities/s | cross-story entities |",
            "|---|---|---|---|---|"]
    for n in (250, 1000, 4000):
        part = dict(list(stories.items())[:n])
        count = sum(len(v) for v in part.values())
        t0 = time.process_time()
        ids = link_across_stories(part)
        dt = time.process_time() - t0
        rows.append(f"| {n} | {count} | {dt:.2f} | {count / dt:.0f} | {len(set(ids.values()))} |")
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
    ap.add_argument("--topics", choices=("all", "odd", "even"), default="all",
                    help="only the ECB+ topics with odd or even numbers (see the module docstring)")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed tables")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"ECB+ data not found at {DATA}")
        return 1
    mentions, docs = load_ecb_split(DATA, args.split)
    if args.topics != "all":
        parity = 1 if args.topics == "odd" else 0
        mentions = [m for m in mentions if int(m["doc_id"].split("_")[0]) % 2 == parity]
        docs = {d: s for d, s in docs.items() if int(d.split("_")[0]) % 2 == parity}
    lines = list(ecb_command_lines(mentions, docs))
    gold = {ln["id"]: m["coref_chain"] for ln, m in zip(lines, mentions, strict=True)}
    gold_topic = {d: d.split("_")[0] for d in docs}  # only for the reference rows and the baselines' oracle run
    topics = "" if args.topics == "all" else f", {args.topics} topics"
    print(f"## ECB+ {args.split}{topics}: entity coreference on gold mentions ({len(lines)} mentions)\n")
    print("\n".join(coref_table(lines, gold, gold_topic)))
    print("\n## CoNLL F1 by kind of mention (predicted stories)\n")
    print("\n".join(kind_table(lines, gold, group_documents({ln["doc"]: ln["doc_text"] for ln in lines}))))
    print("\n## Mention finding\n")
    rows, sample = finding_table(mentions, docs)
    print("\n".join(rows))
    if not args.no_speed:
        print("\n## `resolve_entities` time against mentions per story (synthetic articles)\n")
        print("\n".join(scaling_table()))
        print("\n## `resolve-mentions` time against mentions per story (ECB+ documents copied k times)\n")
        print("\n".join(command_scaling_table(lines)))
        print("\n## `link_across_stories` time against stories (synthetic stories)\n")
        print("\n".join(cross_story_table()))
    if args.sample:
        rng = random.Random(1)
        print(f"\n## Random sample of {args.sample} found mentions (for a hand check of precision)\n")
        for doc, text, typ in rng.sample(sample, min(args.sample, len(sample))):
            print(f"- {doc}: {text} [{typ}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
