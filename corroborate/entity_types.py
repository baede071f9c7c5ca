"""Which capitalised words the texts use as a person's surname, so that two capitalised words are
typed PERSON only with that evidence.

"Internet Explorer" is shaped like "Tyler Hansbrough", and a gold mention carries no context that
tells them apart.  The texts do: a person is named again by the surname alone ("Hansbrough
scored"), while "Explorer" never stands alone, and a team's name stands after "the" ("over the
Colts .").  Learnt from the input, as no name list is available.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .names import fold, plural_ending

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LETTERS = re.compile(r"[^\W\d_]+")


def surname_words(texts: Iterable[str]) -> set[str]:
    """Folded capitalised words that stand alone in a sentence, with no capitalised word on either
    side ("that Obama has", "as O'Brien's replacement"); first in a sentence only when the texts
    write the word capitalised inside a sentence more often than in lower case, so "Manning threw"
    counts and "Police said" does not.  A word standing after "the" and before punctuation ("over
    the Colts .") names a group, never a person, and so does a plural word that stands alone after "the" more often
    than not ("over the Jaguars on Thursday"; "Obama" of "the Obama administration" has no plural ending)."""
    alone: set[str] = set()
    opening: set[str] = set()
    groups: set[str] = set()  # "over the Colts ." : a team or group, not a surname
    case_votes: Counter[str] = Counter()  # capitalised minus lower-case uses
    after_the: Counter[str] = Counter()  # standing alone inside a sentence: after "the" minus not
    for text in texts:
        for line in text.splitlines():
            for sentence in _sentences(line.split()):
                for i, chunk in enumerate(sentence):
                    letters = _LETTERS.findall(_POSSESSIVE.sub("", chunk))
                    if not letters:
                        continue
                    word = fold(letters[-1])
                    if not _capitalised(chunk):
                        case_votes[word] -= chunk[:1].islower()
                        continue
                    case_votes[word] += i > 0
                    if (i > 0 and _capitalised(sentence[i - 1])) or (i + 1 < len(sentence) and _capitalised(sentence[i + 1])):
                        continue
                    (alone if i > 0 else opening).add(word)
                    if i > 0 and plural_ending(word):
                        after_the[word] += 1 if fold(sentence[i - 1]) == "the" else -1
                    if i > 0 and fold(sentence[i - 1]) == "the" and (i + 1 == len(sentence) or not sentence[i + 1][:1].isalnum()):
                        groups.add(word)
    groups |= {w for w, n in after_the.items() if n > 0}  # mostly "the Jaguars": a team's plural name
    return (alone | {w for w in opening if case_votes[w] > 0}) - groups


def _sentences(chunks: list[str]) -> Iterable[list[str]]:
    """Split a line's chunks after a full stop that follows a lower-case word ("said ." / "said."),
    never after "Dr ." or "Gov.", where a name follows."""
    current: list[str] = []
    for chunk in chunks:
        current.append(chunk)
        if chunk[-1:] in ".!?":
            word = chunk[:-1] or (current[-2] if len(current) > 1 else "")
            if word.islower():
                yield current
                current = []
    if current:
        yield current


def _capitalised(chunk: str) -> bool:
    return chunk[:1].isupper()
