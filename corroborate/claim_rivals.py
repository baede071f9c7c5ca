"""Rival counts: two sources giving incompatible numbers for the same specific thing in differently
worded sentences ("Some 410 firefighters were deployed" / "About 140 firefighters fought the blaze").

Fact alignment only compares near-paraphrases, so such pairs never meet in one fact.  Here claims
that count the same specific unit (not money, shares, time spans or bare numbers) are compared
within that unit, and a pair is a conflict only when every guard holds: different independent
sources, each source gives exactly one count of that unit (a source with several counts of it is
describing several things), the sentences share context beyond the unit (pair score), the counts
belong to no two different named subjects, they count with the same verb or cite the same kind of source, and
the hedged values cannot overlap.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

import numpy as np

from .claim_conflicts import GENERIC_UNITS, PEOPLE_UNITS, count_verb, subjects_differ
from .claim_quantities import compatible, unit_key
from .claim_similarity import ClaimSpace
from .claim_text import fold
from .model import Claim, Quantity

# Pair score from ClaimSpace.scores above which two counts of one unit are taken to count the same thing.
RIVAL_MIN_SCORE = 0.3
MAX_CLAIMS_PER_UNIT = 60


def _count_of(claim: Claim, unit: str) -> Quantity | None:
    found = [q for q in claim.quantities if unit_key(q) == unit]
    return found[0] if len(found) == 1 else None


_SAID_BY = (re.compile(r",\s+((?:the\s+|a\s+)?[A-Za-z][\w'’ -]{1,40}?)\s+(?:said|says|reported|announced|told)\b[^,]*$"),
            re.compile(r"\b(?:said|says|according to)\s+((?:the\s+|a\s+)?[A-Za-z][\w'’ -]{1,40}?)\s*[.!]?$"))


def _speaker_head(claim: Claim) -> str:
    """Head word of who a sentence cites: "..., the regional fire service said." -> "service"."""
    if claim.attribution:
        return fold(claim.attribution.split()[-1])
    for pattern in _SAID_BY:
        m = pattern.search(claim.text.rstrip())
        if m:
            return fold(m.group(1).split()[-1])
    return ""


def _same_frame(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Both counts reported by the same kind of source, or with the same verb; never about different names."""
    if subjects_differ(a, qa, b, qb):
        return False  # "Klitschko (46 KOs)" / "Rahman (36 KOs)"
    verb_a = count_verb(a, qa)
    if verb_a and verb_a == count_verb(b, qb):
        return True
    speaker = _speaker_head(a)
    return bool(speaker) and speaker == _speaker_head(b)


def rival_pairs(claims: list[Claim], sources: list[str], space: ClaimSpace,
                same_source: Callable[[str, str], bool]) -> list[tuple[int, int, str]]:
    """(row a, row b, unit) for claims counting one specific unit with values that cannot both hold.

    `sources[i]` is the article of claim i; `same_source(x, y)` tells whether two articles are one
    independent source (syndicated copies).
    """
    by_unit: dict[str, list[int]] = defaultdict(list)
    units_per_article: dict[tuple[str, str], int] = defaultdict(int)
    for row, claim in enumerate(claims):
        for unit in {unit_key(q) for q in claim.quantities if unit_key(q)}:
            if unit in GENERIC_UNITS:
                continue
            units_per_article[(sources[row], unit)] += sum(1 for q in claim.quantities if unit_key(q) == unit)
            by_unit[unit].append(row)
    out: list[tuple[int, int, str]] = []
    for unit, rows in by_unit.items():
        rows = [r for r in rows if units_per_article[(sources[r], unit)] == 1][:MAX_CLAIMS_PER_UNIT]
        pairs = [(a, b) for i, a in enumerate(rows) for b in rows[i + 1:] if not same_source(sources[a], sources[b])]
        if not pairs:
            continue
        scores = space.scores(np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]))
        for (a, b), score in zip(pairs, scores.tolist(), strict=True):
            ca, cb = claims[a], claims[b]
            qa, qb = _count_of(ca, unit), _count_of(cb, unit)
            if qa is None or qb is None or compatible(qa, qb) or score < RIVAL_MIN_SCORE:
                continue
            if unit in PEOPLE_UNITS and not (count_verb(ca, qa) and count_verb(ca, qa) == count_verb(cb, qb)):
                continue
            if _same_frame(ca, qa, cb, qb):
                out.append((a, b, unit))
    return out
