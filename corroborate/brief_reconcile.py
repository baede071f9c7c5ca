"""Make the facts table agree with the summary's citations.

The summary cites a sentence to every article the source finder sees stating it
(shared content stems and concepts, same figures); fact alignment groups claims by
their own similarity and can leave a translated restatement in a fact of its own.
A reader then sees "[1][3]" beside a summary sentence and "single source" beside
the same statement in the facts table.  Here the sentence the finder cited in each
article joins the fact of the summary sentence, so both views count the same sources.
"""

from __future__ import annotations

from typing import Any

from .model import Story
from .summarize_sources import SourceIndex


def reconcile_facts(story: Story, facts: list[dict[str, Any]], summary: list[dict[str, Any]],
                    index: SourceIndex) -> list[dict[str, Any]]:
    """Facts after moving each summary sentence's cited statements into the sentence's own fact."""
    fact_at = {(ev["article"], ev["sentence"]): fact for fact in facts for ev in fact["evidence"]}
    position_of = {entry: key for key, entry in index.entry_of.items()}
    sentences = {a.id: a.sentences for a in story.articles}
    order = {a.id: i for i, a in enumerate(story.articles)}
    for item in summary:
        fact = fact_at.get((item["article"], item["sentence"]))
        if fact is None:
            continue
        best: dict[str, tuple[float, tuple[str, int]]] = {}  # article -> its strongest matching sentence
        for entry, share in index.matches(item["text"]).items():
            key = position_of.get(entry)
            if key is not None and share > best.get(key[0], (0.0, key))[0]:
                best[key[0]] = (share, key)
        for article_id, (_, key) in best.items():
            if article_id in fact["sources"] or article_id not in item["sources"]:
                continue
            other = fact_at.get(key)
            if other is not None and len(other["sources"]) > 1:
                continue  # never pull a statement out of a fact other sources corroborate
            text = sentences[key[0]][key[1]].text
            if other is not None:  # the claim leaves the fact it was aligned into, with its claim text
                text = next(ev["text"] for ev in other["evidence"] if (ev["article"], ev["sentence"]) == key)
                other["evidence"] = [ev for ev in other["evidence"] if (ev["article"], ev["sentence"]) != key]
            fact["evidence"].append({"article": key[0], "sentence": key[1], "text": text})
            fact_at[key] = fact
            _refresh(fact, story, order)
    # a fact a statement left had one source: it keeps it, or has no evidence left and goes
    kept = [fact for fact in facts if fact["evidence"]]
    kept.sort(key=lambda f: -f["independent_sources"])  # stable: alignment's order within a count
    return kept


def _refresh(fact: dict[str, Any], story: Story, order: dict[str, int]) -> None:
    fact["evidence"].sort(key=lambda ev: (order.get(ev["article"], len(order)), ev["sentence"]))
    fact["sources"] = list(dict.fromkeys(ev["article"] for ev in fact["evidence"]))
    fact["independent_sources"] = story.independent_count(fact["sources"])
    fact["single_source"] = fact["independent_sources"] <= 1
