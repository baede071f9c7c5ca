"""Which of the agreeing mentions before a pronoun it stands for: a small learnt ranking model.

The nearest agreeing mention is often wrong in news: "Police arrested him" (him is not the police),
"Microsoft ... fix a hole in its browser" (its is Microsoft, the subject, not the hole).  Each
candidate within reach is scored from cheap cues: sentence and mention distance, whether it is a
name, a person's name, a noun the texts use for people, a pronoun; whether a preposition comes
just before it (obliques are rarely antecedents); whether it opens its sentence (subjects are);
how many mentions its chain already has in the report and the story (salience).  Weights are in
`models/pronoun_antecedents.json`, learnt by `bench/train_antecedents.py` on ECB+ Dev and the odd
Train topics, folds by topic.  The best candidate wins; the model only reorders candidates that
the agreement rules of `entity_pronouns.py` allow.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .names import fold

if TYPE_CHECKING:
    from .resolve_cmd import MentionRow

MODEL_PATH = Path(__file__).parent / "models" / "pronoun_antecedents.json"
_PREPOSITIONS = frozenset("in at on near from into outside inside off along across over under of for with by to "
                          "about against after before behind between during through toward towards".split())

_NEAREST = {"mention_gap_log": -1.0}  # a group without learnt weights takes the nearest candidate

FEATURES = (
    "same_sentence", "one_back", "two_back", "mention_gap_log", "is_name", "is_person_name", "is_misc_name",
    "is_other_name", "is_human_noun", "is_noun", "is_pronoun", "same_pronoun_class", "after_preposition",
    "opens_sentence", "first_in_sentence", "chain_in_doc_log", "chain_in_story_log", "chain_has_name",
    "chain_has_person_name",
)

# Chain statistics that the features read: mentions per (chain root, document), per chain root,
# and whether the chain holds a name / a person's name.
ChainStats = Callable[[int], tuple[int, int, bool, bool]]


def features(rows: Sequence[MentionRow], pronoun: int, cand: int, gap: int, cls: str, cand_cls: str,
             first_in_sentence: bool, chain: tuple[int, int, bool, bool]) -> dict[str, float]:
    """The cues for one (pronoun, candidate) pair; `gap` counts mentions between them."""
    p, c = rows[pronoun], rows[cand]
    distance = p.sentence_no - c.sentence_no
    before = c.sentence[:c.start].split()
    in_doc, in_story, has_name, has_person = chain
    return {
        "same_sentence": float(distance == 0),
        "one_back": float(distance == 1),
        "two_back": float(distance >= 2),
        "mention_gap_log": math.log1p(gap),
        "is_name": float(c.kind == "NAME"),
        "is_person_name": float(c.kind == "NAME" and c.etype == "PERSON"),
        "is_misc_name": float(c.kind == "NAME" and c.etype == "MISC"),
        "is_other_name": float(c.kind == "NAME" and c.etype not in ("PERSON", "MISC")),
        "is_human_noun": float(c.kind == "NOMINAL" and c.human),
        "is_noun": float(c.kind == "NOMINAL"),
        "is_pronoun": float(c.kind == "PRON"),
        "same_pronoun_class": float(c.kind == "PRON" and cand_cls == cls),
        "after_preposition": float(bool(before) and fold(before[-1]) in _PREPOSITIONS),
        "opens_sentence": float(len(before) <= 1),
        "first_in_sentence": float(first_in_sentence),
        "chain_in_doc_log": math.log1p(in_doc),
        "chain_in_story_log": math.log1p(in_story),
        "chain_has_name": float(has_name),
        "chain_has_person_name": float(has_person),
    }


class AntecedentRanker:
    """Scores candidates linearly; separate weights for he/she and for it/they."""

    def __init__(self, weights: dict[str, dict[str, float]]) -> None:
        self.weights = weights

    @staticmethod
    def group(cls: str) -> str:
        return "personal" if cls in ("m", "f") else "other"

    def score(self, cls: str, feats: dict[str, float]) -> float:
        w = self.weights.get(self.group(cls), _NEAREST)
        return sum(w.get(name, 0.0) * value for name, value in feats.items())

    def choose(self, rows: Sequence[MentionRow], pronoun: int, cls: str,
               cands: list[tuple[int, int, str, bool]], chain_stats: ChainStats) -> int | None:
        """The best of `cands` ((row, mention gap, candidate pronoun class, first in its sentence))."""
        best, best_score = None, -math.inf
        for cand, gap, cand_cls, first in cands:
            s = self.score(cls, features(rows, pronoun, cand, gap, cls, cand_cls, first, chain_stats(cand)))
            if s > best_score:
                best, best_score = cand, s
        return best


@lru_cache(maxsize=1)
def default_ranker() -> AntecedentRanker | None:
    """The shipped model, or None when its file is missing (the nearest agreeing mention is taken)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return AntecedentRanker({g: {k: float(v) for k, v in w.items()} for g, w in data["weights"].items()})
