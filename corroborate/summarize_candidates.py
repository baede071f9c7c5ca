"""Which sentences may appear in a summary, and the only clean-up they may get.

A brief sentence is read out of context, so anything that leans on its
neighbours ("He said", "This", "But ...") or is not prose at all (captions,
bylines, sub-heads, bullet lists, date lines) is ruled out here.  The clean-up
allowed is cutting a leading dateline ("WASHINGTON (AP) --") or a leading
discourse adverb ("However,"): both keep the meaning, and the result is still a
substring of the source sentence, so it stays traceable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Article
from .split import split_stage

MIN_WORDS = 7
MAX_WORDS = 60

# "WASHINGTON (AP) --", "Washington (AP) –", "BEIJING, June 3 (Xinhua) --", "LONDON -", "SINGAPORE (AP) _"
_DATELINE = re.compile(
    r"""^\s*
    (?:[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3})          # place, one to four capitalised words
    (?:\s*,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?           # ", Indonesia" / ", Calif."
    (?:\s*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?  # ", June 3"
    \s*(?:\([A-Za-z][\w .&/'\-]{0,30}\))?                             # "(AP)"
    \s*(?:--|_|—|–|-)\s+(?=[A-Z"“'‘])""",
    re.VERBOSE,
)
# "Saturday, March 26, 2005 Up to four ..." / "March 26, 2005 - The ...": a date line run into the lead.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_LEADING_DATE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})"
    r"\s*(?:[-–—:]\s*)?(?=[A-Z\"“])"
)
# Leading adverbs that only link to the previous sentence; dropping them keeps the meaning.
_LEADING_LINK = re.compile(
    r"^(?:However|Meanwhile|Moreover|Furthermore|In addition|Additionally|Also|Separately|"
    r"In other news|In particular|Nonetheless|Nevertheless|Still|Indeed|Earlier|Later|Elsewhere),\s+(?=\S)"
)
# Openings that need the previous sentence to make sense.
_DANGLING_START = re.compile(
    r"^(?:But|And|Or|So|Yet|Then|Thus|Hence|Therefore|Instead|Otherwise|Because|Although|"
    r"This|That|These|Those|It|Its|It's|He|She|They|Them|His|Her|Hers|Their|Theirs|We|Our|I|My|You|Your|"
    r"Such|Both|Another|The latter|The former|The same|Other|Others|Here|Again|Too|"
    r"Also|Even so|As such|In turn|By contrast|On the other hand|In that case|After that|"
    r"The move|The decision)\b",
)
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they|we|i)\s+(?:said|says|added|adds|told|noted|stated|explained|continued|insisted|"
    r"argued|warned|wrote|asked|replied|declared|stressed)\b|\b(?:said|added|says)\s+(?:he|she|they)\b\s*[.,]",
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|stated|states|announced|declared|wrote|"
    r"writes|asked|explained|noted|reported|insisted|argued|warned|claimed|stressed)\b",
    re.IGNORECASE,
)
# Page furniture, checked on the lower-cased text: plain substrings are fast, a few need word edges.
_FURNITURE_MARKS = (
    "http://", "https://", "www.", "@", "©", "copyright", "all rights reserved", "click here", "subscribe",
    "newsletter", "cookie", "read more", "follow us", "sign up", "share this", "photo by", "photo:",
    "photo/", "(photo", "file photo", "caption", "image:", "pictured", "advertisement", "source: ",
    "contact:", "contributed to this report", "written by", "story filed", "news service", "end advance",
    "for release", "optional trim", "|",
)
_FURNITURE = re.compile(r"\b(?:eds?|tel|ads?)\s*:|&[a-z]{2,};")
_BYLINE = re.compile(r"^By\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+")
_BULLET = re.compile(r"^\s*(?:[•*\-–—·>#]|\d+[.)]\s)|\s\*\s")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-.,%$]*")
_TERMINAL = re.compile(r"""[.!]["'”’)\]]*$""")


@dataclass
class Candidate:
    """A sentence that may be picked, with the cleaned text and where it came from."""

    article: str
    sentence: int  # index into the article's sentences (also its position, for the lead prior)
    text: str  # the clean text: a substring of the source sentence, first letter maybe upper-cased
    source_text: str  # the sentence as split from the body


def _looks_like_dateline(prefix: str) -> bool:
    """A place in capitals ("LONDON -") or any place with a wire credit ("Washington (AP) -")."""
    if "(" in prefix:
        return True
    place = prefix.split(",")[0]
    letters = [c for c in place if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def clean_sentence(text: str) -> str:
    """The allowed clean-up: cut a leading dateline and a leading linking adverb."""
    text = " ".join(text.split())
    match = _DATELINE.match(text)
    if match and len(text) - match.end() > 20 and _looks_like_dateline(match.group()):
        text = text[match.end():]
    match = _LEADING_DATE.match(text)
    if match and len(text) - match.end() > 20:
        text = text[match.end():]
    match = _LEADING_LINK.match(text)
    if match:
        text = text[match.end():]
        text = text[:1].upper() + text[1:]
    return text


def _quote_balance_ok(text: str) -> bool:
    straight = text.count('"') + text.count("``") + text.count("''")
    curly_open, curly_close = text.count("“"), text.count("”")
    parens = text.count("(") == text.count(")")
    return parens and straight % 2 == 0 and curly_open == curly_close


def is_fragment(text: str) -> bool:
    """A piece of a sentence: opens in lower case or leaves a quote or bracket unclosed (a split quotation)."""
    text = text.strip()
    return not text or text[:1].islower() or not _quote_balance_ok(text)


def _is_unattributed_quote(text: str) -> bool:
    starts_quoted = text[:1] in "\"“‘'" or text.startswith("``")
    return starts_quoted and not _SPEECH.search(text)


def rejection_reason(text: str) -> str | None:
    """Why a cleaned sentence cannot stand alone in a brief, or None when it can."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return "too short"
    if len(words) > MAX_WORDS:
        return "too long"
    if not _TERMINAL.search(text):
        return "not a full sentence"  # sub-heads, captions, truncated text, questions
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'`"):
        return "starts mid-sentence"
    if _BULLET.search(text):
        return "list item"
    lower = text.lower()
    if any(mark in lower for mark in _FURNITURE_MARKS) or _FURNITURE.search(lower) or _BYLINE.match(text):
        return "page furniture"
    upper = sum(1 for w in words if w.isupper() and len(w) > 1)
    if upper > len(words) / 2:
        return "shouting (headline or caption)"
    lettered = [w for w in words if w[:1].isalpha()]
    if len(lettered) >= 5 and sum(w[:1].isupper() for w in lettered) >= 0.75 * len(lettered):
        return "Title Case (a headline)"
    if _DANGLING_START.match(text):
        return "needs the previous sentence"
    if _PRONOUN_SPEAKER.search(text):
        return "speaker is a bare pronoun"
    if _is_unattributed_quote(text):
        return "quote without a speaker"
    if not _quote_balance_ok(text):
        return "unbalanced quotes or brackets"
    return None


def article_candidates(article: Article) -> list[Candidate]:
    """The summary-worthy sentences of one article (splitting the body when nobody has yet)."""
    if not article.sentences and article.body:
        split_stage(article)
    out: list[Candidate] = []
    for index, sentence in enumerate(article.sentences):
        cleaned = clean_sentence(sentence.text)
        if rejection_reason(cleaned) is None:
            out.append(Candidate(article.id, index, cleaned, sentence.text))
    return out
