"""Young-stream caution: while the IDF rests on a handful of articles, joining a story needs more evidence."""

import math

import pytest

from corroborate.cluster import ClusterOptions, StoryClusterer
from corroborate.model import Article

VOTE = ("Senate passes budget", "The Kenyan senate approved the budget bill after a long debate in Nairobi, and "
        "finance minister John Mbadi welcomed the vote on fuel taxes and school funding.")
# A different event that shares the setting and some wording (Nairobi, fuel taxes, budget vote, senate).
PROTEST = ("Fuel taxes protest in Nairobi", "Motorists and traders protested against fuel taxes in Nairobi, "
           "blocking roads as police fired tear gas, a day after the budget vote in the senate.")


def _art(aid: str, title: str, body: str) -> Article:
    return Article(id=aid, source=aid, raw_text=body, title=title, body=body, published="2026-05-04",
                   outlet="outlet-" + aid)


def _filler(i: int) -> Article:
    words = " ".join(f"w{i}x{j}" for j in range(12))
    return _art(f"f{i}", f"Item {i}", f"Filler report {words} common words here.")


def test_second_article_of_a_stream_needs_more_than_shared_setting_to_join():
    plain = StoryClusterer(ClusterOptions(young_docs=0.0))
    careful = StoryClusterer(ClusterOptions(young_docs=20.0))
    for c in (plain, careful):
        c.add(_art("a1", *VOTE))
        c.add(_art("a2", *PROTEST))
    # Without the caution the 2nd article joins on words that only look rare because 2 documents were seen.
    assert plain.story_of("a2") == "sa1"
    assert careful.story_of("a2") == "sa2"


def test_caution_fades_as_the_stream_grows():
    opts = ClusterOptions(young_docs=20.0)
    c = StoryClusterer(opts)
    c.add(_art("a1", *VOTE))
    young = c._join_threshold()
    assert young == pytest.approx(opts.join_threshold + (1 - opts.join_threshold) * math.exp(-1 / opts.young_docs))
    for i in range(150):
        c.add(_filler(i))
    assert young > opts.join_threshold + 0.5
    assert c._join_threshold() < opts.join_threshold + 0.01  # a long stream decides as before
    assert StoryClusterer(ClusterOptions())._join_threshold() == opts.join_threshold  # off by default
