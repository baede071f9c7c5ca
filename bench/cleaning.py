"""Extraction benchmark for the plain-text cleaner (Scrapinghub article-extraction-benchmark).

For each of the 181 pages in ../shared/data/extraction, render the HTML to all
of its visible text (no structure kept, like the html-text library) and score,
side by side in one run:

  (a) the rendered text as is (the html-text baseline),
  (b) the rendered text after corroborate.clean.clean_text,
  (c) trafilatura.extract on the HTML (the published state of the art),
  (d) trafilatura's output passed through clean_text (the HTML ingest path:
      the cleaner must not damage text that is already clean).

Metric as in the benchmark's evaluate.py: tokens are \\w+ runs (case kept, as
evaluate.py does), 4-gram shingle multisets, per-page TP/FP/FN normalised to
sum 1, precision and recall averaged over pages (pages without true or
predicted shingles skipped as evaluate.py does), F1 = 2PR/(P+R); +- is 1.96
bootstrap standard deviations (200 resamples here; evaluate.py uses 1000).

Run from the repo root:  /work/venv/bin/python bench/cleaning.py [--limit N] [--worst K]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction_metric import bootstrap as _bootstrap  # noqa: E402
from extraction_metric import page_scores, prf  # noqa: E402

from corroborate.clean import clean_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "extraction"

_DROP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
_DOUBLE_NEWLINE = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "title", "figure", "table"}
_NEWLINE = {
    "address", "article", "aside", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "footer", "form",
    "header", "hr", "legend", "li", "main", "nav", "ol", "section", "tr", "ul", "caption", "option",
    "button", "select", "label", "summary", "details",
}
_CELL = {"td", "th"}  # table cells: one row per line, cells separated by a space
_TOKEN = re.compile(r"\w+", re.UNICODE)


def render_text(html: str) -> str:
    """All visible text of a page, block elements on their own lines (paragraphs double-spaced)."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _DROP or not tag:
            if el.tail:
                parts.append(el.tail)
            return
        tag = tag.lower()
        sep = "\n\n" if tag in _DOUBLE_NEWLINE else "\n" if tag in _NEWLINE else " " if tag in _CELL else ""
        parts.append(sep)
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        parts.append(sep)
        if el.tail:
            parts.append(el.tail)

    walk(tree)
    text = "".join(parts)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (quick look)")
    parser.add_argument("--worst", type=int, default=0, help="list the K pages where cleaning loses most F1")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura column")
    parser.add_argument("--removal", action="store_true",
                        help="also report how much clean_text cuts from stories-dev and FNC-1 texts (no gold)")
    args = parser.parse_args()
    if args.removal:
        removal_rates()
    if not (DATA / "ground-truth.json").exists():
        sys.exit(f"extraction data not found at {DATA}")
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]

    systems = ["rendered text (uncleaned)", "rendered text + clean_text", "trafilatura.extract (HTML)",
               "trafilatura.extract + clean_text"]
    if args.no_trafilatura:
        systems = systems[:2]
    rows: dict[str, list[tuple[float, float, float]]] = {s: [] for s in systems}
    seconds: dict[str, float] = {s: 0.0 for s in systems}
    per_page: list[tuple[str, float, float]] = []
    headline_hits = 0
    for page_id in ids:
        with gzip.open(DATA / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as f:
            html = f.read()
        gold = truth[page_id].get("articleBody", "")
        t0 = time.perf_counter()
        rendered = render_text(html)
        t1 = time.perf_counter()
        result = clean_text(rendered)
        cleaned = result.body
        t2 = time.perf_counter()
        headline_hits += _headline_agrees(result.title, html)
        seconds[systems[0]] += t1 - t0
        seconds[systems[1]] += t2 - t0
        rows[systems[0]].append(page_scores(gold, rendered))
        rows[systems[1]].append(page_scores(gold, cleaned))
        if not args.no_trafilatura:
            import trafilatura

            t3 = time.perf_counter()
            extracted = trafilatura.extract(html, include_comments=False) or ""
            t4 = time.perf_counter()
            recleaned = clean_text(extracted).body
            seconds[systems[2]] += t4 - t3
            seconds[systems[3]] += time.perf_counter() - t3
            rows[systems[2]].append(page_scores(gold, extracted))
            rows[systems[3]].append(page_scores(gold, recleaned))
        per_page.append((page_id, _f1(rows[systems[0]][-1]), _f1(rows[systems[1]][-1])))

    print(f"Pages: {len(ids)} (ground truth: {DATA / 'ground-truth.json'})\n")
    print("| system | precision | recall | F1 | seconds (all pages) |")
    print("|---|---|---|---|---|")
    for system in systems:
        m, ci = prf(rows[system]), _bootstrap(rows[system], rounds=200, scale=1.96)
        print(f"| {system} | {m['p']:.3f} ± {ci['p']:.3f} | {m['r']:.3f} ± {ci['r']:.3f} | "
              f"{m['f1']:.3f} ± {ci['f1']:.3f} | {seconds[system]:.1f} |")
    print(f"\nHeadline found by clean_text agrees with the page's <title>/<h1> (80% of its words in them): "
          f"{headline_hits}/{len(ids)} pages")
    if args.worst:
        print("\nPages where clean_text scores lowest (page id, F1 uncleaned, F1 cleaned):")
        for page_id, before, after in sorted(per_page, key=lambda x: x[2])[: args.worst]:
            print(f"- {page_id} {before:.3f} {after:.3f}")


def removal_rates() -> None:
    """Share of characters clean_text cuts from article corpora without extraction gold, and why."""
    import csv
    from collections import Counter as Tally

    from corroborate.clean import explain_text

    shared = ROOT.parent / "shared" / "data"
    corpora: dict[str, list[str]] = {
        "stories-dev (basil, ecbplus-dev, newswcl50)": [
            p.read_text(encoding="utf-8") for p in sorted(shared.glob("stories-dev/*/docs/*.txt"))
        ],
    }
    fnc = shared / "stance-dev" / "fnc1" / "train_bodies.csv"
    if fnc.exists():
        with fnc.open(encoding="utf-8") as f:
            corpora["FNC-1 train bodies"] = [row["articleBody"] for row in csv.DictReader(f)]
    print("| corpus | documents | characters cut | documents left empty | lines cut, by reason |")
    print("|---|---|---|---|---|")
    for name, texts in corpora.items():
        total = cut = empty = 0
        reasons: Tally[str] = Tally()
        for text in texts:
            lines, _ = explain_text(text)
            total += sum(len(line) for line, _ in lines)
            cut += sum(len(line) for line, reason in lines if reason)
            reasons.update(reason for _, reason in lines if reason)
            empty += bool(lines) and all(reason for _, reason in lines)
        top = ", ".join(f"{r} {n}" for r, n in reasons.most_common(6))
        print(f"| {name} | {len(texts)} | {cut / max(total, 1):.1%} | {empty} | {top} |")
    print()


def _headline_agrees(found: str, html: str) -> bool:
    """Whether most words of the detected headline occur in the page's <title> or <h1> (a sanity check)."""
    words = set(_TOKEN.findall(found.lower()))
    if not words:
        return False
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return False
    reference = " ".join([tree.findtext(".//title") or ""] + [h.text_content() for h in tree.iter("h1")])
    return len(words & set(_TOKEN.findall(reference.lower()))) >= 0.8 * len(words)


def _f1(row: tuple[float, float, float]) -> float:
    return prf([row])["f1"]


if __name__ == "__main__":
    main()
