"""Storage backends behind one interface, chosen by URL."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from .base import Store, StoreError, StoryMeta, StoryRecord

__all__ = ["Store", "StoreError", "StoryMeta", "StoryRecord", "default_db_path", "open_store"]


def default_db_path() -> Path:
    """The SQLite file used when no --db is given: in the user data directory."""
    return Path(user_data_dir("corroborate")) / "corroborate.db"


def open_store(url: str | None = None) -> Store:
    """Open a store from a file path, `sqlite:///path` or `postgresql://...` URL."""
    if not url:
        url = str(default_db_path())
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore  # the driver is imported only by its backend

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    elif "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme '{scheme}'; use a file path, sqlite:///PATH or postgresql://...")
    from .sqlite import SQLiteStore

    return SQLiteStore(url)
