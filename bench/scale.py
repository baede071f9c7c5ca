"""Throughput and memory of story clustering on a long synthetic stream (bench/stream.py).

    /work/venv/bin/python bench/scale.py --n 1000000 [--checkpoints 10000,100000,1000000]

One pass over the stream, in publication order.  Per article it times two
things separately: preparing the article from its raw text (title/body split,
content id, sentence splitting: the part of ingest a stream needs before
clustering) and `StoryClusterer.add` (copy detection, evidence, shortlist,
decision, merges).  Generating the stream is not timed.  At each checkpoint it
prints articles/s for clustering alone and for ingest-to-story (prepare +
cluster), both by wall clock and by CPU time of this process (the machine is
shared, so wall rates move with other load), the CPU rate of the last block
(flat = per-article cost does not grow), the peak RSS so far (the whole process,
generator included), the number of stories and B-cubed F1 against the
generator's story labels.
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--checkpoints", default="")
    ap.add_argument("--data", default="../shared/data/stories-dev")
    ap.add_argument("--state-size", action="store_true", help="also report the JSON state size at the end")
    args = ap.parse_args()
    checkpoints = sorted({int(c) for c in args.checkpoints.split(",") if c} | {args.n})
    clusterer = StoryClusterer()
    gold: list[str] = []
    ids: list[str] = []
    t_prep = t_clu = c_prep = c_clu = 0.0  # wall and CPU seconds
    last = (0, 0.0, 0.0)
    print(f"stream: {args.n} articles; baseline RSS before start {peak_rss_mb():.0f} MB")
    print("| articles | stories | clustering art/s wall | clustering art/s CPU | clustering CPU art/s last block | "
          "ingest-to-story art/s wall | ingest-to-story art/s CPU | ingest CPU art/s last block | "
          "peak RSS MB | B3 F1 vs generator |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n, (generated, story) in enumerate(generate(args.n, Path(args.data)), start=1):
        t0, p0 = time.perf_counter(), time.process_time()
        art = prepare(generated.raw_text, generated.outlet, generated.published, generated.id)
        t1, p1 = time.perf_counter(), time.process_time()
        clusterer.add(art)
        t2, p2 = time.perf_counter(), time.process_time()
        t_prep += t1 - t0
        t_clu += t2 - t1
        c_prep += p1 - p0
        c_clu += p2 - p1
        gold.append(story)
        ids.append(art.id)
        if n in checkpoints:
            n0, cp0, cc0 = last
            block_clu = (n - n0) / max(1e-9, c_clu - cc0)
            block_all = (n - n0) / max(1e-9, (c_clu - cc0) + (c_prep - cp0))
            f1 = b_cubed(gold, [clusterer.story_of(a) for a in ids])[2]
            print(f"| {n} | {len(clusterer.stories())} | {n / t_clu:.0f} | {n / c_clu:.0f} | {block_clu:.0f} | "
                  f"{n / (t_clu + t_prep):.0f} | {n / (c_clu + c_prep):.0f} | {block_all:.0f} | "
                  f"{peak_rss_mb():.0f} | {f1:.3f} |")
            sys.stdout.flush()
            last = (n, c_prep, c_clu)
    if args.state_size:
        t = time.perf_counter()
        size = len(json.dumps(clusterer.state_dict()))
        print(f"state: {size / 1e6:.1f} MB JSON, serialised in {time.perf_counter() - t:.1f}s")


if __name__ == "__main__":
    main()
