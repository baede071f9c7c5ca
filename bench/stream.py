"""A realistic synthetic news stream of any length, built from the labelled dev corpora.

    /work/venv/bin/python bench/stream.py --n 10000 --out /tmp/stream.jsonl   # or import `generate`

Each synthetic story copies the shape of a real dev story (its articles' wording
and length) but is a new event: its names are replaced by invented names kept
consistent within the story, its numbers are redrawn, it gets a start date in a
three-year span and its articles spread over the next days.  Each article is a
paraphrase-level perturbation of one real article of the template (sentences
dropped and reordered, words dropped, title reworded), published by one of a
few thousand invented outlets; about a fifth are syndicated copies of an
earlier article of the story under a new headline.  Articles come out in
publication order with the synthetic story id as gold label, so the scale run
can also report B-cubed on the stream.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corroborate.cluster_eval import load_story_corpus  # noqa: E402
from corroborate.features import STOPWORDS  # noqa: E402
from corroborate.model import Article  # noqa: E402

_TOKEN = re.compile(r"\S+")
_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+[\w'’\-]*$")
_NUMBER = re.compile(r"^\d[\d,.]*$")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "dar", "en", "bel", "gor", "tu", "nas", "pi",
              "lex", "mar", "do", "ri", "sen", "ya", "qu", "zan", "fe", "hol", "ib", "os", "wen", "ul"]


Piece = str | tuple[str, str, str, str]  # a literal token, or a (kind, original, prefix, suffix) slot


@dataclass
class _TemplateArticle:
    title: list[Piece]
    sentences: list[list[Piece]]


def _pieces(text: str) -> list[Piece]:
    """Tokens of text with names and numbers turned into slots once, so rendering is a cheap join."""
    out: list[Piece] = []
    for tok in _TOKEN.findall(text):
        core = tok.strip(".,;:!?\"'()“”’")
        if core and _NAME_TOKEN.match(core) and core.lower() not in STOPWORDS:
            kind = "name"
        elif core and _NUMBER.match(core):
            kind = "num"
        else:
            out.append(tok)
            continue
        pre, _, post = tok.partition(core)
        out.append((kind, core, pre, post))
    return out


def load_templates(data: Path) -> list[list[_TemplateArticle]]:
    """Every gold story of every stories-dev corpus, as pre-split template articles."""
    stories: list[list[_TemplateArticle]] = []
    for corpus in sorted(p for p in data.iterdir() if (p / "gold.json").exists()):
        articles, labels = load_story_corpus(corpus)
        by_label: dict[str, list[_TemplateArticle]] = {}
        for a, label in zip(articles, labels, strict=True):
            sents = [_pieces(s) for s in _SENT.split(a.body) if s.strip()]
            by_label.setdefault(label, []).append(_TemplateArticle(_pieces(a.title), sents))
        stories.extend(by_label[k] for k in sorted(by_label))
    return stories


def _invent_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


class _StoryMaker:
    """One synthetic story: a template plus its own consistent name and number substitutions."""

    def __init__(self, sid: str, template: list[_TemplateArticle], rng: random.Random) -> None:
        self.sid, self.template, self.rng = sid, template, rng
        self.slots: dict[tuple[str, str], str] = {}
        self.emitted: list[str] = []  # bodies already published, for syndicated copies

    def _slot(self, kind: str, original: str) -> str:
        new = self.slots.get((kind, original))
        if new is None:
            new = _invent_name(self.rng) if kind == "name" else str(self.rng.randint(2, 999))
            self.slots[(kind, original)] = new
        return new

    def _render(self, pieces: list[Piece], drop: float) -> str:
        words = [p if isinstance(p, str) else p[2] + self._slot(p[0], p[1]) + p[3] for p in pieces]
        if drop and len(words) > 4 and self.rng.random() < drop:  # drop one word
            del words[self.rng.randrange(1, len(words) - 1)]
        return " ".join(words)

    def article(self) -> tuple[str, str]:
        rng = self.rng
        if self.emitted and rng.random() < 0.2:  # syndicated copy: new headline, trimmed ending
            body = rng.choice(self.emitted)
            cut = body.rfind(". ", len(body) // 2)
            body = body[:cut + 1] if cut > 0 and rng.random() < 0.5 else body
            src = rng.choice(self.template)
            title = self._render(src.title, 0.0).split(" ")
            return " ".join(title[len(title) // 2:] + title[:len(title) // 2]), body
        src = rng.choice(self.template)
        sents = [s for s in src.sentences if rng.random() > 0.12] or src.sentences[:1]
        if len(sents) > 3 and rng.random() < 0.5:  # move a later paragraph up, as rewrites do
            i = rng.randrange(2, len(sents))
            sents.insert(1, sents.pop(i))
        body = " ".join(self._render(s, 0.3) for s in sents)
        title = self._render(src.title, 0.5)
        self.emitted.append(body)
        if len(self.emitted) > 4:
            self.emitted.pop(0)
        return title, body


def generate(n: int, data: Path = Path("../shared/data/stories-dev"), seed: int = 13,
             mean_story_size: float = 8.0, days: int = 1095) -> Iterator[tuple[Article, str]]:
    """Yield (article, gold story id) for n articles in publication order."""
    rng = random.Random(seed)
    templates = load_templates(data)
    outlets = [f"{_invent_name(rng).lower()}-news-{i}.example" for i in range(3000)]
    start = date(2023, 1, 1)
    per_day = n / days
    pending: dict[int, list[tuple[_StoryMaker, int]]] = {}
    produced = story_no = 0
    day = 0
    while produced < n:
        budget = per_day * (1 + 0.3 * rng.random())
        while budget > 0:
            story_no += 1
            maker = _StoryMaker(f"g{story_no}", rng.choice(templates), random.Random(rng.random()))
            size = max(1, min(200, int(rng.paretovariate(1.6) * mean_story_size * 0.4)))
            budget -= size
            for _ in range(size):
                offset = min(int(rng.expovariate(0.7)), 14)
                pending.setdefault(day + offset, []).append((maker, offset))
        todays = pending.pop(day, [])
        rng.shuffle(todays)
        published = (start + timedelta(days=day % (days + 30))).isoformat()
        for maker, _ in todays:
            if produced >= n:
                break
            title, body = maker.article()
            produced += 1
            art = Article(id=f"a{produced:07d}", source="stream", raw_text=f"{title}\n\n{body}", title=title,
                          body=body, outlet=rng.choice(outlets), published=published)
            yield art, maker.sid
        day += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--data", default="../shared/data/stories-dev")
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    for art, story in generate(args.n, Path(args.data)):
        row = {"id": art.id, "title": art.title, "body": art.body, "outlet": art.outlet,
               "published": art.published, "story": story}
        out.write(json.dumps(row) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
