"""Cross-story entity linking: cost per story as the store grows (must stay flat, not grow with the corpus).

Real names: every article of ../shared/data/timelines-dev (2,577 articles on five long-running
topics: Egypt, H1N1, Michael Jackson, the BP oil spill, Haiti) is made a one-article "story",
its entities resolved within it (`resolve_entities` on the pipeline's mentions), then linked
into a SQLite store with `link_story_entities`.  The same names recur in hundreds of stories,
which is the hard case for linking cost.  `--rounds 2` links the whole set a second time under
new story ids, doubling the store.

    /work/venv/bin/python bench/entity_links.py --rounds 2
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corroborate.entities import resolve_entities  # noqa: E402
from corroborate.mentions import mentions_stage  # noqa: E402
from corroborate.model import Article  # noqa: E402
from corroborate.split import split_stage  # noqa: E402
from corroborate.storage import open_store  # noqa: E402
from corroborate.story_entities import link_story_entities  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "timelines-dev"


def story_entities() -> list[list[dict]]:
    """Entities of each article, resolved within it."""
    out = []
    for path in sorted(DATA.glob("*/articles.json")):
        for i, item in enumerate(json.loads(path.read_text())):
            article = Article(id=f"{path.parent.name}-{i}", source=str(path), raw_text=item["text"], body=item["text"])
            mentions_stage(split_stage(article))
            out.append(resolve_entities([article]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--block", type=int, default=500, help="stories per reported block")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"no data at {DATA}")
    started = time.process_time()
    stories = story_entities()
    print(f"{len(stories)} stories, {sum(map(len, stories))} story entities, "
          f"prepared in {time.process_time() - started:.1f} CPU s\n")
    print("| stories linked | cross-story entities | story entities linked | ms per story (block, CPU) | "
          "entities per story (block) |")
    print("|---|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "links.db"))
        linked = entities_in_block = 0
        block_cpu, block_n = time.process_time(), 0
        for round_no in range(args.rounds):
            for n, entities in enumerate(stories):
                link_story_entities(store, f"r{round_no}-s{n}", entities)
                linked += len(entities)
                entities_in_block += len(entities)
                block_n += 1
                done = round_no * len(stories) + n + 1
                if block_n == args.block or done == args.rounds * len(stories):
                    took = (time.process_time() - block_cpu) / block_n * 1000
                    count = store._exec("SELECT COUNT(*) FROM entities").fetchone()[0]
                    print(f"| {done} | {count} | {linked} | {took:.1f} | {entities_in_block / block_n:.1f} |",
                          flush=True)
                    block_cpu, block_n, entities_in_block = time.process_time(), 0, 0
        store.close()


if __name__ == "__main__":
    main()
