"""Text normalisation and cue lexicons for the stance classifier.

Kept apart from the feature code so the lexicons can be read (and argued with)
in one place.  No model or corpus download is involved: tokens are lower-cased
words with a light suffix stripper, enough to match "denied"/"denies"/"deny"
and "killed"/"kills" without a lemmatiser.
"""

from __future__ import annotations

import re

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .split import split_spans

_TOKEN = re.compile(r"n't|[a-z0-9]+(?:'[a-z]+)?")
_NT = re.compile(r"n't\b")

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "said", "says", "say", "just", "like", "new"}

# Words that deny or debunk (extends the FNC-1 baseline's refuting list).
REFUTE = frozenset(
    """fake fraud hoax hoaxes false falsely deny denies denied denying refute refutes refuted
    despite nope doubt doubts doubtful bogus debunk debunks debunked debunking prank pranks retract
    retracts retracted untrue myth myths satire satirical fabricated fabrication misleading
    incorrect dismiss dismissed dismisses reject rejects rejected baseless unfounded rumour rumor
    rumours rumors nonsense spoof parody photoshopped doctored erroneous wrong mistaken
    disputed dispute disputes contradict contradicts contradicted insist insists insisted
    lie lies lied scam""".split()
)
NEGATION = frozenset(
    """not no never none nothing neither nor nobody cannot without n't""".split()
)
# Words that report without committing: the mark of 'discuss'.
HEDGE = frozenset(
    """reportedly allegedly alleged alleges claim claims claimed claiming rumored rumoured unconfirmed
    unverified may might could possibly possible apparently purportedly supposedly suggest suggests
    suggested according appear appears appeared seem seems seemed likely unclear believed report
    reports reported speculation speculate speculated if whether perhaps maybe purported
    potentially question questions uncertain investigating investigate""".split()
)
# Words that assert or confirm: the mark of 'agree'.
CONFIRM = frozenset(
    """confirm confirms confirmed confirming officially announced announces announce revealed
    reveals verified proved proves proven indeed true truly actually definitely evidence
    footage photos shows showed""".split()
)

# Words that attribute a statement to someone: a body that restates the claim only in attributed or
# hedged sentences reports it ('discuss') rather than asserting it ('agree').
ATTRIBUTION = frozenset(
    """said says told according reported reports report claimed claims claim tweeted wrote stated
    announced alleged alleges sources source cited quoted quoting citing spokesman spokeswoman
    spokesperson statement interview posted""".split()
)
# Token sequences that deny or correct, for what single refuting words miss ("not true", "turned out").
REFUTE_PHRASES = frozenset(
    tuple(p.split()) for p in
    """not true|no evidence|turned out|in fact|fake news|no truth|never happened|is false|a hoax|been debunked|
    april fool|n't true|not real|no proof|not the|nothing to|is fake|was fake|satire site|satirical website|
    there is no|not been|did n't|does n't|is n't|was n't""".replace("\n", " ").split("|")
)


def normalise_stem(word: str) -> str:
    """Strip common inflections so surface variants of a word compare equal."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ied", "y"), ("ed", ""), ("es", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def raw_tokens(text: str) -> list[str]:
    """Lower-cased word tokens; "didn't" becomes "did n't" so negation survives."""
    lowered = _NT.sub(" n't", text.lower().replace("\u2019", "'"))
    return [tok if tok == "n't" else tok.split("'")[0] for tok in _TOKEN.findall(lowered)]


def content_stems(tokens: list[str]) -> list[str]:
    """Stems of the non-stopword tokens: what overlap between claim and body is measured on."""
    return [normalise_stem(t) for t in tokens if t not in STOP_WORDS and len(t) > 1]


def sentences(text: str) -> list[str]:
    """Sentences of a body via the package splitter (falls back to the whole text)."""
    spans = split_spans(text)
    return [text[s:e] for s, e in spans] or [text]


def capitalised_words(text: str) -> set[str]:
    """Lower-cased capitalised words not at a sentence start: names, places, outlets."""
    found = set()
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-zA-Z]+|[0-9][0-9,.]*)", text):
        word = m.group(1).lower().rstrip(".,")
        if word not in STOP_WORDS:
            found.add(word)
    return found


def distinct_texts(pairs: list[tuple[str, str]]) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Distinct claims and bodies of (claim, body) pairs, and each pair's claim and body positions:
    FNC-style data pairs one body with dozens of claims, so per-text work is done once."""
    claims = list(dict.fromkeys(c for c, _ in pairs))
    bodies = list(dict.fromkeys(b for _, b in pairs))
    claim_pos = {c: i for i, c in enumerate(claims)}
    body_pos = {b: i for i, b in enumerate(bodies)}
    return (claims, bodies, np.array([claim_pos[c] for c, _ in pairs], dtype=int),
            np.array([body_pos[b] for _, b in pairs], dtype=int))

