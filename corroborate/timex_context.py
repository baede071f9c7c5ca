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
    r"due|subject to|planned|scheduled|aims? to|hopes? to|wants? to|must|should|can|as (?:soon|early) as|effective)\b",
    re.IGNORECASE,
)
_FUTURE_STRONG = re.compile(
    r"\b(?:will|won't|wo n't|'ll|shall|going to|plans? to|planning to|scheduled|due to|expected to|set to|"
    r"is to|are to|would|next|upcoming|coming|tomorrow|planned to|as (?:soon|early) as|until|till|"
    # a timetable told in the present: "the law comes into force on Sunday", "the vote is due Tuesday"
    r"is due|are due|takes? place|(?:comes?|go(?:es)?) into (?:force|effect)|takes? effect|kicks? off|"
    # the date a change takes effect, announced ahead of it: "a new office of the chairman, effective Feb. 1"
    r"effective)\b",
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
# a date opening its sentence, before the main clause: "In January, ...", "Early on Monday, ..."
_FRONTED = re.compile(r"[\s\"'`(]*(?:(?:in|on|at|during|by|since|until|from|early|late|last|this|next|the|of|and|"
                      r"also|then|but|earlier|later)\s+)*", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"\s*,")
# a report dated by the date, its content after "that": "said Friday that", "told a news conference on Tuesday that"
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|announcement|reported|confirmed|stated|statement|warned|added|declared|denied|"
    r"insisted|acknowledged|admitted|ruled|decided|agreed|predicted|claimed|disclosed|revealed|conference|interview|"
    r"briefing|ruling|decision)\s+(?:[\w.-]+\s+){0,3}?(?:(?:on|late|early)\s+)?$", re.IGNORECASE)
_THAT_AFTER = re.compile(r"\s*,?\s*that\s+(?!is\b|was\b|will\b|would\b|has\b|had\b|are\b|were\b)", re.IGNORECASE)
_DEADLINE = frozenset({"by", "until", "till"})
_EFFECTIVE_BEFORE = re.compile(r"\s+(?:(?:as\s+of|on|from)\s+)?")
# a participle after bare "be"/"being" takes its tense from the auxiliary before it ("will be paid"); after a
# determiner it is an adjective ("a still unspecified date", "the revised plan")
_NOT_FINITE_BEFORE = frozenset("be being a an the its his her their our this these those".split())
_ADVERBS = frozenset("still yet not now so more most less least very much well long already once far often".split())
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# where a clause ends: its tense cues belong to another verb ("late Thursday, but it ... would work")
_CLAUSE_BREAK = re.compile(r"[,;:()]| -- | - | but | while | whereas ")
# a past perfect ("had devoured", "had already spent"), not a past plan ("had been expected to")
_HAD_PERFECT = re.compile(r"\bhad\s+(?:(?:already|just|not|never|largely|nearly|almost)\s+)?"
                          r"(?!been\s+(?:expected|scheduled|due|set|planned)\b)[a-z]+(?:ed|en|t)\b", re.IGNORECASE)


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
        news is mostly the one just past, and "by Friday" says little).  A date that opens its sentence
        ("In January, the judge ruled that ...") takes the tense of the main clause after it: its first cue.
        Otherwise cues of the date's own clause come first; the rest of the sentence counts only without them."""
        s, e = self.sentence_bounds(start, end)
        cues = self._cues(s, e, start, end, future_weight, strong_only)
        if not cues:
            return 0
        if _FRONTED.fullmatch(self.text, s, start) and _COMMA_AFTER.match(self.text, end):
            after = [(pos, sign) for pos, _, sign in cues if pos >= end]
            if after:
                return min(after)[1]
        if _THAT_AFTER.match(self.text, end) and _REPORTED_BEFORE.search(self.text, max(s, start - 60), start):
            # "Mubarak's announcement Tuesday that he will step down", "told reporters Friday that it would": the
            # date dates the report before "that"; the reported clause's tense is not the date's
            cues = [c for c in cues if c[0] < start]
            if not cues:
                return 0
        same_clause = [c for c in cues if not _CLAUSE_BREAK.search(self.text, min(c[0], end), max(c[0], start))]
        cues = same_clause or cues  # "placed the cap late Thursday, but it ... would work": the date's clause
        return min(cues, key=lambda c: c[1])[2]

    def _cues(self, s: int, e: int, start: int, end: int, future_weight: float,
              strong_only: bool) -> list[tuple[int, float, int]]:
        """(position, weighted distance, sign) of every tense cue of the sentence outside the date."""
        cues = []
        for pattern, sign in ((_FUTURE_STRONG if strong_only else _FUTURE, 1), (_PAST, -1)):
            for m in pattern.finditer(self.text, s, e):
                if start <= m.start() < end:
                    continue
                word = m.group(0).lower()
                if sign < 0 and (word in _NOT_PAST_ED or self._participle_not_past(m.start())):
                    continue
                if word in _DEADLINE and not _JUST_BEFORE.fullmatch(self.text, m.end(), start):
                    continue  # "by"/"until" mark a deadline only right before the date ("by April", "until
                    # 9 a.m. Tuesday"); elsewhere "by" is an agent and "until" a clause of its own
                if word == "effective" and not _EFFECTIVE_BEFORE.fullmatch(self.text, m.end(), start):
                    continue  # "effective Feb. 1" names when a change starts; "an effective plan" says nothing
                dist: float = start - m.end() if m.end() <= start else m.start() - end
                cue = sign
                if sign > 0 and self._pluperfect(m.start()):
                    cue = -1  # "had been scheduled to expire Friday": the plan's date is past
                elif sign > 0:
                    dist = dist / future_weight
                cues.append((m.start(), dist, cue))
        return [(pos, dist, -1 if cue > 0 and self._past_perfect_deadline(pos) else cue) for pos, dist, cue in cues]

    def _past_perfect_deadline(self, at: int) -> bool:
        """"had devoured the gas by August", "had already spent $11 billion by the end of September": a
        deadline ("by", "until") bounding a past perfect in its own clause is past; any other deadline lies ahead."""
        word = re.match(r"[a-z]+", self.text[at:at + 5], re.IGNORECASE)
        if not word or word.group(0).lower() not in _DEADLINE:
            return False
        clause = _CLAUSE_BREAK.split(self.text[max(0, at - 120):at])[-1]
        return bool(_HAD_PERFECT.search(clause)) and not _FUTURE_STRONG.search(clause)

    def _words_before(self, at: int) -> list[str]:
        """Up to the three lower-case words before position at, an adverb in between skipped ("had
        previously been" -> ["had", "been"]), with a trailing "" standing for the word at `at`."""
        words = self.text[max(0, at - 40):at].lower().split()
        if at > 40:
            words = words[1:]  # the window may cut its first word
        kept = [w for w in words[-4:] if not (w in _ADVERBS or (w.endswith("ly") and len(w) > 3))]
        return kept[-3:] + [""]

    def _pluperfect(self, at: int) -> bool:
        """A plan word in the past perfect ("had been scheduled", "had planned") dates the plan before the story."""
        before = self._words_before(at)
        return before[-2:-1] == ["had"] or before[-3:-1] == ["had", "been"]

    def _participle_not_past(self, at: int) -> bool:
        if at > 0 and self.text[at - 1] == "-":
            return True  # the end of a compound adjective ("color-coded", "long-awaited") is no finite verb
        before = self._words_before(at)
        return len(before) > 1 and before[-2] in _NOT_FINITE_BEFORE

    def word_before(self, start: int) -> str:
        m = re.search(r"([A-Za-z']+)\W*$", self.text[max(0, start - 30):start])
        return m.group(1).lower() if m else ""
