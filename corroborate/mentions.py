"""Entity mentions in article text, with a type, an adjacent role and declared aliases.

No tagger model can be downloaded here, so mentions are proper-noun sequences
found by capitalisation, with name connectors (al-, bin, de, van ...) kept
inside.  The text itself decides what is a common word: a sentence-initial word
that also occurs in lower case elsewhere is not a name.  Titles in front of a
name become the mention's role ("Prime Minister"), "X (Y)" and "X, known as Y"
declare Y an alias of X, and the type comes from head words, titles, context
cues and demonyms the text uses ("Iraqi" makes "Iraq" a place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mention_cues import (
    CALENDAR,
    CONNECTOR_WORDS,
    DEMONYM_SUFFIXES,
    FUNCTION_WORDS,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
)
from .mention_types import appositive_roles, declare_aliases, type_mentions
from .model import Article, Mention, Sentence
from .names import fold, is_acronym

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[^\W_]+(?:[-'’][^\W_]+)*|\S", re.UNICODE)
_POSS = re.compile(r"['’]s?$")


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return fold(_POSS.sub("", self.text)) if len(self.text) > 2 else fold(self.text)


def _tokens(text: str, offset: int) -> list[_Tok]:
    return [_Tok(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


def _is_cap(tok: str) -> bool:
    """Starts with a capital, or a particle-prefixed name ("al-Kadhimi"); not "US-led"."""
    if tok[:1].isupper():
        return not ("-" in tok and tok.rsplit("-", 1)[1][:1].islower())
    head, _, rest = tok.partition("-")
    return bool(rest) and head.lower() in CONNECTOR_WORDS and rest[:1].isupper()


def _lower_vocabulary(text: str) -> set[str]:
    """Words the text uses in lower case: capitalised at a sentence start they are not names."""
    return {fold(w) for w in re.findall(r"\b[a-z][a-z'’-]*\b", text)}


def _demonym_bases(text: str) -> dict[str, str]:
    """Capitalised words that are another capitalised word plus a demonym suffix ("Iraqi" -> "Iraq")."""
    caps = set(re.findall(r"\b[A-Z][a-z]{2,}\b", text))
    out: dict[str, str] = {}
    for word in caps:
        for suffix in DEMONYM_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                base = word[: -len(suffix)]
                for cand in (base, base + "a", base + "o", base + "y"):
                    if cand in caps and cand != word:
                        out[word] = cand
    return out


def _mid_sentence_caps(sentences: list[Sentence]) -> set[str]:
    """Capitalised words seen away from a sentence start in prose: names wherever they occur.

    Headlines in title case or capitals tell nothing, so they are left out."""
    out: set[str] = set()
    for sent in sentences:
        if _is_title_case(_tokens(sent.text, 0)):
            continue
        words = re.findall(r"[^\W\d_][\w'’-]*|[^\w\s]", sent.text)
        mid_run = False  # inside a capitalised run that began after a lower-case word
        for k, word in enumerate(words):
            if not _is_cap(word):
                mid_run = False
                continue
            prev = words[k - 1] if k else ""
            if prev[:1].islower() or prev[:1].isdigit() or prev in (",", ";"):
                mid_run = True
            if mid_run:
                folded = fold(_POSS.sub("", word))
                out.add(folded)
                out.update(part for part in folded.split("-")[1:] if len(part) > 2)  # "Al-Rasheedi"
    return out


def find_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Proper-noun mentions of the text, sentence by sentence, typed, with roles and aliases."""
    lower_vocab = _lower_vocabulary(text)
    mid_caps = _mid_sentence_caps(sentences)
    surnames = _run_tails(text)
    demonyms = _demonym_bases(text)
    places = set(demonyms.values())
    mentions: list[Mention] = []
    for index, sent in enumerate(sentences):
        toks = _tokens(sent.text, sent.start)
        title_case = _is_title_case(toks)
        known = mid_caps if title_case else None
        for span in _candidate_spans(toks, lower_vocab, known):
            span = _trim_sentence_start(toks, span, mid_caps, surnames, lower_vocab)
            if span[0] >= span[1]:
                continue
            mentions.extend(_split_roles(toks, span, index, demonyms))
    declare_aliases(text, mentions)
    appositive_roles(text, mentions)
    type_mentions(text, sentences, mentions, places)
    return [m for m in mentions if m.text]


def _is_title_case(toks: list[_Tok]) -> bool:
    """A headline: (nearly) every content word capitalised, where prose has lower-case verbs and nouns."""
    words = [t for t in toks if t.text[:1].isalpha() and len(t.text) >= 4 and t.low not in FUNCTION_WORDS]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t.text[:1].isupper())
    return caps / len(words) >= 0.9


def _candidate_spans(toks: list[_Tok], lower_vocab: set[str], known: set[str] | None) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, with connectors between them, as token index ranges.

    `known` is given for a headline (title case or capitals): there only words the prose
    capitalises count, since every word is capitalised."""
    title_case = known
    spans: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        if not _name_token(toks, i, lower_vocab, title_case):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _name_token(toks, j, lower_vocab, title_case, inside=True):
                j += 1
            elif (toks[j].low in CONNECTOR_WORDS and j + 1 < n and toks[j].text[:1].islower()
                  and _name_token(toks, j + 1, lower_vocab, title_case, inside=True)
                  and (toks[j].low != "of" or _of_joins(toks, i, j))):
                j += 2
            elif toks[j].text in "-" and j + 1 < n and _is_cap(toks[j + 1].text) and toks[j].start == toks[j - 1].end:
                j += 2
            elif (toks[j].low == "and" and j + 1 < n and any(t.low == "of" for t in toks[i:j])  # "Arts and Sciences"
                  and _name_token(toks, j + 1, lower_vocab, title_case, inside=True)):
                j += 2
            elif (toks[j].text == "." and len(toks[j - 1].text) == 1 and j + 1 < n  # "Regina M . Benjamin"
                  and _name_token(toks, j + 1, lower_vocab, title_case, inside=True)):
                j += 2
            elif re.fullmatch(r"\d+[^\W\d_]+", toks[j].text):  # "Philadelphia 76ers"
                j += 1
            else:
                break
        spans.append((i, j))
        i = j
    return spans


def _run_tails(text: str) -> set[str]:
    """Last words of multi-word capitalised runs: a name's last word used alone is still a name ("Haddad")."""
    runs = re.findall(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+", text)
    return {fold(_POSS.sub("", run.split()[-1])) for run in runs}


def _of_joins(toks: list[_Tok], i: int, j: int) -> bool:
    """"of" continues a name after an institution or place head, or one word ("Gulf of Aden",
    "Ministry of Defence", "Prince of Wales"), not after a person ("Sanjay Gupta of Emory")."""
    return j - i == 1 or toks[j - 1].low in ORG_HEADS or toks[j - 1].low in PLACE_HEADS


def _trim_sentence_start(toks: list[_Tok], span: tuple[int, int], mid_caps: set[str],
                         surnames: set[str], lower_vocab: frozenset[str] | set[str] = frozenset()) -> tuple[int, int]:
    """A sentence-initial word never capitalised mid-sentence is a common word ("Massive", "Under Biden",
    "Talk of U.S. troops": a word the text also writes in lower case, before a connector)."""
    i, j = span
    if j - i == 1 and toks[i].low in surnames:
        return span
    at_start = i == 0 or (toks[i - 1].text in "\"“‘'(:–—-•" and (i == 1 or toks[i - 2].text in ":,;"))
    first = toks[i]
    if not at_start or first.low in mid_caps or is_acronym(first.text):
        return span
    if j - i == 1:
        follows = toks[j].low if j < len(toks) else ""
        # "Biden said", or an employer before a role ("Chargers defensive tackle Jamal Williams")
        employer = j + 1 < len(toks) and toks[j].text[:1].islower() and (
            follows in TITLES or (toks[j + 1].low in TITLES and toks[j + 1].text[:1].islower()))
        # "Jackman was announced": a subject followed by a verb
        verb = follows in SPEECH_VERBS or follows in _AUXILIARIES
        if follows in _PLURAL_VERBS and _plural_shaped(first.low):
            return (i, i)  # "Investigators have": a plural common noun, where a name takes "has"
        return span if verb or employer else (i, i)
    if toks[i + 1].low in TITLES:
        return span  # a role's modifier ("Freedonian Prime Minister ..."): kept for the role
    if toks[i + 1].low in CONNECTOR_WORDS and _written_lower(first.low, lower_vocab):
        k = i + 1
        while k < j and toks[k].low in CONNECTOR_WORDS:
            k += 1
        return (k, j)  # "Talk of U.S." -> "U.S."
    rest_known = all(t.low in mid_caps or t.low in CONNECTOR_WORDS for t in toks[i + 1:j])
    return (i + 1, j) if rest_known or first.text.endswith("ly") else span


def _written_lower(word: str, lower_vocab: frozenset[str] | set[str]) -> bool:
    """The text also writes this word (or its plural or singular) in lower case."""
    return bool(lower_vocab) and (word in lower_vocab or word + "s" in lower_vocab
                                  or (word.endswith("s") and word[:-1] in lower_vocab))


_AUXILIARIES = frozenset("is was has had will would can could did does have are were".split())
_PLURAL_VERBS = frozenset("have are were do".split())


def _plural_shaped(word: str) -> bool:
    """Ends like an English plural noun ("investigators", "residents"), not like "Paris" or "Hess"."""
    return len(word) >= 5 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ys"))


def _name_token(toks: list[_Tok], i: int, lower_vocab: set[str], known: set[str] | None,
                inside: bool = False) -> bool:
    tok = toks[i]
    text = _POSS.sub("", tok.text) if len(tok.text) > 2 else tok.text
    if not text or not _is_cap(text) or not any(c.isalpha() for c in text):
        return False
    low = fold(text)
    if low in CALENDAR:
        return False
    title_case = known is not None
    if title_case and low not in known:
        shouting = all(t.text.isupper() for t in toks if t.text[:1].isalpha())
        if shouting or not is_acronym(text):
            return False
    if is_acronym(text):
        return True
    sentence_start = i == 0 or toks[i - 1].text in "\"“‘'(:–—-•"
    if (sentence_start or title_case) and not inside:
        if low in FUNCTION_WORDS or low in lower_vocab:
            return False
    if title_case and low in lower_vocab and low not in TITLES:
        return False
    if low in FUNCTION_WORDS and not inside:
        return False
    return True


def _split_roles(toks: list[_Tok], span: tuple[int, int], sentence: int, demonyms: dict[str, str]) -> list[Mention]:
    """Split a capitalised run into role words and names ("US President Joe Biden")."""
    i, j = span
    words = toks[i:j]
    lows = [t.low for t in words]
    last_title = max((k for k, w in enumerate(lows) if w in ROLE_WORDS), default=-1)
    out: list[Mention] = []
    if last_title == -1:
        name_toks, role = words, _preceding_role(toks, i)
    else:
        name_toks = words[last_title + 1:]
        first_title = last_title
        while first_title > 0 and lows[first_title - 1] in TITLES:
            first_title -= 1
        role_toks = words[first_title:last_title + 1]
        prefix = words[:first_title]
        role = " ".join(t.text for t in words[: last_title + 1])
        if prefix and not all(t.text in demonyms for t in prefix):
            out.extend(_make(prefix, sentence, None, demonyms, words[first_title]))
        if not name_toks and role_toks:
            return out
    out.extend(_make(name_toks, sentence, role, demonyms, toks[j] if j < len(toks) else None))
    return out


def _preceding_role(toks: list[_Tok], i: int) -> str | None:
    """Lower-case role words right before a name ("White House spokeswoman Jane Sackie")."""
    k = i - 1
    while k >= 0 and toks[k].text[:1].islower() and toks[k].low in TITLES:
        k -= 1
    if k == i - 1 or toks[i - 1].low not in ROLE_WORDS:
        return None
    # keep a capitalised employer in front of the role ("White House spokeswoman")
    m = k
    while m >= 0 and toks[m].text[:1].isupper() and toks[m].low not in FUNCTION_WORDS:
        m -= 1
    return " ".join(t.text for t in toks[m + 1:i])


_NATIONALITY_ENDINGS = ("ian", "ean", "can", "ese", "ish", "ern")


def _adjective_use(word: _Tok, after: _Tok | None) -> bool:
    """A nationality-shaped word followed by a lower-case word that is not a verb, or by nothing."""
    if not word.low.endswith(_NATIONALITY_ENDINGS) or is_acronym(word.text):
        return False
    if after is None or not after.text[:1].isalpha() or after.low in TITLES:
        return True
    return after.text[:1].islower() and after.low not in SPEECH_VERBS and after.low not in _AUXILIARIES


def _make(words: list[_Tok], sentence: int, role: str | None, demonyms: dict[str, str],
          after: _Tok | None = None) -> list[Mention]:
    while words and (words[-1].low in CONNECTOR_WORDS or not words[-1].text[:1].isalnum()):
        words = words[:-1]
    while words and (words[0].low in CONNECTOR_WORDS and words[0].text[:1].islower()):
        words = words[1:]
    if not words:
        return []
    if len(words) == 1 and words[0].text in demonyms:
        return []  # "Iraqi": an adjective of a place the text names
    if len(words) == 1 and len(words[0].text) < 2:
        return []
    if (len(words) == 1 or words[-1].low.endswith("ern")) and _adjective_use(words[-1], after):
        return []  # "Australian climber", "Middle Eastern country": an adjective, not an entity
    start, end = words[0].start, words[-1].end
    text = " ".join(t.text for t in words)
    if len(text) > 2 and _POSS.search(words[-1].text) and not words[-1].text.endswith("s'"):
        cut = len(words[-1].text) - len(_POSS.sub("", words[-1].text))
        end -= cut
        text = text[: len(text) - cut]
    return [Mention(start=start, end=end, text=text, type="MISC", sentence=sentence, role=role)]


# first words that are adjectives, not given names ("Islamic State", "Middle Eastern")
def mentions_stage(article: Article) -> Article:
    """Per-article stage: fill `mentions` from the clean body (splitting sentences first if needed)."""
    if not article.sentences and article.body:
        from .split import split_stage

        split_stage(article)
    article.mentions = find_mentions(article.body, article.sentences)
    article.stages.append("mentions")
    return article
