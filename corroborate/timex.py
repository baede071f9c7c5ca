"""Temporal expressions: find them in text and normalise them to TimeML values.

A HeidelTime-like rule grammar in plain Python (no model is available offline
and rules are what reach ~90 span F1 on news anyway).  The rules live in
timex_rules_date (calendar dates), timex_rules_period (seasons, quarters,
holidays) and timex_rules_rel (relative dates, vague references, durations,
sets, clock times); this module runs them all, widens each match over the
modifiers TimeML counts as part of the expression ("early", "the end of",
"more than", "nearly"), keeps the longest non-overlapping matches and resolves
anaphoric ones ("that year", "two days later", "the previous Friday", "that quarter", a bare "at 3 a.m." or
"later in the day" right after a dated day) against the date told last; a date on the compared side of a
comparison ("higher than a year ago") is no such reference.
Relative expressions resolve against the anchor (the publication date);
without one they stay underspecified ("XXXX-WXX-1").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from . import timex_rules_period, timex_rules_rel  # noqa: F401  (importing them registers their rules)
from .model import Article, TimeExpr
from .timex_calendar import parse_anchor, resolve_reference
from .timex_context import MatchContext
from .timex_lexicon import NUMBER
from .timex_rules_date import RULES
from .timex_tml import read_timeml

_POINT_MODS = re.compile(
    r"(?:(?<![\w-])(?:early|late)[\s-]+"
    r"|(?<![\w-])(?P<rel_only>earlier|later)\s+"
    r"|(?<![\w-])(?P<approx>approximately|roughly|nearly|almost|circa|more than|less than|at least|around|(?P<about>about))\s+"
    r"|(?<![\w-])mid-?\s*"
    r"|(?<![\w-])(?:the\s+)?(?:start|beginning|middle|end|close|turn|first half|second half|latter half|"
    r"last half|latter part|early part|first part|rest|remainder|first days|last days|first weeks|last weeks|"
    r"(?:first|second|third|fourth|last|final) week)"
    r"\s+of\s+)$",
    re.IGNORECASE,
)
_DURATION_MODS = re.compile(
    r"(?<![\w-])(?:more than|less than|fewer than|at least|at most|no more than|no less than|not more than|"
    r"up to|approximately|roughly|nearly|almost|just over|just under|well over|upwards of|about|around)\s+$",
    re.IGNORECASE,
)
_COUNTED = re.compile(rf"(?:{NUMBER})\b(?!$)", re.IGNORECASE)
_CLOCK_REACH = 250  # characters after a dated day within which a bare clock time is on that day
_QUARTER_REACH = 400  # characters after a quarter within which "a year ago" means that quarter last year
_HALF = re.compile(r"(first|second|latter|last) half of\s+$", re.IGNORECASE)

# A rule regex that opens with optional modifiers is tried at every character of the text, which is
# slow on long articles; instead each rule is tried only near the words it cannot match without
# (its trigger words), anchored at the word starts just before them.
_UNITS = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade)s?|century|centuries"
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_TRIGGERS = {name: re.compile(trigger) for name, trigger in {
    "iso_date": r"\d{4}", "numeric_date": r"\d{1,2}", "compact_date": r"\d{8}",
    "month_day": _MONTHS, "day_month": _MONTHS, "month_year": _MONTHS, "month_alone": _MONTHS,
    "year_alone": r"(?:fy)?\d{4}", "fiscal_short": r"fy\d*|fiscal", "year_period": r"period|quarter",
    "decade": r"\d*0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
    "century": r"century", "relative_century": r"century", "weekday": _WEEKDAYS, "weekday_plural": _WEEKDAYS + "s",
    "season": r"spring|summer|fall|autumn|winter", "quarter": r"quarter|half",
    "spoken_year": r"nineteen|eighteen|thousand", "quarter_code": r"q[1-4]",
    "holiday": r"christmas|new|halloween|valentine|boxing|independence|bastille|may|patrick|thanksgiving|"
               r"labou?r|memorial|easter|good|groundhog|earth|veterans|remembrance|armistice|inauguration|canada|"
               r"australia|anzac|juneteenth|fawkes|bonfire|black|columbus|presidents?|martin|mlk|mother|father|"
               r"election|maundy|holy|palm|ash|ascension|pentecost|whit|whitsunday",
    "relative_day": r"today|tonight|tomorrow|yesterday", "part_of_today": r"morning|afternoon|evening|night|overnight",
    "part_of_day_alone": r"morning|afternoon|evening|night",
    "generic_reference": r"now|current|currently|present|presently|nowadays|days|moment|recent|recently|lately|term|possible|date|"
                         r"past|future|soon|someday",
    "relative_unit_period": r"week|weekend|month|quarter|year|decade|period", "period_end": r"end",
    "anaphoric_period": r"day|morning|afternoon|evening|night|week|month|quarter|year", "ordinal_day_today": r"day",
    "year_ago_adjective": r"year|prior", "units_ago": r"ago|earlier|now|hence|back|later",
    "vague_ago": r"ago|earlier|later", "duration": _UNITS, "vague_duration": _UNITS, "duration_adjective": _UNITS,
    "long_adjective": r"long", "vague_while": r"while|time|period", "this_moment": r"moment",
    "set_adverb": r"daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|biannually|"
                  r"semiannually|bimonthly",
    "every_set": r"every|each", "frequency_set": r"once|twice|times",
    "clock_time": r"\d{0,2}(?:am|pm)|m|noon|midnight|midday|gmt|utc|hours|hrs|local|[ecmp][sd]t|bst|cet|cest|et|pt|\d{4}",
}.items()}
_TOKEN = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w'])[\w']")
_LOOKBACK = 80


@lru_cache(maxsize=200_000)
def _rules_triggered_by(word: str) -> tuple[str, ...]:
    return tuple(name for name, trigger in _TRIGGERS.items() if trigger.fullmatch(word))


def find_timexes(text: str, anchor: str | None = None) -> list[TimeExpr]:
    """All temporal expressions of text, normalised against anchor ("YYYY-MM-DD"; None: leave relative ones open)."""
    ctx = MatchContext(text=text, anchor=parse_anchor(anchor))
    candidates: list[tuple[int, int, str, str]] = []
    word_starts = [m.start() for m in _WORD_START.finditer(text)]
    hits: dict[str, list[int]] = defaultdict(list)
    for token in _TOKEN.finditer(text):
        for name in _rules_triggered_by(token.group(0).lower()):
            hits[name].append(token.start())
    for pattern, handler in RULES:
        name = handler.__name__
        for m in _matches(pattern, text, hits.get(name, []) if name in _TRIGGERS else None, word_starts):
            if m.end() == m.start():
                continue
            try:
                result = handler(m, ctx)
            except (OverflowError, ValueError):
                continue  # calendar arithmetic out of range ("9,999,999 weeks later"): not worth a guess
            if result is None:
                continue
            value, kind = result
            start, end = _trim(text, m.start(), m.end())
            start, value = _extend_modifiers(text, start, end, value, kind)
            candidates.append((start, end, value, kind))
    selected = _select(candidates)
    selected = sorted(selected + _coordinated_days(text, selected))
    found = [TimeExpr(start=s, end=e, text=text[s:e], value=v, type=k) for s, e, v, k in selected]
    _resolve_references(found, ctx.anchor, text)
    return found


_YEAR_AGO = re.compile(r"(?:a|one) year (?:ago|earlier|before)|(?:the )?year-(?:ago|earlier)", re.IGNORECASE)
_YEAR_BACK = re.compile(r"year[- ](?:ago|earlier|before)|prior[- ]year|last year", re.IGNORECASE)
_PART_OF_YEAR = re.compile(r"(\d{4})-([QH]\d)$")


_COMPARED = re.compile(r"\b(?:from|compared (?:with|to)|than|versus|vs\.?|against|period|quarter)\b[^.;]{0,60}$",
                       re.IGNORECASE)


_COMPARED_SIDE = re.compile(r"\b(?:than|compared (?:with|to)|versus|vs\.?)\s+(?:(?:that\s+of|those\s+of|in|at|for)\s+)?$",
                            re.IGNORECASE)


def _is_year_ago(tx: TimeExpr, text: str) -> bool:
    """"a year ago", "year-earlier", or "last year" as the other side of a comparison ("from $5 million last
    year"): in a results story these name the reported period a year back, not the whole year."""
    if _YEAR_AGO.fullmatch(tx.text):
        return True
    return tx.text.lower() == "last year" and bool(_COMPARED.search(text, max(0, tx.start - 80), tx.start))


def _resolve_references(timexes: list[TimeExpr], anchor: date | None, text: str) -> None:
    """Fill "REF:unit:offset" values from the closest preceding calendar date ("that year" after "in
    1996" is 1996); with no such date the document date stands in.  "A year ago" right after a quarter
    ("profit rose in the third quarter from $5 million a year ago") is that quarter a year before."""
    last: str | None = None
    last_end = -10**9
    last_part: re.Match[str] | None = None
    last_part_end = -10**9
    for tx in timexes:
        if tx.value.startswith("REF:CLK:"):
            # a bare clock time is on the day just told ("struck on Saturday ... at 3 a.m."), else the anchor's
            tx.value = resolve_reference(tx.value, last if tx.start - last_end <= _CLOCK_REACH else None, anchor)
        elif tx.value.startswith("REF:"):
            try:
                tx.value = resolve_reference(tx.value, last, anchor)
            except (OverflowError, ValueError):
                tx.value = "XXXX"  # counted out of the calendar's range from the date told last
        elif last_part and tx.start - last_part_end < _QUARTER_REACH and _is_year_ago(tx, text) \
                and len(tx.value) == 4 and int(tx.value) == int(last_part.group(1)) - 1:
            tx.value = f"{tx.value}-{last_part.group(2)}"
            last_part_end = tx.end  # the comparison goes on; the reported quarter stays the reference
            continue
        if re.match(r"\d{4}(?:-\d{2}|-[QH]\d)?", tx.value) and tx.type in ("DATE", "TIME"):
            if _COMPARED_SIDE.search(text, max(0, tx.start - 40), tx.start):
                continue  # "prices higher than a year ago": the other side of a comparison is no reference time
            last, last_end = tx.value, tx.end
            part = _PART_OF_YEAR.match(tx.value)
            if part and not _YEAR_BACK.search(tx.text):
                last_part, last_part_end = part, tx.end


def _matches(
    pattern: re.Pattern[str], text: str, hits: list[int] | None, word_starts: list[int]
) -> Iterator[re.Match[str]]:
    """pattern's matches: a scan of the whole text when the rule has no trigger, else for each trigger
    word the leftmost match that covers it, tried from the word starts up to _LOOKBACK characters before."""
    if hits is None:
        yield from pattern.finditer(text)
        return
    seen: set[tuple[int, int]] = set()
    for hit in hits:
        first = bisect.bisect_left(word_starts, hit - _LOOKBACK)
        last = bisect.bisect_right(word_starts, hit)
        for start in word_starts[first:last]:
            m = pattern.match(text, start)
            if m and m.end() > hit:
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m
                break


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _extend_modifiers(text: str, start: int, end: int, value: str, kind: str) -> tuple[int, str]:
    """Widen the span leftwards over "early", "the end of", "more than"...; "the first half of 1990" -> 1990-H1."""
    before = text[max(0, start - 40):start]
    if kind == "SET":
        return start, value
    if kind == "DURATION":
        m = _DURATION_MODS.search(before)
    else:
        m = _POINT_MODS.search(before)
    if not m or (kind != "DURATION" and m.group("approx") and (not value[:1].isdigit() or text.startswith("'s", end))):
        return start, value  # "nearly the future" is no approximate date, nor "get around Monday's ruling"
    if kind != "DURATION" and m.group("about") and not _COUNTED.match(text, start, end):
        return start, value  # "about" approximates a count ("about two years ago", "about 10 p.m."); before
        # anything else it is the preposition ("worried about 2020")
    if kind != "DURATION" and m.group("rel_only") and not re.match(r"(?:this|last|next|that)\b", text[start:], re.I):
        return start, value  # "earlier this year" is one expression; "earlier Friday" is an adverb and a date
    half = _HALF.search(before)
    if half and re.fullmatch(r"\d{4}", value):
        value = f"{value}-H{1 if half.group(1).lower() == 'first' else 2}"
    return start - (len(before) - m.start()), value


_NEXT_DAY = re.compile(r"(\s+(?:and|or|&)\s+)(\d{1,2})(?:st|nd|rd|th)?(?=\s*[.,;:)]|\s*$|\s+(?:in|at|on|and|to|for|"
                       r"with|when|as|of|this|last|next|but|the)\b)")
_DAY_VALUE = re.compile(r"(\d{4}-\d{2})-\d{2}$")
_ENDS_WITH_DAY = re.compile(r"(?<![\d,])\d{1,2}(?:st|nd|rd|th)?$")


def _coordinated_days(text: str, taken: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """"April 24 and 25": the bare day number after a dated day is a day of the same month (TimeML tags it)."""
    extra = []
    for i, (begin, end, value, _) in enumerate(taken):
        month = _DAY_VALUE.match(value)
        m = _NEXT_DAY.match(text, end) if month and _ENDS_WITH_DAY.search(text, begin, end) else None
        if not m:
            continue
        start, stop = m.start(2), m.start(2) + len(m.group(0)) - len(m.group(1))
        day = f"{month.group(1)}-{int(m.group(2)):02d}"
        if int(m.group(2)) <= 31 and (i + 1 == len(taken) or taken[i + 1][0] >= stop):
            extra.append((start, stop, day, "DATE"))
    return extra


def _select(candidates: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Longest match wins; among equals the earlier rule (registration order) wins."""
    order = sorted(range(len(candidates)), key=lambda i: (-(candidates[i][1] - candidates[i][0]), i))
    taken: list[tuple[int, int, str, str]] = []
    for i in order:
        s, e, _, _ = candidates[i]
        if all(e <= ts or s >= te for ts, te, _, _ in taken):
            taken.append(candidates[i])
    return sorted(taken)


def timex_stage(article: Article) -> Article:
    """Per-article stage: `timexes` from the body, anchored at the publication date, with sentence indexes."""
    article.timexes = find_timexes(article.body, article.published)
    if article.sentences:
        starts = [s.start for s in article.sentences]
        for tx in article.timexes:
            idx = bisect.bisect_right(starts, tx.start) - 1
            if idx >= 0 and tx.start < article.sentences[idx].end:
                tx.sentence = idx
    article.stages.append("timex")
    return article


def timex_command(path: str, anchor: str | None) -> list[dict]:
    """`corroborate timex FILE`: tag a text file (or a TimeML file's TEXT, anchored at its DCT unless given)."""
    if path.lower().endswith(".tml"):
        doc = read_timeml(path)
        text, anchor = doc.text, anchor or (doc.dct[:10] if doc.dct else None)
    else:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    return [{"start": t.start, "end": t.end, "text": t.text, "value": t.value, "type": t.type}
            for t in find_timexes(text, anchor)]
