"""The per-article stages, in order, and the function that runs them all.

Each stage is a pure function Article -> Article (spaCy-style named stages);
executors map `process_article` over batches and never leak into the stages.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .claims import claims_stage
from .clean import clean_stage
from .language import detect_language
from .mentions import mentions_stage
from .model import Article
from .split import split_stage
from .timex import timex_stage

Stage = Callable[[Article], Article]


def language_stage(article: Article) -> Article:
    """Fill the language from the clean body when the source did not say."""
    if not article.language:
        article.language = detect_language(article.body or article.raw_text)
    article.stages.append("language")
    return article


_TITLE_SITE = re.compile(r"^(?P<head>.{12,}?)\s+[|–—-]\s+(?:.+?\s+[|–—-]\s+)*(?P<site>[^|–—-]{2,40})$")


def outlet_stage(article: Article) -> Article:
    """Fill the outlet from a 'Headline | Site' line (the page's title bar) when the source named none."""
    if not article.outlet:
        for line in [article.title, *article.removed[:6]]:
            m = _TITLE_SITE.match((line or "").strip())
            if m and len(m.group("site").split()) <= 4:
                article.outlet = m.group("site").strip()
                if article.title.strip() == line.strip():
                    article.title = m.group("head").strip()
                break
    article.stages.append("outlet")
    return article


def _split(article: Article) -> Article:
    split_stage(article)
    article.stages.append("split")
    return article


STAGES: list[tuple[str, Stage]] = [
    ("clean", clean_stage),
    ("outlet", outlet_stage),
    ("language", language_stage),
    ("split", _split),
    ("mentions", mentions_stage),
    ("timex", timex_stage),
    ("claims", claims_stage),
]


def process_article(article: Article) -> Article:
    """Run every per-article stage not yet run on this article."""
    for name, stage in STAGES:
        if name not in article.stages:
            article = stage(article)
            if name not in article.stages:
                article.stages.append(name)
    return article
