"""Cross-story entity linking through the store: ids shared across stories, guards kept, re-linking stable."""

from __future__ import annotations

import pytest

from corroborate.storage import open_store
from corroborate.story_entities import blocking_keys, link_story_entities


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    url = str(tmp_path / "e.db") if request.param == "sqlite" else request.getfixturevalue("pg_server").new_database()
    opened = open_store(url)
    yield opened
    opened.close()


def _entity(eid: str, name: str, typ: str, spellings: dict[str, int], sources: int = 1) -> dict:
    return {"id": eid, "name": name, "type": typ, "sources": [f"a{i}" for i in range(sources)],
            "variants": [{"text": t, "count": c, "sources": ["a0"]} for t, c in spellings.items()]}


def test_blocking_keys_meet_for_acronyms_and_spellings():
    assert blocking_keys(["Islamic State"]) & blocking_keys(["IS"])
    assert blocking_keys(["Mustafa al-Kadhimi"]) & blocking_keys(["al-Kazemi"])


def test_variants_link_across_stories_and_guards_hold(store):
    first = link_story_entities(store, "s1", [
        _entity("e1", "Mustafa al-Kadhimi", "PERSON", {"Mustafa al-Kadhimi": 2, "al-Kadhimi": 3}, 2),
        _entity("e2", "Saddam Hussein", "PERSON", {"Saddam Hussein": 1}),
        _entity("e3", "Iraq", "PLACE", {"Iraq": 5}, 2),
    ])
    second = link_story_entities(store, "s2", [
        _entity("f1", "Mustafa al-Kazemi", "PERSON", {"Mustafa al-Kazemi": 1, "Al-Kazemi": 2}),
        _entity("f2", "Fuad Hussein", "PERSON", {"Fuad Hussein": 1}),
        _entity("f3", "Iran", "PLACE", {"Iran": 2}),
    ])
    assert second["f1"] == first["e1"]  # transliteration variants: one person across stories
    assert second["f2"] != first["e2"]  # one surname, different first names: two people
    assert second["f3"] != first["e3"]  # Iraq is not Iran
    person = store.get_entity(first["e1"])
    assert person["stories"] == 2 and person["mentions"] == 8
    assert {s["story"] for s in person["in_stories"]} == {"s1", "s2"}
    assert person["variants"]["Al-Kazemi"] == 2


def test_relinking_a_story_keeps_ids_and_totals(store):
    ents = [_entity("e1", "Jen Psaki", "PERSON", {"Jen Psaki": 1, "Psaki": 2})]
    first = link_story_entities(store, "s1", ents)
    again = link_story_entities(store, "s1", ents)
    assert again == first
    entity = store.get_entity(first["e1"])
    assert entity["stories"] == 1 and entity["mentions"] == 3
    link_story_entities(store, "s1", [])  # the story no longer mentions anyone
    assert store.get_entity(first["e1"]) is None


def test_two_known_entities_bridged_by_a_story_merge_and_redirect(store):
    a = link_story_entities(store, "s1", [_entity("x", "Islamic State", "GROUP", {"Islamic State": 3})])
    b = link_story_entities(store, "s2", [_entity("y", "ISIL", "GROUP", {"ISIL": 2})])
    assert a["x"] != b["y"]
    c = link_story_entities(store, "s3", [_entity("z", "Islamic State", "GROUP",
                                                   {"Islamic State": 1, "ISIL": 1, "Islamic State of Iraq and the Levant": 1})])
    survivor = store.get_entity(a["x"])
    assert store.get_entity(b["y"])["id"] == survivor["id"] == c["z"]
    assert survivor["stories"] == 3


def test_a_story_merged_into_another_leaves_no_entity_rows_behind(store):
    from corroborate.storage.base import StoryMeta

    a = link_story_entities(store, "s1", [_entity("x", "Jen Psaki", "PERSON", {"Jen Psaki": 2})])
    b = link_story_entities(store, "s2", [_entity("y", "Fawad Hussein", "PERSON", {"Fawad Hussein": 1}),
                                          _entity("z", "Jen Psaki", "PERSON", {"Psaki": 1})])
    assert store.get_entity(a["x"])["stories"] == 2
    store.save_assignments({}, {"s2": StoryMeta("s2", "Two", 2, 2)}, {"s1": "s2"}, {})
    psaki = store.get_entity(a["x"])
    assert psaki["stories"] == 1 and psaki["mentions"] == 1  # only s2's share is left
    assert {s["story"] for s in psaki["in_stories"]} == {"s2"}
    only_s1 = link_story_entities(store, "s3", [_entity("w", "Saddam Hussein", "PERSON", {"Saddam Hussein": 1})])
    store.save_assignments({}, {"s2": StoryMeta("s2", "Two", 3, 2)}, {"s3": "s2"}, {})
    assert store.get_entity(only_s1["w"]) is None  # no story mentions it any more
    assert store.get_entity(b["y"])["stories"] == 1
