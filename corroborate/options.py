"""One options object for the whole engine, as trafilatura does: every knob in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Options:
    db: str | None = None  # file path, sqlite:///PATH or postgresql://...; None = user data dir
    executor: str = "local"  # local, serial or ray
    workers: int | None = None
    ray_address: str | None = None
    batch_size: int = 64  # articles processed and committed together (the crash-loss bound)
    max_bytes: int = 20_000_000  # per input file
    allow_private: bool = False  # fetch URLs on private/loopback addresses
    words: int = 150  # brief length
    min_articles: int = 2  # minimum evidence before a group is listed as a story
    min_outlets: int = 1
    embeddings: bool = False  # MiniLM title+lead similarity as an extra clustering signal (optional extra)
    quiet: bool = False

    def check(self) -> None:
        """Fail early, before any work, on settings this installation cannot honour."""
        if self.embeddings:
            from .cluster_embed import available

            if not available():
                raise OptionsError("--embeddings needs the embeddings extra: pip install 'corroborate[embeddings]' "
                                   "(or leave out --embeddings)")


class OptionsError(ValueError):
    """A setting that cannot be used here; the message says what to do instead."""
