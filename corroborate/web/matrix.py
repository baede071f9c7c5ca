"""The facts-by-sources matrix of the story page: rows = facts and conflicts, columns = outlets."""

from __future__ import annotations

from collections import Counter
from typing import Any


def outlet_of(article: dict[str, Any]) -> str:
    return article.get("outlet") or article.get("source", "").rsplit("/", 1)[-1] or article["id"]


MAX_ROWS = 60  # the page shows the best-attested facts; the JSON brief has them all


def fact_matrix(brief: dict[str, Any], max_rows: int = MAX_ROWS) -> dict[str, Any]:
    """Cells say 'supports', 'contradicts' or 'silent' for each outlet and each fact or conflict:
    every conflict, then facts by how many independent sources state them."""
    articles = brief["story"]["articles"]
    outlets: list[str] = []
    outlet_by_article = {}
    for a in articles:
        name = outlet_of(a)
        outlet_by_article[a["id"]] = name
        if name not in outlets:
            outlets.append(name)
    rows = []
    facts = sorted(brief["facts"], key=lambda f: -f["independent_sources"])
    for fact in facts[:max(0, max_rows - len(brief["conflicts"]))]:
        backing = {outlet_by_article.get(s) for s in fact["sources"]}
        rows.append({"kind": "fact", "text": fact["text"], "single": fact["single_source"],
                     "cells": [("supports", "") if o in backing else ("silent", "") for o in outlets]})
    for conflict in brief["conflicts"]:
        value_of: dict[str, str] = {}
        weight: Counter[str] = Counter()
        for claim in conflict["claims"]:
            for s in claim["sources"]:
                value_of[outlet_by_article.get(s, s)] = str(claim["value"])
            weight[str(claim["value"])] += len(claim["sources"])
        majority = weight.most_common(1)[0][0] if weight else ""
        cells = []
        for o in outlets:
            if o not in value_of:
                cells.append(("silent", ""))
            else:
                cells.append(("supports" if value_of[o] == majority else "contradicts", value_of[o]))
        rows.append({"kind": "conflict", "text": conflict["about"], "single": False, "cells": cells})
    rows = [r for r in rows if r["kind"] == "conflict"] + [r for r in rows if r["kind"] == "fact"]
    return {"outlets": outlets, "rows": rows, "hidden": len(brief["facts"]) + len(brief["conflicts"]) - len(rows)}
