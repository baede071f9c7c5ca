"""Claim units and their slots: quantities, dates, attribution, quotes, hedging, negation."""

from __future__ import annotations

import pytest

from corroborate.claim_dates import dates_compatible, parse_dates
from corroborate.claim_quantities import compatible, parse_quantities
from corroborate.claim_text import name_key
from corroborate.claims import claims_stage, find_claims, is_statement
from corroborate.model import Article, Mention, Quantity, TimeExpr


def one(text: str) -> tuple[str, float, str, str]:
    quantities = parse_quantities(text)
    assert len(quantities) == 1, quantities
    q = quantities[0]
    return q.text, q.value, q.unit, q.hedge


@pytest.mark.parametrize("text,expected", [
    ("There are about 2,500 troops in the region.", ("about 2,500 troops", 2500, "troops", "about")),
    ("The blast killed at least 30 people.", ("at least 30 people", 30, "people", "at least")),
    ("Militias carried out 50 missile and drone attacks on bases.",
     ("50 missile and drone attacks", 50, "attacks", "")),
    ("The city has 2.5 million residents.", ("2.5 million residents", 2_500_000, "residents", "")),
    ("Thirty people were hurt.", ("Thirty people", 30, "people", "")),
    ("Police arrested a dozen protesters.", ("a dozen protesters", 12, "protesters", "")),
    ("More than 200 flights were cancelled.", ("More than 200 flights", 200, "flights", "more than")),
    ("The plant will hire up to 400 workers.", ("up to 400 workers", 400, "workers", "up to")),
    ("Some twenty-five ships were waiting.", ("Some twenty-five ships", 25, "ships", "about")),
    ("Nearly 40 houses burned down.", ("Nearly 40 houses", 40, "houses", "about")),
    ("Unemployment rose to 7.5% last month.", ("7.5%", 7.5, "percent", "")),
    ("Turnout was 61 percent.", ("61 percent", 61, "percent", "")),
    ("The bridge cost $3 billion to build.", ("$3 billion", 3e9, "dollar", "")),
    ("The fine was 4 million euros.", ("4 million euros", 4e6, "euro", "")),
    ("Thousands of people marched.", ("Thousands of people", 2000, "people", "at least")),
    ("The storm killed 12 in the north.", ("12", 12, "", "")),
])
def test_quantities(text: str, expected: tuple) -> None:
    got = one(text)
    assert got[0] == expected[0]
    assert got[1] == pytest.approx(expected[1])
    assert got[2:] == expected[2:]


@pytest.mark.parametrize("text", [
    "The war began in 2014 and ended in 2017.",
    "The talks were held on July 26, 2021.",
    "He spoke at 10 a.m. on Monday.",
    "She holds the No. 2 position in the party.",
    "It was one of the worst storms on record.",
    "COVID-19 spread quickly.",
])
def test_dates_labels_and_pronoun_one_are_not_quantities(text: str) -> None:
    assert parse_quantities(text) == []


def test_hedge_aware_compatibility() -> None:
    about = Quantity("about 2,500 troops", 2500, "troops", "about")
    exact = Quantity("2,500 troops", 2500, "troops", "")
    other = Quantity("3,500 troops", 3500, "troops", "")
    at_least = Quantity("at least 30 people", 30, "people", "at least")
    twelve = Quantity("12 people", 12, "people", "")
    forty = Quantity("40 people", 40, "people", "")
    up_to = Quantity("up to 400 workers", 400, "workers", "up to")
    assert compatible(about, exact)
    assert not compatible(exact, other) and not compatible(about, other)
    assert not compatible(at_least, twelve)
    assert compatible(at_least, forty)
    assert compatible(up_to, Quantity("350 workers", 350, "workers", ""))


def test_dates_fallback_and_compatibility() -> None:
    assert parse_dates("by the end of August", "2021") == ["XXXX-08"]
    assert parse_dates("by the end of this year", "2021") == ["2021-12"]
    assert parse_dates("on July 26, 2021, and in March 2020") == ["2021-07-26", "2020-03"]
    assert parse_dates("Troops left in 2011, then returned.") == ["2011"]
    assert not dates_compatible("XXXX-12", "XXXX-08")
    assert dates_compatible("2021", "2021-12")
    assert not dates_compatible("2002", "2003")
    assert dates_compatible("PAST_REF", "2003")


def test_name_key_survives_transliteration() -> None:
    keys = {name_key(n) for n in ("al-Kazimi", "Al-Kazemi", "al-Kadhimi", "Kazmi")}
    assert len(keys) == 1
    assert name_key("Kazmi") != name_key("Duarte")


@pytest.mark.parametrize("text", [
    "Most Popular",
    "RELATED: Ten things to know about the harbour",
    "Photo: Reuters/Jane Doe",
    "Share this article on Facebook and Twitter today",
    "Published 26 July 2021",
    "Harbour Strike Enters Second Week As Talks Stall",
    "Mayor Ana Duarte (R) with port workers at the terminal on Friday",
    "• Live • Audio Only • Sport",
    "Post a Comment",
    "Ships wait.",
])
def test_furniture_headlines_and_captions_are_not_statements(text: str) -> None:
    assert not is_statement(text)


def test_statements_pass() -> None:
    assert is_statement("The port authority said the strike would end on Friday.")
    # a long statement that lost its full stop still counts
    assert is_statement("Shame on the council for failing to fund the harbour repairs that workers asked for, "
                        "the union leader said")


ARTICLE = (
    "Harbour Strike Ends After Deal\n\n"
    "Harbour Strike Ends After Deal\n\n"
    "The dock workers' strike in Gdansk ended on Friday after union leader Marta Nowak signed a deal "
    "with the port authority. About 3,000 workers will return to work on Monday, according to the union. "
    "Port director Jan Kowalski said the deal would cost about $12 million a year. "
    "“We did not give up anything important,” Nowak told reporters. "
    "She added that the union may hold another vote in June. "
    "The authority did not confirm the figure.\n\n"
    "RELATED:\n\nTen Ports To Watch This Year\n\nMost Popular"
)


def article() -> Article:
    return Article(id="x", source="x.txt", raw_text=ARTICLE, body=ARTICLE, published="2030-05-10")


def test_find_claims_slots() -> None:
    claims = find_claims(article())
    texts = [c.text for c in claims]
    assert len(claims) == 6
    assert not any("Ports To Watch" in t or "Most Popular" in t or t.startswith("Harbour Strike") for t in texts)

    first, workers, cost, quote, vote, denial = claims
    assert "Marta Nowak" in first.entities and "Gdansk" in first.entities
    assert first.predicate == "end"
    assert [(q.value, q.unit, q.hedge) for q in workers.quantities] == [(3000, "workers", "about")]
    assert workers.attribution == "the union"
    assert cost.attribution == "Jan Kowalski"
    assert cost.quantities[0].value == 12e6 and cost.quantities[0].unit == "dollar"
    assert quote.quote == "We did not give up anything important,"
    assert quote.speaker == "Nowak"
    assert quote.negated
    assert vote.attribution == "Nowak"  # "She added" resolves to the last named speaker
    assert vote.hedged and not vote.negated
    assert "XXXX-06" in vote.dates
    assert denial.negated and not first.negated


def test_claims_stage_uses_mentions_and_timexes_when_present() -> None:
    a = article()
    claims_stage(a)
    assert a.stages == ["claims"]
    first_sentence = a.sentences[2]
    a.mentions = [Mention(first_sentence.start + 4, first_sentence.start + 16, "dock workers", "GROUP", 2)]
    a.timexes = [TimeExpr(0, 0, "on May 9", "2030-05-09", "DATE", 2)]
    claims_stage(a)
    assert a.stages == ["claims"]
    assert a.claims[0].entities == ["dock workers"]
    assert a.claims[0].dates == ["2030-05-09"]
    # a weekday resolved against the outlet's own publication date is too unsure to compare across sources
    a.timexes = [TimeExpr(0, 0, "on Friday", "2030-05-09", "DATE", 2)]
    claims_stage(a)
    assert a.claims[0].dates == []


def test_claims_stage_splits_when_sentences_missing() -> None:
    a = Article(id="y", source="y", raw_text="", body="The ferry sank near the coast on Sunday evening.")
    claims_stage(a)
    assert len(a.sentences) == 1 and len(a.claims) == 1


def test_repeated_caption_becomes_one_claim() -> None:
    caption = "Protesters gathered outside the town hall to oppose the new harbour tax."
    body = f"{caption}\n\n{caption}\n\nThe council voted on Tuesday to delay the harbour tax until next year."
    claims = find_claims(Article(id="z", source="z", raw_text=body, body=body))
    assert [c.text for c in claims].count(caption) == 1
