"""Line units of a plain-text page and the features the cleaner decides on.

A unit is one line, or one paragraph when the text is hard-wrapped.  Each unit
gets shallow, language-light features: length, terminal punctuation, share of
stopwords and of capitalised words, link-like tokens, bullets, menu shape.
The cleaner (clean.py) combines them with context: repetition, position and
the runs the unit sits in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean_lexicon import (
    ALL_STOPWORDS,
    COMMENT_TOKENS,
    COUNT_HEADING_RE,
    CREDIT_RE,
    EMAIL_RE,
    FURNITURE_PHRASES,
    FURNITURE_TOKENS,
    HANDLE_RE,
    POSITION_RE,
    SECTION_HEADINGS,
    URL_RE,
)
from .textmeta import is_date_line, is_meta_line

_WORD = re.compile(r"[^\W\d_][\w'’\-.]*", re.U)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TERMINAL = re.compile(r"""[.!?…。！？؟]["'”’»)\]]*$""")
_BULLET = re.compile(r"^[•·▪►▸\-–—*●○◦■□]\s*")
_NUMBERED = re.compile(r"^(?:\d{1,2}|[a-zA-Z])[.)]\s+\S|^\(\d{1,2}\)\s+\S")
_SEPARATORS = re.compile(r"\s[|•·»>/]\s|\s\|\s?|\s?\|\s")
_CRUMB = re.compile(r"^[\w .'’&-]{1,30}(?:\s*[>»›/]\s*[\w .'’&-]{1,30})+$", re.U)
_CAMEL_GLUE = re.compile(r"[a-z][A-Z][a-z]+[A-Z]")  # "HomeWorldUS": menu items glued together
_NORM = re.compile(r"[^\w]+|_", re.U)


@dataclass
class Unit:
    """One line (or wrapped paragraph) of the page with its features."""

    index: int
    text: str
    words: list[str]
    n_words: int
    terminal: bool
    stop_ratio: float
    cap_ratio: float
    linkish: bool
    bullet: bool
    numbered: bool
    key: str  # normalised text for duplicate checks

    @property
    def furniture_phrase(self) -> bool:
        """The whole line is page chrome vocabulary ("Share", "0 Comments", "Most Popular")."""
        if phrase_key(self.text) in FURNITURE_PHRASES:
            return True
        if self.n_words > 5 or (self.text.endswith(":") and self.n_words > 2):  # "Watch their comments below:"
            return False
        return any(w.lower() in FURNITURE_TOKENS for w in self.words)

    @property
    def section_heading(self) -> bool:
        """A heading that opens a list of other stories or the comments ("RELATED:", "Comments")."""
        if self.n_words <= 12 and COUNT_HEADING_RE.match(self.text) or self.comment_heading:
            return True
        return self.n_words <= 6 and phrase_key(self.text) in SECTION_HEADINGS

    @property
    def labelled_link(self) -> bool:
        """A headline behind a link label: "READ MORE: Floods close roads", "See also: ..."."""
        head, sep, rest = self.text.partition(":")
        return bool(sep) and len(head.split()) <= 4 and phrase_key(head) in SECTION_HEADINGS and bool(rest.strip())

    @property
    def comment_heading(self) -> bool:
        """A short line naming the comments ("Top Rated Comments", "[ 12 comments ]")."""
        if self.n_words > 5 or (self.text.endswith(":") and self.n_words > 2):  # "Watch their comments below:"
            return False
        return any(w.lower() in COMMENT_TOKENS for w in self.words)

    @property
    def caption_like(self) -> bool:
        """Photo caption or credit: credit marker, or who-is-where markers without prose punctuation."""
        if CREDIT_RE.search(self.text) and self.n_words <= 60:
            return True
        if re.fullmatch(r"\([^()]*/[^()]*\)", self.text) and self.n_words <= 8:  # "(Jane Doe / Agency)"
            return True
        markers = POSITION_RE.findall(self.text)
        if not markers or self.n_words > 40:
            return False
        # "(R)" or "(left)" once in a finished sentence is a party, a trademark or prose; unpunctuated,
        # or several of them, it is a caption.
        return not self.terminal or len(markers) >= 2

    @property
    def menu_like(self) -> bool:
        """Navigation: crumbs ("News > U.S."), separator-joined short items, glued menu words."""
        text = self.text
        if _CRUMB.match(text) and self.n_words <= 8 and re.search(r"[>»›]|\s/\s", text):
            return True
        if text.startswith("|") and text.endswith("|"):  # a table row ("| 1 | Kyle Busch | 5040 |") is content
            return False
        parts = [p for p in re.split(r"\s*[|•·»›]\s*", text) if p.strip()]
        if len(parts) >= 3 and max(len(p.split()) for p in parts) <= 4 and not self.terminal:
            return True
        return False

    @property
    def prose(self) -> bool:
        """Reads like a sentence: terminal punctuation, and function words or a lower-case word (a verb)."""
        if not self.terminal or self.n_words < 3:
            return False
        return self.stop_ratio > 0 or self.n_words >= 6 or any(w[0].islower() for w in self.words)


def phrase_key(text: str) -> str:
    """Lower-cased words only, digits and punctuation dropped: "• 0 Comments" -> "comments"."""
    return " ".join(w for w in _NORM.sub(" ", text.lower()).split() if not w.isdigit())


def norm_key(text: str) -> str:
    """Normalised text for duplicate detection (case, punctuation and spacing ignored)."""
    return " ".join(_NORM.sub(" ", text.lower()).split())


def make_unit(index: int, text: str) -> Unit:
    """Compute the features of one line."""
    text = text.strip()
    words = [w.rstrip(".") for w in _WORD.findall(text)]
    cjk = len(_CJK.findall(text))
    n_words = len(words) + cjk // 2
    alpha = [w for w in words if len(w) >= 4]
    lower = [w.lower().strip(".") for w in words]
    stop = sum(1 for w in lower if w in ALL_STOPWORDS)
    caps = sum(1 for w in alpha if w[0].isupper())
    linkish = bool(URL_RE.search(text) or HANDLE_RE.search(text) or EMAIL_RE.search(text))
    return Unit(
        index=index,
        text=text,
        words=words,
        n_words=n_words,
        terminal=bool(_TERMINAL.search(text)),
        stop_ratio=stop / len(words) if words else 0.0,
        cap_ratio=caps / len(alpha) if alpha else 0.0,
        linkish=linkish,
        bullet=bool(_BULLET.match(text)),
        numbered=bool(_NUMBERED.match(text)),
        key=norm_key(text),
    )


def split_units(text: str) -> list[tuple[str, bool]]:
    """The page's units as (text, starts_paragraph), joining hard-wrapped paragraph lines.

    A text is taken as hard-wrapped when most long lines end near one width
    (plain-text mail and wire copy at 70-80 columns); then consecutive lines of
    a paragraph are joined.  Otherwise every line is a unit of its own.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").split("\n")
    lines = [re.sub(r"[\u200b\u200c\u200d\ufeff]", "", ln).rstrip() for ln in lines]
    width = _wrap_width(lines)
    units: list[tuple[str, bool]] = []
    blank_before = True
    prev_line = ""
    for line in lines:
        if not line.strip():
            blank_before = True
            continue
        prev_wrapped = (
            units
            and not blank_before
            and not _BULLET.match(line.strip())
            and not _NUMBERED.match(line.strip())
            and ((width and len(prev_line) >= width - 20) or _continues(units[-1][0], line.strip()))
        )
        if prev_wrapped:
            units[-1] = (units[-1][0] + " " + line.strip(), units[-1][1])
        else:
            units.append((line.strip(), blank_before))
        prev_line = line
        blank_before = False
    return units


def _continues(prev: str, line: str) -> bool:
    """True when line carries on the sentence prev broke off (a line break inside a paragraph)."""
    if _TERMINAL.search(prev) or prev.endswith(":") or is_meta_line(line) or is_date_line(line):
        return False
    first = line[:1]
    if first.islower():
        return len(prev.split()) >= 3 or len(line.split()) >= 3
    last_word = prev.rsplit(None, 1)[-1].lower() if prev.strip() else ""
    return first.isalpha() and len(prev.split()) >= 8 and (prev.endswith(",") or last_word in ALL_STOPWORDS)


def _wrap_width(lines: list[str]) -> int:
    """The column the text is hard-wrapped at, or 0 when it is not wrapped."""
    lengths = sorted(len(ln) for ln in lines if len(ln.strip()) >= 30)
    if len(lengths) < 6:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    if width > 100:
        return 0
    near = sum(1 for n in lengths if width - 15 <= n <= width)
    return width if near >= 0.6 * len(lengths) else 0
