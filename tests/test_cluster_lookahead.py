"""Ingest batches: a batch's words are counted before any of its articles is decided (ClusterOptions.lookahead)."""

import json

from corroborate.cluster import ClusterOptions, StoryClusterer
from corroborate.model import Article

from .test_cluster import toy_stream

VOTE = ("Senate passes budget", "The Kenyan senate approved the budget bill after a long debate in Nairobi, and "
        "finance minister John Mbadi welcomed the vote on fuel taxes and school funding.")
# A different event that shares the setting and some wording (Nairobi, fuel taxes, budget vote, senate).
PROTEST = ("Fuel taxes protest in Nairobi", "Motorists and traders protested against fuel taxes in Nairobi, "
           "blocking roads as police fired tear gas, a day after the budget vote in the senate.")
# Other news of the same place and season, arriving in the same batch: they show that these words are common.
BACKGROUND = [
    ("Nairobi traders count costs", "Traders in Nairobi said fuel taxes in the new budget would raise prices, "
     "as the senate vote neared and motorists queued at stations."),
    ("Senate committee on school funding", "A senate committee in Nairobi heard teachers on school funding in "
     "the budget and on fuel taxes that raise transport costs for pupils."),
    ("Matatu owners warn of fares", "Matatu owners in Nairobi warned fares would rise with fuel taxes after the "
     "budget debate in the senate, and police said roads would stay open."),
]


def _art(aid: str, title: str, body: str) -> Article:
    return Article(id=aid, source=aid, raw_text=body, title=title, body=body, published="2026-05-04",
                   outlet="outlet-" + aid)


def _batch() -> list[Article]:
    arts = [_art(f"b{i}", *tb) for i, tb in enumerate(BACKGROUND)]
    return [*arts, _art("vote", *VOTE), _art("protest", *PROTEST)]


def test_a_batch_is_counted_once_before_its_articles_are_decided():
    c = StoryClusterer()
    batch = _batch()
    c.prime(batch)
    assert c._terms.docs == len(batch)  # every article of the batch is counted before any decision
    c.prime(batch)
    assert c._terms.docs == len(batch)  # priming twice counts nothing twice
    c.add_many(batch)
    assert c._terms.docs == c._names.docs == len(batch)  # adding does not count primed articles again
    c.add_many(batch)
    assert c._terms.docs == len(batch)  # nor does re-adding them


def _join_probability(lookahead: int) -> float:
    """Probability that the protest joins the vote's story, decided right after the vote arrives."""
    c = StoryClusterer(ClusterOptions(lookahead=lookahead))
    vote, protest, *background = [_art("vote", *VOTE), _art("protest", *PROTEST),
                                  *(_art(f"b{i}", *tb) for i, tb in enumerate(BACKGROUND))]
    if lookahead > 1:
        c.prime([vote, protest, *background])  # all five arrived in one ingest batch
    story = c.add(vote)
    evidence, _ = c._evidence(protest)
    return c.probability(evidence, c._stories[story])


def test_words_the_batch_shows_to_be_common_weigh_less_in_the_join_decision():
    # One at a time, the 2nd article of a stream sees an IDF from 2 documents: "Nairobi", "fuel taxes",
    # "senate" and "budget" look rare and make the protest look like the vote.  Counted with the batch
    # that brought them, those words are common, and the same pair looks much less alike.
    alone, batched = _join_probability(1), _join_probability(500)
    assert alone >= ClusterOptions().join_threshold
    assert batched < 0.8 * alone


def test_lookahead_one_is_the_plain_one_at_a_time_stream():
    stream = toy_stream()
    plain = StoryClusterer(ClusterOptions(lookahead=1))
    for a in stream:
        plain.add(a)
    many = StoryClusterer(ClusterOptions(lookahead=1))
    assert [many.resolve(s) for s in many.add_many(stream)] == [plain.story_of(a.id) for a in stream]
    assert many.state_dict() == plain.state_dict()


def test_batches_resume_from_saved_state_like_one_run():
    stream = toy_stream()
    opts = ClusterOptions(lookahead=3)
    one = StoryClusterer(opts)
    one.add_many(stream[:3])
    one.add_many(stream[3:])
    first = StoryClusterer(opts)
    first.add_many(stream[:3])
    resumed = StoryClusterer.from_state(json.loads(json.dumps(first.state_dict())))
    resumed.add_many(stream[3:])
    assert resumed.state_dict() == one.state_dict()
    assert not resumed._primed and not one._primed  # nothing counted ahead is left between batches
