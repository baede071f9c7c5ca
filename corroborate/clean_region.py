"""Where the body is: runs of prose lines, the article run, and what is kept around it.

A page's text holds several runs of prose: the article, but also comment
threads, teaser lists, cookie notices and legal footers, often heavier than
the article.  The article comes first, so the first run carrying a fair share
of the heaviest run's text is taken; runs interleaved with dated author lines
(comment threads, teaser lists) count for little; neighbouring runs join it
unless a comments/section heading separates them, and a substantial run past a
comment thread in the middle of the article joins it without the thread.
"""

from __future__ import annotations

import re

from .clean_lines import Unit

_MAX_GAP = 4.0  # weight of non-prose lines a body may contain between two prose paragraphs
_FIRST_SHARE = 0.4  # the body is the first prose run with this share of the heaviest run's text
_DATED_LIST = 0.1  # a prose run interleaved with date lines is a comment thread or a teaser list
_MERGE_SHARE = 0.25  # a neighbouring prose run this big (vs the main one) and close by is body too
_MERGE_GAP = 10.0
_RESUME_SHARE = 0.25  # past a comment thread, only a run this big is the article resuming
_RESUME_GAP = 30  # ... and only within this many lines of the body

_MAX_LIST = 60  # lines a colon-ended body sentence may introduce after the body
Span = tuple[int, int]
# Reasons that show a margin of the page is page furniture (link, symbol and repeat lines occur in bodies too).
_FURNITURE_EVIDENCE = frozenset(
    {"chrome", "section", "related", "menu", "meta", "byline", "boilerplate", "title", "initials", "caption"}
)


def has_stopwords(units: list[Unit]) -> bool:
    """Whether the stopword lists cover the page's language (else prose is judged without them)."""
    long_units = [u for u in units if u.n_words >= 10]
    if not long_units:
        return False
    return sum(u.stop_ratio for u in long_units) / len(long_units) >= 0.08


def is_good(unit: Unit, use_stopwords: bool) -> bool:
    """A body paragraph by its shape: long, sentence punctuation, function words, not a cut-off teaser."""
    if unit.n_words < 10 or unit.text.endswith(("...", "…", "[…]", "[...]")):
        return False
    if use_stopwords and unit.stop_ratio < 0.12:
        return False
    return unit.terminal or unit.n_words >= 20


def body_spans(units: list[Unit], reasons: list[str | None], use_stopwords: bool) -> list[Span]:
    """The (first, last) index spans of the body, in order; empty when there is no prose at all."""
    runs = _prose_runs(units, reasons, use_stopwords)
    if not runs:
        return []
    mass = [sum(len(units[i].text) for i in run) for run in runs]
    dated = [_dated_items(reasons, run) >= 3 for run in runs]
    weight = [m * (_DATED_LIST if d else 1.0) for m, d in zip(mass, dated, strict=True)]
    heaviest = max(weight)
    best = next(r for r in range(len(runs)) if weight[r] >= _FIRST_SHARE * heaviest)
    lo, hi = best, best
    while lo > 0 and _mergeable(units, reasons, runs[lo - 1], runs[lo], mass[lo - 1], mass[best]):
        lo -= 1
    while hi < len(runs) - 1 and _mergeable(units, reasons, runs[hi], runs[hi + 1], mass[hi + 1], mass[best]):
        hi += 1
    spans = [(runs[lo][0], runs[hi][-1])]
    # The article resuming after a comment thread embedded in it (the thread itself stays out).
    nxt = hi + 1
    while nxt < len(runs) and dated[nxt]:
        nxt += 1
    if nxt > hi + 1 and nxt < len(runs) and mass[nxt] >= _RESUME_SHARE * mass[best] and (
        runs[nxt][0] - spans[-1][1] <= _RESUME_GAP
    ):
        end = nxt
        while end < len(runs) - 1 and _mergeable(units, reasons, runs[end], runs[end + 1], mass[end + 1], mass[best]):
            end += 1
        spans.append((runs[nxt][0], runs[end][-1]))
    return spans


def keep_mask(units: list[Unit], reasons: list[str | None], spans: list[Span]) -> list[bool]:
    """Which units are body: unmarked lines inside the spans, and prose touching them."""
    if not spans:
        return [r is None for r in reasons]
    keep = [False] * len(units)
    for start, end in spans:
        for i in range(start, end + 1):
            keep[i] = reasons[i] is None
        _drop_menu_runs(units, keep, start, end)
    start, end = spans[0][0], spans[-1][1]
    i = start - 1
    while i >= 0 and reasons[i] is None and _sentence(units[i]):
        keep[i] = True
        i -= 1
    i = end + 1
    while i < len(units) and reasons[i] is None and _sentence(units[i]):
        keep[i] = True
        i += 1
    if units[i - 1].text.endswith(":") and keep[i - 1]:
        _keep_introduced_list(units, reasons, keep, i)
    else:
        _keep_numbered_list(units, reasons, keep, i)
    _keep_clean_margins(reasons, keep, spans)
    return keep


def _keep_clean_margins(reasons: list[str | None], keep: list[bool], spans: list[Span]) -> None:
    """Text before or after the body with no furniture in it at all is body too.

    Already-extracted text (an extractor's output, a feed item) has no menus
    or share buttons around it: its lists, tables and Q&A lines that are not
    prose belong to the article.  Only a margin showing furniture is cut.
    """
    margins = [range(0, spans[0][0]), range(spans[-1][1] + 1, len(reasons))]
    for margin in margins:
        if margin and not any(reasons[i] in _FURNITURE_EVIDENCE for i in margin):
            for i in margin:
                keep[i] = keep[i] or reasons[i] is None


def _sentence(unit: Unit) -> bool:
    """Prose, or a sentence introducing what follows ("Here's why:", "The tour dates:")."""
    return unit.prose or (unit.text.endswith(":") and unit.n_words >= 4 and unit.stop_ratio > 0)


def _keep_introduced_list(units: list[Unit], reasons: list[str | None], keep: list[bool], start: int) -> None:
    """The list a body sentence ending in a colon introduces: lines shaped like its first item."""
    shape = None
    i = start
    while i < len(units) and reasons[i] in (None, "link") and i - start < _MAX_LIST:
        if reasons[i] is None:  # a list of links keeps its items, not the bare URLs
            if shape is None:
                shape = _item_shape(units[i])
            elif _item_shape(units[i]) != shape:
                return
            keep[i] = True
        i += 1


def _item_shape(unit: Unit) -> tuple[bool, bool, bool, bool]:
    """What list items share: leading number, any digit, closing punctuation, bullet."""
    text = unit.text
    return text[:1].isdigit(), any(c.isdigit() for c in text), unit.terminal, unit.bullet


def _prose_runs(units: list[Unit], reasons: list[str | None], use_stopwords: bool) -> list[list[int]]:
    """Good lines grouped into runs: a run ends at a section heading or a long non-prose gap."""
    good = [u.index for u in units if reasons[u.index] is None and is_good(u, use_stopwords)]
    if not good:
        return []
    runs: list[list[int]] = [[good[0]]]
    for prev, cur in zip(good, good[1:], strict=False):
        if _gap_weight(reasons, prev, cur) > _MAX_GAP or "section" in reasons[prev + 1:cur]:
            runs.append([cur])
        else:
            runs[-1].append(cur)
    return runs


def _dated_items(reasons: list[str | None], run: list[int]) -> int:
    """Date/time lines inside a run: one per item in comment threads and teaser lists, rare in articles."""
    return sum(1 for i in range(max(0, run[0] - 2), run[-1] + 1) if reasons[i] == "meta")  # header lines lead


def _mergeable(units: list[Unit], reasons: list[str | None], left: list[int], right: list[int],
               mass: int, main_mass: int) -> bool:
    """Whether a neighbouring prose run continues the body across the gap between them."""
    a, b = left[-1], right[0]
    if mass < _MERGE_SHARE * main_mass or _gap_weight(reasons, a, b) > _MERGE_GAP:
        return False
    if any(reasons[i] == "section" for i in range(a + 1, b)):
        return b - a <= 3
    # Past an inline "Related" block only a substantial run is more article.
    return mass >= 2 * _MERGE_SHARE * main_mass or not any(reasons[i] == "related" for i in range(a + 1, b))


def _gap_weight(reasons: list[str | None], a: int, b: int) -> float:
    """How much non-body material separates lines a and b: marked furniture counts half a line."""
    weight = 0.0
    for i in range(a + 1, b):
        if reasons[i] == "section":
            weight += 2.0
        elif reasons[i] is not None:
            weight += 0.5
        else:
            weight += 1.0
    return weight


def _keep_numbered_list(units: list[Unit], reasons: list[str | None], keep: list[bool], start: int) -> None:
    """A list numbered 1, 2, 3... right after the body is part of it (menus are not numbered)."""
    expected, i = 1, start
    while i < len(units):
        number = _list_number(units[i])
        if number == expected and reasons[i] is None:
            keep[i] = True
            expected += 1
        elif reasons[i] != "link" or expected == 1:
            return
        i += 1


def _list_number(unit: Unit) -> int:
    """The item number of a numbered list line ("3) ...", "3. ..."), else 0."""
    match = re.match(r"^\(?(\d{1,2})[.)]\s", unit.text)
    return int(match.group(1)) if match else 0


def _drop_menu_runs(units: list[Unit], keep: list[bool], start: int, end: int) -> None:
    """Inside the body, three or more very short unpunctuated non-list lines in a row are a menu."""
    run: list[int] = []
    for i in range(start, end + 2):
        unit = units[i] if i <= end and keep[i] else None
        if unit and unit.n_words <= 4 and not unit.terminal and not unit.bullet and not unit.numbered:
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                keep[j] = False
        run = []
