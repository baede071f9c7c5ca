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
        if r.kind == "NAME" and len(words) == 1 and words[0] in lower and words[0] not in name_tokens:
            r.kind = "NOMINAL"
            r.headline_noun = True


def _name_words(row: MentionRow) -> list[str]:
    """The capitalised words of a mention, folded ("in Athens" -> ["athens"])."""
    return [fold(w) for w in words_of(row.text) if w[:1].isupper()]
