"""Stance of an article body toward a claim: agree, disagree, discuss or unrelated.

A two-stage model after the FNC-1 winners.  Stage 1 decides related vs
unrelated from similarity features (TF-IDF, LSA, BM25, overlaps), which is
nearly solved by them.  Stage 2 decides agree/disagree/discuss among related
pairs from cue features plus the out-of-fold probabilities of a linear
bag-of-words model over the claim and the body sentences about it.  Both
stages are gradient-boosted trees, each an average of BAG_MEMBERS models
trained on random subsets of the topics (`stance_ensemble`).  The linear model sees only generic
vocabulary and its out-of-fold folds hold out whole topics: with topic words
and body-level folds it memorised known stories, which helped on FNC-1's
body split but hurt on new stories (see docs/benchmarks.md, stance detection).
For the same reason the training pairs' similarity features are cross-fitted
(`stance_crossfit`): each is measured in a vector space fitted without its
claim's and body's topics, as a new story's pair will be.  On new topics (competition-like
split, held-out seeds 3-9) that raised the core model's FNC score from 80.6 to 83.9 %; on
FNC-1 body splits, whose topics are known to training, it costs a little (session 6).
Stage 2 also reads how the body states the claim (`stance_align`): the best claim
coverage of its plain, hedged/attributed and refuting sentences, reporting cues of the claim's
sentences, and a second out-of-fold linear model over the words around the claim's terms (session 7;
the MiniLM variant too since the session-7 follow-up, which measured it there).

The trained model ships as `corroborate/models/stance.pkl.gz` (built by
`bench/train_stance.py` from FNC-1): the training data is not part of the
package, so it cannot be trained at first use.  A second file,
`stance_minilm.pkl.gz`, is the same design with MiniLM similarities added to
both stages (`stance_embed`); it is used when the embeddings extra is installed.
"""

from __future__ import annotations

import gzip
import os
import pickle
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import sklearn
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.utils.class_weight import compute_sample_weight

from .cluster_embed import available
from .stance_align import alignment_features, window_documents
from .stance_crossfit import CROSS_FIT_FOLDS, Featuriser, cross_fitted_features
from .stance_data import related_components
from .stance_embed import CachedEncoder, Encoder, embed_similarities
from .stance_ensemble import BaggedBoosting
from .stance_features import TOP_SENTENCES, FeatureExtractor, VectorSpace
from .stance_text import content_stems, raw_tokens, sentences

MODEL_PATH = Path(__file__).parent / "models" / "stance.pkl.gz"
# The same design plus MiniLM signals (see stance_embed); used only when the embeddings extra is installed.
EMBED_MODEL_PATH = Path(__file__).parent / "models" / "stance_minilm.pkl.gz"
EMBEDDINGS_ENV = "CORROBORATE_STANCE_EMBEDDINGS"  # "0" keeps the core model even with the extra installed
# Stage 1 calls a pair related above this probability, not 0.5: missing a related pair costs its stance
# as well (FNC scores 0.25 for relatedness, 0.75 more for the right stance), so a doubtful pair is
# better sent to stage 2.  0.35 gained on every competition-like dev split (seeds 0-2) and on the
# inner splits of session 2 (+0.4), less on held-out seeds 3-6 (+0.24 mean, one seed -0.2); the
# score-optimal point for ~70 % stage-2 accuracy would be ~0.25, which the MiniLM variant (whose
# stage 1 is surer) uses: +0.2-0.3 on dev seeds 0-2 with and without bagging (session 4).
RELATED_THRESHOLD = 0.35
EMBED_RELATED_THRESHOLD = 0.25
# Averaging bagged stage-2 models shrinks the rare class's probability where members disagree, so
# 'disagree' (the class `check` most needs) lost a third of its F1 on dev seeds 0-2; scaling its
# probability by 1.5 before the argmax restored most of it (F1 0.159 -> 0.208 vs 0.223 unbagged)
# at no cost in FNC score.  On held-out seeds 3-9 disagree F1 still fell a little (0.169 -> 0.151)
# while the FNC score rose ~1 point (session 4, docs/benchmarks.md).
DISAGREE_BOOST = 1.5
# Models averaged per stage (see stance_ensemble): each is trained on a random 80 % of the topics.
BAG_MEMBERS = 5
STANCE_LABELS = ("agree", "disagree", "discuss")
UNRELATED = "unrelated"


def text_documents(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(claim stems, focus stems) per pair; the focus is the body's lead sentence plus the
    sentences sharing most terms with the claim.  Bodies are analysed once each."""
    body_cache: dict[str, tuple[list[set[str]], list[str]]] = {}
    docs = []
    for claim, body in pairs:
        if body not in body_cache:
            stems = [content_stems(raw_tokens(s)) for s in sentences(body)]
            body_cache[body] = ([set(s) for s in stems], [" ".join(s) for s in stems])
        sent_sets, sent_strings = body_cache[body]
        claim_stems = content_stems(raw_tokens(claim))
        claim_set = set(claim_stems)
        cover = [len(claim_set & ss) for ss in sent_sets]
        best = sorted(range(len(sent_sets)), key=lambda i: -cover[i])[:TOP_SENTENCES]
        docs.append((" ".join(claim_stems), " ".join(sent_strings[i] for i in sorted(set(best) | {0}))))
    return docs


class TextStanceModel:
    """Linear bag-of-words stance model over `text_documents`; its probabilities feed stage 2.

    Its vocabulary is only the 1-2 grams found in at least GENERIC_MIN_DF of the training
    pairs: stance language ("denied", "according to") rather than a topic's names, which
    would let it memorise known stories and mislead stage 2 on new ones.
    """

    GENERIC_MIN_DF = 0.003

    def __init__(self, seed: int = 0) -> None:
        self.claim_vec = TfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), min_df=self.GENERIC_MIN_DF,
                                         sublinear_tf=True, dtype=np.float32)
        self.body_vec = TfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), min_df=self.GENERIC_MIN_DF,
                                        sublinear_tf=True, dtype=np.float32)
        self.clf = LogisticRegression(C=2.0, solver="saga", max_iter=500, tol=1e-3, random_state=seed)

    def _matrix(self, docs: list[tuple[str, str]], fit: bool) -> sparse.csr_matrix:
        claims = [c for c, _ in docs]
        focus = [f for _, f in docs]
        if fit:
            return sparse.hstack([self.claim_vec.fit_transform(claims), self.body_vec.fit_transform(focus)]).tocsr()
        return sparse.hstack([self.claim_vec.transform(claims), self.body_vec.transform(focus)]).tocsr()

    def fit(self, docs: list[tuple[str, str]], labels: list[str]) -> TextStanceModel:
        _fit_quietly(self.clf, self._matrix(docs, fit=True), labels)
        return self

    def proba(self, docs: list[tuple[str, str]]) -> np.ndarray:
        """Class probabilities in STANCE_LABELS order."""
        if not docs:
            return np.zeros((0, len(STANCE_LABELS)), dtype=np.float32)
        return _label_proba(self.clf, self._matrix(docs, fit=False))


class WindowTextModel:
    """Linear model over `stance_align.window_documents`: 1-3 grams of the words around the claim's
    terms in the body (claim terms masked), generic vocabulary only, as TextStanceModel's."""

    GENERIC_MIN_DF = 0.003

    def __init__(self, seed: int = 0) -> None:
        self.vec = TfidfVectorizer(token_pattern=r"[^ ]+", ngram_range=(1, 3), min_df=self.GENERIC_MIN_DF,
                                   sublinear_tf=True, dtype=np.float32)
        self.clf = LogisticRegression(C=1.0, solver="saga", max_iter=500, tol=1e-3, random_state=seed)

    def fit(self, docs: list[str], labels: list[str]) -> WindowTextModel:
        _fit_quietly(self.clf, self.vec.fit_transform(docs), labels)
        return self

    def proba(self, docs: list[str]) -> np.ndarray:
        """Class probabilities in STANCE_LABELS order."""
        if not docs:
            return np.zeros((0, len(STANCE_LABELS)), dtype=np.float32)
        return _label_proba(self.clf, self.vec.transform(docs))


def _fit_quietly(clf: LogisticRegression, x: sparse.csr_matrix, labels: list[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # saga's early stop at tol is intended
        clf.fit(x, labels)


def _label_proba(clf: LogisticRegression, x: sparse.csr_matrix) -> np.ndarray:
    """The classifier's probabilities with columns in STANCE_LABELS order (a class it never saw: 0)."""
    raw = clf.predict_proba(x)
    out = np.zeros((x.shape[0], len(STANCE_LABELS)), dtype=np.float32)
    for col, label in enumerate(clf.classes_):
        out[:, STANCE_LABELS.index(label)] = raw[:, col]
    return out


def out_of_fold_text_proba(docs: list, labels: list[str], groups: list[int], folds: int = 5, seed: int = 0,
                           model: type[TextStanceModel] | type[WindowTextModel] = TextStanceModel) -> np.ndarray:
    """Text-model probabilities for training pairs, each from a model that never saw its group
    (its topic), so stage 2 learns how far to trust them on stories it has not seen."""
    out = np.zeros((len(docs), len(STANCE_LABELS)), dtype=np.float32)
    if len(set(groups)) < 2:  # one topic only (tiny data): fall back to pair-level folds
        groups = list(range(len(docs)))
    folds = min(folds, len(set(groups)))
    for fit_idx, pred_idx in GroupKFold(n_splits=folds).split(docs, labels, groups):
        fitted = model(seed).fit([docs[i] for i in fit_idx], [labels[i] for i in fit_idx])
        out[pred_idx] = fitted.proba([docs[i] for i in pred_idx])
    return out


@dataclass
class StanceModel:
    """The fitted two-stage classifier with everything needed to featurise new pairs."""

    space: VectorSpace
    relatedness: HistGradientBoostingClassifier | BaggedBoosting
    stance: HistGradientBoostingClassifier | BaggedBoosting
    text_model: TextStanceModel | None
    uses_embeddings: bool = False  # the MiniLM variant: MiniLM similarity columns in both stages
    related_threshold: float = RELATED_THRESHOLD  # stage-1 probability above which a pair is related
    disagree_boost: float = DISAGREE_BOOST  # stage-2 'disagree' probability multiplier before the argmax
    # stage 2 also sees `stance_align.alignment_features` (the core model since session 7, the MiniLM
    # variant since its follow-up; False in models pickled before, which lack the attribute and fall
    # back to this class default)
    uses_alignment: bool = False
    window_model: WindowTextModel | None = None  # likewise: its probabilities are stage 2's last columns
    sklearn_version: str = sklearn.__version__

    def related_probability(self, features: np.ndarray) -> np.ndarray:
        """Stage 1: probability that each pair is related (any stance but unrelated)."""
        classes = list(self.relatedness.classes_)
        if True not in classes:  # trained on unrelated pairs only
            return np.zeros(len(features))
        return self.relatedness.predict_proba(features)[:, classes.index(True)]

    def predict(self, pairs: list[tuple[str, str]], encode: Encoder | None = None) -> list[str]:
        """Labels for (claim, body) pairs; `encode` replaces MiniLM in the MiniLM variant (e.g. a cache)."""
        if not pairs:
            return []
        features = FeatureExtractor(self.space).transform(pairs)
        if self.uses_embeddings:
            features = np.hstack([features, embed_similarities(pairs, encode) if encode else embed_similarities(pairs)])
        related = self.related_probability(features) >= self.related_threshold
        out = [UNRELATED] * len(pairs)
        idx = np.flatnonzero(related)
        if idx.size:
            stance_x = features[idx]
            if self.text_model is not None:
                docs = text_documents([pairs[i] for i in idx])
                stance_x = np.hstack([stance_x, self.text_model.proba(docs)])
            if self.uses_alignment:
                stance_x = np.hstack([stance_x, alignment_features([pairs[i] for i in idx])])
            if self.window_model is not None:
                stance_x = np.hstack([stance_x, self.window_model.proba(window_documents([pairs[i] for i in idx]))])
            for i, label in zip(idx, self.stance_labels(stance_x), strict=True):
                out[i] = str(label)
        return out

    def stance_labels(self, stance_x: np.ndarray) -> np.ndarray:
        """Stage 2: agree/disagree/discuss for related pairs, 'disagree' scaled by `disagree_boost`."""
        proba = self.stance.predict_proba(stance_x)
        classes = list(self.stance.classes_)
        if "disagree" in classes:
            proba[:, classes.index("disagree")] *= self.disagree_boost
        return np.asarray(classes)[proba.argmax(axis=1)]


def core_featuriser(seed: int = 0) -> Featuriser:
    """Fits a VectorSpace on (claims, bodies) and returns the feature function of that space
    (the `stance_crossfit.Featuriser` of the core features)."""
    def fit(claims: list[str], bodies: list[str]) -> Callable[[list[tuple[str, str]]], np.ndarray]:
        return FeatureExtractor(VectorSpace.fit(list(dict.fromkeys(claims + bodies)), seed=seed)).transform
    return fit


def train_stance_model(pairs: list[tuple[str, str]], labels: list[str], use_text_model: bool = True,
                       seed: int = 0, encode: Encoder | None = None,
                       related_threshold: float | None = None, members: int = BAG_MEMBERS,
                       cross_fit: bool = True, cross_fit_folds: int = CROSS_FIT_FOLDS,
                       alignment: bool | None = None) -> StanceModel:
    """Fit both stages on labelled (claim, body) pairs; with `encode` (a sentence encoder such as
    `stance_embed.minilm_encode`), the MiniLM variant; `members` models averaged per stage.
    related_threshold: None picks the variant's own (RELATED_THRESHOLD or EMBED_RELATED_THRESHOLD);
    cross_fit: the stages learn from cross-fitted similarities (`stance_crossfit`, topics in
    `cross_fit_folds` folds), not in-space ones; alignment: stage 2 also learns from
    `stance_align.alignment_features` and, with the text model, from a WindowTextModel's out-of-fold
    probabilities (None: on, for the core model and the MiniLM variant alike; kept as None so callers
    that passed it still work)."""
    if alignment is None:
        alignment = True
    if related_threshold is None:
        related_threshold = RELATED_THRESHOLD if encode is None else EMBED_RELATED_THRESHOLD
    texts = list(dict.fromkeys([c for c, _ in pairs] + [b for _, b in pairs]))
    space = VectorSpace.fit(texts, seed=seed)
    if cross_fit:
        features = cross_fitted_features(pairs, labels, core_featuriser(seed), folds=cross_fit_folds, seed=seed)
    else:
        features = FeatureExtractor(space).transform(pairs)
    if encode is not None:
        features = np.hstack([features, embed_similarities(pairs, encode)])
    y = np.asarray(labels)
    related_mask = y != UNRELATED
    all_topics = np.asarray(related_components([c for c, _ in pairs], [b for _, b in pairs], labels))
    relatedness = BaggedBoosting(members, seed, max_iter=300, learning_rate=0.1)
    relatedness.fit(features, related_mask, all_topics)
    stance_x = features[related_mask]
    rel_idx = np.flatnonzero(related_mask)
    rel_labels = [labels[i] for i in rel_idx]
    topics = related_components([pairs[i][0] for i in rel_idx], [pairs[i][1] for i in rel_idx], rel_labels)
    text_model = None
    if use_text_model and len(set(y[related_mask])) > 1:
        rel_docs = text_documents([pairs[i] for i in rel_idx])
        oof = out_of_fold_text_proba(rel_docs, rel_labels, topics, seed=seed)
        stance_x = np.hstack([stance_x, oof])
        text_model = TextStanceModel(seed).fit(rel_docs, rel_labels)
    window_model = None
    if alignment:
        rel_pairs = [pairs[i] for i in rel_idx]
        stance_x = np.hstack([stance_x, alignment_features(rel_pairs)])
        if text_model is not None:
            windows = window_documents(rel_pairs)
            oof = out_of_fold_text_proba(windows, rel_labels, topics, seed=seed, model=WindowTextModel)
            stance_x = np.hstack([stance_x, oof])
            window_model = WindowTextModel(seed).fit(windows, rel_labels)
    # Inverse-frequency weights: without them 'disagree' (5 % of related pairs) is nearly never
    # predicted; on an inner dev split they raised both the FNC score and macro-F1.
    stance = BaggedBoosting(members, seed, max_iter=300, learning_rate=0.05)
    stance.fit(stance_x, y[related_mask], np.asarray(topics),
               sample_weight=compute_sample_weight("balanced", y[related_mask]))
    return StanceModel(space, relatedness, stance, text_model, encode is not None, related_threshold,
                       uses_alignment=alignment, window_model=window_model)


def save_model(model: StanceModel, path: Path = MODEL_PATH) -> None:
    """Write the model as gzipped pickle (scikit-learn objects have no portable format)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb", compresslevel=9) as fh:
        pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> StanceModel:
    """A shipped model, loaded once; warns when scikit-learn differs from the one that built it."""
    if not path.exists():
        raise FileNotFoundError(f"no stance model at {path}; build it with bench/train_stance.py")
    with gzip.open(path, "rb") as fh, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model: StanceModel = pickle.load(fh)
    if model.sklearn_version != sklearn.__version__:
        warnings.warn(f"stance model built with scikit-learn {model.sklearn_version}, running "
                      f"{sklearn.__version__}; rebuild with bench/train_stance.py if predictions fail",
                      stacklevel=2)
    return model


def embeddings_enabled() -> bool:
    """Whether the MiniLM variant is used: its model file ships, the embeddings extra is installed,
    and CORROBORATE_STANCE_EMBEDDINGS is not "0" (it costs MiniLM time per body)."""
    return os.environ.get(EMBEDDINGS_ENV, "1") != "0" and EMBED_MODEL_PATH.exists() and available()


def predict_stances(pairs: list[tuple[str, str]], use_embeddings: bool | None = None,
                    encode: Encoder | None = None) -> list[str]:
    """Stance of each body toward its claim, batched so shared bodies are analysed once.

    use_embeddings: the MiniLM variant (True), the core model (False), or whichever
    `embeddings_enabled` says (None); encode: the MiniLM encoder to use (e.g. a cache shared by batches)."""
    if use_embeddings is None:
        use_embeddings = embeddings_enabled()
    if not use_embeddings:
        return load_model(MODEL_PATH).predict(list(pairs))
    return load_model(EMBED_MODEL_PATH).predict(list(pairs), encode)


def predict_stance(claim: str, body: str) -> str:
    """Stance of `body` toward `claim`: "agree", "disagree", "discuss" or "unrelated"."""
    return predict_stances([(claim, body)])[0]


def stance_command(lines: Iterable[dict], batch_size: int = 2000,
                   use_embeddings: bool | None = None) -> Iterator[dict]:
    """CLI core: `{"id", "claim", "body"}` records in, `{"id", "stance"}` out, in input order.

    With the MiniLM variant one encoder cache serves all batches, so a body paired with claims in
    many batches is embedded once."""
    if use_embeddings is None:
        use_embeddings = embeddings_enabled()
    encode = CachedEncoder() if use_embeddings else None
    batch: list[dict] = []
    for record in lines:
        batch.append(record)
        if len(batch) >= batch_size:
            yield from _label_batch(batch, use_embeddings, encode)
            batch = []
    if batch:
        yield from _label_batch(batch, use_embeddings, encode)


def _label_batch(batch: list[dict], use_embeddings: bool, encode: Encoder | None) -> Iterator[dict]:
    labels = predict_stances([(str(r.get("claim", "")), str(r.get("body", ""))) for r in batch],
                             use_embeddings, encode)
    for record, label in zip(batch, labels, strict=True):
        yield {"id": record.get("id"), "stance": label}
