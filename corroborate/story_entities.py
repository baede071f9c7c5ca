"""Second stage of entity resolution: link a story's entities to the entities of other stories.

Within a story, `resolve_entities` has already joined the spellings (al-Kadhimi / al-Kazemi).
Across stories the same rules apply (`link_across_stories`), but only against the stored
entities that share a blocking key with this story's spellings, so linking one story costs the
same whether the store holds a hundred stories or a million.  Ids stay stable: a story entity
that links to a known entity takes its id; two known entities found to be one are merged and
the merge is recorded (the old id redirects).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from .entities import link_across_stories
from .names import acronym_matches, fold, initials, is_acronym, name_key, name_tokens, names_compatible
from .storage.base import Store

_KNOWN = "\x00known"  # pseudo-story holding the stored candidates
_COUNT_CAP = 1000  # mention counts beyond this add nothing to linking
# Stored entities read per blocking key, the most widely reported first: an exact spelling is a
# precise key; a surname sound or initials key is shared by many, so only the leading few are read.
_PER_EXACT_KEY = 20
_PER_FUZZY_KEY = 8
_compatible = lru_cache(maxsize=1 << 17)(names_compatible)  # popular names recur story after story


def blocking_keys(spellings: Iterable[str]) -> set[str]:
    """Keys under which an entity with these spellings is found: folded text, surname skeleton, initials."""
    keys: set[str] = set()
    for text in spellings:
        keys.add("t:" + fold(text))
        bare = text.replace(" ", "")
        if is_acronym(bare):
            keys.add("a:" + bare.replace(".", "").upper())
            continue
        key = name_key(text)
        if key:
            keys.add("n:" + key)
        if len(name_tokens(text)) >= 2 and len(initials(text)) >= 2:
            keys.add("a:" + initials(text))
    return keys


def link_story_entities(store: Store, story_id: str, entities: list[dict]) -> dict[str, str]:
    """Brief entity id -> cross-story entity id for one story; stores the links and any merges."""
    if not entities:
        store.save_story_entities(story_id, [], {})
        return {}
    spellings = {e["id"]: {v["text"]: v["count"] for v in e["variants"]} for e in entities}
    keys = {e["id"]: blocking_keys(spellings[e["id"]]) for e in entities}
    holders: dict[str, list[str]] = defaultdict(list)
    for eid, found in keys.items():
        for key in found:
            holders[key].append(eid)
    exact = {k for k in holders if k.startswith("t:")}
    found = store.entity_candidates(exact, _PER_EXACT_KEY) + store.entity_candidates(set(holders) - exact, _PER_FUZZY_KEY)
    candidates: dict[str, dict] = {}
    for c in found:
        if c["id"] in candidates:
            candidates[c["id"]]["keys"] += c["keys"]
        elif _plausible(c, {eid for key in c["keys"] for eid in holders[key]}, spellings):
            candidates[c["id"]] = c
    links = link_across_stories({
        story_id: [_as_story_entity(e["id"], e["name"], e["type"], spellings[e["id"]], len(e["sources"]))
                   for e in entities],
        _KNOWN: [_as_story_entity(c["id"], c["name"], c["type"], c["variants"], c["stories"])
                 for c in candidates.values()],
    })
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for member, cross_id in links.items():
        groups[cross_id].append(member)
    assigned: dict[str, str] = {}
    merges: dict[str, str] = {}
    for cross_id, members in groups.items():
        known = sorted(eid for sid, eid in members if sid == _KNOWN)
        target = cross_id
        if known:
            target = max(known, key=lambda k: (candidates[k]["stories"], candidates[k]["mentions"], k))
            merges.update({k: target for k in known if k != target})
        for sid, eid in members:
            if sid == story_id:
                assigned[eid] = target
    rows = [{
        "local_id": e["id"], "entity_id": assigned.get(e["id"], e["id"]), "name": e["name"], "type": e["type"],
        "mentions": sum(spellings[e["id"]].values()), "variants": spellings[e["id"]], "keys": sorted(keys[e["id"]]),
    } for e in entities]
    store.save_story_entities(story_id, rows, merges)
    return {row["local_id"]: row["entity_id"] for row in rows}


def _plausible(candidate: dict, story_ids: set[str], spellings: dict[str, dict[str, int]]) -> bool:
    """Whether a stored entity could be one of the story entities that share a key with it.

    A cheap pre-filter so the linker compares a handful of candidates, not every entity whose
    surname sounds alike; the linker still decides.
    """
    stored = list(candidate["variants"])[:10]
    for eid in story_ids:
        for mine in spellings[eid]:
            for theirs in stored:
                if fold(mine) == fold(theirs) or _compatible(mine, theirs):
                    return True
                if is_acronym(mine.replace(" ", "")) and acronym_matches(mine, theirs):
                    return True
                if is_acronym(theirs.replace(" ", "")) and acronym_matches(theirs, mine):
                    return True
    return False


def _as_story_entity(entity_id: str, name: str, typ: str, spellings: dict[str, int], n_sources: int) -> dict:
    """The record shape `link_across_stories` reads (it only counts sources and mentions)."""
    counts = {text: min(count, _COUNT_CAP) for text, count in spellings.items()}
    return {"id": entity_id, "name": name, "type": typ,
            "variants": [{"text": t, "count": c} for t, c in counts.items()],
            "sources": [None] * max(1, n_sources), "mentions": [None] * sum(counts.values())}
