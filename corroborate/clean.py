"""Plain-text page-furniture removal: the article body out of a page's text.

Reports arrive as the visible text of a page: menus, share buttons, repeated
headlines, photo captions, comment counters and "related" links mixed into
the prose.  The cleaner decides line by line from general evidence, in order:

1. hard furniture, from the line alone: menu and crumb shapes, link/handle
   lines, caption credits and who-is-where markers, metadata lines
   (published/updated/label/byline/editor initials), chrome vocabulary;
2. the body region (clean_region): the first heavy run of prose lines (long,
   function words, terminal punctuation), allowing short gaps (subheadings,
   quotes, lists);
3. the headline: the most repeated headline-shaped line before the body, and
   every copy of it; then repeated lines and "RELATED:" link blocks;
4. lines outside the region go, except prose sentences touching it, a list the
   body introduces with a colon, and a margin that shows no furniture at all
   (already-clean text keeps its tables, lists and Q&A lines).

Nothing here knows a site, an outlet or a phrase of one corpus; the few
chrome words (clean_lexicon) are one feature among several.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean_lexicon import (
    BYLINE_RE,
    DATED_BYLINE_RE,
    EMAIL_RE,
    HANDLE_RE,
    INITIALS_RE,
    LEGAL_RE,
    SELF_SITE_RE,
    URL_RE,
    WIDGET_RE,
    is_comment_author,
)
from .clean_lines import Unit, make_unit, norm_key, split_units
from .clean_region import body_spans, has_stopwords, is_good, keep_mask
from .clean_repeats import find_title, is_title_copy, mark_duplicates, restore_body_repeats, title_core
from .model import Article
from .textmeta import date_in, find_label, find_published, is_date_line, is_meta_line, label_of_line

_ENDS_SAID = re.compile(r"\b(?:says|said|wrote|replied)\s*:$", re.I)


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
    use_stopwords = has_stopwords(units)

    spans = body_spans(units, reasons, use_stopwords)
    found_title = _mark_title(units, reasons, title, spans[0][0] if spans else len(units))
    repeats = mark_duplicates(units, reasons)
    _mark_link_blocks(units, reasons, use_stopwords)
    keep = keep_mask(units, reasons, body_spans(units, reasons, use_stopwords))
    restore_body_repeats(repeats, reasons, keep)
    explained = [(u.text, None if k else (reasons[u.index] or "outside")) for u, k in zip(units, keep, strict=True)]
    return explained, found_title


def clean_stage(article: Article) -> Article:
    """Per-article stage: body, removed lines, and headline/date/label when the source gave none."""
    result = clean_text(article.raw_text, article.title)
    article.body = result.body
    article.removed = result.removed
    if not article.title and result.title:
        article.title = result.title
    if not article.published:
        article.published = find_published(article.raw_text)
    if article.label in ("", "news"):
        article.label = find_label(article.raw_text) or "news"
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
    if unit.n_words <= 14 and DATED_BYLINE_RE.search(text) and date_in(text):
        return "byline"
    if unit.menu_like:
        return "menu"
    if unit.caption_like:
        return "caption"
    if unit.linkish and unit.n_words <= 12 and not unit.prose and _words_besides_links(text) < 4:
        return "link"
    if unit.n_words <= 80 and SELF_SITE_RE.search(text) and LEGAL_RE.search(text):
        return "boilerplate"
    return None


def _words_besides_links(text: str) -> int:
    """Words left once URLs, handles and e-mail addresses are taken out."""
    for pattern in (URL_RE, EMAIL_RE, HANDLE_RE):
        text = pattern.sub(" ", text)
    return len(re.findall(r"[^\W\d_]{2,}", text))


def _mark_title(units: list[Unit], reasons: list[str | None], title: str, body_start: int) -> str:
    """Mark every copy of the headline; return the headline text found ("" if none)."""
    found = ""
    core_key = norm_key(title_core(title)) if title else ""
    if core_key and any(is_title_copy(u, core_key) for u in units):
        found = title.strip()
    elif body_start < len(units):  # with no body found, a lone headline-shaped line is the text itself
        index = 0 if _punctuated_headline_first(units, reasons, body_start) else find_title(units, reasons, body_start)
        if index >= 0:
            found = title_core(units[index].text)
            core_key = norm_key(found)
    if core_key:
        for unit in units:
            if is_title_copy(unit, core_key) and not (unit.prose and unit.n_words > len(core_key.split()) + 3):
                reasons[unit.index] = reasons[unit.index] or "title"
    return found


def _punctuated_headline_first(units: list[Unit], reasons: list[str | None], body_start: int) -> bool:
    """A Title Case first line, ended with a period, right above a longer paragraph: a headline.

    Plain-text exports often start "Headline.\n\nFirst paragraph"; the body finder reads a
    punctuated headline as prose and the headline search skips lines with a closing period.
    Prose is not written in Title Case, so the case of the line decides.
    """
    if body_start > 1 or len(units) < 2 or reasons[0]:
        return False
    first, second = units[0], units[1]
    return (first.text.endswith(".") and first.cap_ratio >= 0.75 and 3 <= first.n_words <= 20
            and ". " not in first.text and ":" not in first.text
            and second.prose and second.n_words >= max(15, 2 * first.n_words))


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
            if is_good(nxt, use_stopwords) or sentence_end or nxt.n_words < 3 or nxt.section_heading:
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
            reasons[unit.index] = "chrome" if nxt and is_good(nxt, use_stopwords) else "section"


def _shouted_label(unit: Unit) -> bool:
    """An all-caps label of one to three words ending in a colon ("RELATED:", "READ MORE:")."""
    text = unit.text
    return text.endswith(":") and 1 <= unit.n_words <= 3 and text.upper() == text and any(c.isalpha() for c in text)
