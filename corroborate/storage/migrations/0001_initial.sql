-- Articles are keyed by a content hash: ingesting the same text twice stores it once.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    outlet TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    language TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT 'news',
    raw_text TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);

-- Every place an article was seen (the same text can come from several files or URLs).
CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles (id),
    source TEXT NOT NULL,
    PRIMARY KEY (article_id, source)
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One row per article: the story it joined. Stable once written, except through a recorded merge.
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    story_id TEXT NOT NULL,
    syndication_group TEXT
);
CREATE INDEX story_articles_story ON story_articles (story_id);

-- A merged story's old id redirects to the id it was merged into.
CREATE TABLE story_merges (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL,
    merged_at TEXT NOT NULL
);

-- Opaque state of incremental components (e.g. the story clusterer), by name.
CREATE TABLE component_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
