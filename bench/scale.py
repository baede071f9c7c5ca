"""Throughput and memory of story clustering on a long synthetic stream (bench/stream.py).

    /work/venv/bin/python bench/scale.py --n 1000000 [--checkpoints 10000,100000,1000000]

One pass over the stream, in publication order.  It times two things separately:
preparing each article from its raw text (title/body split, content id, sentence
splitting: the part of ingest a stream needs before clustering) and clustering
(`StoryClusterer.add_many` over batches of --batch articles, as ingest hands them
over: copy detection, evidence, shortlist, decision, merges).  Generating the
stream is not timed.  At each checkpoint it prints articles/s for clustering
alone and for ingest-to-story (prepare + cluster), both by wall clock and by CPU time of this process (the machine is
shared, so wall rates move with other load), the CPU rate of the last block
(flat = per-article cost does not grow), the peak RSS so far (the whole process,
generator included), the number of stories and B-cubed F1 against the
generator's story labels, and the 1-minute load average of the machine (other jobs share it).
Because CPU time itself stretches when other jobs share the cores (caches, hyper-threads), each checkpoint
also times a fixed reference job (a fresh clusterer over the stream's first 500 articles): its rate moves
only with the machine, so a last-block rate that falls together with it is machine load, not the
clusterer slowing down.
Each row is printed (and appended to --out) as soon as its checkpoint is reached, so a run that is cut
short still leaves its rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stream import generate  # noqa: E402

from corroborate.cluster import StoryClusterer  # noqa: E402
from corroborate.cluster_eval import b_cubed  # noqa: E402
from corroborate.model import Article, content_id  # noqa: E402
from corroborate.split import split_stage  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def prepare(raw: str, outlet: str, published: str | None, aid: str) -> Article:
    """The ingest work a streamed article needs before clustering: title/body, id, sentences."""
    head, _, rest = raw.partition("\n")
    body = rest.strip() or head
    art = Article(id=aid or content_id(raw), source="stream", raw_text=raw, title=head.strip(),
                  outlet=outlet, published=published, body=body)
    return split_stage(art)


def reference_rate(articles: list[Article]) -> float:
    """CPU articles/s of a fresh clusterer over a fixed set of articles: the machine's speed right now."""
    start = time.process_time()
    StoryClusterer().add_many(articles)
    return len(articles) / max(1e-9, time.process_time() - start)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--checkpoints", default="")
    ap.add_argument("--stop", type=int, default=0,
                    help="stop after this many articles of the --n stream (a prefix at the full stream's density)")
    ap.add_argument("--data", default="../shared/data/stories-dev")
    ap.add_argument("--state-size", action="store_true", help="also report the JSON state size at the end")
    ap.add_argument("--out", default="", help="also append every printed line to this file as it is reached")
    ap.add_argument("--batch", type=int, default=500,
                    help="articles handed to StoryClusterer.add_many at once, as ingest does (1 = one at a time)")
    args = ap.parse_args()
    out_file = open(args.out, "a", encoding="utf-8") if args.out else None

    def emit(line: str) -> None:
        print(line, flush=True)
        if out_file is not None:
            out_file.write(line + "\n")
            out_file.flush()

    stop = args.stop or args.n
    checkpoints = sorted({int(c) for c in args.checkpoints.split(",") if c and int(c) <= stop} | {stop})
    clusterer = StoryClusterer()
    gold: list[str] = []
    ids: list[str] = []
    reference: list[Article] = []
    t_prep = t_clu = c_prep = c_clu = 0.0  # wall and CPU seconds
    last = (0, 0.0, 0.0, 0, 0)
    emit(f"stream: {args.n} articles (run to {stop}); baseline RSS before start {peak_rss_mb():.0f} MB; "
         f"started {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}")
    emit("| articles | stories | clustering art/s wall | clustering art/s CPU | clustering CPU art/s last block | "
         "ingest-to-story art/s wall | ingest-to-story art/s CPU | ingest CPU art/s last block | "
         "peak RSS MB | B3 F1 vs generator | index entries visited / art, last block | "
         "stories scored / art, last block | reference CPU art/s | load avg 1 min |")
    emit("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    batch: list[Article] = []
    for n, (generated, story) in enumerate(generate(args.n, Path(args.data)), start=1):
        t0, p0 = time.perf_counter(), time.process_time()
        art = prepare(generated.raw_text, generated.outlet, generated.published, generated.id)
        t_prep += time.perf_counter() - t0
        c_prep += time.process_time() - p0
        batch.append(art)
        gold.append(story)
        ids.append(art.id)
        if len(reference) < 500:
            reference.append(art)
        if len(batch) >= args.batch or n in checkpoints:
            t1, p1 = time.perf_counter(), time.process_time()
            clusterer.add_many(batch)
            t_clu += time.perf_counter() - t1
            c_clu += time.process_time() - p1
            batch = []
        if n in checkpoints:
            n0, cp0, cc0, visited0, scored0 = last
            work = getattr(clusterer, "work", {})  # absent in older clusterers: columns read 0
            visited, scored = work.get("postings_visited", 0), work.get("stories_scored", 0)
            block_clu = (n - n0) / max(1e-9, c_clu - cc0)
            block_all = (n - n0) / max(1e-9, (c_clu - cc0) + (c_prep - cp0))
            f1 = b_cubed(gold, [clusterer.story_of(a) for a in ids])[2]
            emit(f"| {n} | {len(clusterer.stories())} | {n / t_clu:.0f} | {n / c_clu:.0f} | {block_clu:.0f} | "
                 f"{n / (t_clu + t_prep):.0f} | {n / (c_clu + c_prep):.0f} | {block_all:.0f} | "
                 f"{peak_rss_mb():.0f} | {f1:.3f} | {(visited - visited0) / (n - n0):.0f} | "
                 f"{(scored - scored0) / (n - n0):.1f} | {reference_rate(reference):.0f} | "
                 f"{os.getloadavg()[0]:.1f} |")
            last = (n, c_prep, c_clu, visited, scored)
            if n == stop:
                break
    if args.state_size:
        t = time.perf_counter()
        size = len(json.dumps(clusterer.state_dict()))
        emit(f"state: {size / 1e6:.1f} MB JSON, serialised in {time.perf_counter() - t:.1f}s")
    emit(f"finished {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}")
    if out_file is not None:
        out_file.close()


if __name__ == "__main__":
    main()
