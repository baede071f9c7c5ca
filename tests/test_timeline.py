"""Timeline: dated events merged across sources and ordered; the long-collection timeline."""

from __future__ import annotations

from corroborate.entities import resolve_entities
from corroborate.mentions import mentions_stage
from corroborate.model import Article, Story
from corroborate.split import split_stage
from corroborate.timeline import build_timeline, dated_sentences, timeline_from_articles
from corroborate.timeline_similarity import StoryIdf, entity_map, event_similarity, sentence_tokens
from corroborate.timex import timex_stage


def article(aid: str, body: str, published: str = "2021-07-26") -> Article:
    art = Article(id=aid, source=aid, raw_text=body, body=body, published=published)
    return timex_stage(mentions_stage(split_stage(art)))


def test_same_event_from_two_outlets_merges_and_lists_both() -> None:
    a = article("a", "Biden met Prime Minister al-Kadhimi at the White House on Monday. The talks lasted an hour.")
    b = article("b", "On Monday, Biden met Iraqi Prime Minister al-Kadhimi at the White House, officials said.")
    timeline = build_timeline(Story(id="s", articles=[a, b]))
    monday = [e for e in timeline if e["date"] == "2021-07-26"]
    assert len(monday) == 1
    assert monday[0]["sources"] == ["a", "b"]


def test_different_events_on_one_day_stay_apart_and_dates_are_ordered() -> None:
    a = article("a", "Troops will leave Iraq by the end of the year. The first attack came on March 3, 2020.")
    b = article("b", "A new budget was approved on March 3, 2020 by the parliament in Baghdad.")
    timeline = build_timeline(Story(id="s", articles=[a, b]))
    assert [e["date"] for e in timeline] == ["2020-03-03", "2020-03-03", "2021"]
    assert {tuple(e["sources"]) for e in timeline if e["date"] == "2020-03-03"} == {("a",), ("b",)}


def test_max_items_keeps_the_best_corroborated_events_in_date_order() -> None:
    a = article("a", "The first attack came on March 3, 2020 near Baghdad. Talks resumed on Monday in Washington.")
    b = article("b", "On Monday, talks resumed in Washington between the two delegations.")
    timeline = build_timeline(Story(id="s", articles=[a, b]), max_items=1)
    assert [(e["date"], e["sources"]) for e in timeline] == [("2021-07-26", ["a", "b"])]


def test_generic_references_do_not_make_events() -> None:
    a = article("a", "There are currently about 2,500 soldiers in Iraq. Recently the role changed.")
    assert build_timeline(Story(id="s", articles=[a])) == []


def test_datelines_are_not_events() -> None:
    a = article("a", "Published 26 July 2021 Opinion\n\nThe council approved the budget on Monday.")
    assert [e["text"] for e in build_timeline(Story(id="s", articles=[a]))] == [
        "The council approved the budget on Monday."]


def test_half_of_a_split_quotation_is_not_an_event() -> None:
    a = article("a", "The prime minister said: “America is helping Iraq. Our relations today are stronger than ever.” "
                     "The two leaders met at the White House on Monday.")
    assert [e["text"] for e in build_timeline(Story(id="s", articles=[a]))] == [
        "The two leaders met at the White House on Monday."]


def test_sentence_is_dated_by_its_most_precise_date() -> None:
    a = article("a", "On Monday they signed the deal ending the mission begun in 2003.")
    assert dated_sentences(a) == [("2021-07-26", 0)]


def test_coarser_date_in_the_same_sentence_is_dropped() -> None:
    a = article("a", "This year the vote took place on July 20, 2021 in the capital.")
    assert dated_sentences(a) == [("2021-07-20", 0)]


def test_articles_without_stages_are_processed_on_the_fly() -> None:
    raw = Article(id="r", source="r", raw_text="x", body="The bridge collapsed on 4 May 2021 after rains.",
                  published="2021-05-06")
    assert build_timeline(Story(id="s", articles=[raw])) == [
        {"date": "2021-05-04", "text": "The bridge collapsed on 4 May 2021 after rains.", "sources": ["r"]}]


def test_timeline_from_articles_picks_the_most_referred_days() -> None:
    bodies = [
        ("1", "2010-04-21", "The rig exploded on April 20, 2010 in the Gulf of Mexico, killing eleven workers."),
        ("2", "2010-04-22", "The rig that exploded on April 20 sank on Thursday after burning for two days."),
        ("3", "2010-04-23", "Since the April 20 explosion, oil has leaked from the well into the Gulf."),
        ("4", "2010-04-30", "Oil reached the coast of Louisiana on Thursday as crews laid booms along beaches."),
    ]
    articles = [Article(id=i, source=i, raw_text=b, body=b, published=d) for i, d, b in bodies]
    timeline = timeline_from_articles(articles, max_items=2)
    assert [e["date"] for e in timeline][0] == "2010-04-20"
    assert len(timeline) == 2
    first = timeline[0]
    assert first["sources"] and set(first["sources"]) <= {"1", "2", "3"}
    assert "April 20" in first["text"] or "exploded" in first["text"]


def test_variants_of_one_name_merge() -> None:
    a = article("a", "Foreign Minister Youssef al-Hadadi resigned from the government on Monday. "
                     "Youssef al-Hadadi had served since 2015.")
    b = article("b", "On Monday Yusuf Haddadi resigned, his office said. Haddadi gave no reason.")
    monday = [e for e in build_timeline(Story(id="s", articles=[a, b])) if e["date"] == "2021-07-26"]
    assert [(e["text"], e["sources"]) for e in monday] == [
        ("Foreign Minister Youssef al-Hadadi resigned from the government on Monday.", ["a", "b"])]


def test_different_event_of_one_date_with_the_story_words_stays_apart() -> None:
    flood = "The Dorval river floods"
    articles = [
        article("a", f"{flood} destroyed the old stone bridge on March 3, 2020.", "2020-03-05"),
        article("b", f"Over the {flood.lower()[4:]}, the council approved an emergency budget on March 3, 2020.",
                "2020-03-05"),
        article("c", f"{flood} left hundreds of homes under water.", "2020-03-05"),
        article("d", f"Residents are still cleaning up after the {flood.lower()[4:]}.", "2020-03-05"),
    ]
    timeline = build_timeline(Story(id="s", articles=articles))
    assert [(e["date"], e["sources"]) for e in timeline] == [("2020-03-03", ["a"]), ("2020-03-03", ["b"])]


def test_sentences_of_one_fact_merge_without_shared_words() -> None:
    a = article("a", "Rebels seized the northern airport on Monday.")
    b = article("b", "On Monday insurgent fighters took control of the airfield near Kalbo.")
    story = Story(id="s", articles=[a, b])
    assert len(build_timeline(story)) == 2
    merged = build_timeline(story, fact_of={("a", 0): "fact-1", ("b", 0): "fact-1"})
    assert [e["sources"] for e in merged] == [["a", "b"]]


def test_name_variants_read_as_the_canonical_name() -> None:
    a = article("a", "Youssef al-Hadadi met the envoy on Monday.")
    b = article("b", "Yusuf Haddadi met the envoy on Monday.")
    entity_of = entity_map(resolve_entities([a, b]))
    assert sentence_tokens(a, 0, entity_of) == sentence_tokens(b, 0, entity_of)
    assert sentence_tokens(a, 0, {}) != sentence_tokens(b, 0, {})


def test_story_idf_weighs_words_every_article_uses_less() -> None:
    idf = StoryIdf([{"flood", "bridge"}, {"flood", "budget"}, {"flood"}])
    assert idf.weight("flood") < idf.weight("bridge") < idf.weight("unseen") + 1e-9
    assert idf.weight("flood") > 0  # shared words still count in a small story


def test_event_similarity_linkages() -> None:
    assert event_similarity([0.6, 0.1], "single") == 0.6
    assert abs(event_similarity([0.6, 0.1], "average") - 0.35) < 1e-9
    assert event_similarity([0.6, 0.1], "first") == 0.6
    assert event_similarity([], "average") == 0.0
