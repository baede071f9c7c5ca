"""The storage interface: everything the pipeline, CLI and server need from a database.

Backends (SQLite, PostgreSQL) implement this small contract and are chosen by the
URL given to `open_store`; their drivers are imported only by their own module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..model import Article


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class StoryRecord:
    """A story as stored: its id, title and member article ids."""

    id: str
    title: str
    article_ids: list[str]
    syndication: dict[str, str] = field(default_factory=dict)


@dataclass
class StoryMeta:
    """Figures about a story kept beside it, so lists and filters need not read its articles."""

    id: str
    title: str = ""
    article_count: int = 0
    independent_count: int = 0
    outlets: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    updated_at: str = ""
    outlet_count: int = 0  # distinct outlets; an article with no known outlet counts as one of its own


class StoreError(RuntimeError):
    """A storage problem the user can act on (bad URL, newer schema, unreachable server)."""


class Store(ABC):
    """Abstract article and story store."""

    url: str

    # --- articles -------------------------------------------------------------------------
    @abstractmethod
    def add_articles(self, articles: Iterable[Article]) -> int:
        """Store articles not yet stored, in one transaction; return how many were new."""

    @abstractmethod
    def add_source(self, article_id: str, source: str) -> None:
        """Remember another place the same article was seen."""

    @abstractmethod
    def has_articles(self, ids: Iterable[str]) -> set[str]:
        """The subset of ids already stored."""

    @abstractmethod
    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        """Articles by id, in the order asked; unknown ids are skipped."""

    @abstractmethod
    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article, ordered by publication date then id."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def unassigned_article_ids(self) -> list[str]:
        """Articles not in any story yet, in publication order (the clustering stream)."""

    # --- stories --------------------------------------------------------------------------
    @abstractmethod
    def save_assignments(
        self,
        assignments: dict[str, str],
        stories: dict[str, StoryMeta],
        merges: dict[str, str],
        syndication: dict[str, str],
        state: tuple[str, str] | None = None,
    ) -> None:
        """Atomically record new article->story assignments, the touched stories' figures, merges,
        syndication groups and (optionally) a component's state."""

    @abstractmethod
    def resolve_story_id(self, story_id: str) -> str | None:
        """Follow recorded merges; None when the id is unknown."""

    @abstractmethod
    def get_story(self, story_id: str) -> StoryRecord | None: ...

    @abstractmethod
    def list_stories(self) -> list[StoryRecord]:
        """All current stories, largest first."""

    @abstractmethod
    def story_of_article(self, article_id: str) -> str | None:
        """The current story id of an article, or None when it is in none yet."""

    @abstractmethod
    def get_story_meta(self, story_id: str) -> StoryMeta | None: ...

    @abstractmethod
    def query_stories(
        self,
        *,
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        min_sources: int = 0,
        min_articles: int = 1,
        min_outlets: int = 0,
        offset: int = 0,
        limit: int = 50,
    ) -> tuple[int, list[StoryMeta]]:
        """Stories matching the filters, newest first: (total matching, one page)."""

    @abstractmethod
    def get_cached_brief(self, story_id: str, words: int, stamp: str) -> str | None: ...

    @abstractmethod
    def put_cached_brief(self, story_id: str, words: int, stamp: str, data: str) -> None: ...

    @abstractmethod
    def search_entities(self, q: str, limit: int = 20) -> list[dict]:
        """Mention strings containing q, with their type and how many articles use them."""

    # --- entities across stories (see corroborate/story_entities.py) ---------------------
    @abstractmethod
    def entity_candidates(self, keys: Iterable[str], per_key: int = 50) -> list[dict]:
        """Cross-story entities holding any of these blocking keys, each as {id, name, type,
        variants: {spelling: mentions}, stories, mentions, keys (the ones it was found by)};
        at most per_key entities per key, the most widely reported first."""

    @abstractmethod
    def save_story_entities(self, story_id: str, rows: list[dict], merges: dict[str, str]) -> None:
        """Replace a story's linked entities in one transaction, after recording merges (old id -> new).

        Each row: {local_id, entity_id, name, type, mentions, variants: {spelling: count}, keys: [...]}.
        """

    @abstractmethod
    def get_entity(self, entity_id: str, limit: int = 100) -> dict | None:
        """A cross-story entity (merges followed) with the stories that mention it, most mentions first."""

    @abstractmethod
    def get_state(self, name: str) -> str | None: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
