"""Rules for calendar dates: explicit dates, months, years, decades, centuries, weekdays.

Each rule is a regex plus a handler that turns the match into a (value, type)
pair, or None to reject it.  `RULES` is the registry the tagger runs; seasons,
quarters and holidays live in timex_rules_period, relative periods, vague
references, durations, sets and clock times in timex_rules_rel.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from .timex_calendar import (
    day_without_year,
    fmt_day,
    fmt_month,
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
# the separator before a year or after a weekday: "May 11, 2009", "May 11 2009", and tokenised text's "May 11 , 2009"
_COMMA = r"(?:\s?,)?\s+"


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
    if rel in ("last", "this past", "past", "previous"):
        return weekday_strict(ctx.anchor, weekday, -1)
    if rel in ("the previous", "the following"):
        # anaphoric: counted from the date told last, not from the publication date ("down 4.5% from the
        # previous Friday" after Friday's close); find_timexes resolves the marker
        return f"REF:WD:{-1 if rel == 'the previous' else 1}:{weekday}"
    if rel in ("next", "this coming", "coming", "the next"):
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


@rule(rf"(?:(?P<wd>{WEEKDAY}){_COMMA})?(?P<mon>{MONTH})\s+(?P<day>{DAYNUM})(?:{_COMMA}(?P<year>{YEAR4}|'\d\d))?(?![\d])")
def month_day(m: re.Match[str], ctx: MatchContext) -> Result:
    return _explicit_day(m, ctx)


@rule(rf"(?:(?P<wd>{WEEKDAY}){_COMMA})?(?:the\s+)?(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH})(?:{_COMMA}(?P<year>{YEAR4}))?(?![\d])")
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


@rule(rf"(?P<mon>{MONTH}){_COMMA}(?:of\s+)?(?P<year>{YEAR4}|'\d\d|{SPOKEN_YEAR})(?![\d\w-])")
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
    if month == 3 and not rel and not m.group("yrel") and ctx.word_before(m.start()) not in _MONTH_PREPS \
            and re.match(r"\s+(?:for|of|on|against|to)\s+(?!\d)[A-Za-z]", ctx.text[m.end():m.end() + 20]):
        return None  # "the March for Life", "a March on Washington": a protest march
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

_FUNCTION_WORDS = {"in", "during", "on", "by", "since", "until", "till", "from", "to", "through", "before", "after",
                   "last", "next", "this", "early", "late", "and", "or", "the", "of", "said", "says", "at", "for",
                   "every"}


_TITLE_AFTER_THE = re.compile(r"\b[Tt]he\s+$")
_NAME_WORD_AFTER = re.compile(rf"\s+(?!{MONTH}|{WEEKDAY}|Of\b|And\b|Or\b)[A-Z][a-z]+")


def _inside_name(ctx: MatchContext, start: int, end: int) -> bool:
    """A day name between a capitalised word and a quote or another capitalised word ("Fox News Sunday")."""
    before = re.search(r"([A-Za-z]+)[ \t]+$", ctx.text[max(0, start - 40):start])
    if not before or not before.group(1)[0].isupper() or before.group(1).lower() in _FUNCTION_WORDS:
        return False
    opener = ctx.text[max(0, start - len(before.group(0)) - 3):start - len(before.group(0))].rstrip(" \t")
    if not opener or opener[-1] in ".!?:;\"“(\n'`":
        return False  # the word before opens a sentence or a quote ("In Sunday's debate")
    if re.match(r"\s?['’]s\b", ctx.text[end:end + 4]):
        return False  # a possessive, not a closing quote (tokenised text: "Sunday 's")
    return bool(re.match(r"\s?[\"”’']|\s+[A-Z][a-z]", ctx.text[end:end + 3]))  # tokenised: "Sunday ''"


@rule(rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his past|[Tt]his coming|[Cc]oming|[Tt]he previous|[Tt]he following)\s+)?"
      rf"(?P<wd>{WEEKDAY})(?!s\b|\w)(?:\s+(?P<pod>morning|afternoon|evening|night))?")
def weekday(m: re.Match[str], ctx: MatchContext) -> Result:
    if not m.group("rel") and _inside_name(ctx, m.start(), m.end()):
        return None  # "Fox News Sunday" is a programme
    if not m.group("rel") and not m.group("pod") and _TITLE_AFTER_THE.search(ctx.text, max(0, m.start() - 4), m.start()) \
            and _NAME_WORD_AFTER.match(ctx.text, m.end()):
        return None  # "the Sunday Times", "The Monday Night Football": a title, not a day
    value = _weekday_phrase_value(m.group("rel"), m.group("wd"), ctx, m.start(), m.end())
    if m.group("pod"):
        part = PART_OF_DAY[m.group("pod").lower()]
        return (f"{value}:{part}" if value.startswith("REF:") else f"{value}T{part}"), "TIME"
    return value, "DATE"


# --- spelled-out years ----------------------------------------------------------------------------

@rule(rf"(?<![\w-])(?:(?P<the>[Tt]he year)\s+)?(?P<year>{SPOKEN_YEAR})(?![\w-])", _I)
def spoken_year(m: re.Match[str], ctx: MatchContext) -> Result:
    """Broadcast transcripts: "nineteen ninety-six", "the year two thousand"."""
    text = m.group("year")
    if text.lower() == "two thousand" and not m.group("the") and not re.search(
            r"\b(?:in|since|until|by)\s+$", ctx.text[max(0, m.start() - 10):m.start()], _I):
        return None  # "two thousand people"
    year = parse_spoken_year(text)
    return (f"{year:04d}", "DATE") if year else None
