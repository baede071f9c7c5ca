"""Headline detection and repeated lines.

Page text repeats itself where it is furniture: the headline printed two or
three times at the top (once glued to a menu crumb, once with "| Outlet"), a
photo caption printed above and below the photo, share words after every
section.  Real body paragraphs are not repeated, so repetition is strong
evidence, and the headline is the most-repeated headline-shaped line near the
start of the body.
"""

from __future__ import annotations

import re

from .clean_lexicon import BYLINE_START, CHROME_WORDS
from .clean_lines import Unit, norm_key
from .textmeta import date_in, label_of_line

_TITLE_SPLIT = re.compile(r"\s+[|–—]\s+|\s*\|\s*|\s+-\s+|\s+::\s+")
_TIME = re.compile(r"\b\d{1,2}:\d\d\b")
_NEAR_WINDOW = 12  # near-duplicates (caption twins, headline copies) sit close together


def title_core(line: str) -> str:
    """The headline part of a title line: outlet/section suffixes and label prefixes dropped.

    "Troops to leave | Currently America | DW" -> "Troops to leave".
    """
    text = line.strip()
    if label_of_line(text) and not re.match(r"^\W*\w+\W*$", text):
        text = re.split(r"[:|–—-]\s+", text, maxsplit=1)[-1]
    parts = [p.strip() for p in _TITLE_SPLIT.split(text) if p.strip()]
    if len(parts) <= 1:
        return text
    longest = max(parts, key=lambda p: len(p.split()))
    others = [p for p in parts if p is not longest]
    if all(len(p.split()) <= 4 for p in others):
        return longest
    return text


def is_title_copy(unit: Unit, core_key: str) -> bool:
    """True when the unit prints the headline (maybe with a glued crumb or an outlet suffix)."""
    if not core_key or not unit.key:
        return False
    if unit.key == core_key:
        return True
    core_words = len(core_key.split())
    if core_words >= 3 and core_key in unit.key and unit.n_words <= core_words + 5 and (
        len(core_key) >= 0.5 * len(unit.key)  # the headline is most of the line, not a phrase in another one
    ):
        return True
    return core_words >= 3 and unit.key in core_key and len(unit.key) >= 0.6 * len(core_key) and unit.n_words >= 3


def find_title(units: list[Unit], reasons: list[str | None], body_start: int) -> int:
    """Index of the headline line among the lines before the body, or -1.

    Candidates are headline-shaped (3-30 words, no closing period, not already
    furniture); repetition nearby counts most, then title case and closeness to
    the body.  A line printed once below prose is taken only when page
    furniture shows above it: in already-clean text it is a subheading.
    """
    start = max(0, body_start - 15)
    best, best_score = -1, 0.0
    # Above line i: any furniture line, any paragraph of prose.
    furniture_seen, prose_seen = [False] * (len(units) + 1), [False] * (len(units) + 1)
    for i, (unit, reason) in enumerate(zip(units, reasons, strict=True)):
        furniture_seen[i + 1] = furniture_seen[i] or reason is not None
        prose_seen[i + 1] = prose_seen[i] or (reason is None and unit.prose and unit.n_words >= 10)
    for i in range(start, min(body_start, len(units))):
        unit = units[i]
        if reasons[i] or not _headline_shaped(unit) or _list_item(units, i):
            continue
        core = norm_key(title_core(unit.text))
        copies = sum(
            1 for j in range(max(0, i - _NEAR_WINDOW), min(len(units), i + _NEAR_WINDOW))
            if j != i and is_title_copy(units[j], core)
        )
        if not copies and i > 2 and prose_seen[i] and not furniture_seen[i]:
            continue
        score = 1.0 + 2.0 * min(copies, 2)
        score += 1.0 if unit.cap_ratio >= 0.6 else 0.0
        score -= 2.0 if any(w.lower() in CHROME_WORDS for w in unit.words) else 0.0
        score += 1.0 if 5 <= unit.n_words <= 20 else 0.0
        score += 1.5 * (1.0 - (body_start - i) / 15)  # the headline sits right above the body
        if score > best_score:
            best, best_score = i, score
    return best


def _list_item(units: list[Unit], i: int) -> bool:
    """True when line i opens with the same two words as a neighbour ("3a etapa: ..."): a list item."""
    def opening(unit: Unit) -> str:
        return re.sub(r"\d+", "0", " ".join(unit.text.lower().split()[:2]))

    mine, core = opening(units[i]), norm_key(title_core(units[i].text))
    return any(
        0 <= j < len(units) and opening(units[j]) == mine and not is_title_copy(units[j], core)
        and units[j].n_words <= 2 * units[i].n_words + 10  # a list's items are alike in length; a lead is not
        for j in (i - 1, i + 1)
    )


def _headline_shaped(unit: Unit) -> bool:
    """3-30 words, no closing period or colon, no date, time or byline in it."""
    text = unit.text
    if not 3 <= unit.n_words <= 30 or text.endswith((".", ":")) or _TIME.search(text) or date_in(text):
        return False
    if unit.bullet or unit.numbered or text.startswith("|"):  # list items and table rows are not headlines
        return False
    return not BYLINE_START.match(text) and not unit.linkish


def mark_duplicates(units: list[Unit], reasons: list[str | None]) -> list[list[int]]:
    """Mark repeated lines: every copy of a repeated caption or label; all but the fullest copy of prose.

    Returns the groups of repeated lines (indexes), for `restore_body_repeats`.
    """
    groups = _duplicate_groups(units)
    for members in groups:
        if any(units[i].caption_like or reasons[i] == "caption" for i in members):
            for i in members:
                reasons[i] = reasons[i] or "caption"
        elif not any(units[i].prose for i in members):
            for i in members:
                reasons[i] = reasons[i] or "repeat"
        else:
            keep = max(members, key=lambda i: (units[i].n_words, -i))
            for i in members:
                if i != keep:
                    reasons[i] = reasons[i] or "repeat"
    return groups


def restore_body_repeats(groups: list[list[int]], reasons: list[str | None], keep: list[bool]) -> None:
    """Keep repeated lines whose every copy lies inside the body: structure, not furniture.

    A recipe repeats "Drink 20-30 minutes before your workout" under each meal,
    an interview repeats its question for each guest.  Repeats around the body
    (menus printed twice, the same teaser in header and footer) stay cut.
    """
    kept = [i for i, k in enumerate(keep) if k]
    if not kept:
        return
    first, last = kept[0], kept[-1]
    for members in groups:
        if all(reasons[i] in (None, "repeat") for i in members) and all(first <= i <= last for i in members):
            for i in members:
                if reasons[i] == "repeat":
                    reasons[i] = None
                    keep[i] = True


def _duplicate_groups(units: list[Unit]) -> list[list[int]]:
    """Groups of exact duplicates anywhere, joined with near-duplicates close to each other."""
    parent = list(range(len(units)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_by_key: dict[str, int] = {}
    for unit in units:
        if not unit.key:
            continue
        if unit.key in first_by_key:
            parent[root(unit.index)] = root(first_by_key[unit.key])
        else:
            first_by_key[unit.key] = unit.index
    for i, a in enumerate(units):
        if a.n_words < 5:
            continue
        for j in range(i + 1, min(len(units), i + _NEAR_WINDOW)):
            b = units[j]
            if b.n_words >= 5 and _near_duplicate(a, b):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _near_duplicate(a: Unit, b: Unit) -> bool:
    """One line contains the other, or they share nearly all their words."""
    short, long = (a, b) if len(a.key) <= len(b.key) else (b, a)
    if short.key in long.key and len(short.key) >= 0.5 * len(long.key):
        return True
    sa, sb = set(a.key.split()), set(b.key.split())
    return len(sa & sb) >= 0.8 * len(sa | sb)
