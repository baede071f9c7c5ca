"""Publication date and article label read from the text of a page.

Plain-text pages keep their metadata as lines of furniture ("Published 26 July
2021", "Opinion", a "WASHINGTON, July 26 (Reuters) -" dateline).  The cleaner
cuts those lines from the body; this module reads them first so the facts they
carry are not lost.  Dates inside body sentences are deliberately ignored: "on
July 4, 1776" in the prose says nothing about when the page was published.
"""

from __future__ import annotations

import re
from datetime import date

# Month names in the languages the cleaner knows; values are month numbers.
_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan januar janvier enero gennaio januari janeiro jänner",
        "february feb februar février fevrier febrero febbraio februari fevereiro",
        "march mar märz maerz mars marzo maart março",
        "april apr avril abril aprile",
        "may mai mayo maggio mei maio",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct oktober octobre octubre ottobre oktober outubro",
        "november nov novembre noviembre novembro",
        "december dec dezember décembre decembre diciembre dicembre dezembro",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num

_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_MON = rf"(?P<m>(?i:{_MONTH_RE}))\.?"

# Date shapes, each with named groups d / m / y (m is a name or a number).
_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b"),  # 2021-07-26
    re.compile(rf"\b{_DAY}\s*(?:de\s+)?{_MON},?\s*(?:de\s+)?{_YEAR}\b", re.I),  # 26 July 2021
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # July 26, 2021
    re.compile(r"\b(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d\d)\b"),  # 26.07.2021
]
# 27/07/2021 or 07/27/2021: read whichever way gives a real date; both ways (03/04/2021) is ambiguous.
_SLASH_DATE = re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b")
_DATELINE_NO_YEAR = re.compile(rf"^[A-ZÀ-Ý][\w .'’-]{{1,40}},\s+{_MON}\s+{_DAY}\s*(?:\(|[-–—])", re.U)
_DATELINE_DAY_FIRST = re.compile(rf"^[A-ZÀ-Ý][\w .'’-]{{1,40}},\s+{_DAY}\s+{_MON}\s*(?:\(|[-–—])", re.U)

_PUBLISHED_WORDS = (
    r"published|posted|first published|publication date|date|released|"
    r"veröffentlicht|erschienen|publié|publiée|publicado|pubblicato|gepubliceerd|publicada"
)
_UPDATED_WORDS = (
    r"updated|last updated|last modified|modified|aktualisiert|stand|mis à jour|actualizado|aggiornato|bijgewerkt"
)
_PUBLISHED_LINE = re.compile(rf"^\W*(?:{_PUBLISHED_WORDS})\b", re.I)
_UPDATED_LINE = re.compile(rf"^\W*(?:{_UPDATED_WORDS})\b", re.I)

# A line that is only a date (and maybe a time): page metadata, never prose.
_TIME = r"(?:\s*(?:at|um|à|a las|alle|,|-|–|\|)?\s*\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)"

_LABEL_WORDS = {
    "opinion": "opinion",
    "op-ed": "opinion",
    "oped": "opinion",
    "commentary": "opinion",
    "editorial": "opinion",
    "column": "opinion",
    "guest column": "opinion",
    "meinung": "opinion",
    "kommentar": "opinion",
    "gastbeitrag": "opinion",
    "tribune": "opinion",
    "opinión": "opinion",
    "opinione": "opinion",
    "opinião": "opinion",
    "analysis": "analysis",
    "news analysis": "analysis",
    "analyse": "analysis",
    "análisis": "analysis",
    "analisi": "analysis",
    "análise": "analysis",
}
_LABEL_RE = "|".join(sorted((re.escape(w) for w in _LABEL_WORDS), key=len, reverse=True))
_LABEL_ALONE = re.compile(rf"^\W*(?P<w>{_LABEL_RE})\W*$", re.I)
_LABEL_PREFIX = re.compile(rf"^\W*(?P<w>{_LABEL_RE})\s*[:|–—-]\s+\S", re.I)
_HEAD_LINES = 25  # metadata sits in the page header; prose further down is not metadata


def _to_iso(match: re.Match[str]) -> str | None:
    """Turn a date match into "YYYY-MM-DD", or None when it is not a real calendar date."""
    raw_month = match.group("m").lower().rstrip(".")
    month = int(raw_month) if raw_month.isdigit() else _MONTHS.get(raw_month)
    try:
        value = date(int(match.group("y")), month or 0, int(match.group("d")))
    except ValueError:
        return None
    return value.isoformat()


def _slash_date(match: re.Match[str]) -> str | None:
    """A slash date read day-first or month-first, whichever alone is a real date."""
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    readings = set()
    for day, month in ((a, b), (b, a)):
        try:
            readings.add(date(year, month, day).isoformat())
        except ValueError:
            continue
    return readings.pop() if len(readings) == 1 else None


def date_in(text: str) -> str | None:
    """The first calendar date written in text, as "YYYY-MM-DD"."""
    best: tuple[int, str] | None = None
    for match in _SLASH_DATE.finditer(text):
        iso = _slash_date(match)
        if iso:
            best = (match.start(), iso)
            break
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso)
                break
    return best[1] if best else None


def is_date_line(line: str) -> bool:
    """True when the line is only a date (maybe with a time or a weekday): metadata, not prose."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return False
    for pattern in [*_DATE_PATTERNS, _SLASH_DATE]:
        match = pattern.search(stripped)
        if match and (_slash_date(match) if pattern is _SLASH_DATE else _to_iso(match)):
            rest = (stripped[: match.start()] + " " + stripped[match.end():]).strip()
            rest = re.sub(_TIME, " ", rest).strip()
            rest = re.sub(r"^\w+day,?|[,|•·\-–—()]", " ", rest, flags=re.I).strip()
            return len(rest.split()) <= 1 and not rest.endswith(".")
    return False


_RELATIVE_TIME = re.compile(
    r"^\W*(?:\w+\s+)?(?:\d+|an?|one)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b"
    r"|^\W*(?:vor|il y a|hace|há)\s+\d+\s+\w+\W*$",
    re.I,
)


def is_meta_line(line: str) -> bool:
    """True for a "Published ..." / "Updated ..." line carrying a date: page metadata, not body."""
    stripped = line.strip()
    if len(stripped.split()) > 14:
        return False
    if _RELATIVE_TIME.match(stripped) and len(stripped.split()) <= 8:
        return True
    if _PUBLISHED_LINE.match(stripped) or _UPDATED_LINE.match(stripped):
        return any(ch.isdigit() for ch in stripped)
    return False


def label_of_line(line: str) -> str | None:
    """The label a line announces ("Opinion" alone or "Analysis | ..." as a prefix), else None."""
    stripped = line.strip()
    match = _LABEL_ALONE.match(stripped) or _LABEL_PREFIX.match(stripped)
    if not match:
        return None
    return _LABEL_WORDS[match.group("w").lower()]


def find_published(text: str, year: int | None = None) -> str | None:
    """Publication date of a page as "YYYY-MM-DD", from its metadata lines or dateline.

    Preference: an explicit "Published" line, then "Updated", then a line that
    is only a date, then a dateline ("WASHINGTON, July 26 (Reuters) -"), whose
    year comes from the dateline itself or from `year` when given.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:_HEAD_LINES]
    for matcher in (_PUBLISHED_LINE, _UPDATED_LINE):
        for line in lines:
            if matcher.match(line) and len(line.split()) <= 14:
                found = date_in(line)
                if found:
                    return found
    for line in lines:
        if is_date_line(line):
            return date_in(line)
    for line in lines:
        found = _dateline_date(line, year)
        if found:
            return found
    return None


def _dateline_date(line: str, year: int | None) -> str | None:
    """Date of a wire dateline at the start of a paragraph, when a year is known."""
    head = line[:80]
    for pattern in _DATE_PATTERNS[1:3]:
        match = pattern.search(head)
        if match and re.match(r"^[A-ZÀ-Ý][\w .'’-]{1,40},\s", head) and re.search(r"\(|[-–—]", head[match.end():match.end() + 4]):
            return _to_iso(match)
    if year is None:
        return None
    match = _DATELINE_NO_YEAR.match(line) or _DATELINE_DAY_FIRST.match(line)
    if not match:
        return None
    month = _MONTHS.get(match.group("m").lower().rstrip("."))
    try:
        return date(year, month or 0, int(match.group("d"))).isoformat()
    except ValueError:
        return None


def find_label(text: str) -> str | None:
    """"opinion" or "analysis" when the page header says so, else None.

    Only header lines count, and a label word inside a run of menu items
    ("News / Opinion / Sport" one per line) does not: that is navigation.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:_HEAD_LINES]
    for i, line in enumerate(lines):
        label = label_of_line(line)
        if not label:
            continue
        if _LABEL_ALONE.match(line) and _in_menu_run(lines, i):
            continue
        return label
    return None


def _in_menu_run(lines: list[str], i: int) -> bool:
    """True when line i sits among other one- or two-word lines without punctuation (a menu)."""
    def menu_item(s: str) -> bool:
        return len(s.split()) <= 2 and not any(ch.isdigit() for ch in s) and s[-1:] not in ".!?:"

    run = 1
    j = i - 1
    while j >= 0 and menu_item(lines[j]):
        run, j = run + 1, j - 1
    j = i + 1
    while j < len(lines) and menu_item(lines[j]):
        run, j = run + 1, j + 1
    return run >= 3
