"""Time mentions in resolve-mentions: which "Friday" or "second time" are one time.

Times are keyed by their day ("early Tuesday morning" / "Tuesday"), else by their
head word with any number or ordinal they carry, so "the first time" and "a
second time" stay apart.  (Tying "yesterday" or "today" to the one weekday its
report names was measured and dropped: -0.1 CoNLL on ECB+ Dev, +0.1 on Train.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from .mention_cues import CALENDAR
from .mention_heads import head_word, words_of
from .names import fold

if TYPE_CHECKING:
    from .entities import UnionFind
    from .resolve_cmd import MentionRow

NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
first second third fourth fifth sixth seventh eighth ninth tenth last next previous
""".split())


def day_key(row: MentionRow) -> str:
    """The weekday or month a time names ("fri", "jul"), or "" when it names none."""
    day = next((w for w in map(fold, words_of(row.text)) if w.rstrip(".") in CALENDAR), None)
    return day.rstrip(".")[:3] if day else ""


def numbered_head(text: str) -> str:
    """Head word plus the numbers and ordinals of the phrase: "a second time" -> "time|second",
    so "the first time" and "a second time" (or "two men" and "three men") are told apart."""
    words = [fold(w) for w in words_of(text)]
    numbers = sorted({w for w in words if w in NUMBER_WORDS or re.fullmatch(r"\d+(st|nd|rd|th|s)?", w)})
    return "|".join([fold(head_word(text)), *numbers])


def time_key(row: MentionRow) -> str:
    """The day a time names, else its numbered head."""
    return day_key(row) or numbered_head(row.text)


def link_times(rows: list[MentionRow], uf: UnionFind) -> None:
    """Times with one key in one story are one time."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        if r.kind == "TIME":
            by_key[time_key(r)].append(k)
    for ks in by_key.values():
        for k in ks[1:]:
            uf.union(ks[0], k)
