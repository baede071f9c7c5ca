"""When two aligned claims cannot both be true, and how to describe what they disagree on.

Three kinds: numbers that count the same thing but whose hedged ranges do not
overlap ("2,500" vs "3,500 troops"; "about 2,500" vs "2,500" is fine), dates
that differ at the precision both give ("2021-12" vs "2021-08"; "2021" vs
"2021-12" is fine), and one source asserting what another denies.
"""

from __future__ import annotations

import re

from .claim_dates import dates_compatible
from .claim_lexicon import NEGATION_CUES
from .claim_quantities import comparable, compatible, noun_phrase, unit_key, unit_key_of
from .claim_text import STOPWORDS, content_tokens, fold, stem, words
from .model import Claim, Quantity

# Only near-identical wording makes a polarity difference a conflict: pair score and the share of the
# negated clause's words that the other claim states.
NEGATION_MIN_SIMILARITY = 0.55
NEGATION_MIN_OVERLAP = 0.6
GENERIC_UNITS = frozenset({"", "percent", "dollar", "euro", "pound", "yen", "year", "month", "day", "week",
                           "hour", "minute", "time"})
GENERIC_UNIT_MIN_SIMILARITY = 0.6
_NUMBERISH = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                        r"forty|fifty|hundred|thousand|million|several|few|many|dozens?)\b", re.I)
_CALENDAR = re.compile(r"^(?:\d{4}|XXXX)(?:-\d{2}){0,2}$")
_PP = re.compile(r"\s((?:(?:in|at|on|from|for|against|near|inside|across)\s+(?:(?:the|a|an|that|this|its|their)\s+)?"
                 r"|to\s+(?:the|a|an|that|this|its|their)\s+)"  # "to" + verb is an infinitive, not a place
                 r"[\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")


# Counts of people are everywhere in a story (killed, injured, arrested, evacuated): the verb must match too.
PEOPLE_UNITS = frozenset({"people", "person", "man", "woman", "child", "resident", "civilian"})
_HEDGE_OR_DET = frozenset("about some around nearly almost over more than at least up to the a an only roughly "
                          "approximately estimated another".split())
_AUXILIARY = frozenset("were was are is be been being have has had reportedly also still".split())


def count_verb(claim: Claim, q: Quantity) -> str:
    """The verb of the count: "killed 12 people" -> kill, "12 people were killed" -> kill."""
    before = words(claim.text[:max(q.start, 0)])
    for token in reversed(before[-4:]):
        if fold(token) not in _HEDGE_OR_DET:
            return stem(token) if fold(token) not in STOPWORDS else ""
    after = words(claim.text[q.end:]) if q.end >= 0 else []
    for token in after[:4]:
        if fold(token) not in _AUXILIARY:
            return stem(token)
    return ""


def _measured_thing(claim: Claim, q: Quantity) -> str:
    """What a sum or share is of: "a $43,000 Rolex watch" -> "watch", "$500,000 of airtime" -> "airtime"."""
    if q.end < 0 or q.end > len(claim.text):
        return ""
    m = re.match(r"\s+(?:of\s+)?", claim.text[q.end:])
    start = q.end + (m.end() if m else 0)
    _, head, _ = noun_phrase(claim.text, start)
    return unit_key_of(head) if head else ""


def _quantities_comparable(a: Claim, b: Claim, qa: Quantity, qb: Quantity) -> bool:
    """Same unit (and, for money and shares, of the same named thing or of none); or both unit-less
    sole numbers of claims with the same predicate ("killed 30" / "killed 12")."""
    if comparable(qa, qb):
        if unit_key(qa) in PEOPLE_UNITS:
            verb_a, verb_b = count_verb(a, qa), count_verb(b, qb)
            return not (verb_a and verb_b and verb_a != verb_b)  # "killed 12 people" / "evacuated 3,000 people"
        if unit_key(qa) in GENERIC_UNITS:
            thing_a, thing_b = _measured_thing(a, qa), _measured_thing(b, qb)
            return thing_a == thing_b
        return True
    if unit_key(qa) and unit_key(qb):
        return False
    return bool(a.predicate) and a.predicate == b.predicate and len(a.quantities) == len(b.quantities) == 1


def conflicting_quantities(a: Claim, b: Claim) -> tuple[Quantity, Quantity] | None:
    """A pair of quantities counting the same thing with no compatible reading, if any."""
    by_unit: dict[str, list[tuple[Quantity, Quantity]]] = {}
    for qa in a.quantities:
        for qb in b.quantities:
            if _quantities_comparable(a, b, qa, qb):
                by_unit.setdefault(unit_key(qa) or unit_key(qb), []).append((qa, qb))
    for pairs in by_unit.values():
        if not any(compatible(qa, qb) for qa, qb in pairs):
            return pairs[0]
    return None


def count_subject(claim: Claim, q: Quantity) -> str:
    """The name closest before a count in its sentence ("Klitschko (52-3, 46 KOs)" -> Klitschko), or ""."""
    best, best_gap = "", 61
    for name in claim.entities:
        for m in re.finditer(re.escape(name), claim.text[:max(q.start, 0)]):
            gap = q.start - m.end()
            if gap < best_gap:
                best, best_gap = fold(name), gap
    return best


def subjects_differ(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Both counts belong to a named subject, and not the same one: numbers about different subjects."""
    sa, sb = count_subject(a, qa), count_subject(b, qb)
    return bool(sa and sb) and sa not in sb and sb not in sa


def claim_slot_keys(claim: Claim) -> set[str]:
    """The units this claim gives numbers for ("troop", "percent"): claims sharing one may quantify one slot."""
    return {unit_key(q) for q in claim.quantities if unit_key(q)}


def _calendar(values: list[str]) -> list[str]:
    return [v for v in values if _CALENDAR.match(v)]


def conflicting_dates(a: Claim, b: Claim) -> bool:
    """True when both claims give calendar dates and none of one's is compatible with any of the other's."""
    da, db = _calendar(a.dates), _calendar(b.dates)
    if not da or not db:
        return False
    return not any(dates_compatible(x, y) for x in da for y in db)


_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?=(?:but|and|while|although|though|whereas|because|if|unless)\b)"
                           r"|\bbut\b|\s(?=(?:if|unless|whether)\b)|[.!?][\"”’]?\s+")
_CONDITIONAL = re.compile(r"^\W*(?:and\s+|but\s+)?(?:if|unless|whether|even if|when)\b", re.I)


def _negated_shared_word(negated: Claim, other: Claim) -> bool:
    """True when a negation of `negated` sits in a clause the other claim also states.

    The clause holding the cue must be an assertion (not "if we don't..."), have
    at least three content words, most of them in the other claim, and the word
    the cue governs must be there too: "plans to plead not guilty" vs "pleaded
    guilty" qualifies; "..., but the government denies any role" does not.
    """
    other_tokens = set(content_tokens(other.text))
    other_stems = {stem(w) for w in words(other.text)}
    for clause in _CLAUSE_BREAK.split(negated.text):
        toks = words(clause)
        cues = [i for i, w in enumerate(toks) if fold(w) in NEGATION_CUES or fold(w).endswith("n't")]
        if not cues or _CONDITIONAL.match(clause):
            continue
        clause_tokens = [t for t in content_tokens(clause) if not t.startswith("@")]
        if len(clause_tokens) < 3:
            continue
        if sum(t in other_tokens for t in clause_tokens) / len(clause_tokens) < NEGATION_MIN_OVERLAP:
            continue
        for i in cues:
            following = [t for t in toks[i + 1:i + 5] if fold(t) not in STOPWORDS][:1]
            if following and stem(following[0]) in other_stems:
                return True
    return False


def conflict_kind(a: Claim, b: Claim, similarity: float) -> str | None:
    """"quantity", "date" or "polarity" when the two aligned claims cannot both hold, else None.

    Numbers in generic units (percent, money, years, bare numbers) can measure
    many things in one story, so they only conflict between near-paraphrases.
    """
    pair = conflicting_quantities(a, b)
    if pair and (unit_key(pair[0]) not in GENERIC_UNITS or similarity >= GENERIC_UNIT_MIN_SIMILARITY) \
            and not subjects_differ(a, pair[0], b, pair[1]):
        return "quantity"
    if conflicting_dates(a, b):
        return "date"
    if a.negated != b.negated and similarity >= NEGATION_MIN_SIMILARITY \
            and _negated_shared_word(a if a.negated else b, b if a.negated else a):
        return "polarity"
    return None


def _shared_quantity(claim: Claim, others: list[Claim]) -> Quantity | None:
    """The quantity of claim that the other sides also give a number for."""
    for q in claim.quantities:
        for other in others:
            if other is claim:
                continue
            if any(_quantities_comparable(claim, other, q, oq) for oq in other.quantities):
                return q
    return claim.quantities[0] if claim.quantities else None


def conflict_value(kind: str, claim: Claim, sides: list[Claim]) -> str:
    """The value one side gives for the disputed slot ("about 2,500 troops", "2021-08", "denied")."""
    if kind == "quantity":
        q = _shared_quantity(claim, sides)
        return q.text if q else ""
    if kind == "date":
        return ", ".join(_calendar(claim.dates))
    return "denied" if claim.negated else "asserted"


def slot_description(kind: str, claim: Claim, sides: list[Claim]) -> str:
    """What the sides disagree on, in words: "number of US troops in Iraq"."""
    if kind == "quantity":
        q = _shared_quantity(claim, sides)
        if q is not None:
            return _quantity_slot(claim.text, q)
    if kind == "date":
        return "date: " + _shorten(claim.text)
    return "whether: " + _shorten(claim.text)


def _quantity_slot(text: str, q: Quantity) -> str:
    phrase = text[q.start:q.end] if 0 <= q.start < q.end <= len(text) else q.text
    noun = re.sub(r"^.*?(?:\d[\d,.]*|\b(?:dozens|hundreds|thousands|millions|billions)\s+of)\s*"
                  r"(?:hundred|thousand|million|billion|bn|mn|%|percent)?\s*", "", phrase, flags=re.I).strip()
    if not noun or noun == phrase:
        noun = "" if q.unit in GENERIC_UNITS else q.unit
    if q.unit in ("dollar", "euro", "pound", "yen") and not noun:
        noun = f"money ({q.unit}s)"
    # the first prepositional phrase of the same clause: "2,500 troops are stationed in Latvia"
    clause_end = min((i for i in (text.find(",", q.end), text.find(";", q.end)) if i >= 0), default=len(text))
    pp = _PP.search(text[:min(clause_end, q.end + 60)], q.end) if q.end >= 0 else None
    tail = f" {pp.group(1)}" if pp and not _NUMBERISH.search(pp.group(1)) else ""  # not "for nine (hours)"
    if noun:
        return f"number of {noun}{tail}"
    verb = re.search(r"([A-Za-z]+)\s+(?:\S+\s+){0,2}$", text[:max(q.start, 0)])
    return f"number {fold(verb.group(1))}{tail}" if verb else f"number{tail}"


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
