"""The storage contract, run against every backend: SQLite always, PostgreSQL when a server can start."""

from __future__ import annotations

import sqlite3

import pytest

from corroborate.model import Article, content_id
from corroborate.storage import StoreError, StoryMeta, open_store


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_server").new_database()


def make(text: str, source: str = "x.txt", published: str | None = None) -> Article:
    return Article(id=content_id(text), source=source, raw_text=text, body=text, published=published)


def test_add_is_idempotent_and_round_trips(store_url):
    store = open_store(store_url)
    a, b = make("first text", published="2021-07-26"), make("second text")
    assert store.add_articles([a, b]) == 2
    assert store.add_articles([a, make("first   TEXT", source="y.txt")]) == 0
    assert store.count_articles() == 2
    got = store.get_articles([b.id, a.id])
    assert [g.id for g in got] == [b.id, a.id]
    assert got[1].published == "2021-07-26" and got[1].to_dict() == a.to_dict()
    assert store.has_articles([a.id, "nope"]) == {a.id}
    assert [x.id for x in store.iter_articles()] == [a.id, b.id]
    store.close()


def test_reopen_applies_no_migration_twice(store_url):
    open_store(store_url).close()
    store = open_store(store_url)
    assert store.count_articles() == 0
    store.close()


def test_assignments_merges_and_redirects(store_url):
    store = open_store(store_url)
    a, b, c = make("a", published="2021-01-01"), make("b", published="2021-01-02"), make("c")
    store.add_articles([a, b, c])
    assert store.unassigned_article_ids() == [a.id, b.id, c.id]
    one = StoryMeta("s1", "One", 1, 1, ["Daily"], "2021-01-01", "2021-01-01")
    two = StoryMeta("s2", "Two", 1, 1, ["Wire"], "2021-01-02", "2021-01-02")
    store.save_assignments({a.id: "s1", b.id: "s2"}, {"s1": one, "s2": two}, {}, {b.id: a.id}, ("k", "{}"))
    assert store.unassigned_article_ids() == [c.id]
    assert store.get_state("k") == "{}"
    merged = StoryMeta("s2", "Two merged", 3, 2, ["Daily", "Wire"], "2021-01-01", "2021-01-02")
    store.save_assignments({c.id: "s2"}, {"s2": merged}, {"s1": "s2"}, {}, ("k", "[1]"))
    assert store.get_state("k") == "[1]"
    assert store.resolve_story_id("s1") == "s2"
    record = store.get_story("s1")
    assert record.id == "s2" and record.article_ids == [a.id, b.id, c.id]
    assert record.syndication == {b.id: a.id}
    assert [r.id for r in store.list_stories()] == ["s2"]
    assert store.get_story("unknown") is None
    store.close()


def test_sqlite_migrations_are_recorded(tmp_path):
    path = tmp_path / "sub" / "b.db"
    open_store(f"sqlite:///{path}").close()
    open_store(str(path)).close()
    versions = [r[0] for r in sqlite3.connect(path).execute("SELECT version FROM schema_migrations")]
    assert versions == [1, 2, 3]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "c.db"
    open_store(str(path)).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')")
    db.commit()
    with pytest.raises(StoreError, match="newer"):
        open_store(str(path))


def test_bad_urls_are_refused():
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://x")
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_story_queries_cache_and_entity_search(store_url):
    from corroborate.model import Mention

    store = open_store(store_url)
    arts = [make(f"text {i}", published=f"2021-0{i + 1}-01") for i in range(4)]
    arts[0].mentions = [Mention(0, 5, "Norvale", "PLACE"), Mention(9, 14, "Norvale", "PLACE")]
    arts[1].mentions = [Mention(0, 5, "Norvale", "PLACE"), Mention(6, 9, "Alma Teodor", "PERSON")]
    store.add_articles(arts)
    metas = {
        "a": StoryMeta("a", "Harbour fire in Norvale", 3, 2, ["Daily", "Wire"], "2021-01-01", "2021-03-01"),
        "b": StoryMeta("b", "Library reopens", 1, 1, ["Daily"], "2021-04-01", "2021-04-01"),
    }
    store.save_assignments({arts[0].id: "a", arts[1].id: "a", arts[2].id: "a", arts[3].id: "b"}, metas, {}, {})
    total, page = store.query_stories()
    assert total == 2 and [m.id for m in page] == ["b", "a"]  # newest first
    assert store.query_stories(q="HARBOUR")[0] == 1
    assert [m.id for m in store.query_stories(min_sources=2)[1]] == ["a"]
    assert [m.id for m in store.query_stories(outlet="wire")[1]] == ["a"]
    assert [m.id for m in store.query_stories(since="2021-03-15")[1]] == ["b"]
    assert [m.id for m in store.query_stories(until="2021-03-01")[1]] == ["a"]
    assert store.query_stories(limit=1, offset=1)[1][0].id == "a"
    meta = store.get_story_meta("a")
    assert meta.outlets == ["Daily", "Wire"] and meta.article_count == 3
    assert store.get_cached_brief("a", 100, meta.updated_at) is None
    store.put_cached_brief("a", 100, meta.updated_at, "{}")
    assert store.get_cached_brief("a", 100, meta.updated_at) == "{}"
    assert store.get_cached_brief("a", 100, "older") is None
    found = store.search_entities("norv")
    assert found == [{"text": "Norvale", "type": "PLACE", "articles": 2, "mentions": 3}]
    store.close()
