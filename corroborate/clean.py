"""Plain-text page-furniture removal: the article body out of a page's text.

Reports arrive as the visible text of a page: menus, share buttons, repeated
headlines, photo captions, comment counters and "related" links mixed into
the prose.  The cleaner decides line by line from general evidence, in order:

1. hard furniture, from the line alone: menu and crumb shapes, link/handle
   lines, caption credits and who-is-where markers, metadata lines
   (published/updated/label/byline/editor initials), chrome vocabulary;
2. the body region: the densest run of prose lines (long, function words,
   terminal punctuation), allowing short gaps (subheadings, quotes, lists);
3. the headline: the most repeated headline-shaped line before the body, and
   every copy of it; then repeated lines and "RELATED:" link blocks;
4. lines outside the region go, except prose sentences touching it.

Nothing here knows a site, an outlet or a phrase of one corpus; the few
chrome words (clean_lexicon) are one feature among several.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean_lexicon import BYLINE_RE, INITIALS_RE, LEGAL_RE, SELF_SITE_RE, WIDGET_RE, is_comment_author
from .clean_lines import Unit, make_unit, norm_key, split_units
from .clean_repeats import find_title, is_title_copy, mark_duplicates, title_core
from .language import detect_language
from .model import Article
from .textmeta import date_in, find_label, find_published, is_date_line, is_meta_line, label_of_line

_ENDS_SAID = re.compile(r"\b(?:says|said|wrote|replied)\s*:$", re.I)
_MAX_GAP = 4.0  # weight of non-prose lines a body may contain between two prose paragraphs
_FIRST_SHARE = 0.4  # the body is the first prose run with this share of the heaviest run's text
_DATED_LIST = 0.1  # a prose run interleaved with date lines is a comment thread or a teaser list
_MERGE_SHARE = 0.25  # a second prose run this big (vs the main one) and close by is body too
_MERGE_GAP = 10.0


@dataclass
class CleanResult:
    """The body (paragraphs separated by a blank line), the cut lines, and the headline found."""

    body: str
    removed: list[str] = field(default_factory=list)
    title: str = ""


def clean_text(text: str, title: str = "") -> CleanResult:
    """Cut page furniture from plain text, keeping body paragraphs in order."""
    lines, found_title = explain_text(text, title)
    body = "\n\n".join(line for line, reason in lines if reason is None)
    removed = [line for line, reason in lines if reason is not None]
    return CleanResult(body=body, removed=removed, title=found_title)


def explain_text(text: str, title: str = "") -> tuple[list[tuple[str, str | None]], str]:
    """Every line unit with why it was cut (None when kept as body), and the headline found.

    Reasons: chrome, section, related, meta, initials, byline, menu, caption,
    link, boilerplate, symbols, title, repeat, outside (not in the body region).
    """
    units = [make_unit(i, t) for i, (t, _) in enumerate(split_units(text))]
    if not units:
        return [], ""
    reasons: list[str | None] = [_hard_reason(u) for u in units]
    use_stopwords = _has_stopwords(units)

    region = _body_region(units, reasons, use_stopwords)
    found_title = _mark_title(units, reasons, title, region[0] if region else len(units))
    mark_duplicates(units, reasons)
    _mark_link_blocks(units, reasons, use_stopwords)
    region = _body_region(units, reasons, use_stopwords)
    keep = _keep_mask(units, reasons, region)
    explained = [(u.text, None if k else (reasons[u.index] or "outside")) for u, k in zip(units, keep, strict=True)]
    return explained, found_title


def clean_stage(article: Article) -> Article:
    """Per-article stage: body, removed lines, and headline/date/label/language when missing."""
    result = clean_text(article.raw_text, article.title)
    article.body = result.body
    article.removed = result.removed
    if not article.title and result.title:
        article.title = result.title
    if not article.published:
        article.published = find_published(article.raw_text)
    if article.label in ("", "news"):
        article.label = find_label(article.raw_text) or "news"
    if not article.language:
        article.language = detect_language(article.body or article.raw_text)
    article.stages.append("clean")
    return article


def _hard_reason(unit: Unit) -> str | None:
    """Why a line is furniture on its own evidence, or None."""
    text = unit.text
    if not unit.key:
        return "symbols"
    if unit.section_heading:
        return "section"
    if unit.labelled_link:
        return "related"
    if unit.furniture_phrase or WIDGET_RE.search(text):
        return "chrome"
    if is_comment_author(text) or (_ENDS_SAID.search(text) and unit.n_words <= 15 and date_in(text)):
        return "meta"  # the header of a reader comment: "jane on May 2, 2019 at 4:47 pm said:"
    if is_meta_line(text) or is_date_line(text) or (label_of_line(text) and unit.n_words <= 2):
        return "meta"
    if INITIALS_RE.match(text):
        return "initials"
    if BYLINE_RE.match(text) and not unit.terminal:
        return "byline"
    if unit.menu_like:
        return "menu"
    if unit.caption_like:
        return "caption"
    if unit.linkish and unit.n_words <= 12 and not unit.prose:
        return "link"
    if unit.n_words <= 80 and SELF_SITE_RE.search(text) and LEGAL_RE.search(text):
        return "boilerplate"
    return None


def _has_stopwords(units: list[Unit]) -> bool:
    """Whether the stopword lists cover the page's language (else prose is judged without them)."""
    long_units = [u for u in units if u.n_words >= 10]
    if not long_units:
        return False
    return sum(u.stop_ratio for u in long_units) / len(long_units) >= 0.08


def _is_good(unit: Unit, use_stopwords: bool) -> bool:
    """A body paragraph by its shape: long, sentence punctuation, function words, not a cut-off teaser."""
    if unit.n_words < 10 or unit.text.endswith(("...", "…", "[…]", "[...]")):
        return False
    if use_stopwords and unit.stop_ratio < 0.12:
        return False
    return unit.terminal or unit.n_words >= 20


def _body_region(units: list[Unit], reasons: list[str | None], use_stopwords: bool) -> tuple[int, int] | None:
    """First and last index of the body: the first heavy run of good lines, plus close big runs.

    Runs of prose after the article (comments, teasers, cookie notices) are
    often heavier than the article itself; the article comes first, so the
    first run carrying a fair share of the heaviest run's text wins.  A
    "Comments" / "Related" heading between two runs keeps them apart.
    """
    good = [u.index for u in units if reasons[u.index] is None and _is_good(u, use_stopwords)]
    if not good:
        return None
    runs: list[list[int]] = [[good[0]]]
    for prev, cur in zip(good, good[1:], strict=False):
        if _gap_weight(units, reasons, prev, cur) > _MAX_GAP or "section" in reasons[prev + 1:cur]:
            runs.append([cur])
        else:
            runs[-1].append(cur)
    mass = [sum(len(units[i].text) for i in run) for run in runs]
    weight = [m * (_DATED_LIST if _dated_items(reasons, run) >= 3 else 1.0) for m, run in zip(mass, runs, strict=True)]
    heaviest = max(weight)
    best = next(r for r in range(len(runs)) if weight[r] >= _FIRST_SHARE * heaviest)
    lo, hi = best, best
    while lo > 0 and _mergeable(units, reasons, runs[lo - 1], runs[lo], mass[lo - 1], mass[best]):
        lo -= 1
    while hi < len(runs) - 1 and _mergeable(units, reasons, runs[hi], runs[hi + 1], mass[hi + 1], mass[best]):
        hi += 1
    return runs[lo][0], runs[hi][-1]


def _dated_items(reasons: list[str | None], run: list[int]) -> int:
    """Date/time lines inside a run: one per item in comment threads and teaser lists, rare in articles."""
    return sum(1 for i in range(run[0], run[-1] + 1) if reasons[i] == "meta")


def _mergeable(units: list[Unit], reasons: list[str | None], left: list[int], right: list[int],
               mass: int, main_mass: int) -> bool:
    """Whether a neighbouring prose run continues the body across the gap between them."""
    a, b = left[-1], right[0]
    if mass < _MERGE_SHARE * main_mass or _gap_weight(units, reasons, a, b) > _MERGE_GAP:
        return False
    if any(reasons[i] == "section" for i in range(a + 1, b)):
        return b - a <= 3
    # Past an inline "Related" block only a substantial run is more article.
    return mass >= 2 * _MERGE_SHARE * main_mass or not any(reasons[i] == "related" for i in range(a + 1, b))


def _gap_weight(units: list[Unit], reasons: list[str | None], a: int, b: int) -> float:
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


def _mark_title(units: list[Unit], reasons: list[str | None], title: str, body_start: int) -> str:
    """Mark every copy of the headline; return the headline text found ("" if none)."""
    found = ""
    core_key = norm_key(title_core(title)) if title else ""
    if core_key and any(is_title_copy(u, core_key) for u in units):
        found = title.strip()
    elif body_start < len(units):  # with no body found, a lone headline-shaped line is the text itself
        index = find_title(units, reasons, body_start)
        if index >= 0:
            found = title_core(units[index].text)
            core_key = norm_key(found)
    if core_key:
        for unit in units:
            if is_title_copy(unit, core_key) and not (unit.prose and unit.n_words > len(core_key.split()) + 3):
                reasons[unit.index] = reasons[unit.index] or "title"
    return found


def _mark_link_blocks(units: list[Unit], reasons: list[str | None], use_stopwords: bool) -> None:
    """Cut "RELATED:"-style headings and the headline-shaped lines listed under them."""
    for unit in units:
        known = unit.section_heading
        if not (known or _shouted_label(unit)):
            continue
        if unit.comment_heading:
            reasons[unit.index] = reasons[unit.index] or "section"
            continue
        items = 0
        for nxt in units[unit.index + 1: unit.index + 9]:
            sentence_end = nxt.text.endswith((".", ":")) and not nxt.text.endswith("...")
            if _is_good(nxt, use_stopwords) or sentence_end or nxt.n_words < 3 or nxt.section_heading:
                break
            if not known and nxt.cap_ratio < 0.6:  # under an unknown label only Title Case headlines count
                break
            reasons[nxt.index] = reasons[nxt.index] or "related"
            items += 1
        # A heading with links under it is an inline block; one without opens a section (comments...).
        if items:
            reasons[unit.index] = "related"
        elif not known:
            continue  # "UPDATE:" before a sentence is part of the story
        else:  # "Read more" right before more prose is a stray link, not the start of a section
            nxt = next((u for u in units[unit.index + 1:] if reasons[u.index] not in ("chrome", "caption")), None)
            reasons[unit.index] = "chrome" if nxt and _is_good(nxt, use_stopwords) else "section"


def _shouted_label(unit: Unit) -> bool:
    """An all-caps label of one to three words ending in a colon ("RELATED:", "READ MORE:")."""
    text = unit.text
    return text.endswith(":") and 1 <= unit.n_words <= 3 and text.upper() == text and any(c.isalpha() for c in text)


def _keep_mask(units: list[Unit], reasons: list[str | None], region: tuple[int, int] | None) -> list[bool]:
    """Which units are body: unmarked lines inside the region, and prose touching it."""
    if region is None:
        return [r is None for r in reasons]
    start, end = region
    keep = [reasons[i] is None and start <= i <= end for i in range(len(units))]
    _drop_menu_runs(units, keep, start, end)
    i = start - 1
    while i >= 0 and reasons[i] is None and units[i].prose:
        keep[i] = True
        i -= 1
    i = end + 1
    while i < len(units) and reasons[i] is None and units[i].prose:
        keep[i] = True
        i += 1
    _keep_numbered_list(units, reasons, keep, i)
    return keep


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
