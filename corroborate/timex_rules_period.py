"""Rules for parts of the year: seasons, quarters and halves, holidays.

Registered into the same `RULES` list as the calendar rules (importing this module adds them); they
run after the calendar rules, so on a tie of span length a calendar rule wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from .timex_calendar import SEASON_CODES, easter, fmt_day, fmt_week, nth_weekday, quarter_of, year_for_month
from .timex_context import MatchContext
from .timex_lexicon import ORDINALS, SPOKEN_YEAR, YEAR4
from .timex_rules_date import _I, Result, rule, year_value

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
    if unit == "half" and not explicit and "year" not in det and "fiscal" not in m.group(0).lower():
        return None  # "the second half" of a match or a film; a half-year needs its year or "fiscal"
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


@rule(rf"\b(?P<q>Q[1-4])(?:\s+(?P<yr>{YEAR4}))?\b")
def quarter_code(m: re.Match[str], ctx: MatchContext) -> Result:
    if m.group("yr"):
        return f"{m.group('yr')}-{m.group('q')}", "DATE"
    year = f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX"
    return f"{year}-{m.group('q')}", "DATE"


# --- holidays ---------------------------------------------------------------------------------------

def _opens_sentence(ctx: MatchContext, start: int) -> bool:
    before = ctx.text[max(0, start - 3):start].rstrip()
    return not before or before[-1] in ".!?\n\"“'`("


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _after_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter(year) + timedelta(days=days)


def _us_election_day(year: int) -> date:
    """The Tuesday after the first Monday of November."""
    return nth_weekday(year, 11, 0, 1) + timedelta(days=1)


_APOS = "['’]"
# (name pattern, day of the holiday in a given year), a longer name before the name it starts with; names are
# matched case-insensitively but must be capitalised
_HOLIDAY_RULES: list[tuple[str, Callable[[int], date]]] = [
    ("christmas day", _fixed(12, 25)), ("christmas eve", _fixed(12, 24)), ("christmas", _fixed(12, 25)),
    (f"new year{_APOS}s day", _fixed(1, 1)), (f"new year{_APOS}s eve", _fixed(12, 31)), ("halloween", _fixed(10, 31)),
    (f"(?:st\\.? )?valentine{_APOS}s day", _fixed(2, 14)), ("boxing day", _fixed(12, 26)),
    ("independence day", _fixed(7, 4)), ("bastille day", _fixed(7, 14)), ("may day", _fixed(5, 1)),
    (f"st\\.? patrick{_APOS}s day", _fixed(3, 17)), ("groundhog day", _fixed(2, 2)), ("earth day", _fixed(4, 22)),
    ("(?:veterans|remembrance|armistice) day", _fixed(11, 11)), ("inauguration day", _fixed(1, 20)),
    ("canada day", _fixed(7, 1)), ("australia day", _fixed(1, 26)), ("anzac day", _fixed(4, 25)),
    ("juneteenth", _fixed(6, 19)), ("guy fawkes night|bonfire night", _fixed(11, 5)),
    ("thanksgiving(?: day)?", lambda y: nth_weekday(y, 11, 3, 4)),
    ("black friday", lambda y: nth_weekday(y, 11, 3, 4) + timedelta(days=1)),
    ("labou?r day", lambda y: nth_weekday(y, 9, 0, 1)), ("memorial day", lambda y: nth_weekday(y, 5, 0, -1)),
    ("columbus day", lambda y: nth_weekday(y, 10, 0, 2)),
    (f"presidents?{_APOS}?s? day", lambda y: nth_weekday(y, 2, 0, 3)),
    ("(?:martin luther king(?: jr\\.?)?|mlk) day", lambda y: nth_weekday(y, 1, 0, 3)),
    (f"mother{_APOS}s day", lambda y: nth_weekday(y, 5, 6, 2)), (f"father{_APOS}s day", lambda y: nth_weekday(y, 6, 6, 3)),
    ("election day", _us_election_day),
    ("easter monday", _after_easter(1)), ("easter(?: sunday)?", easter), ("good friday", _after_easter(-2)),
    ("maundy thursday|holy thursday", _after_easter(-3)), ("palm sunday", _after_easter(-7)),
    ("ash wednesday", _after_easter(-46)), ("ascension day", _after_easter(39)),
    ("pentecost|whit sunday|whitsunday", _after_easter(49)),
]
_HOLIDAY_NAMES = [re.compile(pattern, re.IGNORECASE) for pattern, _ in _HOLIDAY_RULES]
_HOLIDAY = "|".join(pattern for pattern, _ in _HOLIDAY_RULES)  # a longer name before its prefix ("Easter Monday")


def _holiday_day(name: str) -> Callable[[int], date]:
    for pattern, (_, compute) in zip(_HOLIDAY_NAMES, _HOLIDAY_RULES, strict=True):
        if pattern.fullmatch(name):
            return compute
    raise KeyError(name)


@rule(rf"(?:(?P<rel>last|this|next)\s+)?(?P<h>{_HOLIDAY})(?!\w)(?:\s+(?P<week>week(?:end)?)(?!\w))?"
      rf"(?:(?:\s?,)?\s+(?P<year>{YEAR4}))?", _I)
def holiday(m: re.Match[str], ctx: MatchContext) -> Result:
    """A holiday's day; "Easter week" / "the Thanksgiving weekend": the ISO week holding it."""
    if not m.group("h")[0].isupper() or (m.group("rel") and not m.group("rel")[0].islower() and
                                         not _opens_sentence(ctx, m.start())):
        return None  # holidays are capitalised names ("Labor Day", not "labor day")
    if not m.group("year") and re.match(r"\s+[A-Z][a-z]", ctx.text[m.end():m.end() + 3]):
        return None  # "the Easter Egg Roll", "Christmas Island": part of a name
    compute = _holiday_day(m.group("h"))
    week = (m.group("week") or "").lower()
    if ctx.anchor is None and not m.group("year"):
        d = compute(2001)
        return ("XXXX-WXX" + ("-WE" if week == "weekend" else "")) if week else f"XXXX-{d.month:02d}-{d.day:02d}", "DATE"
    day = compute(int(m.group("year"))) if m.group("year") else _holiday_near(compute, m, ctx)
    if week:
        return fmt_week(day) + ("-WE" if week == "weekend" else ""), "DATE"
    return fmt_day(day), "DATE"


def _holiday_near(compute: Callable[[int], date], m: re.Match[str], ctx: MatchContext) -> date:
    """The holiday's occurrence the sentence means: last / next one, or by tense the one near the anchor."""
    assert ctx.anchor is not None
    rel = (m.group("rel") or "").lower()
    tense = -1 if rel == "last" else 1 if rel == "next" else ctx.tense(m.start(), m.end())
    this_year = compute(ctx.anchor.year)
    if tense < 0 and (this_year - ctx.anchor).days > (0 if rel == "last" else 31):
        # a holiday weeks ahead is this year's even in a past-tense sentence, unless it is "last Christmas"
        return compute(ctx.anchor.year - 1)
    if tense > 0 and this_year < ctx.anchor:
        return compute(ctx.anchor.year + 1)
    return this_year
