"""Rules for calendar dates: explicit dates, months, years, decades, weekdays, seasons, quarters, holidays.

Each rule is a regex plus a handler that turns the match into a (value, type)
pair, or None to reject it.  `RULES` is the registry the tagger runs; the rules
for relative periods, durations, sets and clock times live in timex_rules_rel.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from .timex_calendar import (
    SEASON_CODES,
    day_without_year,
    easter,
    fmt_day,
    fmt_month,
    nth_weekday,
    quarter_of,
    relative_period,
    two_digit_year,
    valid_day,
    weekday_date,
    weekday_strict,
    year_for_month,
)
from .timex_context import MatchContext
from .timex_lexicon import (
    DAYNUM,
    MONTH,
    MONTH_FULL,
    MONTHS,
    ORDINALS,
    PART_OF_DAY,
    SPOKEN_YEAR,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
    parse_day_number,
    parse_spoken_year,
)

Result = tuple[str, str] | None
Handler = Callable[[re.Match[str], MatchContext], Result]
RULES: list[tuple[re.Pattern[str], Handler]] = []

_I = re.IGNORECASE


def rule(pattern: str, flags: int = 0) -> Callable[[Handler], Handler]:
    """Register a handler for a regex (case-sensitive unless flags say otherwise: month and day names are capitalised)."""

    def register(fn: Handler) -> Handler:
        RULES.append((re.compile(pattern, flags), fn))
        return fn

    return register


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def year_value(text: str, ctx: MatchContext) -> int:
    """A year written "1996", "'96" or "nineteen ninety-six"."""
    t = text.strip().lstrip("'")
    if not t.isdigit():
        return parse_spoken_year(t) or 0
    return int(t) if len(t) == 4 else two_digit_year(int(t), ctx.anchor)


def _day_num(text: str) -> int:
    return parse_day_number(text)


def _weekday_phrase_value(rel: str | None, wd: str, ctx: MatchContext, start: int, end: int) -> str:
    weekday = WEEKDAYS[wd.lower()]
    rel = (rel or "").lower()
    if rel in ("last", "the previous", "this past", "past", "previous"):
        return weekday_strict(ctx.anchor, weekday, -1)
    if rel in ("next", "this coming", "coming", "the following", "the next"):
        return weekday_strict(ctx.anchor, weekday, 1)
    return weekday_date(ctx.anchor, weekday, ctx.tense(start, end, strong_only=True))


# --- explicit dates -------------------------------------------------------------------------------

@rule(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(?![\d])")
def iso_date(m: re.Match[str], ctx: MatchContext) -> Result:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not valid_day(y, mo, d):
        return None
    if m.group(4):
        return f"{y:04d}-{mo:02d}-{d:02d}T{m.group(4)}:{m.group(5)}" + (f":{m.group(6)}" if m.group(6) else ""), "TIME"
    return f"{y:04d}-{mo:02d}-{d:02d}", "DATE"


@rule(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?(?![\d/]|\.\d)")
def numeric_date(m: re.Match[str], ctx: MatchContext) -> Result:
    a, b = int(m.group(1)), int(m.group(3))
    year = int(m.group(4)) if len(m.group(4)) == 4 else two_digit_year(int(m.group(4)), ctx.anchor)
    # slashes and dashes: US month-first unless impossible; dots: day-first (European)
    if m.group(2) == "." and len(m.group(4)) != 4:
        return None  # "3.5.2" is a version number
    month, day = (b, a) if (m.group(2) == "." or a > 12) else (a, b)
    if not valid_day(year, month, day):
        month, day = day, month
        if not valid_day(year, month, day):
            return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if m.group(5):
        return value + f"T{m.group(5)}:{m.group(6)}" + (f":{m.group(7)}" if m.group(7) else ""), "TIME"
    return value, "DATE"


@rule(r"(?<![\d.,$])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d.,])")
def compact_date(m: re.Match[str], ctx: MatchContext) -> Result:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return (f"{y:04d}-{mo:02d}-{d:02d}", "DATE") if valid_day(y, mo, d) else None


@rule(rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}|'\d\d))?(?![\d])")
def month_day(m: re.Match[str], ctx: MatchContext) -> Result:
    return _explicit_day(m, ctx)


@rule(rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?(?![\d])")
def day_month(m: re.Match[str], ctx: MatchContext) -> Result:
    return _explicit_day(m, ctx)


def _explicit_day(m: re.Match[str], ctx: MatchContext) -> Result:
    month, day = month_number(m.group("mon")), _day_num(m.group("day"))
    if m.group("year"):
        year = year_value(m.group("year"), ctx)
        return (f"{year:04d}-{month:02d}-{day:02d}", "DATE") if valid_day(year, month, day) else None
    if day > 31:
        return None
    if m.group("wd") and ctx.anchor is not None:
        weekday = WEEKDAYS[m.group("wd").lower()]
        for year in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
            if valid_day(year, month, day) and date(year, month, day).weekday() == weekday:
                return fmt_day(date(year, month, day)), "DATE"
    return day_without_year(ctx.anchor, month, day, ctx.tense(m.start(), m.end(), strong_only=True)), "DATE"


@rule(rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR4}|'\d\d|{SPOKEN_YEAR})(?![\d\w-])")
def month_year(m: re.Match[str], ctx: MatchContext) -> Result:
    return fmt_month(year_value(m.group("year"), ctx), month_number(m.group("mon"))), "DATE"


_MONTH_PREPS = {"in", "since", "until", "till", "by", "of", "during", "from", "to", "through", "last", "this",
                "next", "early", "late", "mid", "before", "after", "between", "and", "or", "for"}


@rule(rf"(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Tt]his past|[Tt]his coming|[Tt]he following|[Tt]he previous)\s+)?"
      rf"(?P<mon>{MONTH_FULL})(?![a-z])(?:\s+(?P<yrel>(?:of\s+)?(?:last|this|next) year))?")
def month_alone(m: re.Match[str], ctx: MatchContext) -> Result:
    month = month_number(m.group("mon"))
    rel = (m.group("rel") or "").lower()
    if month == 5 and not rel and not m.group("yrel") and ctx.word_before(m.start()) not in _MONTH_PREPS:
        return None  # "May" is usually the modal verb
    if ctx.anchor is None:
        return fmt_month(0, month).replace("0000", "XXXX"), "DATE"
    yrel = (m.group("yrel") or "").split()[-2:]
    if yrel:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[yrel[0]]
    elif rel in ("last", "this past", "the previous"):
        year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
    elif rel in ("next", "this coming", "the following"):
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = int(year_for_month(ctx.anchor, month, ctx.tense(m.start(), m.end())))
    return fmt_month(year, month), "DATE"


_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per cent|people|persons|troops|soldiers|men|women|children|students|workers|jobs|"
    r"members|votes|cases|deaths|dollars|euros|pounds|yuan|yen|rupees|points|miles|km|kilometers|kilometres|"
    r"meters|metres|feet|tons|tonnes|barrels|units|shares|cars|homes|houses|pages|calories|mg|kg|mph|"
    r"hours|minutes|acres|hectares|rounds|employees|officers|police|refugees|pieces|copies|[a-z]+-(?:strong))\b",
    _I,
)


@rule(rf"(?<![\d,.$£€#/:])(?:(?P<fy>(?:[Ff]iscal|[Ff]inancial)(?:\s+[Yy]ear)?\s+|FY\s?)|(?P<yr>[Tt]he year\s+)|(?P<post>(?:post|pre)-))?(?P<year>{YEAR4})(?![\d%]|[.,]\d|-\d|\s*(?:BC|B\.C\.))")
def year_alone(m: re.Match[str], ctx: MatchContext) -> Result:
    year = int(m.group("year"))
    if not 1500 <= year <= 2099:
        return None
    if not m.group("fy") and _NOT_YEAR_AFTER.match(ctx.text, m.end()):
        return None
    return f"{year:04d}", "DATE"


@rule(r"(?<![\w-])(?:FY|fiscal\s+)'?(?P<yy>\d{2})(?!\d)")
def fiscal_short(m: re.Match[str], ctx: MatchContext) -> Result:
    return f"{two_digit_year(int(m.group('yy')), ctx.anchor):04d}", "DATE"


_DECADE = r"(?:(?:1\d|20)\d0s|'\d0s|\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"


@rule(rf"(?:[Tt]he\s+)?(?:(?:early|mid|late|Early|Mid|Late)[- ]?)?(?P<dec>{_DECADE})(?![\w'])")
def decade(m: re.Match[str], ctx: MatchContext) -> Result:
    from .timex_lexicon import DECADE_WORDS

    word = m.group("dec").lower()
    if word in DECADE_WORDS:
        if not m.group(0).lower().startswith("the"):
            return None
        century = (ctx.anchor.year // 100 - (1 if ctx.anchor.year % 100 < 30 else 0)) if ctx.anchor else 19
        return f"{century:02d}{DECADE_WORDS[word]}", "DATE"
    digits = word.lstrip("'")[:-1]
    if len(digits) == 4:
        return digits[:3], "DATE"
    if not m.group(0).lower().startswith("the") and "'" not in word:
        return None  # "in his 40s" is an age
    return f"{two_digit_year(int(digits), ctx.anchor) // 10:03d}", "DATE"


_ORDINAL_WORDS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                  "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                  "twenty-first|\\d{1,2}(?:st|nd|rd|th)")
_ORD_VALUES = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first".split())}


@rule(rf"(?:the\s+)?(?P<ord>{_ORDINAL_WORDS})[- ]century\b", _I)
def century(m: re.Match[str], ctx: MatchContext) -> Result:
    o = m.group("ord").lower()
    n = _ORD_VALUES.get(o) or int(re.match(r"\d+", o).group(0))
    return f"{n - 1:02d}", "DATE"


@rule(r"(?P<rel>this|last|next|the last|the previous|the next|the current)\s+century\b", _I)
def relative_century(m: re.Match[str], ctx: MatchContext) -> Result:
    rel = m.group("rel").lower()
    offset = -1 if rel in ("last", "the last", "the previous") else 1 if rel in ("next", "the next") else 0
    return relative_period(ctx.anchor, "CE", offset), "DATE"


# --- weekdays --------------------------------------------------------------------------------------

@rule(rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his past|[Tt]his coming|[Cc]oming|[Tt]he previous|[Tt]he following)\s+)?"
      rf"(?P<wd>{WEEKDAY})(?!s\b|\w)(?:\s+(?P<pod>morning|afternoon|evening|night))?")
def weekday(m: re.Match[str], ctx: MatchContext) -> Result:
    value = _weekday_phrase_value(m.group("rel"), m.group("wd"), ctx, m.start(), m.end())
    if m.group("pod"):
        return value + "T" + PART_OF_DAY[m.group("pod").lower()], "TIME"
    return value, "DATE"


# --- seasons, quarters, halves ----------------------------------------------------------------------

_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_SEASON_PREPS = {"in", "during", "since", "until", "till", "through", "by", "over", "this", "last", "next",
                 "early", "late", "throughout", "before", "after"}


@rule(rf"(?:(?P<rel>last|this|next|this past|this coming|the|early|late|the early|the late|mid-?)\s*)?"
      rf"(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR4}|{SPOKEN_YEAR}))?(?![\w-])", _I)
def season(m: re.Match[str], ctx: MatchContext) -> Result:
    code = SEASON_CODES[m.group("season").lower()]
    rel = (m.group("rel") or "").lower().strip()
    if m.group("year"):
        return f"{year_value(m.group('year'), ctx):04d}-{code}", "DATE"
    if not rel and ctx.word_before(m.start()) not in _SEASON_PREPS:
        return None
    if re.match(r"\s+of\s+(?!\d)", ctx.text[m.end():m.end() + 6]):
        return None  # "the fall of the regime", "the spring of discontent"
    if m.group("season")[0].isupper() and ctx.word_before(m.start())[:1] and \
            ctx.text[:m.start()].rstrip().split()[-1][:1].isupper():
        return None  # "Arab Spring": an event's name
    if ctx.anchor is None:
        return f"XXXX-{code}", "DATE"
    year = ctx.anchor.year
    season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    if rel in ("last", "this past"):
        year -= 1 if season_month >= ctx.anchor.month else 0
    elif rel in ("next", "this coming"):
        year += 1 if season_month <= ctx.anchor.month else 0
    elif rel != "this":
        year = int(year_for_month(ctx.anchor, season_month, ctx.tense(m.start(), m.end())))
    return f"{year:04d}-{code}", "DATE"


_QUARTER_DET = (r"(?:the|this|last|next|the current|the latest|the fiscal|fiscal|the same|"
                r"this year's|last year's|next year's|the year-earlier|the year-ago|the comparable)")
_ORDINAL_AHEAD = r"(?=(?:\d{4}\s+)?(?:fiscal[- ])?(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s)"
_YEAR_TAIL = rf"(?:\s+of\s+(?:(?:the\s+)?fiscal\s+(?:year\s+)?)?(?P<yr2>{YEAR4}|this year|last year|next year|the year)|\s+(?P<yr3>{YEAR4}))"


@rule(rf"(?:(?P<det>{_QUARTER_DET})\s+{_ORDINAL_AHEAD})?(?:(?P<yr>{YEAR4})\s+)?(?:fiscal[- ])?"
      rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:fiscal[- ])?(?P<unit>quarter|half)(?![\w-])(?:{_YEAR_TAIL})?", _I)
def quarter(m: re.Match[str], ctx: MatchContext) -> Result:
    n = ORDINALS[m.group("ord").lower()]
    unit = m.group("unit").lower()
    if n == -1:
        n = 4 if unit == "quarter" else 2
    if unit == "half" and n > 2:
        return None
    det = (m.group("det") or "").lower()
    explicit = m.group("yr") or m.group("yr3") or m.group("yr2")
    if explicit and explicit[0].isdigit():
        year: int | None = int(explicit)
    elif ctx.anchor is None:
        year = None
    else:
        rel_text = (explicit or det).lower()
        year = ctx.anchor.year + (-1 if ("last" in rel_text or "year-" in rel_text or "year-ago" in rel_text)
                                  else 1 if "next" in rel_text else 0)
        if not explicit and det in ("", "the", "its", "the fiscal", "fiscal", "a") and unit == "quarter":
            # a quarter later in the year than the anchor's, told in the past tense, is last year's
            if n > quarter_of(ctx.anchor) and ctx.tense(m.start(), m.end()) < 0:
                year -= 1
    code = f"Q{n}" if unit == "quarter" else f"H{n}"
    return (f"{year:04d}-{code}" if year is not None else f"XXXX-{code}"), "DATE"


@rule(rf"(?:[Tt]he\s+)(?P<yr>{YEAR4})\s+(?:period|quarter|fiscal quarter)(?![\w-])")
def year_period(m: re.Match[str], ctx: MatchContext) -> Result:
    """"the 1988 period" in a results story: the same quarter as the one just reported, that year."""
    if ctx.anchor is None:
        return f"{m.group('yr')}-QX", "DATE"
    latest = quarter_of(ctx.anchor) - 1 or 4
    return f"{m.group('yr')}-Q{latest}", "DATE"


@rule(rf"(?<![\w-])(?:(?P<the>[Tt]he year)\s+)?(?P<year>{SPOKEN_YEAR})(?![\w-])", _I)
def spoken_year(m: re.Match[str], ctx: MatchContext) -> Result:
    """Broadcast transcripts: "nineteen ninety-six", "the year two thousand"."""
    text = m.group("year")
    if text.lower() == "two thousand" and not m.group("the") and not re.search(
            r"\b(?:in|since|until|by)\s+$", ctx.text[max(0, m.start() - 10):m.start()], _I):
        return None  # "two thousand people"
    year = parse_spoken_year(text)
    return (f"{year:04d}", "DATE") if year else None


@rule(rf"\b(?P<q>Q[1-4])(?:\s+(?P<yr>{YEAR4}))?\b")
def quarter_code(m: re.Match[str], ctx: MatchContext) -> Result:
    if m.group("yr"):
        return f"{m.group('yr')}-{m.group('q')}", "DATE"
    year = f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX"
    return f"{year}-{m.group('q')}", "DATE"


# --- holidays ---------------------------------------------------------------------------------------

def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas day": _fixed(12, 25), "christmas": _fixed(12, 25), "christmas eve": _fixed(12, 24),
    "new year's day": _fixed(1, 1), "new year's eve": _fixed(12, 31), "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14), "boxing day": _fixed(12, 26), "independence day": _fixed(7, 4),
    "bastille day": _fixed(7, 14), "may day": _fixed(5, 1), "st. patrick's day": _fixed(3, 17),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1), "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "easter": easter, "easter sunday": easter, "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
}


@rule(r"(?:(?P<rel>last|this|next)\s+)?(?P<h>Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Halloween|Valentine's Day|"
      r"Boxing Day|Independence Day|Bastille Day|May Day|St\. Patrick's Day|Thanksgiving(?: Day)?|Labor Day|"
      rf"Memorial Day|Easter(?: Sunday| Monday)?|Good Friday)(?!\w)(?:,?\s+(?P<year>{YEAR4}))?")
def holiday(m: re.Match[str], ctx: MatchContext) -> Result:
    compute = _HOLIDAYS[m.group("h").lower()]
    if m.group("year"):
        return fmt_day(compute(int(m.group("year")))), "DATE"
    if ctx.anchor is None:
        d = compute(2001)
        return f"XXXX-{d.month:02d}-{d.day:02d}", "DATE"
    rel = (m.group("rel") or "").lower()
    tense = -1 if rel == "last" else 1 if rel == "next" else ctx.tense(m.start(), m.end())
    this_year = compute(ctx.anchor.year)
    if tense < 0 and this_year > ctx.anchor:
        return fmt_day(compute(ctx.anchor.year - 1)), "DATE"
    if tense > 0 and this_year < ctx.anchor:
        return fmt_day(compute(ctx.anchor.year + 1)), "DATE"
    return fmt_day(this_year), "DATE"
