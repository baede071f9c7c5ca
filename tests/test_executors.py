"""Executors give the same articles whichever runs the stages."""

from __future__ import annotations

import pytest

from corroborate.executors import LocalExecutor, SerialExecutor, make_executor
from corroborate.model import Article, content_id
from corroborate.pipeline import process_article


def articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = (f"Council of Norvale approves budget {i}\n\nThe council of Norvale approved a budget of {i + 10} "
                f"million euros on Monday. Mayor Alma Teodor said the vote was close.")
        out.append(Article(id=content_id(text), source=f"t{i}.txt", raw_text=text, published="2025-03-10"))
    return out


def test_local_pool_matches_serial():
    serial = [a.to_dict() for a in SerialExecutor().map(process_article, articles(12))]
    pool = LocalExecutor(workers=2)
    try:
        parallel = [a.to_dict() for a in pool.map(process_article, articles(12))]
    finally:
        pool.close()
    assert parallel == serial
    assert all(a["sentences"] and "claims" in a["stages"] for a in serial)


def test_unknown_executor_is_refused():
    with pytest.raises(ValueError, match="unknown executor"):
        make_executor("cluster-of-dreams")
