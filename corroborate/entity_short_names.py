"""A name's distinctive leading words used alone: "Promises" for "Promises Treatment Center",
"Morningside" for "Morningside Recovery".

News shortens an organisation's or a place's name to the words before its generic tail.  The tail
must be words the input texts also write in lower case ("treatment center", "recovery"), learnt from
the texts since no word list of generic heads covers them all, so "Access" never joins "Access
Hollywood".  The short form joins only when it leads one longer name in the story, never when
either side is a person's name (Betty Ford the person is not the Betty Ford Center), and not when
the texts use it as a place ("to Washington") but never the longer name ("Washington Post").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .name_parallels import link_group_nicknames
from .names import core_tokens, fold

if TYPE_CHECKING:
    from .entities import UnionFind
    from .resolve_cmd import MentionRow

_LOCATIVE = frozenset("in at to into from near outside inside on".split())
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]+(?![\w'’-])")


def lower_case_words(texts: Iterable[str]) -> set[str]:
    """Words the texts write in lower case somewhere (common words, not names)."""
    return {fold(w) for text in texts for w in _LOWER_WORD.findall(text)}


def link_leading_parts(rows: list[MentionRow], uf: UnionFind, common: set[str],
                       name_text: Callable[[str], str]) -> None:
    """Join each non-person name to the one longer non-person name of the story that it opens,
    when the rest of that name is common words.

    The leading part must not be common words of this story: a word written in lower case only in
    other stories ("Microsoft promises a patch") is no common word of the story with "Promises"
    the clinic."""
    tokens = {k: tuple(core_tokens(name_text(r.text))) for k, r in enumerate(rows)
              if r.kind == "NAME" and r.etype != "PERSON"}
    lead_common = common & lower_case_words(dict.fromkeys(r.sentence for r in rows))
    join_shared_leads(tokens, uf, common, lead_common)
    longer: dict[tuple[str, ...], set[int]] = defaultdict(set)  # leading part -> roots of names it opens
    first_row: dict[int, int] = {}
    for k, toks in tokens.items():
        for cut in range(len(toks) - 1, 0, -1):
            if all(t in common for t in toks[cut:]) and not all(t in lead_common for t in toks[:cut]):
                root = uf.find(k)
                longer[toks[:cut]].add(root)
                first_row.setdefault(root, k)
    placed = {uf.find(k) for k in tokens if _after_locative(rows[k])}
    for k, toks in tokens.items():
        roots = longer.get(toks, set())
        if len(roots) != 1:
            continue
        root = next(iter(roots))
        if uf.find(k) in placed and root not in placed:
            continue  # "to Washington" is a place, "Washington Post" never is
        uf.union(k, first_row[root])


def distinctive_lead(toks: tuple[str, ...], common: set[str], lead_common: set[str] | None = None
                     ) -> tuple[str, ...]:
    """The name less its generic tail ("betty ford" of "Betty Ford Treatment Center"); () when nothing
    generic ends it or nothing distinctive is left ("Supreme Court")."""
    cut = len(toks)
    while cut > 1 and toks[cut - 1] in common:
        cut -= 1
    lead_common = common if lead_common is None else lead_common
    if cut == len(toks) or not any(t not in lead_common and sum(ch.isalpha() for ch in t) >= 3 for t in toks[:cut]):
        return ()  # no generic tail, or no distinctive word left ("Supreme Court", "US President-elect")
    return toks[:cut]


def join_shared_leads(tokens: dict[int, tuple[str, ...]], uf: UnionFind, common: set[str],
                      lead_common: set[str] | None = None) -> None:
    """Longer names with one distinctive lead and different generic tails are one place or body:
    "Betty Ford Center" / "Betty Ford Clinic" / "Betty Ford Rehab"."""
    by_lead: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for k, toks in tokens.items():
        lead = distinctive_lead(toks, common, lead_common) if len(toks) >= 2 else ()
        if lead:
            by_lead[lead].append(k)
    for lead, ks in by_lead.items():
        for i, k in enumerate(ks):
            for other in ks[:i]:
                if not _rival_tails(tokens[k][len(lead):], tokens[other][len(lead):]):
                    uf.union(other, k)


def _rival_tails(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two bodies of one kind under one lead: "Foreign Ministry" / "Interior Ministry", "Police Department" /
    "Fire Department" share a head with other modifiers; "Center" / "Clinic" or "Center" / "Treatment Center"
    are one body named two ways."""
    sa, sb = set(a), set(b)
    return bool(sa & sb) and not (sa <= sb or sb <= sa)


def _after_locative(row: MentionRow) -> bool:
    """Is the mention a place phrase ("in Palmer", "at Promises")?"""
    words = (row.sentence[:row.start].split()[-1:] + row.text.split())[:2]
    return any(fold(w) in _LOCATIVE for w in words)


def link_city_prefixes(rows: list[MentionRow], uf: UnionFind, name_text: Callable[[str], str]) -> None:
    """A place name standing for a team or body named after it: "Indianapolis" joins the one
    longer non-person name it opens, "Indianapolis Colts", when the story also uses that name's last
    word alone ("the Colts"), and never when written as a place ("in Indianapolis").

    The last word used alone is what tells a team ("Colts") from a mere institution of the place
    ("Windows 8", "People Magazine", "Obama White House" were joined wrongly without it).  Last, a team's
    plural nickname joins the name parallel sentences put in its place ("Tar Heels" / "North Carolina",
    `name_parallels.py`)."""
    tokens = {k: tuple(core_tokens(name_text(r.text))) for k, r in enumerate(rows)
              if r.kind == "NAME" and r.etype != "PERSON"}
    alone = {toks[0] for toks in tokens.values() if len(toks) == 1}
    longer: dict[tuple[str, ...], set[int]] = defaultdict(set)  # leading part -> roots of names it opens
    first_row: dict[int, int] = {}
    for k, toks in tokens.items():
        if len(toks) >= 2 and toks[-1] in alone and toks[-1].isalpha():
            root = uf.find(k)
            longer[toks[:-1]].add(root)
            first_row.setdefault(root, k)
    for k, toks in tokens.items():
        roots = longer.get(toks, set())
        if len(roots) != 1 or _after_locative(rows[k]):
            continue
        uf.union(k, first_row[next(iter(roots))])
    link_group_nicknames(rows, uf, name_text)
