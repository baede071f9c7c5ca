"""Name-variant similarity: when two spellings can be one name.

Outlets spell one person many ways (al-Kadhimi / al-Kazemi / al-Kazmi), machine
translation re-spells names by ear ("Jane Sackie" for Jen Psaki), and no name
lexicon is available offline.  So names are compared by a transliteration key:
a consonant skeleton where letters that transliterations and mishearings swap
fall into one class (z/s/dh/th, k/q/c/ck/kh, p/b, f/v/ph ...), vowels dropped.
The same key blocks candidates so resolution never compares all pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Particles inside names; they carry no identity ("al-Kadhimi" = "Kadhimi").
CONNECTORS = frozenset(
    "al el al- el- bin ibn bint ben abu abd de da di du del della der den van von ter la le los las dos das "
    "do y mac st st. e".split()
)
# Legal-form words after a company's name; they carry no identity ("Microsoft Corp." = "Microsoft").
COMPANY_DESIGNATORS = frozenset("corp corporation inc incorporated ltd limited llc plc gmbh".split())
# Generation marks after a person's surname; they do not name the bearer ("Martin Luther King Jr." = "King").
GENERATION_SUFFIXES = frozenset("jr sr iii".split())
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?", re.UNICODE)

# Multi-letter groups first, then single letters; each maps to a sound class.
_DIGRAPHS = [
    ("sch", "S"), ("tch", "C"), ("dh", "S"), ("th", "S"), ("zh", "J"), ("sh", "X"), ("ch", "X"),
    ("kh", "K"), ("gh", "G"), ("ph", "F"), ("ck", "K"), ("qu", "K"), ("ts", "S"), ("tz", "S"),
    ("dz", "J"), ("dj", "J"), ("ps", "S"), ("pf", "F"), ("wh", "W"), ("cz", "X"), ("sz", "X"),
]
_LETTERS = {
    "b": "P", "p": "P", "c": "K", "k": "K", "q": "K", "g": "G", "d": "T", "t": "T",
    "s": "S", "z": "S", "x": "KS", "f": "F", "v": "F", "w": "W", "j": "J", "l": "L",
    "r": "R", "m": "M", "n": "N", "h": "",
}
_VOWELS = set("aeiouy")


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lowercase ASCII form: accents stripped, curly quotes straightened."""
    if text.isascii():
        return text.lower()
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_SINGULAR_S_ENDINGS = ("ss", "us", "is", "os", "as")


def plural_ending(word: str) -> bool:
    """A folded word with an English plural ending: "heels", "bluejays", "jaguars"; not "texas",
    "grigoropoulos", "congress" (a group's nickname is plural, a place or surname rarely)."""
    return word.endswith("s") and not word.endswith(_SINGULAR_S_ENDINGS)


def name_tokens(text: str) -> list[str]:
    """Tokens of a name, folded, without possessive endings or trailing periods."""
    return list(_name_tokens(text))


@lru_cache(maxsize=262144)
def _name_tokens(text: str) -> tuple[str, ...]:
    """Cached: clustering compares the same names many times (a fresh list is handed out each call)."""
    out = []
    for tok in _TOKEN.findall(fold(text)):
        tok = _POSSESSIVE.sub("", tok).rstrip(".")
        if tok:
            out.append(tok)
    return tuple(out)


def core_tokens(text: str) -> list[str]:
    """Name tokens with connectors, hyphenated particles and trailing company designators removed
    ("al-Kadhimi" -> ["kadhimi"], "Microsoft Corp." -> ["microsoft"])."""
    return list(_core_tokens(text))


@lru_cache(maxsize=262144)
def _core_tokens(text: str) -> tuple[str, ...]:
    out = []
    for tok in _name_tokens(text):
        if tok in CONNECTORS:
            continue
        head, _, rest = tok.partition("-")
        if rest and head in CONNECTORS:
            tok = rest
        out.append(tok)
    while len(out) > 1 and out[-1] in COMPANY_DESIGNATORS:  # "Microsoft Corp." is "Microsoft"
        out.pop()
    if len(out) > 2 and out[-1] in GENERATION_SUFFIXES:  # "Arcade Joseph Comeaux Jr" is Comeaux
        out.pop()
    return tuple(out)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton of one token: the transliteration-invariant key."""
    word = fold(token).replace("-", "").replace("'", "").replace(".", "")
    if word.startswith(("ps", "pn", "kn", "gn", "wr")) and len(word) > 3:  # silent first letter
        word = word[1:]
    out: list[str] = []
    i = 0
    while i < len(word):
        for graph, cls in _DIGRAPHS:
            if word.startswith(graph, i):
                out.append(cls)
                i += len(graph)
                break
        else:
            ch = word[i]
            if ch in _VOWELS or (ch == "w" and i > 0):  # w/u swap in transliteration (Fawad / Fuad)
                if i == 0:
                    out.append("A")
            elif ch == "h" and i == 0:
                out.append("H")
            elif ch == "c" and i + 1 < len(word) and word[i + 1] in "eiy":
                out.append("S")  # soft c
            elif ch.isdigit():
                out.append(ch)
            else:
                out.append(_LETTERS.get(ch, ""))
            i += 1
    key = "".join(out)
    # doubled classes collapse ("Hussein" / "Husein")
    return re.sub(r"(.)\1+", r"\1", key)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def tokens_match(a: str, b: str) -> bool:
    """True when two name tokens can be one word spelled two ways."""
    if a == b:
        return True
    if a[0] != b[0] and skeleton(a)[:1] != skeleton(b)[:1]:
        return False
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb and len(sa) >= 2:
        return True
    # one sound off, only on long words: short ones differ by one sound too often (Iraq / Iran)
    if min(len(sa), len(sb)) >= 4 and edit_distance(sa, sb, 1) <= 1 and edit_distance(a, b, 2) <= 2:
        return True
    return False


def is_acronym(text: str) -> bool:
    """All-capital token of 2-6 letters, dots allowed ("IS", "U.N.", "ISIS")."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def initials(text: str) -> str:
    """Initial letters of the capitalised words, skipping connectors ("Islamic State" -> "IS")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in _MINOR_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isupper())


_MINOR_WORDS = frozenset("of the and for in on at to de du des la le al el y".split())


def acronym_matches(acronym: str, name: str) -> bool:
    """True when acronym abbreviates name exactly ("IS" / "Islamic State", "UN" / "United Nations")."""
    letters = acronym.replace(".", "").upper()
    if len(letters) < 2 or " " not in name.strip():
        return False
    full = "".join(w[0].upper() for w in re.findall(r"[^\W\d_]+", name))
    return letters == initials(name) or letters == full


def name_key(text: str) -> str:
    """Blocking key of a name: skeleton of its last core token (the family name or head word)."""
    toks = core_tokens(text)
    return skeleton(toks[-1]) if toks else ""


def names_compatible(a: str, b: str) -> bool:
    """Can the two name strings denote one bearer?

    Every token of the shorter name must match a token of the longer, in order,
    and the last tokens must match (a surname alone may stand for the full name,
    a first name alone may not).  Two full names with different first names never
    match ("Saddam Hussein" / "Fuad Hussein").
    """
    ta, tb = core_tokens(a), core_tokens(b)
    if not ta or not tb:
        return False
    if len(ta) > len(tb):
        ta, tb = tb, ta
    if not tokens_match(ta[-1], tb[-1]):
        return False
    j = 0
    for tok in ta[:-1]:
        while j < len(tb) - 1 and not _token_or_initial(tok, tb[j]):
            j += 1
        if j >= len(tb) - 1:
            return False
        j += 1
    if len(ta) >= 2 and len(tb) >= 2 and not _token_or_initial(ta[0], tb[0]):
        return False  # different first names
    return True


def _token_or_initial(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return tokens_match(a, b)


_GLUED_PARTICLE = re.compile(r"(Al|El)([a-z]{4,}|[A-Z][a-z]{3,})")
_SEPARATED_PARTICLE = re.compile(r"(?:\b[AaEe]l-|\b[ae]l\s+)([^\W\d_]{4,})")


def particle_surnames(texts: Iterable[str]) -> set[str]:
    """Folded words written after a separate article particle ("al-Rahimi", "el Sayed" -> "rahimi", "sayed").

    Only these license reading a glued "Alrahimi" as "al-Rahimi": "Albert" or "Al Gore" stay whole."""
    return {fold(found) for text in texts for found in _SEPARATED_PARTICLE.findall(text)}


def unglue_particle(text: str, separated: set[str]) -> str:
    """"Yusif Alrahimi" -> "Yusif al-Rahimi" when the remainder matches a surname written with the particle apart."""
    if not separated:
        return text
    words = text.split(" ")
    for k, word in enumerate(words):
        glued = _GLUED_PARTICLE.fullmatch(_POSSESSIVE.sub("", word))
        if not glued:
            continue
        rest = fold(glued.group(2))
        if any(rest == s or (tokens_match(rest, s) and edit_distance(rest, s, 2) <= 2) for s in separated):
            words[k] = glued.group(1).lower() + "-" + glued.group(2)[0].upper() + glued.group(2)[1:]
    return " ".join(words)
