"""Article-body extraction on the Scrapinghub/Zyte article extraction benchmark (181 news pages).

Runs our `extract_html` beside baselines in one run: trafilatura called the
usual way (and its precision/recall modes), jusText, and the all-text baseline
(every text node of <body>, what html-text measures).  Metric as the
benchmark's evaluate.py: word 4-gram shingles, per-page precision and recall
normalised per page and averaged, F1 from the averages, +- is the bootstrap
standard deviation over pages (1000 resamples); accuracy = exact token match.

Usage: /work/venv/bin/python bench/extraction.py [--limit N]
Reads ../shared/data/extraction (relative to the repo root).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import justext
import trafilatura
from extraction_metric import TOKEN, bootstrap, page_scores, prf
from lxml import html as lxml_html

from corroborate.extract import extract_html

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "extraction"


# --- extractors -----------------------------------------------------------------------------------------


def ours(html: str, url: str) -> str:
    result = extract_html(html, url)
    return "" if hasattr(result, "reason") else result.text


def trafilatura_default(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def trafilatura_precision(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url, favor_precision=True) or ""


def trafilatura_recall(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url, favor_recall=True) or ""


def jusText(html: str, url: str) -> str:  # noqa: N802 - the library's name
    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def all_text(html: str, url: str) -> str:
    tree = lxml_html.fromstring(html)
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    body = tree.find("body")
    return (body if body is not None else tree).text_content()


EXTRACTORS: list[tuple[str, Callable[[str, str], str]]] = [
    ("corroborate extract_html", ours),
    ("trafilatura.extract (defaults)", trafilatura_default),
    ("trafilatura favor_precision", trafilatura_precision),
    ("trafilatura favor_recall", trafilatura_recall),
    ("jusText (English stoplist)", jusText),
    ("all body text (html-text-like)", all_text),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (sorted by id)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"extraction corpus not found at {DATA}", file=sys.stderr)
        return 2
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]
    pages = {i: gzip.open(DATA / "html" / f"{i}.html.gz").read().decode("utf-8", errors="replace") for i in ids}
    print(f"Article extraction, {len(ids)} pages of ../shared/data/extraction (Scrapinghub benchmark)\n")
    print("| extractor | F1 | precision | recall | accuracy | empty | CPU ms/page |")
    print("|---|---|---|---|---|---|---|")
    for name, extractor in EXTRACTORS:
        scores, exact, empty = [], 0, 0
        started = time.process_time()
        for page_id in ids:
            try:
                predicted = extractor(pages[page_id], truth[page_id].get("url", ""))
            except Exception:  # noqa: BLE001 - a baseline crashing on a page scores it as empty
                predicted = ""
            true = truth[page_id].get("articleBody", "")
            empty += not predicted.strip()
            exact += TOKEN.findall(predicted) == TOKEN.findall(true)
            scores.append(page_scores(true, predicted))
        elapsed = (time.process_time() - started) * 1000 / len(ids)
        m, spread = prf(scores), bootstrap(scores)
        f1, p, r = m["f1"], m["p"], m["r"]
        sf1, sp, sr = spread["f1"], spread["p"], spread["r"]
        print(f"| {name} | {f1:.3f} ± {sf1:.3f} | {p:.3f} ± {sp:.3f} | {r:.3f} ± {sr:.3f} | "
              f"{exact / len(ids):.3f} | {empty} | {elapsed:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
