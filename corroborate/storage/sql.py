"""The SQL both backends share. Queries are written once with `?` placeholders; a backend that
uses another paramstyle rewrites them. Backends differ only in connecting and transactions."""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from ..model import Article
from .base import Store, StoreError, StoryMeta, StoryRecord, utc_now
from .migrate import migration_scripts, split_statements
from .sql_entities import EntitySQL

_CHUNK = 500


class SQLStore(EntitySQL, Store):
    placeholder = "?"

    @abstractmethod
    def _begin(self) -> None:
        """Start a write transaction on self.db."""

    def _q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _exec(self, sql: str, params: tuple | list = ()):
        cur = self.db.cursor()
        cur.execute(self._q(sql), params)
        return cur

    def _execmany(self, sql: str, rows: list) -> int:
        if not rows:
            return 0
        cur = self.db.cursor()
        cur.executemany(self._q(sql), rows)
        return cur.rowcount

    @contextmanager
    def _transaction(self):
        self._begin()
        try:
            yield
            self.db.cursor().execute("COMMIT")
        except BaseException:
            self.db.cursor().execute("ROLLBACK")
            raise

    # --- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        self._exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
        applied = {row[0] for row in self._exec("SELECT version FROM schema_migrations").fetchall()}
        known = migration_scripts()
        newest_known = max((v for v, _, _ in known), default=0)
        if applied and max(applied) > newest_known:
            raise StoreError(f"database {self.url} has schema version {max(applied)}, newer than this corroborate "
                             f"knows ({newest_known}); upgrade corroborate")
        for version, name, sql in known:
            if version in applied:
                continue
            with self._transaction():
                for statement in split_statements(sql):
                    self._exec(statement)
                self._exec("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, utc_now()))

    # --- articles -------------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> int:
        articles = list(articles)
        rows = [(a.id, a.source, a.outlet, a.title, a.published, a.language, a.label, a.raw_text, a.body,
                 json.dumps(a.to_dict(), ensure_ascii=False), utc_now()) for a in articles]
        if not rows:
            return 0
        with self._transaction():
            added = self._execmany("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING", rows)
            self._execmany("INSERT INTO article_sources VALUES (?, ?) ON CONFLICT DO NOTHING", [(r[0], r[1]) for r in rows])
            self._execmany("INSERT INTO article_mentions VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           [row for a in articles for row in _mention_rows(a)])
        return added

    def add_source(self, article_id: str, source: str) -> None:
        with self._transaction():
            self._exec("INSERT INTO article_sources VALUES (?, ?) ON CONFLICT DO NOTHING", (article_id, source))

    def _in_chunks(self, sql: str, ids: list[str]) -> Iterator[tuple]:
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            yield from self._exec(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall()

    def has_articles(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._in_chunks("SELECT id FROM articles WHERE id IN ({marks})", list(ids))}

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        ids = list(ids)
        by_id = {}
        for (data,) in self._in_chunks("SELECT data FROM articles WHERE id IN ({marks})", ids):
            article = Article.from_dict(json.loads(data))
            by_id[article.id] = article
        return [by_id[i] for i in ids if i in by_id]

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        ids = [r[0] for r in self._exec("SELECT id FROM articles ORDER BY published IS NULL, published, id").fetchall()]
        for i in range(0, len(ids), batch):
            yield from self.get_articles(ids[i:i + batch])

    def count_articles(self) -> int:
        return self._exec("SELECT COUNT(*) FROM articles").fetchone()[0]

    def unassigned_article_ids(self) -> list[str]:
        return [r[0] for r in self._exec(
            "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
            "WHERE s.article_id IS NULL ORDER BY a.published IS NULL, a.published, a.ingested_at, a.id").fetchall()]

    # --- stories --------------------------------------------------------------------------
    def save_assignments(self, assignments, stories, merges, syndication, state=None) -> None:
        now = utc_now()
        with self._transaction():
            self._execmany(
                "INSERT INTO stories (id, title, created_at, updated_at, article_count, independent_count, outlets, "
                "first_published, last_published, outlet_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET outlet_count = excluded.outlet_count, "
                "title = excluded.title, updated_at = excluded.updated_at, article_count = excluded.article_count, "
                "independent_count = excluded.independent_count, outlets = excluded.outlets, "
                "first_published = excluded.first_published, last_published = excluded.last_published",
                [(m.id, m.title, now, now, m.article_count, m.independent_count, _join_outlets(m.outlets),
                  m.first_published or "", m.last_published or "", m.outlet_count) for m in stories.values()])
            self._execmany("INSERT INTO story_articles VALUES (?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
                           [(a, s, syndication.get(a)) for a, s in assignments.items()])
            self._execmany("UPDATE story_articles SET syndication_group = ? WHERE article_id = ?",
                           [(g, a) for a, g in syndication.items()])
            for old, new in merges.items():
                self._exec("INSERT INTO story_merges VALUES (?, ?, ?) ON CONFLICT (old_id) DO UPDATE SET "
                           "new_id = excluded.new_id", (old, new, now))
                self._exec("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (new, old))
                self._exec("DELETE FROM stories WHERE id = ?", (old,))
                self._forget_merged_story_entities(old)
            if state is not None:
                self._exec("INSERT INTO component_state VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                           "value = excluded.value, updated_at = excluded.updated_at", (state[0], state[1], now))

    def resolve_story_id(self, story_id: str) -> str | None:
        seen: set[str] = set()
        while story_id not in seen:
            seen.add(story_id)
            if self._exec("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
                return story_id
            row = self._exec("SELECT new_id FROM story_merges WHERE old_id = ?", (story_id,)).fetchone()
            if row is None:
                return None
            story_id = row[0]
        return None

    def get_story(self, story_id: str) -> StoryRecord | None:
        sid = self.resolve_story_id(story_id)
        if sid is None:
            return None
        title = self._exec("SELECT title FROM stories WHERE id = ?", (sid,)).fetchone()[0]
        rows = self._exec(
            "SELECT s.article_id, s.syndication_group FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "WHERE s.story_id = ? ORDER BY a.published IS NULL, a.published, a.id", (sid,)).fetchall()
        return StoryRecord(sid, title, [r[0] for r in rows], {r[0]: r[1] for r in rows if r[1]})

    def list_stories(self) -> list[StoryRecord]:
        members: dict[str, list[str]] = {}
        synd: dict[str, dict[str, str]] = {}
        for aid, sid, group in self._exec(
                "SELECT s.article_id, s.story_id, s.syndication_group FROM story_articles s "
                "JOIN articles a ON a.id = s.article_id ORDER BY a.published IS NULL, a.published, a.id").fetchall():
            members.setdefault(sid, []).append(aid)
            if group:
                synd.setdefault(sid, {})[aid] = group
        titles = dict(self._exec("SELECT id, title FROM stories").fetchall())
        records = [StoryRecord(sid, titles.get(sid, ""), ids, synd.get(sid, {})) for sid, ids in members.items()]
        return sorted(records, key=lambda r: (-len(r.article_ids), r.id))

    _META = ("SELECT id, title, article_count, independent_count, outlets, first_published, last_published, "
             "updated_at, outlet_count FROM stories")

    def story_of_article(self, article_id: str) -> str | None:
        row = self._exec("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def get_story_meta(self, story_id: str) -> StoryMeta | None:
        sid = self.resolve_story_id(story_id)
        row = self._exec(self._META + " WHERE id = ?", (sid,)).fetchone() if sid else None
        return _meta(row) if row else None

    def query_stories(self, *, q=None, since=None, until=None, outlet=None, min_sources=0, min_articles=1,
                      min_outlets=0, offset=0, limit=50) -> tuple[int, list[StoryMeta]]:
        where = ["article_count >= ?", "independent_count >= ?", "outlet_count >= ?"]
        params: list = [min_articles, min_sources, min_outlets]
        if q:
            where.append("LOWER(title) LIKE ?")
            params.append(f"%{q.lower()}%")
        if since:
            where.append("last_published >= ?")  # unknown dates ('') never match a date filter
            params.append(since)
        if until:
            where.append("first_published <= ? AND first_published <> ''")
            params.append(until + "~")  # '~' sorts after any date suffix, so the whole day is included
        if outlet:
            where.append("LOWER(outlets) LIKE ?")
            params.append(f"%|{outlet.lower()}|%")
        clause = " WHERE " + " AND ".join(where)
        total = self._exec("SELECT COUNT(*) FROM stories" + clause, params).fetchone()[0]
        rows = self._exec(self._META + clause + " ORDER BY last_published DESC, id LIMIT ? OFFSET ?",
                          [*params, limit, offset]).fetchall()
        return total, [_meta(r) for r in rows]

    def get_cached_brief(self, story_id: str, words: int, stamp: str) -> str | None:
        row = self._exec("SELECT data FROM briefs WHERE story_id = ? AND words = ? AND stamp = ?",
                         (story_id, words, stamp)).fetchone()
        return row[0] if row else None

    def put_cached_brief(self, story_id: str, words: int, stamp: str, data: str) -> None:
        with self._transaction():
            self._exec("INSERT INTO briefs VALUES (?, ?, ?, ?) ON CONFLICT (story_id, words) DO UPDATE SET "
                       "stamp = excluded.stamp, data = excluded.data", (story_id, words, stamp, data))

    def search_entities(self, q: str, limit: int = 20) -> list[dict]:
        rows = self._exec(
            "SELECT text, type, COUNT(DISTINCT article_id), SUM(count) FROM article_mentions WHERE LOWER(text) LIKE ? "
            "GROUP BY text, type ORDER BY COUNT(DISTINCT article_id) DESC, text LIMIT ?",
            (f"%{q.lower()}%", limit)).fetchall()
        return [{"text": r[0], "type": r[1], "articles": r[2], "mentions": int(r[3])} for r in rows]

    def get_state(self, name: str) -> str | None:
        row = self._exec("SELECT value FROM component_state WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.db.close()


def _join_outlets(outlets: list[str]) -> str:
    return "|" + "|".join(sorted(set(outlets))) + "|" if outlets else ""


def _meta(row: tuple) -> StoryMeta:
    outlets = [o for o in (row[4] or "").split("|") if o]
    return StoryMeta(row[0], row[1], row[2], row[3], outlets, row[5] or None, row[6] or None, row[7], row[8])


def _mention_rows(article: Article) -> list[tuple[str, str, str, int]]:
    counts: dict[tuple[str, str], int] = {}
    for m in article.mentions:
        key = (m.text.strip(), m.type)
        if key[0]:
            counts[key] = counts.get(key, 0) + 1
    return [(article.id, text, typ, n) for (text, typ), n in counts.items()]
