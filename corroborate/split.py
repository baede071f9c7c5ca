"""Sentence splitting with character offsets.

A rule-based splitter: no model is available offline (NLTK's punkt cannot be
downloaded here), and news prose is regular enough that terminal punctuation,
closing quotes and a short list of abbreviation patterns get almost all of it.
"""

from __future__ import annotations

import re

from .model import Article, Sentence

# Tokens ending in a period that rarely end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "maj", "capt", "sgt",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "nos", "fig", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres",
    "rev", "hon", "adm", "cmdr", "cpl", "pvt", "supt", "dept", "univ", "approx", "est", "u.s",
    "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "al",
}
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"""([.!?…]+)(["'”’»)\]]*)(\s+)""")
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[•\-–—*]\s)")


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    """True when the period at dot_pos ends an abbreviation or an initial, not a sentence."""
    start = dot_pos
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'“":
        start -= 1
    token = text[start:dot_pos].lower()
    if not token:
        return False
    if token in _ABBREV:
        return True
    if len(token) == 1 and token.isalpha():  # an initial: "George W. Bush"
        return True
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):  # "U.S", "a.m"
        return True
    return False


def split_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of text; paragraph breaks always end a sentence."""
    spans: list[tuple[int, int]] = []
    for pstart, pend in _paragraphs(text):
        para = text[pstart:pend]
        cur = 0
        for m in _BOUNDARY.finditer(para):
            punct_end = m.end(2)
            if m.group(1) == "." and _is_abbreviation(para, m.start(1)):
                continue
            nxt = para[m.end():m.end() + 1]
            if nxt and (nxt.islower() or nxt.isdigit() and m.group(1) == "."):
                continue
            spans.append((pstart + cur, pstart + punct_end))
            cur = m.end()
        if cur < len(para) and para[cur:].strip():
            spans.append((pstart + cur, pstart + len(para.rstrip())))
    return [(s + _lead_ws(text[s:e]), e) for s, e in spans if text[s:e].strip()]


def _lead_ws(s: str) -> int:
    return len(s) - len(s.lstrip())


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def split_sentences(text: str) -> list[Sentence]:
    return [Sentence(s, e, text[s:e]) for s, e in split_spans(text)]


def split_stage(article: Article) -> Article:
    """Per-article stage: fill `sentences` from the clean body."""
    article.sentences = split_sentences(article.body)
    return article
