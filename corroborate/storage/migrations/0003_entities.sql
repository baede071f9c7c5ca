-- Entities resolved across stories. A story's entities (resolved within the story) are linked
-- to cross-story entities when its brief is computed; `entities` keeps each one's running totals
-- so linking the next story reads a few rows, never every story that mentions it.
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    story_count INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    variants TEXT NOT NULL -- JSON object: spelling -> mentions
);

CREATE TABLE story_entities (
    story_id TEXT NOT NULL,
    local_id TEXT NOT NULL, -- the id in the story's brief
    entity_id TEXT NOT NULL REFERENCES entities (id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    variants TEXT NOT NULL,
    PRIMARY KEY (story_id, local_id)
);
CREATE INDEX story_entities_entity ON story_entities (entity_id);

-- Blocking keys (folded spellings, surname skeletons, initials) -> entities, to find link candidates.
CREATE TABLE entity_keys (
    key TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (key, entity_id)
);

-- Two cross-story entities found to be one: the old id redirects to the new.
CREATE TABLE entity_merges (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
);
