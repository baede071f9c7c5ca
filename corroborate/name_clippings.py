"""Nicknames that news coins from a name's own letters: blends and clippings.

No nickname list may be used, so only the shapes that word formation gives are read:
- a blend written in camel case takes the opening letters of each word of one full name,
  in order ("LiLo" for Lindsay Lohan, "A-Rod" for Alex Rodriguez);
- a clipping keeps the opening of one word and adds a pet or plural ending ("Indy" for
  Indianapolis, "Philly" for Philadelphia, "Jags" for Jaguars).
Each joins only the one name of the story it can come from; clippings are never a person's
(given names clip too freely: "Andy" could be any Andrew or Anderson).  Candidates are blocked
by their first letters, so the work stays linear in forms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from .names import fold, is_acronym

if TYPE_CHECKING:
    from .entities import Form, UnionFind

_BLEND_PIECE = re.compile(r"[A-Z][a-z]*")
_PET_ENDINGS = ("ie", "y")
_MIN_STEM = 3


def blend_pieces(text: str) -> list[str]:
    """The pieces of a camel-case or hyphenated blend ("LiLo" -> ["li", "lo"], "A-Rod" -> ["a", "rod"]);
    [] for an ordinary word."""
    if " " in text or is_acronym(text.replace("-", "").replace(".", "")):
        return []
    parts = [p for p in re.split(r"[-.]", text) if p]
    pieces: list[str] = []
    for part in parts:
        found = _BLEND_PIECE.findall(part)
        if "".join(found) != part:
            return []
        pieces.extend(found)
    if len(pieces) < 2 or sum(len(p) for p in pieces) < 3 or all(len(p) == 1 for p in pieces):
        return []
    return [fold(p) for p in pieces]


def is_blend_of(pieces: list[str], tokens: list[str]) -> bool:
    """Each piece opens the word of the full name in its place, one piece per word."""
    return len(pieces) == len(tokens) and all(t.startswith(p) and len(t) > len(p) for p, t in zip(pieces, tokens, strict=True))


def clipping_stems(word: str) -> list[tuple[str, bool]]:
    """The stems a one-word clipping may keep, each with whether it was plural ("jags" -> ("jag", True);
    "philly" -> ("phil", False): a doubled last consonant is single in the full word)."""
    out: list[tuple[str, bool]] = []
    for ending in _PET_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                out.append((stem[:-1], False))
            out.append((stem, False))
    if word.endswith("s") and not word.endswith("ss"):
        out.append((word[:-1], True))
    return [(s, plural) for s, plural in out if len(s) >= _MIN_STEM]


def is_clipping_of(word: str, full: str) -> bool:
    """Does one-word `word` clip the longer one-word `full` ("indy" / "indianapolis")?  The stem must be
    at most half the full word, so a derived word ("germany" / "germantown") is no clipping."""
    if word == full or len(full) < len(word) + 2:
        return False
    for stem, plural in clipping_stems(word):
        if full.startswith(stem) and 2 * len(stem) <= len(full) and (not plural or full.endswith("s")):
            return True
    return False


def link_blends_and_clippings(forms: list[Form], uf: UnionFind) -> None:
    """Join each blend or clipping to the one name of these forms it can come from."""
    by_first_letters: dict[str, list[int]] = defaultdict(list)  # one-word names by their first letters
    longer_by_first_letters: dict[str, list[int]] = defaultdict(list)  # longer non-person names, likewise
    by_initial: dict[str, list[int]] = defaultdict(list)  # multi-word names by their first letter
    for i, f in enumerate(forms):
        toks = f.tokens
        clippable = toks and toks[0].isalpha() and len(toks[0]) > _MIN_STEM + 1 and f.type != "PERSON"
        if len(toks) == 1 and clippable:
            by_first_letters[toks[0][:_MIN_STEM]].append(i)
        elif len(toks) >= 2:
            by_initial[toks[0][:1]].append(i)
            if clippable:
                longer_by_first_letters[toks[0][:_MIN_STEM]].append(i)
    for i, f in enumerate(forms):
        if len(f.tokens) != 1:
            continue
        pieces = blend_pieces(f.text.strip())
        if pieces:
            cands = [j for j in by_initial.get(pieces[0][:1], []) if is_blend_of(pieces, forms[j].tokens)
                     and forms[j].type in ("PERSON", "MISC")]
        elif f.type != "PERSON" and f.tokens[0].isalpha():
            word = f.tokens[0]
            # the clipped word alone ("Indianapolis"), else a longer name it opens ("Philadelphia 76ers")
            cands = [j for j in by_first_letters.get(word[:_MIN_STEM], []) if is_clipping_of(word, forms[j].tokens[0])]
            if not cands:
                cands = [j for j in longer_by_first_letters.get(word[:_MIN_STEM], [])
                         if is_clipping_of(word, forms[j].tokens[0])]
        else:
            continue
        roots = {uf.find(j) for j in cands}
        if len(roots) == 1:
            uf.union(i, cands[0])
