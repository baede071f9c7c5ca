"""Which given names the input texts treat as a man's and which as a woman's, so that "he" does not
take Lena Moreno.

No name lexicon is available offline (and none may be typed in), so the genders are learnt from the
texts themselves: a "he" or "she" whose only named person within its sentence and the one before is
one person (one surname, one given name) votes for that name's first token ("Lena Moreno said ... . She added" -> lena: f).
A given name gets a gender when at least two such votes were cast and one side has three times the
other's.  Votes are noisy one by one; the threshold keeps only names the texts agree on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from .mention_heads import PRONOUNS
from .names import core_tokens, fold

if TYPE_CHECKING:
    from .resolve_cmd import MentionRow

_MIN_VOTES = 2
_MARGIN = 3


def name_keys(row: MentionRow, name_text: str) -> tuple[str, str]:
    """(given name, surname) of a person's name mention: ("", "lohan") for "Lohan", ("", "") for
    no person's name."""
    if row.kind != "NAME" or row.etype not in ("PERSON", "MISC"):
        return "", ""
    toks = core_tokens(name_text)
    if not toks:
        return "", ""
    given = toks[0] if len(toks) >= 2 and len(toks[0]) >= 2 and toks[0].isalpha() else ""
    return given, toks[-1]


def learn_given_name_genders(rows: list[MentionRow], keys: dict[int, tuple[str, str]]) -> dict[str, str]:
    """Given name -> "m" or "f", from the he/she that follow names in the texts (`keys`: row index ->
    (given name, surname) from `name_keys`, for rows that name a person)."""
    by_doc: dict[str, list[MentionRow]] = defaultdict(list)
    for r in rows:
        by_doc[r.doc].append(r)
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc_rows in by_doc.values():
        doc_rows.sort(key=lambda r: r.order)
        recent: list[tuple[int, str, str]] = []  # (sentence, given name, surname) of names seen so far
        for r in doc_rows:
            if r.index in keys:
                recent.append((r.sentence_no, *keys[r.index]))
                continue
            cls = PRONOUNS.get(fold(r.text.strip()), "") if r.kind == "PRON" else ""
            if cls not in ("m", "f"):
                continue
            near = [(given, surname) for sent, given, surname in recent if r.sentence_no - sent <= 1]
            givens = {given for given, _ in near if given}
            if len({surname for _, surname in near}) == 1 and len(givens) == 1:
                votes[next(iter(givens))][cls] += 1
    out: dict[str, str] = {}
    for name, c in votes.items():
        m, f = c["m"], c["f"]
        if m + f >= _MIN_VOTES and (m >= _MARGIN * f or f >= _MARGIN * m):
            out[name] = "m" if m > f else "f"
    return out
