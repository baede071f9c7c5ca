"""Average-link joins and merges: what the streaming clusterer borrows from batch average-link clustering."""

import pytest

from corroborate.cluster import ClusterOptions, StoryClusterer
from corroborate.cluster_story import ArticleEvidence, StoryState, average_link
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


def _stream(options: ClusterOptions) -> StoryClusterer:
    c = StoryClusterer(options)
    for aid, (title, body) in (("a1", FIRST), ("a2", SECOND), ("a3", OTHER), ("a4", BRIDGE)):
        c.add(Article(id=aid, source=aid, raw_text=body, title=title, body=body, published="2026-05-04",
                      outlet=f"outlet-{aid}"))
    return c


def test_bridging_article_merges_a_split_story_and_the_merge_is_recorded():
    # join_threshold 1.0: no article joins on probability, so every join and merge here is average link.
    options = ClusterOptions(join_threshold=1.0, merge_floor=0.0, link_merge=0.3)
    c = _stream(options)
    assert c.story_of("a1") == c.story_of("a2") == c.story_of("a4") == "sa1"
    assert c.story_of("a3") == "sa3"
    assert c.merges == {"sa2": "sa1"}  # the split-off id redirects to the older story
    assert c.resolve("sa2") == "sa1"


def test_without_average_link_the_split_stays():
    c = _stream(ClusterOptions(join_threshold=1.0, merge_floor=0.0, link_merge=0.0))
    assert len({c.story_of(a) for a in ("a1", "a2", "a4")}) == 3 and not c.merges
