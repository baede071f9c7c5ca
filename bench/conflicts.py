"""Conflicts found per story on a labelled story corpus, with the full per-article pipeline (timex included).

    python bench/conflicts.py [../shared/data/stories-dev/basil]

Prints every conflict (story, slot, each side's value and sentence) so they can be checked by hand, then the
count. Gold stories are used as given: this measures conflict precision, not clustering.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corroborate.cluster_eval import load_story_corpus  # noqa: E402
from corroborate.dedup import find_syndication  # noqa: E402
from corroborate.facts import align_facts  # noqa: E402
from corroborate.model import Story  # noqa: E402
from corroborate.pipeline import process_article  # noqa: E402


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data" / "stories-dev" / "basil")
    articles, labels = load_story_corpus(folder)
    stories = defaultdict(list)
    for article, label in zip(articles, labels, strict=True):
        article.stages = []
        stories[label].append(article)
    started, total, with_conflict = time.time(), 0, 0
    for label, members in sorted(stories.items()):
        members = [process_article(a) for a in members]
        _, conflicts = align_facts(Story(str(label), members, "", find_syndication(members)))
        total += len(conflicts)
        with_conflict += bool(conflicts)
        for c in conflicts:
            sides = " <> ".join(f"{x['value']}: {x['text'][:100]}" for x in c["claims"])
            print(f"{label} | {c['about']} | {sides}")
    print(f"\n{len(stories)} stories, {total} conflicts in {with_conflict} stories, {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
