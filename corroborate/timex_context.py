"""What a rule needs to know about where a match sits: the anchor and the tense around it.

Relative expressions ("Monday", "in April", "Oct. 23") point backwards or forwards
depending on the sentence: "said Monday" is the last Monday, "will meet Monday"
the next one.  Without a parser we read the nearest tense cue in the sentence;
news mostly reports the past, so no cue leans to the past for weekdays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_FUTURE = re.compile(
    r"\b(?:will|won't|wo n't|'ll|shall|going to|plans? to|planning to|planned for|scheduled|due to|expected to|"
    r"set to|set for|intends? to|is to|are to|would|next|upcoming|coming|to be held|to begin|to start|"
    r"to take place|until|by|later this|tomorrow|forecast|expects?|expected|supposed to|slated|"
    r"due|subject to|planned|scheduled|aims? to|hopes? to|wants? to|must|should|can|as (?:soon|early) as)\b",
    re.IGNORECASE,
)
_FUTURE_STRONG = re.compile(
    r"\b(?:will|won't|wo n't|'ll|shall|going to|plans? to|planning to|scheduled|due to|expected to|set to|"
    r"is to|are to|would|next|upcoming|coming|tomorrow|planned to|as (?:soon|early) as)\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = (
    "was|were|had|did|said|told|took|made|gave|met|began|won|lost|fell|rose|got|left|held|saw|found|became|"
    "sent|spent|struck|thought|brought|came|went|ran|paid|sold|bought|led|felt|kept|shot|spoke|"
    "stood|wrote|broke|chose|drove|flew|fought|grew|knew|meant|quit|sought|taught|threw|understood|wore|"
    "ago|last|earlier|previously|yesterday|has been|have been|since"
)
_PAST = re.compile(rf"\b(?:{_IRREGULAR_PAST}|[a-z]{{3,}}ed)\b", re.IGNORECASE)
_NOT_PAST_ED = {"need", "speed", "feed", "seed", "bed", "red", "proceed", "exceed", "succeed", "indeed",
                "embed", "breed", "hundred", "based", "related", "expected", "scheduled", "planned",
                "proposed", "united", "limited", "detailed", "advanced", "concerned", "interested"}
_JUST_BEFORE = re.compile(r"\s+(?:the\s+)?(?:end of\s+|early\s+|mid-?\s*|late\s+)?")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@dataclass
class MatchContext:
    """The document text and its anchor, shared by all rules of one `find_timexes` call."""

    text: str
    anchor: date | None

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        left = max(0, start - 300)
        s = left
        for m in _SENTENCE_END.finditer(self.text, left, start):
            s = m.end()
        m = _SENTENCE_END.search(self.text, end, min(len(self.text), end + 300))
        e = m.start() + 1 if m else min(len(self.text), end + 300)
        return s, e

    def tense(self, start: int, end: int, future_weight: float = 2.0, strong_only: bool = False) -> int:
        """-1 past, +1 future, 0 unknown: the tense cue nearest to text[start:end] in its sentence; a
        future cue counts as future_weight times nearer (a modal or plan word is the stronger cue for
        a month, "is expected to ... in April"); strong_only keeps to modals and plan words (a weekday in
        news is mostly the one just past, and "by Friday" says little)."""
        s, e = self.sentence_bounds(start, end)
        best_dist, best = 10**9, 0
        for pattern, sign in ((_FUTURE_STRONG if strong_only else _FUTURE, 1), (_PAST, -1)):
            for m in pattern.finditer(self.text, s, e):
                if start <= m.start() < end:
                    continue
                word = m.group(0).lower()
                if sign < 0 and word in _NOT_PAST_ED:
                    continue
                if word == "by" and not _JUST_BEFORE.fullmatch(self.text, m.end(), start):
                    continue  # "by" marks a deadline only right before the date ("by April"); else an agent
                dist = start - m.end() if m.end() <= start else m.start() - end
                if sign > 0:
                    dist = dist / future_weight
                if dist < best_dist:
                    best_dist, best = dist, sign
        return best

    def word_before(self, start: int) -> str:
        m = re.search(r"([A-Za-z']+)\W*$", self.text[max(0, start - 30):start])
        return m.group(1).lower() if m else ""
