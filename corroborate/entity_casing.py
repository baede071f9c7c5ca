"""Capitalised common nouns: "Driver", "Police" or "Rehab" in a title-case headline are no names.

A gold mention set, or a headline, capitalises words that the same texts write in
lower case elsewhere ("the driver said", "police said").  Such a one-word
"name" is resolved as the common noun it is, unless the texts also use it as
part of a longer name ("Kimani Gray" keeps "Gray" a name).  What counts as a
common word is learnt from the input, since no word list is available offline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .mention_heads import words_of
from .names import fold

if TYPE_CHECKING:
    from .resolve_cmd import MentionRow

_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]+(?![\w'’-])")


def demote_capitalised_common_nouns(rows: list[MentionRow], texts: Iterable[str]) -> None:
    """Set `kind` to NOMINAL for one-word NAME mentions that the texts write in lower case."""
    lower = {fold(w) for text in texts for w in _LOWER_WORD.findall(text)}
    name_tokens: set[str] = set()
    for r in rows:
        words = _name_words(r)
        if r.kind == "NAME" and len(words) >= 2:
            name_tokens.update(words)
    for r in rows:
        words = _name_words(r)
        if (r.kind == "NAME" and len(words) == 1 and words[0] in lower and words[0] not in name_tokens
                and not _capitalised_in_prose(r)):
            r.kind = "NOMINAL"
            r.headline_noun = True


def _capitalised_in_prose(row: MentionRow) -> bool:
    """Written capitalised inside a sentence of running text, where only a name is ("fired the Sixers'
    Coach", "the Navy said"), rather than at a sentence start or in a Title Case headline."""
    before = row.sentence[:row.start]
    if not any(ch.isalnum() for ch in before):
        return False
    words = [w for w in row.sentence.split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised <= _TITLE_CASE * len(words)


_TITLE_CASE = 0.6  # share of capitalised words above which a line is a Title Case headline


def _name_words(row: MentionRow) -> list[str]:
    """The capitalised words of a mention, folded ("in Athens" -> ["athens"])."""
    return [fold(w) for w in words_of(row.text) if w[:1].isupper()]
