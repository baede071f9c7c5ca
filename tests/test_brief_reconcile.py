"""The facts table counts the sources the summary cites for the same statement."""

from __future__ import annotations

from corroborate.brief_reconcile import reconcile_facts
from corroborate.model import Story
from corroborate.summarize_sources import SourceIndex
from tests.test_summarize import make_article

SAID = "Harbour commissioner Yousef Al-Rahimy said the flooded berths will reopen within two weeks."
RESTATED = "Commissioner Yousef Al-Rahimy said on Monday that the flooded berths will reopen within two weeks."


def _fact(fid: str, *evidence: tuple[str, int, str]) -> dict:
    return {"id": fid, "text": evidence[0][2], "sources": list(dict.fromkeys(a for a, _, _ in evidence)),
            "independent_sources": len({a for a, _, _ in evidence}), "single_source": len(evidence) == 1,
            "evidence": [{"article": a, "sentence": s, "text": t} for a, s, t in evidence]}


def _story() -> Story:
    return Story(id="s", articles=[make_article("a", SAID + " Rain is expected."),
                                   make_article("b", RESTATED + " Rain is expected."),
                                   make_article("c", "Rain is expected. " + RESTATED)])


def test_a_cited_restatement_joins_the_summary_sentence_fact():
    story = _story()
    facts = [_fact("f1", ("a", 0, SAID)), _fact("f2", ("b", 0, RESTATED))]
    summary = [{"text": SAID, "article": "a", "sentence": 0, "sources": ["a", "b"]}]
    out = reconcile_facts(story, facts, summary, SourceIndex(story))
    assert [f["id"] for f in out] == ["f1"]  # f2 had nothing else: it is gone
    assert out[0]["sources"] == ["a", "b"] and out[0]["independent_sources"] == 2
    assert not out[0]["single_source"]


def test_a_corroborated_statement_stays_in_its_fact():
    story = _story()
    facts = [_fact("f1", ("a", 0, SAID)), _fact("f2", ("b", 0, RESTATED), ("c", 1, RESTATED))]
    summary = [{"text": SAID, "article": "a", "sentence": 0, "sources": ["a", "b", "c"]}]
    out = reconcile_facts(story, facts, summary, SourceIndex(story))
    by_id = {f["id"]: f for f in out}
    assert by_id["f2"]["sources"] == ["b", "c"] and by_id["f1"]["sources"] == ["a"]
