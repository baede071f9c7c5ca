"""Serving latency with a large store: 10,000 stories / 200,000 articles in SQLite.

    python bench/api.py [--db /tmp/corroborate-bench-api.db] [--rebuild] [--requests 300] [--concurrency 4]

Builds the store once (synthetic articles written straight to the store, plus one real 200-article story
processed by the full pipeline from ../shared/data/summaries-dev/duc2006 or, when absent, from synthetic text),
starts `corroborate serve` on a loopback port in a subprocess, and drives it from a thread pool of HTTP
clients (the load generator), printing p50/p95 per endpoint as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corroborate.brief import DEFAULT_WORDS  # noqa: E402
from corroborate.engine import refresh_briefs  # noqa: E402
from corroborate.model import Article, content_id  # noqa: E402
from corroborate.pipeline import process_article  # noqa: E402
from corroborate.split import split_stage  # noqa: E402
from corroborate.storage import StoryMeta, open_store  # noqa: E402

OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
PLACES = ["Norvale", "Kestrel Bay", "Lindenfeld", "Marrow Point", "Eastbridge", "Solheim", "Carrow", "Tamsin"]
EVENTS = ["fire", "flood", "election", "strike", "bridge collapse", "festival", "court ruling", "merger"]


def synthetic_article(story: int, k: int, day: str) -> Article:
    rnd = random.Random(story * 1000 + k)
    place, event = PLACES[story % len(PLACES)], EVENTS[(story // 8) % len(EVENTS)]
    n = rnd.randint(10, 900)
    text = (f"{event.title()} in {place} number {story}: report {k}\n\n"
            f"Officials in {place} said on Monday that the {event} affected about {n} people. "
            f"The regional council met to discuss the {event} and its costs, a spokesperson said. "
            f"Residents of {place} were told to expect an update within {rnd.randint(2, 9)} days.")
    art = Article(id=content_id(text), source=f"synthetic/{story}/{k}", raw_text=text, body=text,
                  title=f"{event.title()} in {place} number {story}", outlet=OUTLETS[(story + k) % len(OUTLETS)],
                  published=day, language="en")
    return split_stage(art)


def real_story_articles(limit: int = 200) -> list[Article]:
    corpus = ROOT.parent / "shared" / "data" / "summaries-dev" / "duc2006" / "docs"
    articles = []
    files = sorted(corpus.rglob("*"))[:limit * 2] if corpus.exists() else []
    for path in files:
        if path.is_file() and len(articles) < limit:
            data = path.read_text(encoding="utf-8", errors="replace")
            try:
                obj = json.loads(data)
                text, title = obj.get("text", ""), obj.get("title", "")
            except json.JSONDecodeError:
                text, title = data, ""
            if text.strip():
                articles.append(Article(id=content_id(text), source=str(path.name), raw_text=text, title=title,
                                        outlet=f"Wire {len(articles) % 7}", published="2006-01-01"))
    while len(articles) < limit:  # no shared data: synthetic text, processed for real all the same
        articles.append(synthetic_article(99_999, len(articles), "2006-01-01"))
        articles[-1].stages.clear()
    return [process_article(a) for a in articles]


def build(db: str, stories: int, per_story: int) -> str:
    store = open_store(db)
    t0 = time.time()
    big = real_story_articles(200)
    store.add_articles(big)
    store.save_assignments({a.id: "s-big" for a in big},
                           {"s-big": StoryMeta("s-big", "The 200-article story", len(big), len(big),
                                               sorted({a.outlet for a in big}), "2006-01-01", "2006-01-01")}, {}, {})
    for start in range(0, stories - 1, 200):
        batch, assign, metas = [], {}, {}
        for s in range(start, min(start + 200, stories - 1)):
            day = f"20{10 + s % 15:02d}-{1 + s % 12:02d}-{1 + s % 28:02d}"
            arts = [synthetic_article(s, k, day) for k in range(per_story)]
            batch += arts
            sid = f"s{s:05d}"
            assign.update({a.id: sid for a in arts})
            metas[sid] = StoryMeta(sid, arts[0].title, len(arts), len(arts), sorted({a.outlet for a in arts}), day, day)
        store.add_articles(batch)
        store.save_assignments(assign, metas, {}, {})
        print(f"\rbuilt {start + 200} stories", end="", file=sys.stderr)
    print(f"\nstore built in {time.time() - t0:.0f} s: {store.count_articles()} articles", file=sys.stderr)
    store.close()
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(client: httpx.Client, url: str) -> float:
    t = time.perf_counter()
    r = client.get(url)
    r.raise_for_status()
    return (time.perf_counter() - t) * 1000


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default="/tmp/corroborate-bench-api.db")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--stories", type=int, default=10_000)
    ap.add_argument("--per-story", type=int, default=20)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--concurrency", type=int, default=4)
    args = ap.parse_args()
    if args.rebuild and os.path.exists(args.db):
        os.remove(args.db)
    if not os.path.exists(args.db):
        build(args.db, args.stories, args.per_story)
    rnd = random.Random(7)
    sample = rnd.sample(range(args.stories - 1), 2 * args.requests)
    warm_ids = [f"s{i:05d}" for i in sample[:args.requests]]
    cold_ids = [f"s{i:05d}" for i in sample[args.requests:]]
    store = open_store(args.db)
    total = store.query_stories()[0]
    t0 = time.perf_counter()
    refresh_briefs(store, warm_ids, DEFAULT_WORDS)  # what ingest does for the stories it changed
    warm_cost = (time.perf_counter() - t0) / len(warm_ids) * 1000
    store.close()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "corroborate", "serve", "--db", args.db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=120) as client:
            for _ in range(600):
                try:
                    client.get(base + "/api/stories", params={"per_page": 1})
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            lists = []
            for i in range(args.requests):
                params = [{}, {"q": rnd.choice(EVENTS)}, {"outlet": rnd.choice(OUTLETS)}, {"since": "2020-01-01"},
                          {"min_sources": 20}][i % 5]
                params["page"] = 1 + rnd.randrange(20)
                lists.append(base + "/?" + str(httpx.QueryParams(params)))
            cold_brief = timed(client, base + "/api/stories/s-big/brief")

            def run(urls: list[str]) -> list[float]:
                with ThreadPoolExecutor(args.concurrency) as pool:
                    return list(pool.map(lambda u: timed(client, u), urls))

            results = {
                "stories list page `/` (filters, paging)": run(lists),
                "stories list API `/api/stories`": run([u.replace("/?", "/api/stories?") for u in lists]),
                "story page `/stories/{id}`, brief stored at ingest (20 articles)":
                    run([f"{base}/stories/{i}" for i in warm_ids]),
                "story page `/stories/{id}`, brief computed on request (20 articles)":
                    run([f"{base}/stories/{i}" for i in cold_ids]),
                "story API `/api/stories/{id}`": run([f"{base}/api/stories/{i}" for i in cold_ids]),
                "200-article brief `/api/stories/s-big/brief`": run([base + "/api/stories/s-big/brief"] * 50),
                "200-article story page `/stories/s-big`": run([base + "/stories/s-big"] * 50),
            }
    finally:
        server.terminate()
        server.wait()
    print(f"\nStore: {total} listed stories; {args.concurrency} concurrent loopback clients; "
          f"{args.requests} requests per endpoint (50 for the 200-article brief).\n")
    print("| endpoint | p50 ms | p95 ms | requests |")
    print("|---|---|---|---|")
    for name, values in results.items():
        print(f"| {name} | {statistics.median(values):.1f} | {percentile(values, 95):.1f} | {len(values)} |")
    print(f"| 200-article brief, first request (computed, then cached) | {cold_brief:.0f} | - | 1 |")
    print(f"\nComputing one 20-article brief at ingest took {warm_cost:.0f} ms on average (single process).")


if __name__ == "__main__":
    main()
