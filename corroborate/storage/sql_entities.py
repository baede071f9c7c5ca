"""SQL for cross-story entities, shared by both backends (mixed into SQLStore).

`entities` holds running totals (stories, mentions, spellings) so that linking a story reads
only the candidate rows its blocking keys point at, whatever the size of the store.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

MAX_VARIANTS = 30  # spellings kept per cross-story entity (the most used)


class EntitySQL:
    """Needs `_exec`, `_transaction` and `_q` from SQLStore."""

    def entity_candidates(self, keys: Iterable[str], per_key: int = 50) -> list[dict]:
        matched: dict[str, list[str]] = {}
        for key in sorted(set(keys)):
            for (entity_id,) in self._exec(
                    "SELECT k.entity_id FROM entity_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ? "
                    "ORDER BY e.story_count DESC, k.entity_id LIMIT ?", (key, per_key)).fetchall():
                matched.setdefault(entity_id, []).append(key)
        out = []
        for entity_id, found_by in matched.items():
            entity = self._entity_row(entity_id)
            if entity:
                entity["keys"] = found_by
                out.append(entity)
        return out

    def _entity_row(self, entity_id: str) -> dict | None:
        row = self._exec("SELECT id, name, type, story_count, mention_count, variants FROM entities WHERE id = ?",
                         (entity_id,)).fetchone()
        if row is None:
            return None
        return {"id": row[0], "name": row[1], "type": row[2], "stories": row[3], "mentions": row[4],
                "variants": json.loads(row[5])}

    def _resolve_entity(self, entity_id: str) -> str:
        for _ in range(50):  # merge chains are short; the bound guards against a cycle
            row = self._exec("SELECT new_id FROM entity_merges WHERE old_id = ?", (entity_id,)).fetchone()
            if row is None:
                return entity_id
            entity_id = row[0]
        return entity_id

    def save_story_entities(self, story_id: str, rows: list[dict], merges: dict[str, str]) -> None:
        with self._transaction():
            for old, new in merges.items():
                self._merge_entity(old, new)
            touched = self._take_story_out_of_entities(story_id)
            linked: set[str] = set()
            for row in rows:
                stories = 0 if row["entity_id"] in linked else 1
                linked.add(row["entity_id"])
                self._add_to_totals(row["entity_id"], stories, row["mentions"], row["variants"], row["name"], row["type"])
                self._exec("INSERT INTO story_entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (story_id, row["local_id"], row["entity_id"], row["name"], row["type"], row["mentions"],
                            json.dumps(row["variants"], ensure_ascii=False)))
                for key in row["keys"]:
                    self._exec("INSERT INTO entity_keys VALUES (?, ?) ON CONFLICT DO NOTHING", (key, row["entity_id"]))
            self._drop_unmentioned_entities(touched)

    def _take_story_out_of_entities(self, story_id: str) -> set[str]:
        """Subtract a story's share from its entities' totals and drop its rows (inside a transaction);
        returns the entities it mentioned."""
        touched: set[str] = set()
        for entity_id, mentions, variants in self._exec(
                "SELECT entity_id, mentions, variants FROM story_entities WHERE story_id = ?",
                (story_id,)).fetchall():
            stories = 0 if entity_id in touched else -1  # a story counts once per entity
            touched.add(entity_id)
            self._add_to_totals(entity_id, stories, -mentions, json.loads(variants), "", "")
        self._exec("DELETE FROM story_entities WHERE story_id = ?", (story_id,))
        return touched

    def _drop_unmentioned_entities(self, entity_ids: set[str]) -> None:
        for entity_id in entity_ids:  # no story mentions it any more
            self._exec("DELETE FROM entity_keys WHERE entity_id = ? AND entity_id IN "
                       "(SELECT id FROM entities WHERE story_count <= 0)", (entity_id,))
            self._exec("DELETE FROM entities WHERE id = ? AND story_count <= 0", (entity_id,))

    def _forget_merged_story_entities(self, story_id: str) -> None:
        """A story merged into another mentions no one any more: its successor is relinked when its
        brief is next computed (call inside the merge's transaction)."""
        self._drop_unmentioned_entities(self._take_story_out_of_entities(story_id))

    def _add_to_totals(self, entity_id: str, stories: int, mentions: int, variants: dict[str, int],
                       name: str, typ: str) -> None:
        """Add (or, with negative counts, take away) one story's share of an entity's totals."""
        current = self._entity_row(entity_id)
        if current is None:
            if mentions < 0 or stories < 0:
                return
            self._exec("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
                       (entity_id, name, typ, stories, mentions, json.dumps(_top(Counter(variants)),
                                                                             ensure_ascii=False)))
            return
        spellings = Counter(current["variants"])
        sign = -1 if mentions < 0 else 1
        for text, count in variants.items():
            spellings[text] += sign * count
        spellings = Counter({t: c for t, c in spellings.items() if c > 0})
        best_name = current["name"]
        if mentions > 0 and mentions > current["mentions"]:  # this story says more about it than all the others
            best_name = name or best_name
        self._exec("UPDATE entities SET name = ?, story_count = ?, mention_count = ?, variants = ? WHERE id = ?",
                   (best_name, max(0, current["stories"] + stories), max(0, current["mentions"] + mentions),
                    json.dumps(_top(spellings), ensure_ascii=False), entity_id))

    def _merge_entity(self, old: str, new: str) -> None:
        if old == new:
            return
        gone = self._entity_row(old)
        if gone is None:
            return
        self._add_to_totals(new, gone["stories"], gone["mentions"], gone["variants"], gone["name"], gone["type"])
        self._exec("UPDATE story_entities SET entity_id = ? WHERE entity_id = ?", (new, old))
        for (key,) in self._exec("SELECT key FROM entity_keys WHERE entity_id = ?", (old,)).fetchall():
            self._exec("INSERT INTO entity_keys VALUES (?, ?) ON CONFLICT DO NOTHING", (key, new))
        self._exec("DELETE FROM entity_keys WHERE entity_id = ?", (old,))
        self._exec("DELETE FROM entities WHERE id = ?", (old,))
        self._exec("UPDATE entity_merges SET new_id = ? WHERE new_id = ?", (new, old))
        self._exec("INSERT INTO entity_merges VALUES (?, ?) ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id",
                   (old, new))

    def get_entity(self, entity_id: str, limit: int = 100) -> dict | None:
        entity = self._entity_row(self._resolve_entity(entity_id))
        if entity is None:
            return None
        rows = self._exec(
            "SELECT se.story_id, s.title, se.mentions, se.variants FROM story_entities se "
            "LEFT JOIN stories s ON s.id = se.story_id WHERE se.entity_id = ? ORDER BY se.mentions DESC, se.story_id LIMIT ?",
            (entity["id"], limit)).fetchall()
        entity["in_stories"] = [{"story": r[0], "title": r[1], "mentions": r[2], "variants": json.loads(r[3])}
                                for r in rows]
        return entity


def _top(spellings: Counter) -> dict[str, int]:
    return dict(spellings.most_common(MAX_VARIANTS))
