"""Average-link joins and merges: what the streaming clusterer borrows from batch average-link clustering."""

import pytest

from corroborate.cluster import ClusterOptions, StoryClusterer
from corroborate.cluster_story import ArticleEvidence, StoryState, average_link, name_agreement
from corroborate.features import TermStats
from corroborate.model import Article


def _story(sid: str, vectors: list[dict[str, float]], names: TermStats) -> StoryState:
    story = StoryState(id=sid, created=1)
    for i, vector in enumerate(vectors):
        ev = ArticleEvidence(vector=vector, title_vector={}, names={}, day=None, outlet=f"o{i}", group=f"g{i}")
        story.absorb(ev, f"{sid}{i}", i + 1, 150, 40, names)
    return story


def test_average_link_is_the_mean_pairwise_cosine():
    names = TermStats()
    a = [{"fire": 1.0}, {"fire": 0.6, "port": 0.8}]
    b = [{"port": 1.0}, {"fire": 0.8, "crew": 0.6}, {"crew": 1.0}]
    pairwise = [sum(x.get(t, 0.0) * w for t, w in y.items()) for x in a for y in b]
    assert average_link(_story("a", a, names), _story("b", b, names)) == pytest.approx(sum(pairwise) / 6)


# Three reports of one event.  The first two share only a little wording (a young stream cannot tell they
# are one story); the third repeats both, so it joins one and bridges the two.
FIRST = ("Harbour blaze", "Firefighters battled a blaze at the Lisbon harbour warehouse overnight, the fire "
         "brigade said, and the warehouse roof collapsed before dawn.")
SECOND = ("Port berths shut", "The port authority closed two berths and diverted container ships after "
          "smoke drifted over the docks near the Lisbon harbour on Tuesday.")
BRIDGE = ("Harbour blaze shuts berths", "Firefighters battled a blaze at the Lisbon harbour warehouse, the fire "
          "brigade said; the port authority closed two berths and diverted container ships as smoke drifted "
          "over the docks and the warehouse roof collapsed.")
OTHER = ("Senate budget vote", "The Kenyan senate approved the budget bill after a long debate, and the "
         "finance minister welcomed the vote on fuel taxes.")


# The same event where the reports also name the same people and places (what the name guard looks for).
NAMED_FIRST = ("Alcantara blaze", "Firefighters battled a blaze at the Alcantara warehouse overnight, fire chief "
               "Rui Costa said, and the warehouse roof collapsed before dawn in Lisbon.")
NAMED_SECOND = ("Alcantara berths shut", "Rui Costa said the port authority closed two berths at Alcantara and "
                "diverted container ships after smoke drifted over the docks of Lisbon on Tuesday.")
NAMED_BRIDGE = ("Alcantara blaze shuts berths", "Firefighters battled a blaze at the Alcantara warehouse, fire chief "
                "Rui Costa said; the port authority closed two berths and diverted container ships as smoke "
                "drifted over the docks of Lisbon and the warehouse roof collapsed.")


def _stream(options: ClusterOptions, first=FIRST, second=SECOND, bridge=BRIDGE) -> StoryClusterer:
    c = StoryClusterer(options)
    for aid, (title, body) in (("a1", first), ("a2", second), ("a3", OTHER), ("a4", bridge)):
        c.add(Article(id=aid, source=aid, raw_text=body, title=title, body=body, published="2026-05-04",
                      outlet=f"outlet-{aid}"))
    return c


def test_bridging_article_merges_a_split_story_and_the_merge_is_recorded():
    # join_threshold 1.0: no article joins on probability, so every join and merge here is average link.
    # The bare average link, without the name guard (link_names 0, the default).
    options = ClusterOptions(join_threshold=1.0, merge_floor=0.0, link_merge=0.3)
    c = _stream(options)
    assert c.story_of("a1") == c.story_of("a2") == c.story_of("a4") == "sa1"
    assert c.story_of("a3") == "sa3"
    assert c.merges == {"sa2": "sa1"}  # the split-off id redirects to the older story
    assert c.resolve("sa2") == "sa1"


def test_without_average_link_the_split_stays():
    c = _stream(ClusterOptions(join_threshold=1.0, merge_floor=0.0, link_merge=0.0))
    assert len({c.story_of(a) for a in ("a1", "a2", "a4")}) == 3 and not c.merges


def test_name_guard_keeps_apart_stories_that_share_only_wording():
    # The bridge's salient names (Harbour, Firefighters, Lisbon) are not carried by the berths story, which
    # only shares the wording: with the guard on the average link does not merge them.
    c = _stream(ClusterOptions(join_threshold=1.0, merge_floor=0.0, link_merge=0.3, link_names=0.33))
    assert c.story_of("a2") == "sa2" and c.story_of("a1") == c.story_of("a4") == "sa1"
    assert not c.merges


def test_name_guard_lets_a_bridge_that_names_both_stories_merge_them():
    c = _stream(ClusterOptions(join_threshold=1.0, merge_floor=0.0, link_merge=0.3, link_names=0.33),
                NAMED_FIRST, NAMED_SECOND, NAMED_BRIDGE)
    assert c.story_of("a1") == c.story_of("a2") == c.story_of("a4") == "sa1"
    assert c.merges == {"sa2": "sa1"}


def test_name_agreement_counts_names_carried_by_half_the_story():
    names = TermStats()
    story = StoryState(id="s", created=1)
    for i, keys in enumerate((("t:costa", "t:lisbon"), ("t:costa",), ("t:alcantara",), ("t:costa",))):
        ev = ArticleEvidence(vector={"x": 1.0}, title_vector={}, names=dict.fromkeys(keys, 1.0), day=None,
                             outlet=f"o{i}", group=f"g{i}")
        story.absorb(ev, f"a{i}", i + 1, 150, 40, names)
    assert name_agreement(("t:costa",), story) == 1.0  # in 3 of 4 articles: full
    assert name_agreement(("t:lisbon",), story) == pytest.approx(0.5)  # in 1 of 4: half credit
    assert name_agreement(("t:costa", "t:rome"), story) == pytest.approx(0.5)
    assert name_agreement((), story) == 0.0
