"""Pronouns in resolve-mentions: which mention a pronoun stands for, one antecedent each.

A third-person pronoun joins the nearest agreeing mention before it in its
document (number, person or not, place phrases excluded, and not a chain that
the other gender's pronouns already stand for).  A "he" or "she" with no such
mention nearby stands for the person its document is about: the person with
the most mentions in that document when one person leads, else the story's
clearly leading person.  Each pronoun joins exactly one chain, so a pronoun
never glues two people together (the old story-wide "all he are one man" rule
did: on ECB+ it put Sanjay Gupta, Barack Obama and the Washington Post in one
chain).  Whether a common noun can be "he" or "she" is learnt from the input
texts (nouns followed by "who" or a verb of saying), since no animacy lexicon
is available offline.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .mention_cues import FUNCTION_WORDS
from .mention_heads import PRONOUNS, head_word, lemma
from .names import fold

if TYPE_CHECKING:
    from .entities import UnionFind
    from .resolve_cmd import MentionRow

_PERSON_CONTEXT = re.compile(
    r"\b([a-z][a-z-]+)\s+(?:who|whom|said|says|told|added|explained|insisted|denied|admitted|"
    r"testified|pleaded|confessed|apologized|apologised)\b")

_PERSONAL = ("m", "f")
_WINDOW = 2  # sentences back that a third-person pronoun looks for its antecedent
_STORY_LEAD = 1.5  # how many times the runner-up's mentions the story's leading person needs
_LOCATIVE = frozenset("in at on near from into outside inside off along across over under".split())


def person_nouns(texts: Iterable[str]) -> set[str]:
    """Nouns the texts use for people, learnt from what follows them: "who", or a verb of saying.

    No word list of human nouns is available offline, so the input itself says which heads can
    be "he" or "she" ("the judge said" yes, "the facility said" hardly ever)."""
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        for m in _PERSON_CONTEXT.finditer(text):
            counts[m.group(1)] += 1
    return {w for w, c in counts.items() if w not in FUNCTION_WORDS and not w.endswith("ly")}


def pronoun_class(row: MentionRow) -> str:
    """m, f, p (they), n (it), r (relative), w (we), i, y, l (place), t (time), or "" for no pronoun."""
    return PRONOUNS.get(fold(row.text.strip().strip('"“”')), "") if row.kind == "PRON" else ""


class _Genders:
    """Which chains "he" and which "she" has already stood for, so "she" skips a man's chain."""

    def __init__(self, uf: UnionFind) -> None:
        self.uf = uf
        self.votes: dict[int, Counter] = defaultdict(Counter)

    def add(self, k: int, cls: str) -> None:
        self.votes[self.uf.find(k)][cls] += 1

    def union(self, a: int, b: int) -> None:
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return
        merged = self.votes.pop(ra, Counter()) + self.votes.pop(rb, Counter())
        self.uf.union(a, b)
        if merged:
            self.votes[self.uf.find(a)] = merged

    def conflicts(self, k: int, cls: str) -> bool:
        votes = self.votes.get(self.uf.find(k))
        if not votes or cls not in _PERSONAL:
            return False
        other = "f" if cls == "m" else "m"
        return votes[other] > votes[cls]


def link_pronouns(rows: list[MentionRow], uf: UnionFind) -> None:
    """Join each pronoun to one chain: its antecedent, or for "he"/"she" the leading person of its
    document, else of the story when one person clearly leads there.

    First-person pronouns of one document are one speaker."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        by_doc[r.doc].append(k)
    genders = _Genders(uf)
    unresolved: list[tuple[int, str, list[int]]] = []
    for ks in by_doc.values():
        ks.sort(key=lambda k: rows[k].order)
        speaker: dict[str, int] = {}
        for n, k in enumerate(ks):
            cls = pronoun_class(rows[k])
            if cls in ("i", "w"):
                if cls in speaker:
                    genders.union(speaker[cls], k)
                speaker.setdefault(cls, k)
                continue
            if cls not in ("m", "f", "p", "r", "n"):
                continue
            antecedent = _antecedent(rows, ks, n, cls, genders)
            if antecedent is not None:
                genders.union(k, antecedent)
                if cls in _PERSONAL:
                    genders.add(k, cls)
            elif cls in _PERSONAL:
                unresolved.append((k, cls, ks))
    everyone = list(range(len(rows)))
    for k, cls, ks in unresolved:
        leader = _leading_person(rows, ks, uf, k, cls, genders, 1.0)
        if leader is None:
            leader = _leading_person(rows, everyone, uf, k, cls, genders, _STORY_LEAD)
        if leader is not None:
            genders.union(k, leader)
            genders.add(k, cls)


def _antecedent(rows: list[MentionRow], ks: list[int], n: int, cls: str, genders: _Genders) -> int | None:
    """The nearest earlier mention of the document, within reach, that the pronoun can refer to."""
    r = rows[ks[n]]
    reach = 0 if cls == "r" else _WINDOW
    for back in range(n - 1, -1, -1):
        j = ks[back]
        if r.sentence_no - rows[j].sentence_no > reach:
            return None
        if _agrees(cls, rows[j]) and not genders.conflicts(j, cls):
            return j
    return None


def _leading_person(rows: list[MentionRow], ks: list[int], uf: UnionFind, k: int, cls: str,
                    genders: _Genders, ratio: float) -> int | None:
    """The person chain with the most mentions among `ks`, when it has more than `ratio` times the runner-up's."""
    counts: Counter = Counter()
    member: dict[int, int] = {}
    for j in ks:
        if j != k and _agrees(cls, rows[j]) and rows[j].kind != "PRON" and not genders.conflicts(j, cls):
            root = uf.find(j)
            counts[root] += 1
            member.setdefault(root, j)
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[1][1] * ratio >= top[0][1]):
        return None
    return member[top[0][0]]


def _agrees(cls: str, cand: MentionRow) -> bool:
    """Can a pronoun of this class refer to this earlier mention?"""
    if cand.kind == "TIME":
        return False
    if cand.kind == "PRON":
        other = pronoun_class(cand)
        return other == cls or (cls == "r" and other not in ("r", "l", "t"))
    words = cand.text.split()
    if cls != "r" and words and fold(words[0]) in _LOCATIVE:
        return False
    plural = cand.kind == "NOMINAL" and _plural(cand.text)
    if cls in _PERSONAL:
        if cand.kind == "NOMINAL":
            return not plural and cand.human
        return cand.kind != "NAME" or cand.etype in ("PERSON", "MISC")
    if cls == "n":
        return not plural and (cand.kind != "NAME" or cand.etype != "PERSON")
    if cls == "p":  # "the Navy ... they": organisations, named or capitalised, take "they"
        return plural or cand.kind == "NAME" or cand.headline_noun
    return True


def _plural(text: str) -> bool:
    head = fold(head_word(text))
    return lemma(head) != head or head in ("people", "police")
