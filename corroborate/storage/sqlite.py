"""SQLite backend: the embedded default, nothing to start."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Article
from .base import Store, StoreError, StoryRecord, utc_now
from .migrate import migration_scripts, split_statements


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from exc
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    # --- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        db = self.db
        db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
        applied = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
        known = migration_scripts()
        newest_known = max((v for v, _, _ in known), default=0)
        if applied and max(applied) > newest_known:
            raise StoreError(
                f"database {self.path} has schema version {max(applied)}, newer than this corroborate "
                f"knows ({newest_known}); upgrade corroborate"
            )
        for version, name, sql in known:
            if version in applied:
                continue
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in split_statements(sql):
                    db.execute(statement)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, utc_now()))
                db.execute("COMMIT")
            except Exception:
                db.execute("ROLLBACK")
                raise

    # --- articles -------------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> int:
        rows = [
            (a.id, a.source, a.outlet, a.title, a.published, a.language, a.label, a.raw_text, a.body,
             json.dumps(a.to_dict(), ensure_ascii=False), utc_now())
            for a in articles
        ]
        if not rows:
            return 0
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            before = db.total_changes
            db.executemany("INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
            added = db.total_changes - before
            db.executemany("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", [(r[0], r[1]) for r in rows])
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise
        return added

    def add_source(self, article_id: str, source: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", (article_id, source))

    def has_articles(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        ids = list(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        ids = list(ids)
        by_id: dict[str, Article] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for (data,) in self.db.execute(f"SELECT data FROM articles WHERE id IN ({marks})", chunk):
                art = Article.from_dict(json.loads(data))
                by_id[art.id] = art
        return [by_id[i] for i in ids if i in by_id]

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        cur = self.db.execute("SELECT data FROM articles ORDER BY published IS NULL, published, id")
        while rows := cur.fetchmany(batch):
            for (data,) in rows:
                yield Article.from_dict(json.loads(data))

    def count_articles(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def unassigned_article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
            "WHERE s.article_id IS NULL ORDER BY a.published IS NULL, a.published, a.ingested_at, a.id")]

    # --- stories --------------------------------------------------------------------------
    def save_assignments(self, assignments, titles, merges, syndication, state=None) -> None:
        db, now = self.db, utc_now()
        db.execute("BEGIN IMMEDIATE")
        try:
            for story_id, title in titles.items():
                db.execute(
                    "INSERT INTO stories VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET title=excluded.title, "
                    "updated_at=excluded.updated_at", (story_id, title, now, now))
            db.executemany(
                "INSERT INTO story_articles VALUES (?, ?, ?) ON CONFLICT(article_id) DO NOTHING",
                [(a, s, syndication.get(a)) for a, s in assignments.items()])
            db.executemany("UPDATE story_articles SET syndication_group=? WHERE article_id=?",
                           [(g, a) for a, g in syndication.items()])
            for old, new in merges.items():
                db.execute("INSERT OR REPLACE INTO story_merges VALUES (?, ?, ?)", (old, new, now))
                db.execute("UPDATE story_articles SET story_id=? WHERE story_id=?", (new, old))
                db.execute("DELETE FROM stories WHERE id=?", (old,))
            if state is not None:
                db.execute("INSERT OR REPLACE INTO component_state VALUES (?, ?, ?)", (state[0], state[1], now))
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise

    def resolve_story_id(self, story_id: str) -> str | None:
        seen = set()
        while story_id not in seen:
            seen.add(story_id)
            if self.db.execute("SELECT 1 FROM stories WHERE id=?", (story_id,)).fetchone():
                return story_id
            row = self.db.execute("SELECT new_id FROM story_merges WHERE old_id=?", (story_id,)).fetchone()
            if row is None:
                return None
            story_id = row[0]
        return None

    def get_story(self, story_id: str) -> StoryRecord | None:
        sid = self.resolve_story_id(story_id)
        if sid is None:
            return None
        title = self.db.execute("SELECT title FROM stories WHERE id=?", (sid,)).fetchone()[0]
        rows = self.db.execute(
            "SELECT s.article_id, s.syndication_group FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "WHERE s.story_id=? ORDER BY a.published IS NULL, a.published, a.id", (sid,)).fetchall()
        return StoryRecord(sid, title, [r[0] for r in rows], {r[0]: r[1] for r in rows if r[1]})

    def list_stories(self) -> list[StoryRecord]:
        members: dict[str, list[str]] = {}
        synd: dict[str, dict[str, str]] = {}
        for aid, sid, group in self.db.execute(
                "SELECT s.article_id, s.story_id, s.syndication_group FROM story_articles s "
                "JOIN articles a ON a.id = s.article_id ORDER BY a.published IS NULL, a.published, a.id"):
            members.setdefault(sid, []).append(aid)
            if group:
                synd.setdefault(sid, {})[aid] = group
        titles = dict(self.db.execute("SELECT id, title FROM stories"))
        records = [StoryRecord(sid, titles.get(sid, ""), ids, synd.get(sid, {})) for sid, ids in members.items()]
        return sorted(records, key=lambda r: (-len(r.article_ids), r.id))

    def get_state(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM component_state WHERE name=?", (name,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.db.close()
