"""Pronouns in resolve-mentions: which mention a pronoun stands for, one antecedent each.

A third-person pronoun joins an agreeing mention before it in its document
(number, person or not, place phrases excluded, and not a chain that the other
gender's pronouns, or the texts' use of its given name, already make a man's or
a woman's): the one the learnt ranker of `entity_antecedents.py` scores best,
or without it the nearest.  "where"/"there"/"here" take the nearest place
phrase or singular noun, "when"/"then" the nearest time.  A "he" or "she" with no such
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

from .entity_antecedents import AntecedentRanker
from .mention_cues import FUNCTION_WORDS
from .mention_heads import PRONOUNS, head_word, lemma, words_of
from .names import fold

if TYPE_CHECKING:
    from .entities import UnionFind
    from .resolve_cmd import MentionRow

_PERSON_CONTEXT = re.compile(
    r"\b([a-z][a-z-]+)\s+(?:who|whom|said|says|told|added|explained|insisted|denied|admitted|"
    r"testified|pleaded|confessed|apologized|apologised)\b")

_PERSONAL = ("m", "f")
_NAME_VOTE = 100  # a given name's learnt gender outweighs the pronouns that joined its chain
_WINDOW = 2  # sentences back that a third-person pronoun looks for its antecedent
_STORY_LEAD = 1.5  # how many times the runner-up's mentions the story's leading person needs
_IN_SENTENCE = ("where", "when")  # like relative pronouns, they refer inside their own sentence
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
    if row.kind != "PRON":
        return ""
    words = [w for w in words_of(row.text) if w[:1].isalnum()]  # "she's", "It's" with its quote
    return PRONOUNS.get(fold(words[0]), "") if words else ""


class _Genders:
    """Which chains "he" and which "she" has already stood for, or whose given name the texts treat as
    a man's or a woman's (`entity_genders.py`), so "she" skips a man's chain."""

    def __init__(self, uf: UnionFind, rows: list[MentionRow]) -> None:
        self.uf = uf
        self.votes: dict[int, Counter] = defaultdict(Counter)
        for k, r in enumerate(rows):  # names whose given name the texts treat as a man's or a woman's
            if r.gender:
                self.votes[uf.find(k)][r.gender] += _NAME_VOTE

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


def link_pronouns(rows: list[MentionRow], uf: UnionFind, ranker: AntecedentRanker | None = None) -> None:
    """Join each pronoun to one chain: its antecedent, or for "he"/"she" the leading person of its
    document, else of the story when one person clearly leads there.

    The antecedent is the nearest agreeing mention within reach, or with a `ranker` the one it
    scores best.  First-person pronouns of one document are one speaker."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        by_doc[r.doc].append(k)
    genders = _Genders(uf, rows)
    stats = _ChainStats(rows, uf) if ranker is not None else None
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
            if cls not in ("m", "f", "p", "r", "n", "l", "t"):
                continue
            if ranker is not None and cls not in ("r", "l", "t"):  # a relative pronoun takes the nearest (ranking: no gain)
                antecedent = _ranked_antecedent(rows, ks, n, cls, genders, ranker, stats)
            else:
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
    words = words_of(r.text)
    reach = 0 if cls == "r" or (words and fold(words[0]) in _IN_SENTENCE) else _WINDOW
    for back in range(n - 1, -1, -1):
        j = ks[back]
        if r.sentence_no - rows[j].sentence_no > reach:
            return None
        if _agrees(cls, rows[j]) and not genders.conflicts(j, cls):
            return j
    return None


def _ranked_antecedent(rows: list[MentionRow], ks: list[int], n: int, cls: str, genders: _Genders,
                       ranker: AntecedentRanker, stats: _ChainStats) -> int | None:
    """The agreeing earlier mention within reach that the ranker scores best."""
    r = rows[ks[n]]
    cands: list[tuple[int, int, str, bool]] = []
    for back in range(n - 1, -1, -1):
        j = ks[back]
        if r.sentence_no - rows[j].sentence_no > _WINDOW:
            break
        if _agrees(cls, rows[j]) and not genders.conflicts(j, cls):
            first = back == 0 or rows[ks[back - 1]].sentence_no != rows[j].sentence_no
            cands.append((j, n - 1 - back, pronoun_class(rows[j]), first))
    if not cands:
        return None
    return ranker.choose(rows, ks[n], cls, cands, stats.of)


class _ChainStats:
    """Mentions per chain in each report and in the story, and whether the chain holds a (person's)
    name, as the rules left the chains before pronouns join them."""

    def __init__(self, rows: list[MentionRow], uf: UnionFind) -> None:
        self.root = [uf.find(k) for k in range(len(rows))]
        self.rows = rows
        self.per_doc: Counter = Counter((self.root[k], r.doc) for k, r in enumerate(rows))
        self.total: Counter = Counter(self.root)
        self.named = {self.root[k] for k, r in enumerate(rows) if r.kind == "NAME"}
        self.person = {self.root[k] for k, r in enumerate(rows) if r.kind == "NAME" and r.etype == "PERSON"}

    def of(self, k: int) -> tuple[int, int, bool, bool]:
        root = self.root[k]
        return (self.per_doc[(root, self.rows[k].doc)], self.total[root], root in self.named, root in self.person)


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
    if cls == "t":  # "when", "then": a time
        return cand.kind == "TIME"
    if cand.kind == "TIME":
        return False
    if cls == "l":  # "where", "there", "here": a place, named or introduced by a preposition of place
        words = cand.text.split()
        return cand.kind != "PRON" and not cand.human and (
            bool(words) and fold(words[0]) in _LOCATIVE or cand.kind == "NAME" and cand.etype == "PLACE"
            or cand.kind == "NOMINAL" and not _plural(cand.text))
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
