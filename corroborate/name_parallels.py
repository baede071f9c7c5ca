"""A group's nickname and the name it stands for, learnt from parallel sentences of one story.

Reports of one event retell the same sentence with different names for one participant:
"the top-seeded Bluejays defeated Drake 65-53" / "Creighton defeats Drake 65-53", "help the
top-ranked Tar Heels remain unbeaten" / "help top-ranked North Carolina beat Evansville".  No
nickname list may be used, so this reads the texts: a plural name written after "the" (a group's
nickname) joins the one other non-person name whose mentions, in other reports, stand between the
same words.  Shared words count only when few names of the story share them ("against X" fits
every team), and the nickname joins only a clear best match: two reports' worth of parallels, twice
as many as any rival.  Occurrences are blocked by their neighbouring words, never compared
all-pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from .names import core_tokens, fold, plural_ending

if TYPE_CHECKING:
    from .entities import UnionFind
    from .resolve_cmd import MentionRow

_ARTICLE_SPAN = 3  # "the top-seeded Bluejays": "the" within this many words (punctuation aside) before the name
_STEM = 5  # "defeats" / "defeated" share their first letters
_MIN_CONTENT = 4  # a lone neighbour must be a content word this long ("beat", "fuels")
_MAX_NAMES_PER_CONTEXT = 3  # a context shared by more names of the story tells nothing
_MIN_PARALLELS = 2
_FUNCTION = frozenset("the a an of in on at to for and or by with from as is was were be been has have had "
                      "said says who which that this it its his her their he she they will would".split())


def _stem(word: str) -> str:
    return fold(word)[:_STEM]


def _contexts(row: MentionRow) -> list[tuple]:
    """Neighbour signatures of a mention: the two words on each side, and a lone content word."""
    left = row.sentence[:row.start].split()[-2:][::-1]
    right = row.sentence[row.end:].split()[:2]
    out: list[tuple] = []
    for side, words in (("L", left), ("R", right)):
        if len(words) == 2:
            out.append((side, _stem(words[0]), _stem(words[1])))
        if words and len(words[0]) >= _MIN_CONTENT and fold(words[0]) not in _FUNCTION and words[0][:1].isalpha():
            out.append((side, _stem(words[0])))
    return out


def _is_group_name(rows: list[MentionRow], name_text: Callable[[str], str]) -> bool:
    """Mostly a plural name written after "the" ("the Tar Heels", "the top-seeded Bluejays")."""
    votes = 0
    for r in rows:
        toks = core_tokens(name_text(r.text))
        words = [fold(w) for w in (r.sentence[:r.start] + " " + name_text(r.text)).split() if w[:1].isalnum()]
        before = words[-_ARTICLE_SPAN - len(toks):]
        votes += bool(toks) and plural_ending(toks[-1]) and "the" in before
    return 2 * votes > len(rows)


def _after_the(row: MentionRow) -> bool:
    words = (row.sentence[:row.start].split()[-1:] + row.text.split())[:2]
    return any(fold(w) == "the" for w in words)


def link_group_nicknames(rows: list[MentionRow], uf: UnionFind, name_text: Callable[[str], str]) -> None:
    """Join each group nickname of the story to the one name its parallel sentences put in its place."""
    clusters: dict[int, list[MentionRow]] = defaultdict(list)
    for k, r in enumerate(rows):
        if r.kind == "NAME":
            clusters[uf.find(k)].append(r)
    groups = {c for c, rs in clusters.items() if _is_group_name(rs, name_text)}
    others = {c for c, rs in clusters.items()  # names mostly written bare, and no person's
              if c not in groups and 2 * sum(r.etype == "PERSON" or _after_the(r) for r in rs) < len(rs)}
    if not groups or not others:
        return
    by_context: dict[tuple, set[tuple[int, str]]] = defaultdict(set)  # context -> (name, report) using it
    for c in groups | others:
        for r in clusters[c]:
            for sig in _contexts(r):
                by_context[sig].add((c, r.doc))
    parallels: dict[int, dict[int, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for members in by_context.values():  # group -> other name -> pairs of reports with a parallel
        if len({c for c, _ in members}) > _MAX_NAMES_PER_CONTEXT:
            continue
        for ca, doc_a in members:
            if ca in groups:
                for cb, doc_b in members:
                    if cb in others and doc_a != doc_b:
                        parallels[ca][cb].add((doc_a, doc_b))
    for group, by_other in parallels.items():
        ranked = Counter({c: len(pairs) for c, pairs in by_other.items()}).most_common(2)
        best, score = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if score >= _MIN_PARALLELS and score >= 2 * runner_up:
            uf.union(group, best)
