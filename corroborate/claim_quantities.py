"""Numbers with units and hedges, and whether two of them can both be true.

"about 2,500 troops" and "2,500 soldiers" describe one count; "at least 30
people" and "12 people" cannot.  Each quantity becomes an interval of values the
writer allows (hedge-aware) and two quantities conflict only when their units
denote the same thing and their intervals do not overlap.
"""

from __future__ import annotations

import math
import re

from .claim_lexicon import verb_base
from .claim_text import fold
from .model import Quantity

_UNITS_WORDS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "mn": 1e6, "bn": 1e9, "m": 1e6, "k": 1e3}
# Plural vague counts: a lower bound, read as "at least".
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9}
_CURRENCY = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_CURRENCY_WORDS = {"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rupees", "rubles"}

_HEDGES = [
    ("no fewer than", "at least"), ("no less than", "at least"), ("at least", "at least"),
    ("more than", "more than"), ("upwards of", "more than"), ("in excess of", "more than"),
    ("just over", "more than"), ("over", "more than"), ("above", "more than"),
    ("no more than", "at most"), ("at most", "at most"), ("as many as", "up to"), ("up to", "up to"),
    ("fewer than", "less than"), ("less than", "less than"), ("just under", "less than"),
    ("under", "less than"), ("below", "less than"),
    ("approximately", "about"), ("an estimated", "about"), ("estimated", "about"), ("roughly", "about"),
    ("around", "about"), ("about", "about"), ("some", "about"), ("nearly", "about"), ("almost", "about"),
    ("close to", "about"), ("circa", "about"), ("approx.", "about"), ("~", "about"),
]
_HEDGE_RE = re.compile(r"(?:" + "|".join(re.escape(h) for h, _ in _HEDGES) + r")\s*$", re.I)
_HEDGE_CANON = dict(_HEDGES)

_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec"}
_NUMBER_WORDS = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS, "one", "a", "hundred", "thousand", "million",
                                 "billion", "dozen", "half"], key=len, reverse=True))
_NUM = re.compile(
    r"(?<![\w.,/#-])(?P<cur>US\$|\$|€|£|¥)?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|mn|bn|m|k)\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b))?(?![\w.,]\d|[\w])"
    r"|(?<![\w-])(?P<words>(?:(?:" + _NUMBER_WORDS + r")(?:[\s-]+(?:and\s+)?)?){1,6})(?=\W|$)"
    r"|(?<![\w-])(?P<vague>dozens|scores|hundreds|thousands|millions|billions)\s+of\b",
    re.I,
)
_NP_STOP = {
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "over", "under", "and", "or", "the",
    "a", "an", "this", "that", "these", "those", "were", "was", "are", "is", "be", "been", "have", "has", "had",
    "will", "would", "who", "which", "since", "ago", "than", "as", "per", "each", "while", "after", "before",
    "during", "said", "says", "across", "including", "among", "when", "where", "if", "but", "so", "its",
    "their", "his", "her", "our", "it", "they", "he", "she", "we", "there", "more", "less", "least", "most",
    "out", "up", "last", "next", "ahead", "earlier", "later", "down", "off", "through", "about", "around",
    "against", "between", "could", "can", "may", "might", "should", "must", "did", "do", "does", "not",
}
_NP_WORD = re.compile(r"\s*([A-Za-z][\w’'-]*)")
_UNIT_SYNONYMS = {
    "soldier": "troop", "force": "troop", "servicemen": "troop", "serviceman": "troop", "personnel": "troop",
    "person": "people", "persons": "people", "individual": "people", "resident": "people",
    "us$": "dollar", "usd": "dollar", "eur": "euro", "gbp": "pound", "per cent": "percent", "%": "percent",
    "yr": "year",
}


def _parse_words(phrase: str) -> float | None:
    """Value of a spelled-out number ("twenty-five", "a dozen", "2.5 million" handled elsewhere)."""
    tokens = [t for t in re.split(r"[\s-]+", fold(phrase)) if t and t != "and"]
    if not tokens or tokens == ["a"] or tokens == ["half"]:
        return None
    total, current, seen_number = 0.0, 0.0, False
    for tok in tokens:
        if tok == "a":
            current = max(current, 1)
        elif tok == "one":
            current += 1
            seen_number = True
        elif tok == "half":
            current += 0.5
            seen_number = True
        elif tok in _UNITS_WORDS:
            current += _UNITS_WORDS[tok]
            seen_number = True
        elif tok in _TENS_WORDS:
            current += _TENS_WORDS[tok]
            seen_number = True
        elif tok == "dozen":
            current = max(current, 1) * 12
            seen_number = True
        elif tok == "hundred":
            current = max(current, 1) * 100
            seen_number = True
        elif tok in ("thousand", "million", "billion"):
            total += max(current, 1) * _SCALES[tok]
            current = 0
            seen_number = True
    return total + current if seen_number else None


def noun_phrase(text: str, pos: int) -> tuple[str, str, int]:
    """Words after a number up to its head noun: ("missile and drone attacks", "attacks", end)."""
    collected: list[str] = []
    end = pos
    while len(collected) < 5:
        m = _NP_WORD.match(text, end)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if low in ("and", "or") and collected:
            nxt = _NP_WORD.match(text, m.end())
            follow = _NP_WORD.match(text, nxt.end()) if nxt else None
            # "missile and drone attacks": a coordination inside the phrase continues to a shared head.
            if nxt and follow and nxt.group(1).lower() not in _NP_STOP and follow.group(1).lower() not in _NP_STOP \
                    and not nxt.group(1)[0].isupper():
                collected.append(low)
                end = m.end()
                continue
            break
        if low in _NP_STOP or (low.endswith("ed") and len(low) > 3 and collected) or low.endswith("ly"):
            break
        # "two governments agree": a verb that is not an -s form ends the phrase ("attacks" may be a noun).
        if collected and verb_base(low) and not low.endswith("s"):
            break
        if collected and word[0].isupper() and not collected[-1][0].isupper():
            break
        collected.append(word)
        end = m.end()
    if not collected:
        return "", "", pos
    return " ".join(collected), collected[-1].lower(), end


def _is_date_part(text: str, start: int, end: int, value: float, raw: str) -> bool:
    """True for the day or year of a date, a clock time or a year on its own, which are not counts."""
    before = fold(text[max(0, start - 12):start]).split()
    if before and before[-1] in ("no.", "no", "number", "nr.", "#", "No."):
        return True  # a rank or label ("the No. 2 position"), not a count
    after = fold(text[end:end + 12]).split()
    if before and before[-1].strip(".,") in _MONTHS:
        return True
    if after and after[0].strip(".,") in _MONTHS:
        return True
    if after and after[0] in ("a.m.", "p.m.", "am", "pm", "gmt", "utc", "a.m", "p.m"):
        return True
    if re.fullmatch(r"\d{1,2}[:.]\d{2}", raw) and ":" in raw:
        return True
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", raw))


def parse_quantities(text: str) -> list[Quantity]:
    """Numbers in text with their hedge and head-noun unit ("about 2,500 troops" -> 2500, troops, about).

    Days, years and clock times are dates, not quantities, and are skipped.
    """
    out: list[Quantity] = []
    for m in _NUM.finditer(text):
        start, end = m.start(), m.end()
        unit = ""
        hedge = ""
        if m.group("vague"):
            value = float(_VAGUE[m.group("vague").lower()])
            hedge = "at least"
        elif m.group("words"):
            raw_words = m.group("words").strip()
            # trailing "a"/"and" belong to the next phrase
            raw_words = re.sub(r"(?:[\s-]+(?:a|and))+$", "", raw_words, flags=re.I).strip()
            low = fold(raw_words)
            if low in ("a", "one", "half", "a half") or low.startswith("one ") and not re.search(
                    r"hundred|thousand|million|billion", low):
                continue
            parsed = _parse_words(raw_words)
            if parsed is None:
                continue
            value = parsed
            end = start + len(m.group("words").rstrip()) - (len(m.group("words").strip()) - len(raw_words))
        else:
            raw = m.group("num")
            value = float(raw.replace(",", ""))
            if m.group("scale"):
                value *= _SCALES[m.group("scale").lower()]
            if not m.group("cur") and not m.group("scale") and not m.group("pct") and \
                    _is_date_part(text, m.start("num"), m.end("num"), value, raw):
                continue
            if m.group("cur"):
                unit = _CURRENCY.get(m.group("cur").lower(), "dollar")
            if m.group("pct"):
                unit = "percent"
        hedge_m = _HEDGE_RE.search(text[max(0, start - 20):start])
        if hedge_m and not hedge:
            hedge = _HEDGE_CANON[hedge_m.group(0).strip().lower()]
            qstart = start - (len(text[max(0, start - 20):start]) - hedge_m.start())
        else:
            qstart = start
        if not unit:
            phrase, head, np_end = noun_phrase(text, end)
            if head:
                unit = head
                if head in _CURRENCY_WORDS or head in ("percent",):
                    unit = unit_key_of(head)
                end = np_end
        out.append(Quantity(text=text[qstart:end].strip(), value=value, unit=unit, hedge=hedge,
                            start=qstart, end=end))
    for part, whole in zip(out, out[1:], strict=False):  # "two of its four berths": two berths, of four
        if not part.unit and whole.unit and _PARTITIVE.fullmatch(text[part.end:whole.start]):
            part.unit = whole.unit
    return out


_PARTITIVE = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|these|those|all)\s+)?", re.I)


def unit_key_of(unit: str) -> str:
    """Singular, synonym-folded unit so "soldiers" and "troops" compare as one thing."""
    low = fold(unit).strip()
    if low in _UNIT_SYNONYMS:
        return _UNIT_SYNONYMS[low]
    if low.endswith("ies") and len(low) > 4:
        low = low[:-3] + "y"
    elif low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        low = low[:-1]
    return _UNIT_SYNONYMS.get(low, low)


def unit_key(quantity: Quantity) -> str:
    """The comparable unit of a quantity ("" when it has none)."""
    return unit_key_of(quantity.unit) if quantity.unit else ""


def interval(quantity: Quantity) -> tuple[float, float]:
    """The values a hedged quantity allows: "about 2,500" -> (2125, 2875), "at least 30" -> (30, inf)."""
    v = quantity.value
    hedge = quantity.hedge
    if hedge == "about":
        return v * 0.85, v * 1.15
    if hedge in ("at least",):
        return v, math.inf
    if hedge == "more than":
        return v * 1.0000001 if v else 1e-9, math.inf
    if hedge in ("at most", "up to"):
        return 0.0, v
    if hedge == "less than":
        return 0.0, v * 0.9999999
    # Unhedged figures in news are often rounded: allow a small tolerance.
    return v * 0.98, v * 1.02


def compatible(a: Quantity, b: Quantity) -> bool:
    """True when both quantities can describe the same count (their hedged ranges overlap)."""
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    return lo_a <= hi_b and lo_b <= hi_a


def comparable(a: Quantity, b: Quantity) -> bool:
    """True when two quantities count the same kind of thing, so comparing their values makes sense."""
    ua, ub = unit_key(a), unit_key(b)
    return bool(ua) and ua == ub
