"""Claim checking on a made-up story: support, contradiction, discussion and verdicts."""

from __future__ import annotations

from corroborate.check import check_claim, slot_stance
from corroborate.claims import make_claim
from corroborate.model import Article, Story


def art(aid: str, body: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", raw_text=body, body=body, outlet=f"outlet-{aid}",
                   published="2030-03-02")


ARTICLES = [
    art("a", "Officials said on Monday that 1,200 residents were evacuated from the flooded valley town of Brezno. "
             "Rescue teams used boats to reach the upper streets."),
    art("b", "About 1,200 people had to leave Brezno after the river burst its banks, the regional governor said. "
             "The army sent two helicopters."),
    art("c", "Only 300 residents were evacuated from the flooded town of Brezno, the mayor said on Monday. "
             "Most families chose to stay with relatives."),
    art("d", "The national football league postponed three matches because of heavy rain. "
             "Fans were told to keep their tickets."),
]


def stances(result: dict) -> dict[str, str]:
    return {r["article"]: r["stance"] for r in result["articles"]}


def test_support_contradict_and_unrelated_with_evidence() -> None:
    result = check_claim("1,200 residents were evacuated from Brezno", ARTICLES, use_stance_model=False)
    assert result["claim"] == "1,200 residents were evacuated from Brezno"
    assert stances(result) == {"a": "support", "b": "support", "c": "contradict", "d": "unrelated"}
    assert result["verdict"] == "disputed"
    by_id = {r["article"]: r for r in result["articles"]}
    assert by_id["a"]["outlet"] == "outlet-a"
    assert by_id["a"]["evidence"][0]["sentence"] == 0
    assert "1,200 residents" in by_id["a"]["evidence"][0]["text"]
    assert by_id["c"]["evidence"][0]["text"].startswith("Only 300")
    assert by_id["d"]["evidence"] == []
    # supporting articles come first, ordered by evidence strength
    assert [r["stance"] for r in result["articles"]][:2] == ["support", "support"]


def test_verdicts() -> None:
    supported = check_claim("1,200 residents were evacuated from Brezno", ARTICLES[:2], use_stance_model=False)
    assert supported["verdict"] == "supported"
    contradicted = check_claim("1,200 residents were evacuated from Brezno", [ARTICLES[2]], use_stance_model=False)
    assert contradicted["verdict"] == "contradicted"
    missing = check_claim("The orchestra cancelled its spring tour of Japan", ARTICLES, use_stance_model=False)
    assert missing["verdict"] == "not found"
    assert set(stances(missing).values()) == {"unrelated"}


def test_denial_contradicts() -> None:
    articles = [
        art("e", "The health ministry denied that the vaccine shipment to Kaunas was stolen. "
                 "It said the boxes were delayed at customs."),
        art("f", "The vaccine shipment to Kaunas was stolen from a warehouse, police said on Tuesday. "
                 "An investigation has begun."),
    ]
    result = check_claim("The vaccine shipment to Kaunas was stolen", articles, use_stance_model=False)
    assert stances(result) == {"e": "contradict", "f": "support"}
    assert result["verdict"] == "disputed"


def test_negated_claim_against_assertion() -> None:
    claim = make_claim(-1, "The finance minister did not approve the sale of the state airline.", [], [])
    evidence = make_claim(0, "The finance minister approved the sale of the state airline on Thursday.", [], [])
    assert slot_stance(claim, evidence, 0.8) == ("contradict", True)


def test_hedged_evidence_only_discusses() -> None:
    claim = make_claim(-1, "The vaccine shipment to Kaunas was stolen.", [], [])
    evidence = make_claim(0, "The vaccine shipment to Kaunas was reportedly stolen, a local paper said.", [], [])
    assert slot_stance(claim, evidence, 0.8)[0] == "discuss"


def test_story_counts_syndicated_copies_once_and_defaults_to_story_articles() -> None:
    copy = art("a2", ARTICLES[0].body)
    story = Story(id="s", articles=[ARTICLES[0], copy, ARTICLES[2]], syndication={"a": "a", "a2": "a"})
    result = check_claim("1,200 residents were evacuated from Brezno", [], story=story, use_stance_model=False)
    assert {r["article"] for r in result["articles"]} == {"a", "a2", "c"}
    assert result["verdict"] == "disputed"


def test_no_articles() -> None:
    assert check_claim("anything at all", [], use_stance_model=False) == {
        "claim": "anything at all", "verdict": "not found", "articles": []}


def test_stance_model_is_optional() -> None:
    # runs whether or not corroborate.stance has a built model; the slot decision (a number) must win
    result = check_claim("1,200 residents were evacuated from Brezno", ARTICLES[:3])
    assert stances(result)["c"] == "contradict"
    assert stances(result)["a"] == "support"


def test_model_cannot_turn_a_different_figure_into_support() -> None:
    from corroborate.check import _article_stance

    claim = make_claim(-1, "There are 3,500 Danish troops in Estonia.", [], [])
    evidence = make_claim(0, "Denmark has about 2,500 troops in Estonia, deployed there since the 2017 agreement "
                             "with its Baltic allies and rotated every six months.", [], [])
    assert _article_stance(claim, [(0.3, evidence)], "support") == "discuss"
    assert _article_stance(claim, [(0.3, evidence)], "contradict") == "contradict"


def test_articles_without_statements_are_unrelated() -> None:
    empty = art("z", "Menu | Home | Sport")
    result = check_claim("1,200 residents were evacuated from Brezno", [empty], use_stance_model=False)
    assert result["verdict"] == "not found"
    assert result["articles"] == [{"article": "z", "outlet": "outlet-z", "stance": "unrelated", "evidence": []}]
