"""Calendar arithmetic and TimeML value formatting for the temporal tagger.

Every function takes the anchor (a `date`, or None when the document date is
unknown) and returns a TimeML value string.  Without an anchor, relative
expressions keep their unknown parts as X ("XXXX-WXX-1", "XXXX-04") instead of
guessing, which is how TimeML marks underspecified values.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def parse_anchor(anchor: str | None) -> date | None:
    """Read "YYYY-MM-DD" (or a longer ISO timestamp) as a date; None when absent, bad or coarser than a
    day, since "yesterday" cannot be resolved against "2021"."""
    if not anchor:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", anchor.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: date) -> str:
    iso_year, week, _ = d.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def fmt_year(year: int) -> str:
    """"1998"; years before 1 AD as TIMEX2/TimeML write them ("2,500 years ago" from 2009 -> "BC0492")."""
    return f"{year:04d}" if year > 0 else f"BC{1 - year:04d}"


_DAYS_PER_UNIT = {"D": 1, "W": 7, "M": 30.44, "Q": 91.31}


def shift(anchor: date | None, unit: str, amount: int) -> str:
    """The anchor moved by amount units, at the precision of the unit ("a week ago" stays a day); a shift
    beyond the calendar's range ("a million days ago") keeps only its year."""
    if anchor is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-XX-XX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX",
                "DE": "XXX", "CE": "XX"}.get(unit, "XXXX")
    if unit in _DAYS_PER_UNIT and not 1 <= anchor.year + amount * _DAYS_PER_UNIT[unit] / 365.25 <= 9998:
        return fmt_year(anchor.year + round(amount * _DAYS_PER_UNIT[unit] / 365.25))
    if unit == "D":
        return fmt_day(anchor + timedelta(days=amount))
    if unit == "W":
        return fmt_day(anchor + timedelta(weeks=amount))
    if unit == "M":
        return fmt_month(*add_months(anchor.year, anchor.month, amount))
    if unit == "Q":
        y, m = add_months(anchor.year, anchor.month, 3 * amount)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "Y":
        return fmt_year(anchor.year + amount)
    if unit == "DE":
        return f"{anchor.year // 10 + amount:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + amount:02d}"
    return fmt_day(anchor)


def relative_period(anchor: date | None, unit: str, offset: int) -> str:
    """"last week" / "this month" / "next year": the whole calendar period offset from the anchor's."""
    if anchor is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
                "Y": "XXXX", "DE": "XXX", "CE": "XX"}.get(unit, "XXXX")
    if unit == "D":
        return fmt_day(anchor + timedelta(days=offset))
    if unit == "W":
        return fmt_week(anchor + timedelta(weeks=offset))
    if unit == "WE":
        return fmt_week(anchor + timedelta(weeks=offset)) + "-WE"
    if unit in ("M", "Q", "Y", "DE", "CE"):
        return shift(anchor, unit, offset)
    return fmt_day(anchor)


def year_for_month(anchor: date | None, month: int, tense: int) -> str:
    """Year of a month named without one: the last occurrence in past context, the next in future context."""
    if anchor is None:
        return "XXXX"
    year = anchor.year
    if tense < 0 and month > anchor.month + 1:
        year -= 1  # (the month right after the anchor's is that one even in a past-tense report:
        # "told oil companies of a cutback in September", said in August)
    elif tense > 0 and month < anchor.month:
        year += 1
    elif tense == 0 and month - anchor.month > 6:
        year -= 1
    elif tense == 0 and anchor.month - month > 6:
        year += 1
    return f"{year:04d}"


def day_without_year(anchor: date | None, month: int, day: int, tense: int) -> str:
    """"Oct. 23" with no year: the nearest such date, leaning to the past or future with the tense."""
    if anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if valid_day(year, month, day):
            candidates.append(date(year, month, day))
    if not candidates:
        return f"{anchor.year:04d}-{month:02d}-{day:02d}"
    if tense < 0:
        past = [c for c in candidates if c <= anchor]
        if past and (anchor - past[-1]).days < 300:
            return fmt_day(past[-1])
    if tense > 0:
        future = [c for c in candidates if c >= anchor]
        if future and (future[0] - anchor).days < 300:
            return fmt_day(future[0])
    best = min(candidates, key=lambda c: abs((c - anchor).days))
    return fmt_day(best)


def weekday_date(anchor: date | None, weekday: int, direction: int) -> str:
    """A weekday (0 = Monday) resolved near the anchor: the anchor's own day, else the previous one
    (direction -1), the next one (+1), or for 0 the previous one (news mostly reports what happened)."""
    if anchor is None:
        return f"XXXX-WXX-{weekday + 1}"
    diff = weekday - anchor.weekday()
    if diff == 0 and direction in (0, -1, 1):
        return fmt_day(anchor)
    if direction > 0:
        return fmt_day(anchor + timedelta(days=diff % 7))
    return fmt_day(anchor - timedelta(days=(-diff) % 7))


def weekday_strict(anchor: date | None, weekday: int, direction: int) -> str:
    """"last Monday" / "next Monday": never the anchor itself."""
    if anchor is None:
        return f"XXXX-WXX-{weekday + 1}"
    diff = weekday - anchor.weekday()
    if direction > 0:
        return fmt_day(anchor + timedelta(days=(diff % 7) or 7))
    return fmt_day(anchor - timedelta(days=((-diff) % 7) or 7))


def two_digit_year(yy: int, anchor: date | None) -> int:
    """'89 -> 1989: the century that puts the year nearest the anchor (or 1950-2049 without one)."""
    ref = anchor.year if anchor else 2000
    candidates = [c * 100 + yy for c in (ref // 100 - 1, ref // 100, ref // 100 + 1)]
    return min(candidates, key=lambda y: abs(y - ref))


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def duration_value(amount: float | None, unit: str) -> str:
    """P3M, P18Y, PT5H, P2Y6M (2.5 years), PXY (unknown amount)."""
    time_unit = unit in ("H", "MIN", "S")
    letter = {"MIN": "M"}.get(unit, unit)
    prefix = "PT" if time_unit else "P"
    if amount is None:
        return f"{prefix}X{ {'DE': 'E', 'CE': 'C'}.get(letter, letter)}"
    if unit == "DE":
        return f"P{_num(amount * 10)}Y"
    if unit == "CE":
        return f"P{_num(amount * 100)}Y"
    whole = int(amount)
    frac = amount - whole
    if frac and unit in ("Y", "H", "D", "MIN"):
        sub_unit, factor = {"Y": ("M", 12), "H": ("M", 60), "D": ("H", 24), "MIN": ("S", 60)}[unit]
        sub = _num(frac * factor)
        if unit == "D":
            return f"P{whole}DT{sub}H" if whole else f"PT{sub}H"
        return f"{prefix}{whole}{letter}{sub}{sub_unit}" if whole else f"{prefix}{sub}{sub_unit}"
    return f"{prefix}{_num(amount)}{letter}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _day_of(value: str | None) -> date | None:
    """The day of a value with day precision ("1989-10-27", "1989-10-27TEV"), else None."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if m and valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def resolve_reference(marker: str, reference: str | None, anchor: date | None) -> str:
    """Value of an anaphoric marker "REF:unit:offset[:part]" ("the following year" = REF:Y:1) counted
    from the reference value (the date told last), or from the anchor when the reference is too coarse."""
    _, unit, offset_text, *rest = marker.split(":")
    offset = int(offset_text)
    if unit == "CLK":  # "at 10 p.m.": the clock time on the day told last (with day precision), else the anchor's
        day = _day_of(reference) or anchor
        return (fmt_day(day) if day else "XXXX-XX-XX") + rest[0].replace(".", ":")
    if unit == "WD":  # "the previous Friday": that weekday before (after) the date told last
        value = weekday_strict(_day_of(reference) or anchor, int(rest[0]), offset)
        return value + (f"T{rest[1]}" if len(rest) > 1 else "")
    part = rest[0] if rest and rest[0] != "shift" else ""
    base: date | None = None
    if reference:
        m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", reference)
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if unit == "Y":
            return f"{year + offset:04d}"
        if unit == "M" and month:
            return fmt_month(*add_months(year, int(month), offset))
        quarter = re.match(r"\d{4}-Q(\d)", reference)
        if unit == "Q" and (quarter or month):
            index = year * 4 + (int(quarter.group(1)) if quarter else (int(month) - 1) // 3 + 1) - 1 + offset
            return f"{index // 4:04d}-Q{index % 4 + 1}"
        if month and day and valid_day(year, int(month), int(day)):
            base = date(year, int(month), int(day))
    base = base or anchor
    if base is None:
        return relative_period(None, unit, 0) + (f"T{part}" if part else "")
    if unit == "D":
        value = fmt_day(base + timedelta(days=offset))
        return value + (f"T{part}" if part else "")
    if unit == "W":
        if rest and rest[0] == "shift":
            return fmt_day(base + timedelta(weeks=offset))
        return fmt_week(base + timedelta(weeks=offset))
    if unit == "M":
        return fmt_month(*add_months(base.year, base.month, offset))
    if unit == "Q":
        return relative_period(base, "Q", offset)
    return f"{base.year + offset:04d}"
