"""The dates a claim states, as TimeML values.

The temporal tagger (another stage) fills `article.timexes`; when it has run,
its values are used.  Otherwise a small fallback reads explicit calendar dates,
months and years, anchoring year-less ones on the publication year, so that
"by December" and "by the end of August" can still be compared.
"""

from __future__ import annotations

import re

from .model import Article, Sentence

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH),
    # A month alone is only a date after a time preposition ("by December"; "May" is also a verb).
    re.compile(r"\b(?:by|in|until|till|before|after|since|from|of|through|late|early|mid-?)\s+(?:the\s+end\s+of\s+)?"
               + _MONTH, re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)\b(?!\d|,\d|\s*(?:troops|people|soldiers))"),
    re.compile(r"\b(?P<rel>this|next|last|the end of the|end of the|end of this)\s+year\b", re.I),
]
_REL_OFFSET = {"this": 0, "next": 1, "last": -1}


def _anchor_year(article: Article) -> str:
    published = article.published or ""
    return published[:4] if re.fullmatch(r"\d{4}", published[:4]) else "XXXX"


def parse_dates(text: str, anchor_year: str = "XXXX") -> list[str]:
    """TimeML-style values of the calendar dates in text ("2021-12", "2021-07-26", "2014")."""
    values: list[str] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = m.groupdict()
            if groups.get("rel"):
                rel = groups["rel"].lower()
                if anchor_year == "XXXX":
                    continue
                if rel.startswith(("the end", "end")):
                    # "by the end of the year": its last month, so it can clash with "by the end of March"
                    values.append(f"{anchor_year}-12")
                else:
                    values.append(str(int(anchor_year) + _REL_OFFSET.get(rel.split()[0], 0)))
            else:
                # A month without a year may be last year's ("in September", written in January): leave the
                # year open rather than guess; "this year" style phrases above are anchored.
                year = groups.get("year") or ("XXXX" if groups.get("month") else anchor_year)
                month = groups.get("month")
                value = year
                if month:
                    value += f"-{_MONTHS[month.lower().rstrip('.')]:02d}"
                    if groups.get("day"):
                        value += f"-{int(groups['day']):02d}"
                if value == "XXXX":
                    continue
                values.append(value)
            taken.append((m.start(), m.end()))
    return values


_EXPLICIT = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def sentence_dates(article: Article, index: int, sentence: Sentence) -> list[str]:
    """Date values of one sentence: the tagger's when it ran, else the fallback parser's.

    Only dates written out ("June 28", "2003", "July") count: a weekday or "last week" resolved
    against each outlet's own publication date is too unsure to set two sources against each other.
    """
    if article.timexes:
        return [t.value for t in article.timexes
                if (t.sentence == index or (t.sentence < 0 and sentence.start <= t.start < sentence.end))
                and t.type in ("DATE", "TIME") and _EXPLICIT.search(t.text)]
    return parse_dates(sentence.text, _anchor_year(article))


def dates_compatible(a: str, b: str) -> bool:
    """True when two date values can denote the same time at the coarser of their precisions.

    Only calendar values are compared ("2021", "2021-08", "XXXX-12-01"); references such as
    PAST_REF or week values are always compatible.
    """
    pa, pb = a.split("T")[0].split("-"), b.split("T")[0].split("-")
    if not all(re.fullmatch(r"\d{4}|X{4}|\d{2}", p) for p in pa + pb):
        return True
    for x, y in zip(pa, pb, strict=False):
        if "X" in x or "X" in y:
            continue
        if x != y:
            return False
    return True
