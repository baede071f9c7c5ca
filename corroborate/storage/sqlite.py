"""SQLite backend: the embedded default, nothing to start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .base import StoreError
from .sql import SQLStore


class SQLiteStore(SQLStore):
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            # autocommit mode: transactions are explicit (BEGIN IMMEDIATE takes the write lock up front)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from exc

    def _begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
