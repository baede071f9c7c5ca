"""Claim units: the checkable statements of an article with their slots filled.

Each sentence of the clean body that reads as a statement (long enough, has a
verb, not a headline, caption, byline or "related" line) becomes one `Claim`
with who (entities), what (predicate), numbers, dates, quote and speaker,
attribution, hedging and negation.  Facts and conflicts are built from these
slots, so a sentence that is not a statement must never become a claim.
"""

from __future__ import annotations

import re

from .claim_dates import sentence_dates
from .claim_lexicon import (
    AUXILIARIES,
    HEDGE_CUES,
    HEDGE_PHRASES,
    NEGATION_CUES,
    REPORTING_VERBS,
    looks_like_verb,
    verb_base,
)
from .claim_quantities import parse_quantities
from .claim_text import capitalised_names, fold, midsentence_capitalised, stem, word_spans, words
from .model import Article, Claim, Mention, Sentence
from .split import split_stage

MIN_WORDS = 5

_FURNITURE = re.compile(
    r"^\s*(?:related|read more|see also|more from|recommended|most popular|recent comments|advertisement|"
    r"sponsored|share (?:this|on)|follow us|sign up|subscribe|click here|watch:|listen:|photo:|image:|"
    r"video:|credit:|copyright|©|all rights reserved|post a comment|comments?\b|leave a comment|"
    r"published\b|updated\b|posted\b|last modified|by [A-Z][a-z]+ [A-Z][a-z]+\s*$)"
    r"|(?:\|\s*(?:photo|image|credit|source|file photo)\s*:)|(?:\bphoto:\s)|(?:getty images|afp photo)",
    re.I,
)
_CAPTION_MARK = re.compile(r"\((?:L|R|C|left|right|centre|center|top|bottom)\)|\bpictured\b", re.I)
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*\s*$|[\"”»]\s*$")
_QUOTE = re.compile(r"[“\"«„]([^”\"»“]{8,})(?:[”\"»“]|$)")
_CLOSING_ONLY = re.compile(r"^[^“\"«„]{8,}[”»]\s*$")
_ACCORDING = re.compile(r"\baccording to ((?:the |a |an )?[^,.;:]{2,80}?)(?=[,.;:]|$)", re.I)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_PERSON_PRONOUNS = {"he", "she"}


def is_statement(text: str) -> bool:
    """True when a sentence reads as a checkable statement rather than page furniture or a headline."""
    stripped = text.strip()
    if not stripped or _FURNITURE.search(stripped) or _CAPTION_MARK.search(stripped):
        return False
    if stripped.startswith(("•", "·", "▪", "►", "|")) or stripped.count("|") >= 1:
        return False
    toks = [w for w in words(stripped) if w[0].isalpha()]
    if len(toks) < MIN_WORDS:
        return False
    if not any(looks_like_verb(w, i == 0) for i, w in enumerate(toks)):
        return False
    if not _TERMINAL.search(stripped):
        capitalised = sum(1 for w in toks if w[0].isupper())
        # Headlines and caption lines have no closing punctuation; a long line with a verb is a
        # statement that lost its full stop.
        if len(toks) < 12 or capitalised / len(toks) > 0.5:
            return False
    return True


def _sentence_mentions(article: Article, index: int, sentence: Sentence) -> list[Mention]:
    return [m for m in article.mentions
            if m.sentence == index or (m.sentence < 0 and sentence.start <= m.start < sentence.end)]


def _entities(article: Article, index: int, sentence: Sentence, known_names: set[str]) -> list[str]:
    mentions = _sentence_mentions(article, index, sentence)
    names = [m.text for m in mentions] if mentions else capitalised_names(sentence.text, known_names)
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name.strip(), None)
    return [n for n in seen if n]


_DETERMINERS = frozenset("""
the a an its their his her our my your this that these those some any each every no many most several
""".split())
_ATTRIBUTING = frozenset("""
say said says saying tell told tells added adds stated announced announces stressed stresses explained
explains warned warns confirmed confirms denied denies insisted insists argued argues claimed claims wrote
writes tweeted tweets acknowledged admitted asserted declared emphasized emphasised noted notes
""".split())
_ALWAYS_ATTRIBUTING = frozenset({"say", "said", "says", "saying", "tell", "told", "tells"})


def _predicate(toks: list[str]) -> str:
    """Stem of the main verb, ranked without a tagger.

    A word right after an auxiliary or modal ("will end", "did not give") is the
    surest verb, then past forms, then other listed verbs; a word right after a
    determiner or possessive ("the combat mission") is a noun.  Reporting verbs
    and bare auxiliaries are the fallback, so "X said Y will end" yields "end".
    """
    best: tuple[int, int, str] | None = None
    fallback = ""
    prev = ""
    after_aux = False
    for i, w in enumerate(toks):
        low = fold(w)
        is_verb = looks_like_verb(w, i == 0)
        if is_verb and prev not in _DETERMINERS and not (w[:1].isupper() and i > 0):
            base = verb_base(low) or low
            if low in AUXILIARIES:
                fallback = fallback or ("be" if low in ("is", "are", "was", "were", "been", "being", "am")
                                        else "have" if low in ("has", "had", "having") else low)
            elif low in REPORTING_VERBS:
                fallback = base if fallback in ("", "be", "have") or fallback in AUXILIARIES else fallback
            else:
                rank = 0 if after_aux else 1 if low.endswith("ed") or base != low.rstrip("s") else 2
                if best is None or rank < best[0]:
                    best = (rank, i, base)
        if low in AUXILIARIES:
            after_aux = True
        elif low not in ("not", "n't", "no", "longer", "also", "still", "now", "never", "be", "been") \
                and not low.endswith("ly"):
            after_aux = False
        prev = low
    chosen = best[2] if best else fallback
    return stem(chosen) if chosen else ""


def _nearest_entity(text: str, entities: list[str], pos: int, before: bool) -> str | None:
    """The entity mention ending closest before pos (or starting closest after it)."""
    best: tuple[int, str] | None = None
    for name in entities:
        for m in re.finditer(re.escape(name), text):
            dist = pos - m.end() if before else m.start() - pos
            if 0 <= dist <= 60 and (best is None or dist < best[0]):
                best = (dist, name)
    return best[1] if best else None


def _attribution(text: str, entities: list[str]) -> str | None:
    """Who the sentence attributes its content to ("according to X", "X said", "..., said X")."""
    m = _ACCORDING.search(text)
    if m:
        return m.group(1).strip()
    for start, end, w in word_spans(text):
        low = fold(w)
        if low not in _ATTRIBUTING:
            continue
        follow = text[end:end + 8].lstrip()
        window = text[end:end + 40]
        introduces_quote = re.match(r"[^.;,“\"]{0,35}[:“\"]", window) is not None
        if low not in _ALWAYS_ATTRIBUTING and not (follow[:1] in ("", ":", ",", ".", "“", '"') or
                                                    follow.lower().startswith("that ") or introduces_quote):
            continue
        head = text[:start].rstrip()
        if head.lower().endswith(" and"):  # "X received Y and said": the subject opens the sentence
            first = min(entities, key=lambda n: text.find(n) if n in text else len(text), default=None)
            if first and text.find(first) < start:
                return first
        prev_word = fold(head.split()[-1]) if head.split() else ""
        if prev_word in _PRONOUNS:
            return head.split()[-1]
        name = _nearest_entity(text, entities, start, before=True)
        if name:
            return name
        nxt = follow.split()[0] if follow.split() else ""
        if fold(nxt) in _PRONOUNS:
            return nxt
        name = _nearest_entity(text, entities, end, before=False)
        if name:
            return name
    return None


def _is_negated(toks: list[str]) -> bool:
    lows = [fold(w) for w in toks]
    for i, low in enumerate(lows):
        if low in NEGATION_CUES or low.endswith("n't"):
            nxt = lows[i + 1] if i + 1 < len(lows) else ""
            if low == "not" and nxt == "only":
                continue
            if low == "no" and nxt in ("doubt", "matter"):
                continue
            return True
    return False


def _is_hedged(text: str, toks: list[str]) -> bool:
    lows = fold(text)
    return any(fold(w) in HEDGE_CUES for w in toks) or any(p in lows for p in HEDGE_PHRASES)


def make_claim(index: int, text: str, entities: list[str], dates: list[str]) -> Claim:
    """Fill the slots of one statement; used for article sentences and for free-text claims to check."""
    toks = words(text)
    quote_match = max(_QUOTE.finditer(text), key=lambda m: len(m.group(1)), default=None)
    quote = quote_match.group(1).strip() if quote_match else None
    attribution = _attribution(text, entities)
    return Claim(
        sentence=index,
        text=text,
        entities=entities,
        predicate=_predicate(toks),
        quantities=parse_quantities(text),
        dates=dates,
        speaker=attribution if quote else None,
        quote=quote,
        attribution=attribution,
        hedged=_is_hedged(text, toks),
        negated=_is_negated(toks),
    )


def find_claims(article: Article) -> list[Claim]:
    """The claims of an article: one per statement sentence, repeated sentences (captions) once.

    A pronoun speaker ("she stressed") takes the last named speaker, and a quote
    that runs on into the next sentence keeps its speaker.
    """
    if not article.sentences:
        split_stage(article)
    known_names = midsentence_capitalised([s.text for s in article.sentences])
    claims: list[Claim] = []
    seen_texts: set[str] = set()
    last_speaker: str | None = None
    open_quote_speaker: str | None = None
    for index, sentence in enumerate(article.sentences):
        text = sentence.text.strip()
        key = fold(text)
        if key in seen_texts or not is_statement(text):
            seen_texts.add(key)
            open_quote_speaker = None
            continue
        seen_texts.add(key)
        entities = _entities(article, index, sentence, known_names)
        claim = make_claim(index, text, entities, sentence_dates(article, index, sentence))
        for slot in ("speaker", "attribution"):
            value = getattr(claim, slot)
            if value and fold(value) in _PERSON_PRONOUNS and last_speaker:
                setattr(claim, slot, last_speaker)
        if claim.quote is None and open_quote_speaker and _CLOSING_ONLY.match(text):
            claim.quote = text.rstrip().rstrip("”»").strip()
            claim.speaker = claim.attribution = open_quote_speaker
        if claim.attribution and fold(claim.attribution) not in _PRONOUNS and claim.attribution[:1].isupper():
            last_speaker = claim.attribution
        quote_open = claim.quote is not None and text.count("“") > text.count("”")
        open_quote_speaker = claim.speaker if quote_open else None
        claims.append(claim)
    return claims


def claims_stage(article: Article) -> Article:
    """Per-article stage: fill `claims`."""
    article.claims = find_claims(article)
    if "claims" not in article.stages:
        article.stages.append("claims")
    return article
