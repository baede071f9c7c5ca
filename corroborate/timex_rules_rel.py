"""Rules for relative dates, vague references, durations, sets and clock times.

Registered into the same `RULES` list as the calendar rules (importing this
module is what adds them).
"""

from __future__ import annotations

import re
from datetime import timedelta

from .timex_calendar import duration_value, fmt_day, quarter_of, relative_period, shift, weekday_date
from .timex_context import MatchContext
from .timex_lexicon import (
    DAYNUM,
    MONTH,
    NUMBER,
    PART_OF_DAY,
    TIME_OF_DAY,
    UNIT_WORD,
    WEEKDAY,
    WEEKDAYS,
    parse_number,
    unit_code,
)
from .timex_rules_date import _I, Result, month_number, rule


def _looks_like_title(word: str) -> bool:
    """A capitalised unit word inside lower-case prose is a name ("This Week", "Sandra Day")."""
    return word[:1].isupper() and not word.isupper()


# --- today, tonight, yesterday morning -------------------------------------------------------------

_TITLE_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]*|\b[Tt]he|['’]s)\s+$")
_FUNCTION_CAPITALS = frozenset("The A An In On At By For And But Or So If As It He She We They I You This That Even "
                               "Until Since From To Of With Only Just Not".split())


def _in_title(ctx: MatchContext, start: int, word: str) -> bool:
    """A capitalised "Today"/"Tonight" inside running text after a capitalised word, "the" or a possessive."""
    if not word[:1].isupper() or word.isupper():
        return False
    before = _TITLE_BEFORE.search(ctx.text, max(0, start - 30), start)
    if not before:
        return False
    previous = before.group(0).split()[0]
    if previous.lower() == "the" or previous.endswith(("'s", "’s")):
        return True  # "the Today programme", "NBC 's Today show"
    if previous in _FUNCTION_CAPITALS:
        return False  # "And Today ...", "It Today": a sentence-like opening, not a title
    # a capitalised word that merely opens the sentence ("Officials. Today ...") makes no title either
    return not re.search(r"(?:^|[.!?:;\"“`'(]\s*|\n\s*)$", ctx.text[max(0, before.start() - 3):before.start()])


_DAY_OFFSETS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


@rule(rf"(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<day>today|tonight|tomorrow|yesterday)(?!\w)(?:\s+(?P<pod>{TIME_OF_DAY}))?", _I)
def relative_day(m: re.Match[str], ctx: MatchContext) -> Result:
    word = m.group("day").lower()
    if not m.group("ba") and _in_title(ctx, m.start(), m.group("day")):
        return None  # "USA Today", "Piers Morgan Tonight", "the Today programme": a title, not a day
    offset = _DAY_OFFSETS[word] + (-1 if m.group("ba") == "before" else 1 if m.group("ba") else 0)
    value = relative_period(ctx.anchor, "D", offset)
    if word == "tonight":
        return value + "TNI", "TIME"
    if m.group("pod"):
        return value + "T" + PART_OF_DAY[m.group("pod").lower()], "TIME"
    return value, "DATE"


@rule(rf"(?P<rel>this|last|early this|late this)\s+(?P<pod>{TIME_OF_DAY})\b|(?P<over>overnight)\b", _I)
def part_of_today(m: re.Match[str], ctx: MatchContext) -> Result:
    if m.group("over"):
        return relative_period(ctx.anchor, "D", 0) + "TNI", "TIME"
    pod = m.group("pod").lower()
    if m.group("rel").lower() == "last":
        if pod != "night":
            return None
        return relative_period(ctx.anchor, "D", -1) + "TNI", "TIME"
    return relative_period(ctx.anchor, "D", 0) + "T" + PART_OF_DAY[pod], "TIME"


_POD_PREPOSITION = re.compile(r"\b(?:in|during|by|at|until|till|before|after|since|from)\s+$", _I)
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the|his|her|its|their|our|my|your|every|each|this|that|last)\s+$", _I)


@rule(rf"(?:(?P<the>the)\s+)?(?:(?P<mod>mid-|mid\s+|early\s+|late\s+))?(?P<pod>{TIME_OF_DAY})(?![\w-])"
      rf"(?:\s+(?P<day>today|yesterday|tomorrow|{WEEKDAY}))?", _I)
def part_of_day_alone(m: re.Match[str], ctx: MatchContext) -> Result:
    """"in the morning", "by mid afternoon", "late evening", "mid-afternoon yesterday": a part of the day told
    last (within reach), else of the anchor's day; TimeML tags these as times (TMO, TAF, TEV, TNI)."""
    before = ctx.text[max(0, m.start() - 20):m.start()]
    if _looks_like_title(m.group("pod")):
        return None  # "the Late Night Prom": a title
    if m.group("the") and not _POD_PREPOSITION.search(before):
        return None  # "the morning after", "on the night he died", "into the night": no point the rule can place
    if not m.group("the") and not m.group("mod"):
        return None  # a bare "morning" is a noun ("a cold morning")
    if m.group("mod") and not m.group("the") and _DETERMINER_BEFORE.search(before):
        return None  # "an early morning raid": an adjective of the noun
    if re.match(r"\s+of\b", ctx.text[m.end():m.end() + 5]):
        return None  # "the night of the attack": anchored to an event
    part = PART_OF_DAY[m.group("pod").lower()]
    day = (m.group("day") or "").lower()
    if day in _DAY_OFFSETS:
        return relative_period(ctx.anchor, "D", _DAY_OFFSETS[day]) + "T" + part, "TIME"
    if day:
        tense = ctx.tense(m.start(), m.end(), strong_only=True)
        return weekday_date(ctx.anchor, WEEKDAYS[day], tense) + "T" + part, "TIME"
    return f"REF:CLK:0:T{part}", "TIME"


# --- vague references ------------------------------------------------------------------------------

_GENERIC = {
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF",
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "once": "PAST_REF", "in the old days": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "shortly": "FUTURE_REF", "someday": "FUTURE_REF",
}


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[\"“`']\s*)$")


@rule(r"(?<![\w-])(?:right now|now|currently|current|presently|at present|nowadays|these days|the present|"
      r"at the moment|recently|lately|recent|the past|the future|soon|the near future|the near term|"
      r"the short term|the long term|as soon as possible|a later date|someday)(?![\w-])", _I)
def generic_reference(m: re.Match[str], ctx: MatchContext) -> Result:
    word = m.group(0).lower()
    after = ctx.text[m.end():m.end() + 20].lower()
    if word in ("now", "current", "future") and re.match(r"-|\s*(?:account|accounts|affairs|events)\b", after):
        return None  # "current account", "current affairs"
    if word in ("current", "future") and re.match(r"\s*that\b", after):
        return None  # "a current that could carry it" ("now that he is in a confrontation" stays a time: TimeBank
        # tags its "now", 2 of 2)
    if word == "now" and after.startswith(",") and _SENTENCE_OPENING.search(ctx.text, max(0, m.start() - 4), m.start()):
        return None  # "Now, he says, ...": a discourse marker opening the sentence, not a time
    if word == "the present" and not re.match(r"\s*(?:day|time|$|[.,;])", after):
        return None  # "the present government"
    if word == "current" and re.search(r"\bthen[\s-]+$", ctx.text[max(0, m.start() - 6):m.start()], _I):
        return "PAST_REF", "DATE"  # "the then current price": current at a past time
    if word == "soon" and re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4):m.start()], _I):
        return None  # "as soon as" is a conjunction
    if word == "soon" and (re.match(r"\s+after\b", after) or (
            ctx.tense(m.start(), m.end(), strong_only=True) <= 0 and ctx.tense(m.start(), m.end()) < 0)):
        return None  # "soon after the attack", "was soon released": soon after a story time, not the future
    if word == "the past" and re.match(r"\s+(?:tense|participle|master)", after):
        return None
    return _GENERIC[word], "DATE"


# --- this / last / next period ---------------------------------------------------------------------

_PERIOD_UNIT = r"(?:week|weekend|month|quarter|year|decade|fiscal year|financial year|period)"
_REL_OFFSET = {"this": 0, "the current": 0, "current": 0, "last": -1, "the previous": -1, "previous": -1,
               "this past": -1, "past": -1, "next": 1, "the next": 1, "the coming": 1, "coming": 1,
               "this coming": 1, "the following": 1, "the last": -1, "the past": -1, "the full": 0, "the whole": 0,
               "the entire": 0, "the same": 0, "the latest": 0, "that": 0, "the": 0}


# --- anaphoric: "that year", "the following day", "the day before": relative to the date told last ------

@rule(r"(?P<rel>that|the same|the following|the previous|the preceding|the prior|the next)\s+(?P<unit>day|"
      r"morning|afternoon|evening|night|week|month|quarter|year)(?![\w-])|the\s+(?P<unit2>day)\s+(?P<ba>before|after)"
      r"(?!\s+(?:yesterday|tomorrow))(?![\w-])"
      r"|(?:earlier|later)\s+in\s+the\s+(?P<within>day|morning|afternoon|evening|week|month|year)(?![\w-])", _I)
def anaphoric_period(m: re.Match[str], ctx: MatchContext) -> Result:
    """A reference value "REF:unit:offset[:part of day]" that find_timexes resolves against the last date;
    "later in the day", "earlier in the year" name the period of the date told last (TimeML's reference time)."""
    if m.group("unit2"):
        return f"REF:D:{-1 if m.group('ba').lower() == 'before' else 1}", "DATE"
    if m.group("within"):
        unit = m.group("within").lower()
        if unit in PART_OF_DAY:  # like a bare clock time: the day told just before (within reach), else the anchor's
            return f"REF:CLK:0:T{PART_OF_DAY[unit]}", "TIME"
        if unit == "day":
            return "REF:CLK:0:", "DATE"
        return f"REF:{ {'week': 'W', 'month': 'M', 'year': 'Y'}[unit]}:0", "DATE"
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    if rel == "the next" and unit not in ("day", "morning", "afternoon", "evening", "night"):
        return None  # "the next year" counts from the document date (relative_unit_period)
    if unit == "quarter" and rel != "that":
        return None  # "the same quarter", "the previous quarter": results-story periods (relative_unit_period)
    offset = 0 if rel in ("that", "the same") else 1 if rel in ("the following", "the next") else -1
    if unit in PART_OF_DAY:
        return f"REF:D:{offset}:{PART_OF_DAY[unit]}", "TIME"
    return f"REF:{ {'day': 'D', 'week': 'W', 'month': 'M', 'quarter': 'Q', 'year': 'Y'}[unit]}:{offset}", "DATE"


_TODAY_IS = re.compile(r"(?:\btoday|\bit|\bthis)\s*(?:\s+is|['’]s)\s+$", _I)


@rule(rf"the\s+(?:{DAYNUM})\s+day(?![\w-])", _I)
def ordinal_day_today(m: re.Match[str], ctx: MatchContext) -> Result:
    """"Today is the eighth day of the blockade", "It's the second day of an offensive": the counted day of an
    event said in the present is the story's day (TimeML dates it); elsewhere the count needs the event's start."""
    if not _TODAY_IS.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    return relative_period(ctx.anchor, "D", 0), "DATE"


_ENDED_ON = re.compile(r"\s+end(?:ed|ing)\b", _I)


@rule(rf"(?P<rel>this|the current|current|last|the last|the past|past|the previous|previous|this past|next|the next|"
      rf"this coming|the coming|the following|the same|the latest|the full|the whole|the entire|the)\s+(?P<unit>{_PERIOD_UNIT})(?![\w-])", _I)
def relative_unit_period(m: re.Match[str], ctx: MatchContext) -> Result:
    rel = m.group("rel").lower()
    unit_word = m.group("unit").lower()
    if _looks_like_title(m.group("unit")):
        return None
    if unit_word == "period" and rel != "the latest":
        return None  # only "the latest period" (in a results story, the quarter just reported) is a date
    code = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
            "fiscal year": "Y", "financial year": "Y", "period": "Q"}[unit_word]
    if rel == "the" and code == "Y" and _ENDED_ON.match(ctx.text, m.end()):
        return "P1Y", "DURATION"  # "the year ended March 31": a year-long span named by its last day
    offset = _REL_OFFSET[rel]
    if rel in ("the", "the latest", "the same") and code in ("Q", "WE"):
        # "the quarter" in a results story is the one just reported; "the weekend" the one just past
        tense = ctx.tense(m.start(), m.end())
        if code == "WE" and tense > 0:
            return _weekend(ctx, 1), "DATE"
        if code == "WE":
            return _weekend(ctx, -1), "DATE"
        offset = -1 if tense <= 0 and rel != "the same" else 0
    elif rel == "the" and code == "W":
        return (relative_period(ctx.anchor, "W", 0) if ctx.anchor else "XXXX-WXX"), "DATE"
    elif code == "WE":
        return _weekend(ctx, offset), "DATE"
    return relative_period(ctx.anchor, code, offset), "DATE"


def _weekend(ctx: MatchContext, direction: int) -> str:
    """The weekend just past (-1), this one (0) or the coming one (+1), as its ISO week with -WE."""
    if ctx.anchor is None:
        return "XXXX-WXX-WE"
    saturday = ctx.anchor + timedelta(days=5 - ctx.anchor.weekday())  # the Saturday of the anchor's week
    if direction < 0 and saturday > ctx.anchor:
        saturday -= timedelta(weeks=1)
    elif direction > 0 and saturday + timedelta(days=1) < ctx.anchor:
        saturday += timedelta(weeks=1)
    return relative_period(saturday, "WE", 0)


@rule(r"(?P<word>year|month|week)[- ]end\b|(?P<poss>year|month)'s end\b", _I)
def period_end(m: re.Match[str], ctx: MatchContext) -> Result:
    word = (m.group("word") or m.group("poss")).lower()
    return relative_period(ctx.anchor, {"year": "Y", "month": "M", "week": "W"}[word], 0), "DATE"


@rule(r"(?P<the>the\s+)?(?:year-ago|year-earlier|year-before|prior-year)(?:\s+(?P<unit>quarter|period|third quarter|"
      r"second quarter|first quarter|fourth quarter|month|nine months|half))?(?![\w-])", _I)
def year_ago_adjective(m: re.Match[str], ctx: MatchContext) -> Result:
    unit = (m.group("unit") or "").lower()
    if ctx.anchor is None:
        return "XXXX", "DATE"
    prev_year = ctx.anchor.year - 1
    if "quarter" in unit or unit in ("period", ""):
        ordinal = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(unit.split()[0] if " " in unit else "")
        if ordinal is None:
            ordinal = quarter_of(ctx.anchor) - 1 or 4
            if quarter_of(ctx.anchor) == 1:
                prev_year -= 1
        return f"{prev_year:04d}-Q{ordinal}", "DATE"
    if unit == "month":
        return shift(ctx.anchor, "M", -12), "DATE"
    return f"{prev_year:04d}", "DATE"


# --- N units ago / from now ------------------------------------------------------------------------

@rule(rf"(?P<num>{NUMBER})\s+(?:more\s+)?(?P<unit>{UNIT_WORD})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from now|hence|back|later)(?!\w)", _I)
def units_ago(m: re.Match[str], ctx: MatchContext) -> Result:
    amount = parse_number(m.group("num"))
    unit = unit_code(m.group("unit"))
    direction = -1 if m.group("dir").lower() in ("ago", "earlier", "back") else 1
    if amount is None:
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), "DATE"
    if unit in ("H", "MIN", "S"):
        return relative_period(ctx.anchor, "D", 0), "DATE"
    if unit in ("FN", "WE"):
        unit, amount = "D", amount * 14 if unit == "FN" else amount * 7
    if amount != int(amount):
        return None
    if m.group("dir").lower() == "later" and unit in ("D", "W", "M", "Y"):
        return f"REF:{unit}:{int(amount)}:shift", "DATE"  # "two days later": after the date told last
    return shift(ctx.anchor, unit, direction * int(amount)), "DATE"


@rule(r"(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier|later)(?!\w)"
      r"|(?P<while>a (?:little |short |long )?while|some time|a long time)\s+ago(?!\w)", _I)
def vague_ago(m: re.Match[str], ctx: MatchContext) -> Result:
    """"years ago", "a while ago": some time before (after) the story's time, no span."""
    return ("FUTURE_REF" if (m.group("dir") or "").lower() == "later" else "PAST_REF"), "DATE"


# --- durations -------------------------------------------------------------------------------------



# a count or a plural noun before "a year" makes a rate ("$5 million a year", "700 seats a week"); words that
# merely end in s ("as long as a month", "it was a year ago", "his", "this") are no plural nouns
_RATE_BEFORE = re.compile(r"(?:\d|%|million|billion|thousand|times|once|twice|"
                          r"\b(?!(?:as|was|is|has|his|its|this|thus|plus|less|unless|does|yes|us|whereas|perhaps)\s)"
                          r"[a-z]+s)\s+$", _I)
# words that cannot stand inside a quantity phrase: "3 races in a year", "5 people who died a day later"
_NOT_IN_QUANTITY = frozenset(
    "in for within over after before than about to by at on per and or but nor is was were are be been being has "
    "had have will would can could may might took take takes taking spent spend lasted lasts only just nearly almost "
    "least once twice it he she they we i you who which that this those these then since during".split())
_YEAR_TOKEN = re.compile(r"(?:1[89]|20)\d\d")


def _counted_rate(before: str) -> bool:
    """A count a few words before "a day" with only a quantity phrase between ("2 million gallons of crude a
    day", "70km an hour", "24 hours a day") makes a rate; a preposition, verb or clause break between ("3 races
    in a year", "In 2009, a year after") does not."""
    words = before.split()[-6:]
    counts = [i for i, w in enumerate(words) if any(c.isdigit() for c in w)]
    if not counts:
        return False
    count = words[counts[-1]]
    if _YEAR_TOKEN.fullmatch(count.strip("(),.;:")) or count[-1] in ",.;:)":
        return False
    return all(w.lower() not in _NOT_IN_QUANTITY and w.isalpha() for w in words[counts[-1] + 1:])


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|should|can|shall|'ll)\s+(?:\w+ly\s+)?$", _I)
_DUR_LEAD = (r"(?:the\s+(?:past|last|next|first|coming|following|previous|remaining|final|latest|initial|"
             r"same|other|entire|whole|full|ensuing|preceding)|the|past|last|next|first|another|an additional|"
             r"an extra|the better part of)")
_DUR_FILL = r"(?:(?:more|additional|straight|consecutive|full|long|trading|business|working|calendar|whole|extra|or so)\s+)?"


@rule(rf"(?:(?P<lead>{_DUR_LEAD})\s+)?(?P<num>{NUMBER})(?:\s+(?:or|to)\s+(?P<num2>{NUMBER}))?\s+{_DUR_FILL}"
      rf"(?P<unit>{UNIT_WORD})(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?(?![\w-])", _I)
def duration(m: re.Match[str], ctx: MatchContext) -> Result:
    num_text = m.group("num").lower()
    unit_word = m.group("unit").lower()
    amount = parse_number(num_text)
    if num_text in ("a", "an") and unit_word.endswith("s"):
        return None
    if m.group("lead") and m.group("lead").lower() in ("the", "past", "last", "next", "first") and num_text in ("a", "an"):
        return None
    unit = unit_code(unit_word)
    if unit == "WE" or _looks_like_title(m.group("unit")):
        return None
    if unit == "D" and unit_word == "day" and not m.group("lead") and (
            num_text == "some" or (num_text == "one" and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 25), m.start()))):
        return "FUTURE_REF", "DATE"  # "some day they'll learn", "Islam will one day be": an unnamed future day
    if unit == "S" and num_text in ("a", "an"):
        return None  # "a second group": the ordinal, not a second of time
    if m.group("half") and amount is not None:
        amount += 0.5
    if re.fullmatch(r"\d{4}", num_text) and unit in ("Y", "Q", "M"):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if unit == "Y" and re.match(r"[\s-]+old\b", ctx.text[m.end():m.end() + 6]):
        return None  # ages ("37 years old") are not time expressions
    if num_text in ("a", "an") and (_RATE_BEFORE.search(ctx.text[max(0, m.start() - 25):m.start()])
                                    or _counted_rate(ctx.text[max(0, m.start() - 60):m.start()])):
        return None  # "$5 million a year", "700 seats a week", "2 million gallons of crude a day": a rate
    if unit == "Q" and (unit_word == "quarter" or num_text == "three") and \
            re.match(r"\s+of\b(?!\s+(?:the\s+)?(?:fiscal\s+)?(?:\d{4}|year|this|last|next)\b)",
                     ctx.text[m.end():m.end() + 30], _I):
        return None  # "more than a quarter of the market": a fraction, not three months
    if unit == "FN":
        unit, amount = "D", (amount * 14 if amount is not None else None)
    return duration_value(amount, unit), "DURATION"  # quarters stay quarters (P2Q), as TimeML writes them


@rule(r"(?<![\w-])(?P<num>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
      r"fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|(?:twenty|thirty|forty|fifty)-(?:one|two|three|"
      r"four|five|six|seven|eight|nine)|half|multi|several|many)-(?P<unit>second|minute|hour|day|night|week|month|"
      r"year|decade|century)s?(?:-(?:old|long))?(?![\w-])", _I)
def duration_adjective(m: re.Match[str], ctx: MatchContext) -> Result:
    if m.group(0).lower().endswith("-old") or re.match(r"\s+old\b", ctx.text[m.end():m.end() + 5]):
        return None  # ages ("a 6-year-old boy", "59-year old Raymond") are not time expressions
    unit = unit_code(m.group("unit"))
    word = m.group("num").lower()
    amount = 0.5 if word == "half" else None if word in ("multi", "several", "many") else (
        100 if word == "hundred" else parse_number(word))
    return duration_value(amount, unit), "DURATION"


@rule(r"(?<![\w-])(?:day|week|month|year|decades?|years?|months?|hours?)-long(?![\w-])", _I)
def long_adjective(m: re.Match[str], ctx: MatchContext) -> Result:
    word = m.group(0).lower().split("-")[0]
    plural = word.endswith("s")
    unit = unit_code(word)
    return duration_value(None if plural else 1, "Y" if unit in ("DE", "CE") and plural else unit), "DURATION"


@rule(r"(?:(?P<lead>recent|the coming|coming|future|the past|past|the next|next|the last|the following|the previous|"
      r"the early|the first)\s+(?:few\s+|several\s+)?)?(?P<unit>days|weeks|months|years|decades|hours|"
      r"minutes|centuries|quarters)(?![\w-])", _I)
def vague_duration(m: re.Match[str], ctx: MatchContext) -> Result:
    lead = (m.group("lead") or "").lower()
    unit = unit_code(m.group("unit"))
    if unit == "DE":
        unit = "Y"
    if not lead and re.search(rf"(?:\d|\b{NUMBER})[\s-]+$", ctx.text[max(0, m.start() - 25):m.start()], _I):
        return None  # the number was refused by the duration rule ("37 years old")
    if ctx.text[m.end():m.end() + 4].lower() == " of " and not lead:
        return None  # "days of talks" is an event, not a span of time
    if unit == "Q" and not lead:
        return None  # bare "quarters" are mostly lodgings ("living quarters") or fractions
    if unit == "Y" and lead in ("recent", "past"):
        return "PAST_REF", "DATE"
    if lead == "future":
        return "FUTURE_REF", "DATE"  # "future quarters": some time ahead, not a span
    return duration_value(None, unit), "DURATION"


@rule(r"(?<![\w-])(?:a while|a long time|some time|a long while|a short time|a short while|"
      r"an? (?:(?:fairly|very|relatively|rather|quite)\s+)?(?:long|lengthy|short|brief|extended|prolonged|limited)\s+"
      r"period(?:\s+of\s+time)?)(?![\w-])", _I)
def vague_while(m: re.Match[str], ctx: MatchContext) -> Result:
    """"a while", "a fairly lengthy period": a span of time with no amount."""
    return "PXX", "DURATION"


@rule(r"(?<![\w-])this\s+(?:(?:crucial|critical|difficult|decisive|historic|important|particular|present|very|"
      r"delicate|sensitive|tense)\s+)?moment(?![\w-])(?!\s+of\b)", _I)
def this_moment(m: re.Match[str], ctx: MatchContext) -> Result:
    """"at this crucial moment": the present, like "at the moment" ("this moment of contrition" is an event)."""
    return "PRESENT_REF", "DATE"


# --- sets ------------------------------------------------------------------------------------------

_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "biannually": "P6M",
              "semiannually": "P6M", "bimonthly": "P2M"}


@rule(r"(?<![\w-])(?:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|biannually|"
      r"semiannually|bimonthly)(?![\w-])", _I)
def set_adverb(m: re.Match[str], ctx: MatchContext) -> Result:
    if _looks_like_title(m.group(0)) and not re.search(r"(?:^|[.!?]\s+|\n\s*)$", ctx.text[max(0, m.start() - 3):m.start()]):
        return None  # "the Daily Show", "Weekly Standard": a name
    if re.search(r"\b(?:its|their|the|a|an|average|his|her|our)\s+$", ctx.text[max(0, m.start() - 10):m.start()], _I):
        return None  # "its quarterly dividend": an adjective of a noun, not a recurrence
    return _SET_WORDS[m.group(0).lower()], "SET"


@rule(rf"(?:every|each)\s+(?:other\s+)?(?:(?P<num>{NUMBER})\s+)?(?:(?P<unit>day|week|month|year|quarter|hour|minute|"
      rf"weekend|morning|evening|night|afternoon|spring|summer|autumn|fall|winter|decade)s?|(?P<wd>{WEEKDAY})|(?P<mon>{MONTH}))(?![\w-])", _I)
def every_set(m: re.Match[str], ctx: MatchContext) -> Result:
    if m.group("wd"):
        return f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}", "SET"
    if m.group("mon"):
        return f"XXXX-{month_number(m.group('mon')):02d}", "SET"
    unit = m.group("unit").lower()
    if unit in PART_OF_DAY:
        return f"XXXX-XX-XXT{PART_OF_DAY[unit]}", "SET"
    if unit in ("spring", "summer", "autumn", "fall", "winter"):
        return "XXXX-" + {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[unit], "SET"
    amount = parse_number(m.group("num")) if m.group("num") else 1
    if "other" in m.group(0).lower():
        amount = 2
    code = {"weekend": "W"}.get(unit, unit_code(unit))
    return duration_value(amount, code), "SET"


@rule(r"(?:once|twice|three times|four times|(?:\d+|several|many) times)\s+(?:a|an|per|each|every)\s+"
      r"(?P<unit>day|week|month|year|quarter|hour|minute|decade)(?![\w-])", _I)
def frequency_set(m: re.Match[str], ctx: MatchContext) -> Result:
    unit = m.group("unit").lower()
    return duration_value(1, unit_code(unit)), "SET"


@rule(rf"(?:on\s+)?(?P<wd>{WEEKDAY})s(?:\s+(?P<pod>mornings|afternoons|evenings|nights))?(?!\w)")
def weekday_plural(m: re.Match[str], ctx: MatchContext) -> Result:
    value = f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}"
    if m.group("pod"):
        value += "T" + PART_OF_DAY[m.group("pod").lower()[:-1]]
    return value, "SET"


# --- clock times -----------------------------------------------------------------------------------

_TZ = r"(?:\s+(?:[A-Z]{2}T|GMT|UTC|BST|CET|CEST|local time|ET|PT|[ECMP][SD]T))?"


def _day_tail(name: str) -> str:
    return (rf"(?:(?:\s?,)?\s+(?:on\s+)?(?P<{name}>{WEEKDAY}|today|tomorrow|yesterday|tonight|"
            rf"{MONTH}\s+\d{{1,2}}(?:\s?,\s+\d{{4}})?))?")


@rule(rf"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[ap]\.m\b|[AP]M\b){_TZ}{_day_tail('tail1')}"
      rf"|(?P<word>noon|midnight|midday){_day_tail('tail2')}"
      rf"|(?<![\d:.])(?P<h24>[01]\d|2[0-3])[:.]?(?P<mi24>[0-5]\d)\s*(?:GMT|UTC|hours|hrs|local time|[ECMP][SD]T)\b{_day_tail('tail3')}")
def clock_time(m: re.Match[str], ctx: MatchContext) -> Result:
    if m.group("word"):
        hour, minute = (0 if m.group("word").lower() == "midnight" else 12), 0
        hh = "24" if m.group("word").lower() == "midnight" else "12:00"
    elif m.group("h24"):
        hour, minute = int(m.group("h24")), int(m.group("mi24"))
        hh = f"{hour:02d}"
    else:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
        if hour > 12:
            return None
        if m.group("ap").lower().startswith("p") and hour < 12:
            hour += 12
        elif m.group("ap").lower().startswith("a") and hour == 12:
            hour = 0
        hh = f"{hour:02d}"
    tail = m.group("tail1") or m.group("tail2") or m.group("tail3")
    clock = f"T{hh}:{minute:02d}" if (m.group("mi") or m.group("mi24")) else f"T{hh}:00"
    if m.group("word"):
        clock = f"T{hh}"
    if not tail:
        # a bare clock time is on the day the story is telling (the date told last), else the anchor's
        return f"REF:CLK:0:{clock.replace(':', '.')}", "TIME"
    return _resolve_tail(tail, ctx, m.start(), m.end()) + clock, "TIME"


def _resolve_tail(tail: str | None, ctx: MatchContext, start: int, end: int) -> str:
    """The day a clock time is on: the named day after it, else the anchor's (news times are 'today')."""
    if not tail:
        return fmt_day(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"
    t = tail.lower()
    if t in WEEKDAYS:
        return weekday_date(ctx.anchor, WEEKDAYS[t], ctx.tense(start, end, strong_only=True))
    if t in ("today", "tonight", "tomorrow", "yesterday"):
        return relative_period(ctx.anchor, "D", {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[t])
    from .timex_calendar import day_without_year

    mm = re.match(r"(\S+)\s+(\d{1,2})(?:\s?,\s+(\d{4}))?", tail)
    month, day = month_number(mm.group(1)), int(mm.group(2))
    if mm.group(3):
        return f"{mm.group(3)}-{month:02d}-{day:02d}"
    return day_without_year(ctx.anchor, month, day, ctx.tense(start, end))
