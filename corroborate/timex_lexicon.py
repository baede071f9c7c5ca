"""Word lists and regex fragments of the temporal grammar (general English, no corpus phrases)."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
UNITS = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": -1, "final": -1,
}
_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
FUZZY_AMOUNTS = ("a few", "few", "several", "many", "some", "a couple of", "couple of", "a number of",
                 "numerous", "a couple", "countless")
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}

MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})(?![a-z])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_ORDINAL_WORDS = (r"(?:twenty[- ]|thirty[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
                      r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
                      r"eighteenth|nineteenth|twentieth|thirtieth")
DAYNUM = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)|(?:{_DAY_ORDINAL_WORDS})(?![\w-]))"
YEAR4 = r"(?:1\d{3}|20\d{2})(?![\d,]\d)"
_WORD_NUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
             r"six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
             r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|"
             r"hundreds|thousands|a thousand|a dozen|dozens|half a|half an)")
NUMBER = (rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|{_WORD_NUM}(?:\s+and\s+a\s+half)?|an?|"
          rf"{'|'.join(f for f in FUZZY_AMOUNTS)})")
UNIT_WORD = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centuries|century)"
TIME_OF_DAY = r"(?:morning|afternoon|evening|night)"


def parse_number(text: str) -> float | None:
    """"18" -> 18, "two and a half" -> 2.5, "2 1/2" -> 2.5, "a" -> 1, "a couple of" -> 2, "several" -> None."""
    t = text.lower().strip().replace(",", "")
    if t in ("a couple of", "couple of", "a couple"):
        return 2
    if t in FUZZY_AMOUNTS or t in ("hundreds", "thousands", "dozens"):
        return None
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")].strip(), 0.5
    if t in ("a", "an", "one"):
        return 1 + half
    if t in ("half a", "half an"):
        return 0.5
    if t == "a dozen":
        return 12
    if t in ("a hundred", "one hundred"):
        return 100
    if t == "a thousand":
        return 1000
    m = re.fullmatch(r"(\d+(?:\.\d+)?)?\s*(?:(\d)/(\d))?", t)
    if m and (m.group(1) or m.group(2)):
        value = float(m.group(1) or 0)
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value + half
    parts = re.split(r"[- ]", t)
    total = 0
    for part in parts:
        if part in _TENS:
            total += _TENS[part]
        elif part in _ONES:
            total += _ONES[part]
        else:
            return None
    return total + half


def unit_code(word: str) -> str:
    """"years" -> "Y", "centuries" -> "CE"."""
    w = word.lower()
    if w == "centuries":
        return "CE"
    return UNITS[w[:-1] if w.endswith("s") and w[:-1] in UNITS else w]


_SPOKEN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPOKEN_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
SPOKEN_YEAR = (rf"(?:(?:nineteen|eighteen)[- ](?:(?:{_SPOKEN_TENS})(?:[- ](?:{_SPOKEN_UNITS}))?|{_SPOKEN_TEENS}|hundred)"
               rf"|two thousand(?:[- ](?:and[- ])?(?:{_SPOKEN_UNITS}|{_SPOKEN_TEENS}))?)")


def parse_spoken_year(text: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (broadcast transcripts spell years out)."""
    t = text.lower().replace("-", " ").split()
    if t[:2] == ["two", "thousand"]:
        rest = [w for w in t[2:] if w != "and"]
        value = parse_number(" ".join(rest)) if rest else 0
        return 2000 + int(value) if value is not None else None
    century = {"nineteen": 1900, "eighteen": 1800}.get(t[0])
    if century is None:
        return None
    if t[1:] == ["hundred"]:
        return century
    value = parse_number(" ".join(t[1:]))
    return century + int(value) if value is not None else None


_ORDINAL_DAY_VALUES = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}


def parse_day_number(text: str) -> int:
    """"23", "23rd" or "twenty-third" -> 23."""
    t = text.lower().strip()
    m = re.match(r"\d+", t)
    if m:
        return int(m.group(0))
    if t == "thirtieth":
        return 30
    parts = re.split(r"[- ]", t)
    tens = {"twenty": 20, "thirty": 30}.get(parts[0], 0) if len(parts) > 1 else 0
    return tens + _ORDINAL_DAY_VALUES.get(parts[-1], 0)
