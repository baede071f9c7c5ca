from __future__ import annotations

import sqlite3

import pytest

from corroborate.model import Article, content_id
from corroborate.storage import StoreError, open_store


def make(text: str, source: str = "x.txt", published: str | None = None) -> Article:
    return Article(id=content_id(text), source=source, raw_text=text, body=text, published=published)


def test_add_is_idempotent_and_round_trips(tmp_path):
    store = open_store(str(tmp_path / "a.db"))
    a, b = make("first text", published="2021-07-26"), make("second text")
    assert store.add_articles([a, b]) == 2
    assert store.add_articles([a, make("first   TEXT", source="y.txt")]) == 0
    assert store.count_articles() == 2
    got = store.get_articles([b.id, a.id])
    assert [g.id for g in got] == [b.id, a.id]
    assert got[1].published == "2021-07-26" and got[1].to_dict() == a.to_dict()
    assert store.has_articles([a.id, "nope"]) == {a.id}
    store.close()


def test_sqlite_url_and_migrations_are_recorded(tmp_path):
    path = tmp_path / "sub" / "b.db"
    open_store(f"sqlite:///{path}").close()
    versions = [r[0] for r in sqlite3.connect(path).execute("SELECT version FROM schema_migrations")]
    assert versions == [1]
    open_store(str(path)).close()  # reopening applies nothing twice
    assert [r[0] for r in sqlite3.connect(path).execute("SELECT version FROM schema_migrations")] == [1]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "c.db"
    open_store(str(path)).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')")
    db.commit()
    with pytest.raises(StoreError, match="newer"):
        open_store(str(path))


def test_unknown_scheme_is_refused():
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://x")


def test_assignments_merges_and_redirects(tmp_path):
    store = open_store(str(tmp_path / "d.db"))
    a, b, c = make("a", published="2021-01-01"), make("b", published="2021-01-02"), make("c")
    store.add_articles([a, b, c])
    assert store.unassigned_article_ids() == [a.id, b.id, c.id]
    store.save_assignments({a.id: "s1", b.id: "s2"}, {"s1": "One", "s2": "Two"}, {}, {b.id: a.id}, ("k", "{}"))
    assert store.unassigned_article_ids() == [c.id]
    assert store.get_state("k") == "{}"
    store.save_assignments({c.id: "s2"}, {"s2": "Two"}, {"s1": "s2"}, {})
    assert store.resolve_story_id("s1") == "s2"
    record = store.get_story("s1")
    assert record.id == "s2" and record.article_ids == [a.id, b.id, c.id]
    assert record.syndication == {b.id: a.id}
    assert [r.id for r in store.list_stories()] == ["s2"]
    assert store.get_story("unknown") is None
    store.close()
