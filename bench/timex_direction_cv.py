"""Experiment: can a learnt model beat the tense rule at the past/future direction of bare weekdays, months
and month-days?  (Session 4 answer on TempEval-3 dev: no; the rule stays, see docs/benchmarks.md.)

Run from the repo root:
    /work/venv/bin/python bench/timex_direction_cv.py [--c C]
Training data: every system timex of TempEval-3 TimeBank + AQUAINT-A (never AQUAINT-B, the held-out half)
that is a bare weekday ("Friday", "Friday night"), month ("in April") or month-day without a year ("Oct. 23")
and overlaps a gold timex with a specific value of the same day or month; the label is whether the gold value
lies after the document date (future) or before it (past).  Expressions naming the document date's own
weekday or month are left out (the rule keeps those).  Prints 5-fold cross-validation grouped by document:
how many directions the rule, the model and the model-with-margin (the rule where the model is unsure) get
right.  Features: the expression's kind, how far ahead its future reading lies, the rule's two tense readings
and the tense-cue classes of the words left and right of it in its sentence (a logistic regression).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "bench"))

from timex import DATA, match, split_paths  # noqa: E402

from corroborate.timex import find_timexes  # noqa: E402
from corroborate.timex_calendar import parse_anchor  # noqa: E402
from corroborate.timex_context import MatchContext  # noqa: E402
from corroborate.timex_lexicon import DAYNUM, MONTH, MONTH_FULL, WEEKDAY, WEEKDAYS, parse_day_number  # noqa: E402
from corroborate.timex_rules_date import month_number  # noqa: E402
from corroborate.timex_tml import read_timeml  # noqa: E402

KINDS = ("weekday", "month", "month_day")
_MODAL = frozenset("will 'll wo won't shall would could might".split())
_PLAN = frozenset("expected expects expect scheduled schedule planned plans plan due set slated intends intend "
                  "aims aim hopes hope wants want proposed upcoming coming next later tomorrow".split())
_PAST = frozenset("said told was were had did took made gave met began won lost fell rose got left held saw found "
                  "became sent spent struck came went ran paid sold bought led felt kept shot spoke stood wrote "
                  "broke chose drove flew fought grew knew quit sought taught threw yesterday".split())
_NOT_PAST_ED = frozenset("need speed feed seed bed red proceed exceed succeed indeed embed breed hundred based related "
                         "expected scheduled planned proposed united limited detailed advanced concerned interested "
                         "red".split())
_PRESENT = frozenset("says is are has have 's am does do".split())
_DEADLINE = frozenset("by until till through before".split())
_BACK = frozenset("since ago last earlier previously already recently".split())
_START = frozenset("effective starting beginning from".split())
_DETERMINERS = frozenset("the a an his her its their our this that these those".split())
_WORD = re.compile(r"[A-Za-z']+")
_WINDOW = 8


def _cue_class(words: list[str], i: int) -> str | None:
    """The tense-cue class of words[i] ("to" only before a verb-like word), or None."""
    w = words[i]
    if w in _MODAL:
        return "modal"
    if w in _PLAN:
        return "plan"
    if w == "to" and i + 1 < len(words) and words[i + 1] not in _DETERMINERS and words[i + 1].isalpha() \
            and not words[i + 1].endswith("ed"):
        return "to_verb"
    if w in _PAST or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED):
        return "past"
    if w in _PRESENT:
        return "present"
    if w in _DEADLINE:
        return "deadline"
    if w in _BACK:
        return "back"
    if w in _START:
        return "start"
    return None


def features(ctx: MatchContext, start: int, end: int, kind: str, ahead: float) -> dict[str, float]:
    """Features of the expression text[start:end]: its kind, how far ahead the future reading lies (as a
    fraction of the cycle: 2 of 7 days, 3 of 12 months), the rule's tense readings and the tense cues
    of its sentence left and right (each side: which classes occur, and which is nearest)."""
    feats: dict[str, float] = {"bias": 1.0, f"kind={kind}": 1.0, f"ahead:{kind}": ahead,
                               f"ahead2:{kind}": ahead * ahead}
    for name, value in (("tense", ctx.tense(start, end)), ("strong", ctx.tense(start, end, strong_only=True))):
        if value:
            feats[f"{name}={value:+d}"] = 1.0
    s, e = ctx.sentence_bounds(start, end)
    left = [w.lower() for w in _WORD.findall(ctx.text, s, start)][-_WINDOW:]
    right = [w.lower() for w in _WORD.findall(ctx.text, end, e)][:_WINDOW]
    for side, words, order in (("L", left, range(len(left) - 1, -1, -1)), ("R", right, range(len(right)))):
        nearest = None
        for i in order:
            cls = _cue_class(words, i)
            if cls:
                feats[f"{side}:{cls}"] = 1.0
                nearest = nearest or cls
        if nearest:
            feats[f"{side}near:{nearest}"] = 1.0
    if left and left[-1] == "on":
        feats["on_before"] = 1.0
    if s == start or not left:
        feats["opens_sentence"] = 1.0
    return feats


_WEEKDAY = re.compile(rf"(?P<wd>{WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?")
_MONTH = re.compile(rf"(?P<mon>{MONTH_FULL})")
_MONTH_DAY = re.compile(rf"(?P<mon>{MONTH})\s+(?P<day>{DAYNUM})")
_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})(?!\d)")


def instance(text: str, anchor: date, start: int, end: int) -> tuple[str, float, int, int] | None:
    """(kind, ahead, named month, named day or weekday) of a bare weekday/month/month-day span, else None."""
    span = text[start:end]
    if m := _WEEKDAY.fullmatch(span):
        gap = (WEEKDAYS[m.group("wd").lower()] - anchor.weekday()) % 7
        return ("weekday", gap / 7, 0, WEEKDAYS[m.group("wd").lower()]) if gap else None
    if m := _MONTH.fullmatch(span):
        month = month_number(m.group("mon"))
        gap = (month - anchor.month) % 12
        return ("month", gap / 12, month, 0) if gap else None
    if m := _MONTH_DAY.fullmatch(span):
        month, day = month_number(m.group("mon")), parse_day_number(m.group("day"))
        for year in (anchor.year, anchor.year + 1):
            try:
                ahead = (date(year, month, day) - anchor).days
            except ValueError:
                return None
            if ahead > 0:
                return "month_day", ahead / 365, month, day
            if ahead == 0:
                return None
    return None


def label(value: str, anchor: date, kind: str, month: int, day: int) -> int | None:
    """1 when the (specific, consistent) value lies after the anchor, 0 before, None otherwise."""
    if kind == "month":
        m = _MONTH_VALUE.match(value)
        if not m or int(m.group(2)) != month:
            return None
        return int((int(m.group(1)), month) > (anchor.year, anchor.month))
    m = _DAY_VALUE.match(value)
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if (kind == "weekday" and d.weekday() != day) or (kind == "month_day" and (d.month, d.day) != (month, day)):
        return None
    return None if d == anchor else int(d > anchor)


def collect(splits: list[str]) -> list[tuple[str, dict[str, float], int, int]]:
    """(document, features, gold label, the tagger's current direction) for every usable instance."""
    rows = []
    for split in splits:
        assert split != "AQUAINT-B", "AQUAINT-B is the held-out half"
        for path in split_paths(split):
            doc = read_timeml(path)
            anchor = parse_anchor(doc.dct[:10] if doc.dct else None)
            if anchor is None:
                continue
            ctx = MatchContext(text=doc.text, anchor=anchor)
            for g, s in match(doc.gold, find_timexes(doc.text, doc.dct[:10])):
                inst = instance(doc.text, anchor, s.start, s.end)
                if inst is None:
                    continue
                kind, ahead, month, day = inst
                gold = label(g.value, anchor, kind, month, day)
                current = label(s.value, anchor, kind, month, day)
                if gold is None or current is None:
                    continue
                rows.append((doc.doc_id, features(ctx, s.start, s.end, kind, ahead), gold, current))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 strength of the logistic regression")
    args = parser.parse_args()
    if not os.path.isdir(DATA):
        sys.exit(f"TempEval-3 data not found at {DATA}")
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    rows = collect(["TimeBank", "AQUAINT-A"])
    vec = DictVectorizer()
    x = vec.fit_transform([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    current = np.array([r[3] for r in rows])
    groups = [r[0] for r in rows]
    kinds = np.array([next(k for k in KINDS if f"kind={k}" in r[1]) for r in rows])
    proba = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        clf = LogisticRegression(C=args.c, fit_intercept=False, max_iter=2000).fit(x[train], y[train])
        proba[test] = clf.predict_proba(x[test])[:, 1]
    print(f"{len(rows)} instances from {len(set(groups))} documents; future share {y.mean():.2f}")
    print("| kind | n | rule correct | model correct | model, margin " + ", ".join(
        f"{m:.2f}" for m in (0.1, 0.2, 0.3)) + " |")
    print("|---|---|---|---|---|")
    for kind in (*KINDS, "all"):
        sel = kinds == kind if kind != "all" else np.ones(len(rows), bool)
        model = (proba > 0.5).astype(int)
        cells = []
        for margin in (0.1, 0.2, 0.3):
            combined = np.where(np.abs(proba - 0.5) >= margin, model, current)
            cells.append(str(int((combined[sel] == y[sel]).sum())))
        print(f"| {kind} | {sel.sum()} | {(current[sel] == y[sel]).sum()} | {(model[sel] == y[sel]).sum()} | "
              f"{' / '.join(cells)} |")


if __name__ == "__main__":
    main()
