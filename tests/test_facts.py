"""Facts and conflicts on small made-up stories, plus the seed reports when the shared data is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.claim_conflicts import conflict_kind
from corroborate.claim_similarity import ClaimSpace, candidate_pairs
from corroborate.claims import make_claim
from corroborate.facts import align_facts
from corroborate.mentions import mentions_stage
from corroborate.model import Article, Story
from corroborate.split import split_stage

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seeds"


def art(aid: str, body: str, outlet: str = "", published: str = "2030-03-02") -> Article:
    return Article(id=aid, source=f"{aid}.txt", raw_text=body, body=body, outlet=outlet or aid,
                   published=published)


FILLER = {
    "a": "Local traders said the harbour market reopened after the storm. Fishing boats stayed in port for a week.",
    "b": "The national weather office issued a new flood warning on Sunday. Schools in the valley were closed.",
    "c": "A regional orchestra cancelled its spring tour because of rising costs. Ticket holders will be refunded.",
    "d": "Engineers inspected the old railway bridge and found no damage. Trains resumed their normal timetable.",
}


def fact_with(facts: list[dict], *words: str) -> dict | None:
    for fact in facts:
        if all(any(w.lower() in ev["text"].lower() for ev in fact["evidence"]) for w in words):
            return fact
    return None


def test_paraphrase_and_transliteration_align_into_one_fact() -> None:
    story = Story(id="s1", articles=[
        art("a", "Prime Minister Olek Vasquez met President Ana Duarte in Lisbon on Monday to sign a fishing "
                 "treaty. " + FILLER["a"]),
        art("b", "President Ana Duarte and Premier Olek Vaskez signed the fishing treaty during their meeting "
                 "in Lisbon on Monday. " + FILLER["b"]),
        art("c", "On Monday in Lisbon, the fishing treaty was signed by Ana Duarte and Prime Minister Olek "
                 "Vasques at a meeting. " + FILLER["c"]),
    ])
    facts, conflicts = align_facts(story)
    fact = fact_with(facts, "treaty")
    assert fact is not None
    assert sorted(fact["sources"]) == ["a", "b", "c"]
    assert fact["independent_sources"] == 3 and fact["single_source"] is False
    assert {ev["article"] for ev in fact["evidence"]} == {"a", "b", "c"}
    # the filler sentences are each said by one source only
    harbour = fact_with(facts, "harbour")
    assert harbour is not None and harbour["single_source"] and harbour["sources"] == ["a"]
    assert conflicts == []


def test_syndicated_copy_counts_once() -> None:
    wire = ("The river port authority said on Tuesday that 1,200 containers were stuck at the northern terminal "
            "after a crane collapsed. " + FILLER["d"])
    story = Story(id="s2", articles=[art("a", wire), art("a-copy", wire), art("x", FILLER["b"])],
                  syndication={"a": "a", "a-copy": "a"})
    facts, _ = align_facts(story)
    fact = fact_with(facts, "1,200 containers")
    assert fact is not None
    assert sorted(fact["sources"]) == ["a", "a-copy"]
    assert fact["independent_sources"] == 1
    assert fact["single_source"] is True

    other = art("y", "A crane collapse left 1,200 containers stranded at the northern terminal of the river "
                     "port, the port authority said Tuesday. " + FILLER["c"])
    story.articles.append(other)
    facts, _ = align_facts(story)
    fact = fact_with(facts, "1,200 containers")
    assert sorted(fact["sources"]) == ["a", "a-copy", "y"]
    assert fact["independent_sources"] == 2 and fact["single_source"] is False


def test_one_article_is_listed_once_even_when_it_repeats_a_fact() -> None:
    story = Story(id="s3", articles=[
        art("a", "The mine employs about 4,000 workers in the district. " + FILLER["a"]
            + " About 4,000 workers are employed at the mine in the district."),
        art("b", "Some 4,000 workers are employed by the mine in the district, officials said. " + FILLER["b"]),
    ])
    facts, _ = align_facts(story)
    fact = fact_with(facts, "4,000")
    assert fact is not None
    assert sorted(fact["sources"]) == ["a", "b"]
    assert len(fact["evidence"]) == 3


def conflict_story(text_a: str, text_b: str, text_c: str | None = None) -> tuple[list[dict], list[dict]]:
    arts = [art("a", text_a + " " + FILLER["a"]), art("b", text_b + " " + FILLER["b"])]
    if text_c:
        arts.append(art("c", text_c + " " + FILLER["c"]))
    return align_facts(Story(id="c", articles=arts))


def test_quantity_conflict_with_each_sides_sources() -> None:
    facts, conflicts = conflict_story(
        "There are currently 2,500 Norwegian troops stationed in Latvia, the ministry said.",
        "There are currently 3,500 Norwegian troops stationed in Latvia, the ministry said.",
        "About 2,500 Norwegian soldiers are currently stationed in Latvia, according to the ministry.",
    )
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict["about"].startswith("number of Norwegian") and conflict["about"].endswith("in Latvia")
    sides = sorted((sorted(c["sources"]), c["value"]) for c in conflict["claims"])
    assert [s for s, _ in sides] == [["a", "c"], ["b"]]
    assert "2,500" in sides[0][1] and sides[1][1] == "3,500 Norwegian troops"
    assert sorted(fact_with(facts, "2,500")["sources"]) == ["a", "c"]


def test_killed_numbers_without_unit_conflict() -> None:
    _, conflicts = conflict_story("The bomb blast at the Harbin bus depot killed 30, police said.",
                                  "The bomb blast at the Harbin bus depot killed 12, police said.")
    assert len(conflicts) == 1
    assert sorted(c["value"] for c in conflicts[0]["claims"]) == ["12", "30"]


def test_at_least_versus_smaller_number_conflicts() -> None:
    _, conflicts = conflict_story("The bomb blast at the Harbin bus depot killed at least 30 people on Friday.",
                                  "The bomb blast at the Harbin bus depot killed 12 people on Friday.")
    assert len(conflicts) == 1


def test_rival_counts_in_differently_worded_sentences_conflict() -> None:
    _, conflicts = conflict_story(
        "Some 410 firefighters were deployed to contain the fire, which burned through the night, the fire service said.",
        "About 140 firefighters fought the blaze for nine hours before bringing it under control, the fire service said.",
    )
    assert len(conflicts) == 1
    assert conflicts[0]["about"] == "number of firefighters"
    assert sorted(c["value"] for c in conflicts[0]["claims"]) == ["About 140 firefighters", "Some 410 firefighters"]


@pytest.mark.parametrize("text_a, text_b", [
    # different verbs counting people: two different counts, not rival ones
    ("The storm killed 12 people in the valley, officials said on Sunday.",
     "The storm forced 3,000 people to leave the valley, officials said on Sunday."),
    # one source giving two counts of the unit describes two things, so neither is a rival count
    ("Some 40 firefighters arrived first and 200 firefighters came later to the burning warehouse.",
     "About 120 firefighters fought the blaze at the warehouse for nine hours, the fire service said."),
    # the same unit counted for two different people
    ("The champion Vitali Rusk, who has 46 knockouts in his career, won the bout in Kiev, the organisers said.",
     "His opponent Hasim Berov, who has 36 knockouts in his career, lost the bout in Kiev, the organisers said."),
    # unrelated sentences that merely share a unit
    ("The club signed 3 new players from the academy before the season began in the north.",
     "About 25 players from the visiting team were stuck at the airport because of the snow storm."),
])
def test_counts_of_different_things_are_not_rival_conflicts(text_a: str, text_b: str) -> None:
    arts = [mentions_stage(split_stage(art(aid, text + " " + FILLER[aid]))) for aid, text in (("a", text_a), ("b", text_b))]
    _, conflicts = align_facts(Story(id="c", articles=arts))
    assert conflicts == []


def test_date_conflict() -> None:
    _, conflicts = conflict_story(
        "The Danish navy will withdraw all its ships from the Arctic patrol by December, the minister said.",
        "The Danish navy will withdraw all its ships from the Arctic patrol by the end of August, the "
        "minister said.")
    assert len(conflicts) == 1
    assert conflicts[0]["about"].startswith("date")
    assert sorted(c["value"] for c in conflicts[0]["claims"]) == ["XXXX-08", "XXXX-12"]


def test_asserted_versus_denied_conflict() -> None:
    _, conflicts = conflict_story(
        "The finance minister approved the sale of the state airline to a foreign investor on Thursday.",
        "The finance minister did not approve the sale of the state airline to a foreign investor on Thursday.")
    assert len(conflicts) == 1
    assert sorted(c["value"] for c in conflicts[0]["claims"]) == ["asserted", "denied"]


@pytest.mark.parametrize("text_a,text_b", [
    ("There are currently about 2,500 Norwegian troops stationed in Latvia.",
     "There are currently 2,500 Norwegian troops stationed in Latvia."),
    ("The bomb blast at the Harbin bus depot killed at least 30 people on Friday.",
     "The bomb blast at the Harbin bus depot killed many people on Friday."),
    ("The Danish navy will withdraw all its ships from the Arctic patrol by the end of this year.",
     "The Danish navy will withdraw all its ships from the Arctic patrol by December."),
    ("Thousands of Norwegian troops are stationed in Latvia under the defence pact.",
     "About 2,500 Norwegian troops are stationed in Latvia under the defence pact."),
    ("The storm forced the Tromso ferry company to close two of its six terminals on Friday.",
     "The storm forced the Tromso ferry company to close two terminals on Friday."),
])
def test_compatible_values_are_not_conflicts(text_a: str, text_b: str) -> None:
    facts, conflicts = conflict_story(text_a, text_b)
    assert conflicts == []
    shared = [f for f in facts if sorted(f["sources"]) == ["a", "b"]]
    assert len(shared) == 1


def test_negation_in_an_extra_clause_is_not_a_denial() -> None:
    a = make_claim(0, "Fifteen of the ship's crew were rescued by the coast guard, but the owners have not "
                      "commented on the cause.", [], [])
    b = make_claim(0, "Fifteen of the ship's crew were rescued by the coast guard.", [], [])
    assert conflict_kind(a, b, 0.9) is None
    c = make_claim(0, "If the council does not approve the budget, the library will close in May.", [], [])
    d = make_claim(0, "The council will approve the budget, and the library will close in May.", [], [])
    assert conflict_kind(c, d, 0.9) is None


def test_candidate_pairs_skip_same_article_and_keep_top_neighbours() -> None:
    texts = [f"Flood water reached house number {i} on the river road in Ostrava." for i in range(30)]
    groups = [i % 3 for i in range(30)]
    space = ClaimSpace(texts)
    pairs = candidate_pairs(space, groups, min_score=0.0, neighbours=5)
    assert pairs
    assert all(groups[i] != groups[j] for i, j in pairs)
    # each claim proposes at most 5 neighbours, so far fewer than all 300 cross-article pairs are kept
    assert len(pairs) <= 30 * 5


def test_empty_story() -> None:
    assert align_facts(Story(id="e", articles=[])) == ([], [])
    assert align_facts(Story(id="e", articles=[art("a", "Menu | Home | Sport")])) == ([], [])
    # statements made only of stop words have nothing to align on, but must not break the story
    same = "It is what it is, and that is all there is to it."
    facts, _ = align_facts(Story(id="e", articles=[art("a", same), art("b", same)]))
    assert sorted(f["sources"][0] for f in facts) == ["a", "b"]


def seed_story() -> Story:
    if not SEEDS.exists():
        pytest.skip(f"shared seed data not found at {SEEDS}")
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        arts.append(Article(id=path.stem, source=str(path), raw_text=raw, body=raw, published="2021-07-26"))
    return Story(id="seeds", articles=arts)


def test_seeds_troops_fact_is_multi_source_and_not_a_conflict() -> None:
    story = seed_story()
    facts, conflicts = align_facts(story)
    troops = [f for f in facts if any("2,500" in ev["text"] and "Iraq" in ev["text"] for ev in f["evidence"])]
    assert len(troops) == 1
    fact = troops[0]
    assert fact["independent_sources"] >= 3 and not fact["single_source"]
    says_it = {a.id for a in story.articles if "2,500" in a.body}
    assert set(fact["sources"]) == says_it
    for conflict in conflicts:
        values = " ".join(c["value"] for c in conflict["claims"])
        assert "2,500" not in values
