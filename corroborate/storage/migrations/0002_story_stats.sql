-- Per-story figures kept up to date by the clusterer's writes, so listing and filtering
-- stories never has to scan their articles.
ALTER TABLE stories ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN independent_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN outlets TEXT NOT NULL DEFAULT '';
-- distinct outlets, an article with no known outlet counting as one of its own
ALTER TABLE stories ADD COLUMN outlet_count INTEGER NOT NULL DEFAULT 0;
-- '' when unknown (not NULL), so the newest-first listing can walk an index
ALTER TABLE stories ADD COLUMN first_published TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN last_published TEXT NOT NULL DEFAULT '';
CREATE INDEX stories_recent ON stories (last_published DESC, id);
CREATE INDEX stories_article_count ON stories (article_count);

-- Computed briefs, valid while the story's updated_at stamp is unchanged.
CREATE TABLE briefs (
    story_id TEXT NOT NULL,
    words INTEGER NOT NULL,
    stamp TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (story_id, words)
);

-- Entity mention strings per article, for entity search across the whole store.
CREATE TABLE article_mentions (
    article_id TEXT NOT NULL REFERENCES articles (id),
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (article_id, text, type)
);
CREATE INDEX article_mentions_text ON article_mentions (text);
