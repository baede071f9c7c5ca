"""Word-level normalisation shared by claims, facts and claim checking.

Alignment has to survive paraphrase and machine translation, so claims are
compared as bags of stems plus two extra kinds of token: numbers in a canonical
form ("#2500") and a sound key for capitalised names ("@K250"), which lets
"al-Kazmi", "Al-Kazemi" and "al-Kadhimi" meet without an entity resolver.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .stemming import english_stem

STOPWORDS = frozenset("""
a an the and or but if then than so as of in on at to for from by with without into onto over under
about above below between through during before after since until while within against among across
per via upon out up down off near is are was were be been being am has have had having do does did
will would shall should can could may might must this that these those there here it its it's they
them their theirs he him his she her hers we us our ours you your yours i me my mine who whom whose
which what when where why how all any both each few more most other some such only own same too very
just also even still yet already again ever now currently today said says say told tell according
mr mrs ms one s t also however though although because whether nor not no never n't
""".split())

# Near-synonyms that news translations swap freely, folded to one stem.
_STEM_SYNONYMS = {"soldier": "troop", "servicemen": "troop", "slain": "kill", "dead": "die", "death": "die"}

# Irregular verb forms folded to their base, so "met" aligns with "meet" and "withdrew" with "withdraw".
IRREGULAR_BASE = {
    "began": "begin", "begun": "begin", "became": "become", "broke": "break", "broken": "break",
    "brought": "bring", "built": "build", "bought": "buy", "came": "come", "chose": "choose", "chosen": "choose",
    "dealt": "deal", "died": "die", "did": "do", "done": "do", "drew": "draw", "drawn": "draw", "fell": "fall",
    "fallen": "fall", "felt": "feel", "fought": "fight", "found": "find", "fled": "flee", "flew": "fly",
    "flown": "fly", "gave": "give", "given": "give", "went": "go", "gone": "go", "grew": "grow", "grown": "grow",
    "held": "hold", "heard": "hear", "hid": "hide", "kept": "keep", "knew": "know", "known": "know",
    "led": "lead", "left": "leave", "lost": "lose", "made": "make", "meant": "mean", "met": "meet",
    "paid": "pay", "ran": "run", "rose": "rise", "risen": "rise", "said": "say", "saw": "see", "seen": "see",
    "sought": "seek", "sold": "sell", "sent": "send", "shot": "shoot", "spoke": "speak", "spoken": "speak",
    "spent": "spend", "stood": "stand", "struck": "strike", "took": "take", "taken": "take", "taught": "teach",
    "told": "tell", "thought": "think", "threw": "throw", "thrown": "throw", "won": "win", "withdrew": "withdraw",
    "withdrawn": "withdraw", "wrote": "write", "written": "write", "wounded": "wound", "killed": "kill",
}

NEGATION_WORDS = frozenset({"not", "no", "never", "n't", "neither", "nor", "none", "nobody", "nothing", "without"})

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*")
_NAME_PREFIX = re.compile(r"^(?:al|el|ul|ad|an|as|at|ar|az)[-‐]", re.I)
_SOUNDEX_CODES = {
    **dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
    "l": "4", **dict.fromkeys("mn", "5"), "r": "6",
}
# Romanisation variants of one sound, folded before the sound key is taken.
_TRANSLIT = [("dh", "z"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("ou", "u"),
             ("ee", "i"), ("oo", "u"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("y", "i")]


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """fold() for one word, cached: a story repeats its vocabulary many times."""
    return fold(word)


def fold(text: str) -> str:
    """Lowercase and strip accents, so "Kazemí" and "kazemi" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("’", "'")


def words(text: str) -> list[str]:
    """The word and number tokens of text, as written."""
    return _WORD.findall(text)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Word and number tokens with their character offsets."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a folded word (cached: the same words recur across a story)."""
    return english_stem(fold(word))


@lru_cache(maxsize=100_000)
def name_key(name_word: str) -> str:
    """A sound key for one capitalised word that survives transliteration variants.

    Soundex after folding common romanisation digraphs and dropping Arabic-style
    article prefixes ("al-"), so name spellings produced by different machine
    translations still share a key.
    """
    word = _NAME_PREFIX.sub("", fold(name_word))
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return ""
    for src, dst in _TRANSLIT:
        word = word.replace(src, dst)
    first, code, last = word[0], [], _SOUNDEX_CODES.get(word[0], "")
    for ch in word[1:]:
        digit = _SOUNDEX_CODES.get(ch, "")
        if digit and digit != last:
            code.append(digit)
        if ch not in "hw":
            last = digit
    return (first.upper() + "".join(code) + "000")[:4]


def number_token(raw: str) -> str | None:
    """Canonical token for a written number ("2,500" -> "#2500"), None for non-numbers."""
    cleaned = raw.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return "#" + (str(int(value)) if value.is_integer() else str(value))


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def content_tokens(text: str) -> list[str]:
    """Stems of content words, canonical numbers and name sound keys of text.

    Negation words are left out on purpose: "did not deny" and "denied" should
    still align so that the difference can be reported as a conflict.
    """
    tokens: list[str] = []
    for i, w in enumerate(words(text)):
        if w[0].isdigit():
            num = number_token(w)
            if num:
                tokens.append(num)
            continue
        low = fold_word(w)
        acronym = w.isupper() and len(w) > 1
        if (low in STOPWORDS and not acronym) or len(low) < 2:
            continue
        stemmed = stem(IRREGULAR_BASE.get(low, low))
        tokens.append(_STEM_SYNONYMS.get(stemmed, stemmed))
        if is_capitalised(w) and (i > 0 or len(w) > 3):
            key = name_key(w)
            if key:
                tokens.append("@" + key)
    return tokens


def common_tokens(text: str) -> list[str]:
    """The tokens of content_tokens that come from lower-case words and numbers, not from names.

    Two sentences that share only names ("Senator Harry Reid, the Democratic
    leader") are about the same people, not necessarily the same statement.
    """
    out: list[str] = []
    for i, w in enumerate(words(text)):
        if w[0].isdigit():
            num = number_token(w)
            if num:
                out.append(num)
            continue
        if is_capitalised(w) and (i > 0 or w.isupper()):
            continue
        low = fold_word(w)
        if low in STOPWORDS or len(low) < 2:
            continue
        stemmed = stem(IRREGULAR_BASE.get(low, low))
        out.append(_STEM_SYNONYMS.get(stemmed, stemmed))
    return out


_NAME_WORD = r"(?:[A-Z]\.(?=\s+[A-Z])|(?:(?:al|el)[-‐])?[A-Z][\w’'‐-]*)"
_NAME_SEQ = re.compile(
    r"(?:(?<=\s)|^|(?<=[\"'“(]))"
    r"((?:(?:al|el|de|van|von|bin|ibn)[-‐ ])?" + _NAME_WORD
    + r"(?:\s+(?:(?:of|de|al|bin|van|von|the|for)\s+)?" + _NAME_WORD + r")*)"
)
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())


def capitalised_names(text: str, known_names: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Runs of capitalised words, a stand-in for entity mentions when no NER ran.

    A lone capitalised word that opens the sentence ("Earlier", "Massive") is a
    name only when the article also writes it capitalised mid-sentence
    (`known_names`, folded); weekday and month names are dates, not entities.
    """
    names = []
    for m in _NAME_SEQ.finditer(text):
        parts = m.group(1).strip().split()
        while parts and fold(parts[0]) in STOPWORDS and not (parts[0].isupper() and len(parts[0]) > 1):
            parts = parts[1:]
        parts = [p for p in parts if fold(p) not in _CALENDAR] if len(parts) == 1 else parts
        if not parts:
            continue
        if len(parts) == 1 and m.start(1) == len(text) - len(text.lstrip()) \
                and fold(parts[0]) not in known_names:
            continue
        name = re.sub(r"[’']s$", "", " ".join(parts))
        if len(name) < 2 or name.isdigit():
            continue
        names.append(name)
    return names


def midsentence_capitalised(texts: list[str]) -> set[str]:
    """Folded words written capitalised somewhere other than at a sentence start: likely names."""
    found: set[str] = set()
    for text in texts:
        for i, w in enumerate(words(text)):
            if i > 0 and is_capitalised(w):
                found.add(fold(re.sub(r"[’']s$", "", w)))
    return found
