"""Word stemming shared by the stages that match text across sources.

PyStemmer wraps the C Snowball stemmers: it installs as a wheel, imports in
milliseconds (NLTK takes seconds) and is several times faster per word.
"""

from __future__ import annotations

import Stemmer

_PORTER = Stemmer.Stemmer("porter")  # the original Porter algorithm, as ROUGE-1.5.5 uses
_ENGLISH = Stemmer.Stemmer("english")  # Snowball English (Porter2)

porter_stem = _PORTER.stemWord
english_stem = _ENGLISH.stemWord
