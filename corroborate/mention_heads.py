"""What kind of phrase a mention is, and its head word, for resolving any mention, not only names.

Gold mention sets (ECB+) hold pronouns, common nouns ("the victim") and times
as well as names; each kind is resolved by its own evidence, and all of them
need a head word, found here with a rule that suits English noun phrases: cut
at the first preposition, relative word or comma, then take the last word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .mention_cues import CALENDAR, FUNCTION_WORDS
from .names import fold

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
    "it": "n", "its": "n", "itself": "n",
    "we": "w", "us": "w", "our": "w", "ours": "w", "ourselves": "w",
    "i": "i", "me": "i", "my": "i", "mine": "i", "myself": "i",
    "you": "y", "your": "y", "yours": "y", "yourself": "y",
    "who": "r", "whom": "r", "whose": "r", "which": "r", "that": "r",
    "here": "l", "there": "l", "where": "l", "when": "t", "then": "t",
}
TIME_WORDS = frozenset("""
today yesterday tomorrow tonight day days week weeks month months year years morning afternoon evening
night nights hour hours minute minutes weekend season decade century time date moment period earlier
later ago now recently annual anniversary am pm a.m p.m
""".split()) | CALENDAR
_CUT_WORDS = frozenset("""
of in on at from with for by to into about after before during near over under who whom whose which that
where when while as than since like including , ( : ; -- –
""".split())
_DETERMINERS = frozenset("the a an this that these those his her their its our my your some any each every".split())
_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "people": "person", "children": "child", "police": "police",
                      "feet": "foot", "teeth": "tooth", "mice": "mouse", "staff": "staff"}


def words_of(text: str) -> list[str]:
    """Word tokens of a mention, with possessive endings split off and dropped."""
    return [w for w in re.findall(r"[^\W_]+(?:[-.'’][^\W_]+)*|[,(:;]", text.replace("'s", "").replace("’s", ""))]


def lemma(word: str) -> str:
    """Crude noun lemma: folded, plural endings removed (no lemmatiser model is available offline)."""
    w = fold(word).strip(".'’")
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def head_word(text: str) -> str:
    """Head of a noun phrase: last word before the first preposition, relative word or comma."""
    words = words_of(text)
    kept: list[str] = []
    for w in words:
        if fold(w) in _CUT_WORDS and kept:
            if any(k[:1].isalnum() and fold(k) not in _DETERMINERS for k in kept):
                break
        kept.append(w)
    content = [w for w in kept if w[:1].isalnum() and fold(w) not in _CUT_WORDS]
    if not content:
        content = [w for w in words if w[:1].isalnum()] or [text]
    return content[-1]


def mention_kind(text: str, sentence: str = "", start: int = -1) -> str:
    """PRON, TIME, NAME or NOMINAL."""
    words = [w for w in words_of(text) if w[:1].isalnum()]
    if not words:
        return "NOMINAL"
    low = [fold(w) for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return "PRON"
    head = fold(head_word(text))
    if head in TIME_WORDS or re.fullmatch(r"(1[89]|20)\d\d", head) or any(w in CALENDAR for w in low[:3]):
        return "TIME"
    head_raw = head_word(text)
    has_caps = any(w[:1].isupper() and fold(w) not in FUNCTION_WORDS for w in words)
    if head_raw[:1].isupper() or (head_raw[:1].isdigit() and has_caps):
        return "NAME"
    return "NOMINAL"
