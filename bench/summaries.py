"""Summary quality, faithfulness and speed: corroborate vs classic extractive systems.

Run from the repo root:  /work/venv/bin/python bench/summaries.py [--limit N] [--sumy-topics N] [--no-speed]

Every system's output is cut to the word budget and scored by the same scorer
(corroborate.rouge: ROUGE-1.5.5-style recall, Porter stemming, jackknifed over
the references) in the same run.  Baselines: the NIST lead baseline (leading
sentences of the most recent document), sumy's LexRank, TextRank, LSA and
KL-Sum (fed our sentence split and a regex word tokenizer: sumy's NLTK
tokenizer needs punkt, which cannot be downloaded here), and the published
peers where the corpus ships their summaries (TAC 2011) or their scores (DUC 2006).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from icsi_baseline import icsi_summarizer  # bench/ is on sys.path when run as a script

from corroborate.model import Article, Story
from corroborate.rouge import rouge_n_recall, truncate_words
from corroborate.split import split_stage
from corroborate.summarize import ConceptSummarizer, check_faithfulness, summarize
from corroborate.summarize_text import features, stem

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SUMMARIES = DATA / "summaries-dev"
CORPORA = ("duc2006", "tac2011")
SMALL_CLUSTER = 300  # sentences per topic under which sumy runs on every topic
FAITHFULNESS_CORPORA = (
    SUMMARIES / "duc2006", SUMMARIES / "tac2011",
    DATA / "stories-dev" / "basil", DATA / "stories-dev" / "ecbplus-dev", DATA / "stories-dev" / "newswcl50",
)


# ----------------------------------------------------------------------------- data

@dataclass
class Topic:
    """One cluster to summarise, with its references and (DUC 2006) its information need."""

    id: str
    story: Story
    references: list[str]
    query: str | None


def _article(doc_id: str, meta: dict, text: str) -> Article:
    lines = text.split("\n")
    title = meta.get("title") or ""
    body = text
    if lines and title and lines[0].strip() == title.strip():
        body = "\n".join(lines[1:]).lstrip("\n")
    article = Article(id=doc_id, source=doc_id, raw_text=text, title=title, outlet=meta.get("outlet") or "",
                      published=meta.get("published"), body=body)
    return split_stage(article)


def load_stories(root: Path) -> dict[str, Story]:
    """Stories of a corpus laid out as gold.json 'docs' + docs/<id>.txt."""
    gold = json.loads((root / "gold.json").read_text())
    by_story: dict[str, list[Article]] = {}
    for doc_id, meta in sorted(gold["docs"].items()):
        text = (root / "docs" / f"{doc_id}.txt").read_text()
        by_story.setdefault(str(meta["story"]), []).append(_article(doc_id, meta, text))
    return {sid: Story(id=sid, articles=arts) for sid, arts in sorted(by_story.items())}


def load_topics(name: str) -> list[Topic]:
    """Topics of duc2006 or tac2011 with their reference summaries."""
    root = SUMMARIES / name
    topics_meta = json.loads((root / "gold.json").read_text()).get("topics", {})
    topics = []
    for sid, story in load_stories(root).items():
        refs = [p.read_text() for p in sorted((root / "references" / sid).glob("*.txt"))]
        meta = topics_meta.get(sid)
        query = f"{meta['title']}. {meta['narrative']}" if meta else None
        topics.append(Topic(sid, story, refs, query))
    return topics


# ----------------------------------------------------------------------------- systems

def lead_baseline(topic: Topic, words: int) -> str:
    """NIST's baseline: the leading sentences of the most recent document, up to the budget."""
    latest = max(topic.story.articles, key=lambda a: (a.published or "", a.id))
    out, used = [], 0
    for sentence in latest.sentences:
        if used >= words:
            break
        out.append(sentence.text)
        used += len(sentence.text.split())
    return " ".join(out)


def icsi_system(topic: Topic, words: int) -> str:
    """ICSISumm re-implemented (document-frequency bigrams, exact ILP): see bench/icsi_baseline.py."""
    return " ".join(s.text for s in icsi_summarizer().select(topic.story, words))


def corroborate_system(query: bool) -> Callable[[Topic, int], str]:
    def run(topic: Topic, words: int) -> str:
        summarizer = ConceptSummarizer(query=topic.query if query else None)
        return " ".join(s.text for s in summarizer.select(topic.story, words))
    return run


class _RegexTokenizer:
    """Word tokenizer for sumy that needs no NLTK data."""

    language = "english"
    _WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")

    def to_words(self, sentence: str) -> list[str]:
        return self._WORD.findall(sentence)

    def to_sentences(self, paragraph: str) -> list[str]:
        from corroborate.split import split_sentences
        return [s.text for s in split_sentences(paragraph)]


class _UntilBudget:
    """sumy 'sentences_count' that takes the best-rated sentences until the word budget is met."""

    def __init__(self, words: int):
        self.words = words
        self.ranked: list = []

    def __call__(self, infos: list) -> list:
        used = 0
        for info in infos:
            if used >= self.words:
                break
            self.ranked.append(info)
            used += len(str(info.sentence).split())
        return self.ranked


def _budget_kl_class():
    """sumy's KL-Sum, stopped once the budget is rated: same picks, without rating every sentence.

    sumy rates all n sentences greedily (n passes over n sentences); only the first
    few passes can reach a summary, and on a 700-sentence DUC cluster the rest take minutes.
    """
    from sumy.summarizers.kl import KLSummarizer

    class BudgetKLSummarizer(KLSummarizer):
        budget_words = 250

        def _compute_ratings(self, sentences):
            word_freq = self.compute_tf(sentences)
            ratings, summary, used = {}, [], 0
            sentences_list = list(sentences)
            sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
            while sentences_list and used < self.budget_words:
                summary_as_word_list = self._get_all_words_in_doc(summary)
                kls = [self._kl_divergence(self._joint_freq(s, summary_as_word_list), word_freq)
                       for s in sentences_as_words]
                best = self._find_index_of_best_sentence(kls)
                sentence = sentences_list.pop(best)
                del sentences_as_words[best]
                summary.append(sentence)
                ratings[sentence] = -1 * len(ratings)
                used += len(str(sentence).split())
            for sentence in sentences_list:
                ratings[sentence] = -len(sentences) - 1
            return ratings

    return BudgetKLSummarizer


def sumy_system(kind: str) -> Callable[[Topic, int], str]:
    """A sumy summarizer over the whole cluster, output in rank order so the cut drops the weakest.

    The ranking does not depend on the budget, so it is computed once per topic (at the
    first, largest budget asked) and smaller budgets take a prefix of it.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
               "klsum": _budget_kl_class()}
    tokenizer = _RegexTokenizer()
    ranked: dict[str, tuple[int, list[str]]] = {}

    def rank(topic: Topic, words: int) -> list[str]:
        paragraphs = [Paragraph([SumySentence(s.text, tokenizer) for s in a.sentences])
                      for a in topic.story.articles if a.sentences]
        summarizer = classes[kind](Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        summarizer.budget_words = words
        budget = _UntilBudget(words)
        summarizer(ObjectDocumentModel(paragraphs), budget)
        return [str(i.sentence) for i in budget.ranked]

    def run(topic: Topic, words: int) -> str:
        if topic.id not in ranked or ranked[topic.id][0] < words:
            ranked[topic.id] = (words, rank(topic, words))
        out, used = [], 0
        for sentence in ranked[topic.id][1]:
            if used >= words:
                break
            out.append(sentence)
            used += len(sentence.split())
        return " ".join(out)
    return run


# ----------------------------------------------------------------------------- scoring

def score(texts: dict[str, str], topics: list[Topic], words: int, stem: bool = True) -> tuple[float, float]:
    r1 = [rouge_n_recall(texts[t.id], t.references, 1, stem=stem, words=words) for t in topics if t.id in texts]
    r2 = [rouge_n_recall(texts[t.id], t.references, 2, stem=stem, words=words) for t in topics if t.id in texts]
    return statistics.mean(r1), statistics.mean(r2)


def tac_peers(topics: list[Topic]) -> dict[str, dict[str, str]]:
    names = {"ID1": "CIST", "ID2": "CLASSY", "ID3": "JRC", "ID4": "LIF", "ID5": "SIEL_IIITH",
             "ID6": "TALN_UPF", "ID7": "UBSummarizer", "ID8": "UoEssex", "ID9": "centroid baseline"}
    out = {}
    for pid, name in names.items():
        texts = {}
        for t in topics:
            path = SUMMARIES / "tac2011" / "peers" / pid / f"{t.id}.txt"
            if path.exists():
                texts[t.id] = path.read_text()
        out[f"peer {pid} {name}"] = texts
    return out


def tac_published() -> dict[str, tuple[float, float]]:
    base = SUMMARIES / "tac2011" / "published_evaluation" / "AutomaticEvaluation" / "ROUGE" / "Averages"
    out: dict[str, list[float]] = {}
    for n in (1, 2):
        for line in (base / f"ENGLISH_ROUGE-{n}.csv").read_text().splitlines()[1:]:
            runid, recall = line.split(",")[:2]
            out.setdefault(runid.split("_")[0], []).append(float(recall))
    return {k: (v[0], v[1]) for k, v in out.items()}


def duc_published() -> tuple[dict[str, float], dict[str, float]]:
    """Published DUC 2006 R-2 averages by peer id, and peer 1's (lead baseline) R-2 per topic."""
    base = SUMMARIES / "duc2006" / "published_results" / "ROUGE"
    averages = {}
    for line in (base / "rouge2.jk.m.avg").read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and not parts[0].startswith("-"):
            averages[parts[0]] = float(parts[1])
    per_topic: dict[str, list[float]] = {}
    pattern = re.compile(r"^1 ROUGE-2 Eval (D\d{4})\.M\.250\.\w-\w\.1 R:([\d.]+)")
    for line in (base / "rougejk.m.out").read_text().splitlines():
        m = pattern.match(line)
        if m:
            per_topic.setdefault(m.group(1), []).append(float(m.group(2)))
    return averages, {k: statistics.mean(v) for k, v in per_topic.items()}


# ----------------------------------------------------------------------------- sections

def _table(title: str, systems: dict[str, Callable[[Topic, int], str]], topics: list[Topic],
           words: int) -> list[str]:
    lines = [f"\n### {title}\n", "| system | R-1 | R-2 | seconds |", "|---|---|---|---|"]
    for name, run in systems.items():
        if "query" in name and not any(t.query for t in topics):
            continue
        start = time.perf_counter()
        texts = {t.id: truncate_words(run(t, words), words) for t in topics}
        took = time.perf_counter() - start
        r1, r2 = score(texts, topics, words)
        lines.append(f"| {name} | {r1:.4f} | {r2:.4f} | {took:.1f} |")
        print(lines[-1], file=sys.stderr, flush=True)
    return lines


def quality(topics_by_corpus: dict[str, list[Topic]], budgets: list[int], sumy_topics: int) -> list[str]:
    """ROUGE tables: every system on a common subset (sumy is slow), ours and the lead on every topic."""
    ours: dict[str, Callable[[Topic, int], str]] = {
        "corroborate (generic)": corroborate_system(query=False),
        "corroborate (with query)": corroborate_system(query=True),
        "Lead (NIST rule)": lead_baseline,
        "ICSISumm-style ILP (re-impl.)": icsi_system,
    }
    sumy = {label: sumy_system(kind) for kind, label in (
        ("lexrank", "LexRank (sumy)"), ("textrank", "TextRank (sumy)"),
        ("lsa", "LSA (sumy)"), ("klsum", "KL-Sum (sumy)"))} if sumy_topics else {}
    note = "ROUGE recall, stemmed, jackknifed, our scorer"
    lines = []
    for corpus, topics in topics_by_corpus.items():
        sentences = statistics.mean(sum(len(a.sentences) for a in t.story.articles) for t in topics)
        wanted = len(topics) if sentences < SMALL_CLUSTER else sumy_topics  # small clusters are cheap for sumy
        step = max(1, len(topics) // wanted) if wanted else 1
        subset = topics[::step][:wanted] if sumy_topics else []
        for words in sorted(budgets, reverse=True):  # largest first: sumy rankings are reused for the rest
            if subset:
                ids = ", ".join(t.id for t in subset) if len(subset) < len(topics) else "all"
                lines += _table(f"{corpus}, {words} words, all systems on {len(subset)} topics ({ids}); {note}",
                                {**ours, **sumy}, subset, words)
            if len(subset) < len(topics):
                lines += _table(f"{corpus}, {words} words, all {len(topics)} topics; {note}", ours, topics, words)
            if corpus == "tac2011":
                for name, texts in tac_peers(topics).items():
                    r1, r2 = score(texts, topics, words)
                    lines.append(f"| {name} (published output, all {len(topics)} topics) | {r1:.4f} | {r2:.4f} | - |")
            if corpus == "duc2006" and words == 250:
                averages, _ = duc_published()
                lines.append(f"| NIST best peer 24 (published, NIST scorer, query-focused, 50 topics) | - | "
                             f"{averages['24']:.4f} | - |")
                lines.append(f"| NIST lead peer 1 (published, NIST scorer, 50 topics) | - | {averages['1']:.4f} | - |")
    return lines


def scorer_agreement(topics_by_corpus: dict[str, list[Topic]]) -> list[str]:
    """How our scorer compares with NIST's ROUGE-1.5.5 on the same (or reproduced) outputs."""
    lines = ["\n### Scorer agreement with the official ROUGE-1.5.5 tables\n"]
    if "tac2011" in topics_by_corpus:
        topics = topics_by_corpus["tac2011"]
        published = tac_published()
        lines += ["TAC 2011 peers, same settings as the table (no stemming, 250 words):\n",
                  "| peer | R-1 ours | R-1 published | R-2 ours | R-2 published |", "|---|---|---|---|---|"]
        diffs = []
        for name, texts in tac_peers(topics).items():
            pid = name.split()[1]
            r1, r2 = score(texts, topics, 250, stem=False)
            p1, p2 = published[pid]
            diffs += [abs(r1 - p1), abs(r2 - p2)]
            lines.append(f"| {name} | {r1:.4f} | {p1:.4f} | {r2:.4f} | {p2:.4f} |")
        lines.append(f"\nLargest absolute difference: {max(diffs):.4f}"
                     + ("" if len(topics) == 10 else f" (on {len(topics)} of 10 topics)"))
    if "duc2006" in topics_by_corpus:
        topics = topics_by_corpus["duc2006"]
        averages, per_topic = duc_published()
        ours = {t.id: rouge_n_recall(truncate_words(lead_baseline(t, 250), 250), t.references, 2)
                for t in topics}
        common = [t for t in ours if t[:5] in per_topic]
        mine = [ours[t] for t in common]
        theirs = [per_topic[t[:5]] for t in common]
        corr = statistics.correlation(mine, theirs) if len(common) > 2 else float("nan")
        lines.append(f"\nDUC 2006 lead baseline reproduced (most recent doc, leading sentences) and scored by us: "
                     f"R-2 {statistics.mean(mine):.4f} vs NIST peer 1 {statistics.mean(theirs):.4f} on the same "
                     f"{len(common)} topics (published all-topic average {averages['1']:.4f}); per-topic "
                     f"Pearson r = {corr:.3f}, mean |diff| = "
                     f"{statistics.mean(abs(a - b) for a, b in zip(mine, theirs, strict=True)):.4f}.")
    return lines


def faithfulness(limit: int | None) -> list[str]:
    lines = ["\n### Faithfulness of corroborate's briefs (150 words, generic)\n",
             "| corpus | stories | sentences | in first source | cited sources | supported by fact alignment |",
             "|---|---|---|---|---|---|"]
    for root in FAITHFULNESS_CORPORA:
        if not (root / "gold.json").exists():
            continue
        stories = list(load_stories(root).values())[: limit or None]
        n = verbatim = cited = supported = 0
        for story in stories:
            brief = summarize(story, 150)
            report = check_faithfulness(story, brief["summary"])
            n += report["sentences"]
            verbatim += report["in_first_source"]
            cited += report["sources_cited"]
            supported += report["sources_supporting"]
        lines.append(f"| {root.name} | {len(stories)} | {n} | {verbatim / max(n, 1):.1%} | {cited} | "
                     f"{supported / max(cited, 1):.1%} |")
    return lines


def speed(full_brief: bool = False) -> list[str]:
    """Brief time for synthetic stories of 10, 100 and 1,000 distinct DUC 2006 documents (mixed topics).

    With full_brief, also the whole `build_brief` (facts, conflicts, entities, timeline, coverage and
    the summary) on articles that went through the per-article pipeline first (not timed).
    """
    pool = [a for story in load_stories(SUMMARIES / "duc2006").values() for a in story.articles]
    lines = ["\n### Speed (summarize(story, 150), sentences already split)\n",
             f"Load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; CPU seconds is "
             "the process's own CPU time, wall seconds includes waiting for a core; caches cleared first.\n",
             "| articles | sentences | wall seconds | CPU seconds |" + (" full brief CPU seconds |" if full_brief else ""),
             "|---|---|---|---|" + ("---|" if full_brief else "")]
    processed: dict[str, Article] = {}
    for size in (10, 100, 1000):
        articles = [Article.from_dict(pool[i % len(pool)].to_dict()) for i in range(size)]
        for i, article in enumerate(articles):
            article.id = f"{article.id}-{i}"
        story = Story(id=f"synthetic-{size}", articles=articles)
        features.cache_clear()  # cold start: the quality runs above already tokenised these documents
        stem.cache_clear()
        start, cpu = time.perf_counter(), time.process_time()
        summarize(story, 150)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        row = f"| {size} | {sum(len(a.sentences) for a in articles)} | {took:.2f} | {cpu:.2f} |"
        if full_brief:
            row += f" {_full_brief_cpu(pool, size, processed):.2f} |"
        lines.append(row)
        print(lines[-1], file=sys.stderr, flush=True)
    return lines


def _full_brief_cpu(pool: list[Article], size: int, processed: dict[str, Article]) -> float:
    from corroborate.brief import build_brief
    from corroborate.pipeline import process_article

    articles = []
    for i in range(size):
        source = pool[i % len(pool)]
        if source.id not in processed:
            processed[source.id] = process_article(Article(
                id=source.id, source=source.source, raw_text=source.raw_text, title=source.title,
                published=source.published, outlet=source.outlet))
        article = Article.from_dict(processed[source.id].to_dict())
        article.id = f"{article.id}-{i}"
        articles.append(article)
    cpu = time.process_time()
    build_brief(Story(id=f"synthetic-{size}", articles=articles), words=150)
    return time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="topics per corpus (default: all)")
    parser.add_argument("--words", type=int, nargs="+", default=[250, 100])
    parser.add_argument("--sumy-topics", type=int, default=4,
                        help="topics per corpus for the (slow) sumy baselines, spread evenly; 0 skips them")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--speed-only", action="store_true", help="only the speed table")
    parser.add_argument("--full-brief", action="store_true", help="speed table also times the whole build_brief")
    args = parser.parse_args()
    if not SUMMARIES.exists():
        sys.exit(f"no dev data at {SUMMARIES}")
    if args.speed_only:
        print("\n".join(speed(args.full_brief)))
        return
    topics_by_corpus = {c: load_topics(c)[: args.limit or None] for c in CORPORA}
    lines = [f"## Summaries ({time.strftime('%Y-%m-%d')})",
             f"Command: `/work/venv/bin/python bench/summaries.py {' '.join(sys.argv[1:])}`".rstrip()]
    lines += quality(topics_by_corpus, args.words, args.sumy_topics)
    lines += scorer_agreement(topics_by_corpus)
    lines += faithfulness(args.limit)
    if not args.no_speed:
        lines += speed(args.full_brief)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
