"""Language of a text, offline.

Script decides first (Arabic, Cyrillic, Greek, Hebrew, CJK, ...).  Latin-script
text goes to py3langid when it is installed (its model ships inside the wheel,
nothing is downloaded) and otherwise to stopword counts over the languages the
cleaner knows.  Short or mixed text returns "" rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter

from .clean_lexicon import STOPWORDS

_SCRIPTS: list[tuple[str, re.Pattern[str]]] = [
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
]
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_WORD = re.compile(r"[^\W\d_]+", re.U)
_MIN_WORDS = 4
_MIN_PROB = 0.8


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when the text is too short or unclear."""
    sample = text[:5000]
    letters = _LATIN.findall(sample)
    script_counts = Counter({code: len(p.findall(sample)) for code, p in _SCRIPTS})
    code, count = script_counts.most_common(1)[0]
    if count > len(letters):
        if code == "ru":
            return _cyrillic_language(sample)
        if code == "zh" and script_counts["ja"] > 0.05 * count:
            return "ja"
        return code
    words = _WORD.findall(sample)
    if len(words) < _MIN_WORDS:
        return ""
    guess = _langid(sample)
    if guess is not None:
        return guess
    return _stopword_language(words)


def _cyrillic_language(text: str) -> str:
    """Russian unless letters only Ukrainian or Bulgarian use say otherwise."""
    if re.search(r"[іїєґ]", text, re.I):
        return "uk"
    if re.search(r"[ъ]", text) and not re.search(r"[ыэ]", text):
        return "bg"
    return "ru"


def _langid(text: str) -> str | None:
    """py3langid's answer when installed and confident; "" when unsure, None when absent."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    global _IDENTIFIER
    if _IDENTIFIER is None:
        loader = getattr(LanguageIdentifier, "from_model_file", None) or LanguageIdentifier.from_pickled_model
        _IDENTIFIER = loader(MODEL_FILE, norm_probs=True)
    lang, prob = _IDENTIFIER.classify(text)
    return lang if prob >= _MIN_PROB else ""


_IDENTIFIER = None


def _stopword_language(words: list[str]) -> str:
    """The language whose stopwords cover most of the words, if clearly ahead."""
    lower = [w.lower() for w in words]
    scores = {lang: sum(1 for w in lower if w in stops) for lang, stops in STOPWORDS.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 2 or top < 0.1 * len(lower) or top < 1.3 * second:
        return ""
    return best
