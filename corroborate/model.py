"""The records every stage reads and writes.

Per-article stages take an `Article` and return it with more fields filled in;
cross-article stages take a `Story` (a list of processed articles).  All records
are plain dataclasses that round-trip through `to_dict` / `from_dict`, so the
store can keep them as JSON and executors can ship them between processes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

_WS = re.compile(r"\s+")


def content_id(text: str) -> str:
    """Stable article id: a hash of the whitespace-normalised text.

    The same article ingested twice (from two paths, or twice from one) gets
    the same id, which is what makes ingest idempotent.
    """
    norm = _WS.sub(" ", text).strip().lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass
class Sentence:
    """A sentence of the clean body, by character offsets into `Article.body`."""

    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named-entity mention. `type` is PERSON, ORG, PLACE, GROUP or MISC."""

    start: int
    end: int
    text: str
    type: str
    sentence: int = -1
    role: str | None = None  # title or role next to it ("Prime Minister", "spokeswoman")
    alias_of: str | None = None  # text it is declared an alias of in this article ("Islamic State (IS)")


@dataclass
class TimeExpr:
    """A temporal expression normalised to a TimeML value (2021-07-26, 2021-07, 2021-W30, PAST_REF...)."""

    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"  # DATE, TIME, DURATION, SET
    sentence: int = -1


@dataclass
class Quantity:
    """A number with its unit and hedge ("about 2,500 troops")."""

    text: str
    value: float
    unit: str = ""
    hedge: str = ""  # "", "about", "at least", "at most", "more than", "less than", "up to"
    start: int = -1
    end: int = -1


@dataclass
class Claim:
    """One checkable statement: a sentence of the body with its slots filled."""

    sentence: int
    text: str
    entities: list[str] = field(default_factory=list)
    predicate: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # TimeML values of the dates in the claim
    speaker: str | None = None
    quote: str | None = None
    attribution: str | None = None
    hedged: bool = False
    negated: bool = False


@dataclass
class Article:
    """One news article as it moves through the per-article stages."""

    id: str
    source: str
    raw_text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: str | None = None  # "YYYY-MM-DD" (or coarser) or None when unknown
    language: str = ""
    label: str = "news"  # news, opinion, analysis
    body: str = ""
    removed: list[str] = field(default_factory=list)  # page furniture lines cut from raw_text
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # names of the stages already run

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["sentences"] = [Sentence(**s) for s in kwargs.get("sentences", [])]
        kwargs["mentions"] = [Mention(**m) for m in kwargs.get("mentions", [])]
        kwargs["timexes"] = [TimeExpr(**t) for t in kwargs.get("timexes", [])]
        kwargs["claims"] = [_claim_from_dict(c) for c in kwargs.get("claims", [])]
        return cls(**kwargs)

    def summary_dict(self) -> dict[str, Any]:
        """The article shape used in `stories --json` and in the brief's `story.articles`."""
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "label": self.label,
        }


def _claim_from_dict(data: dict[str, Any]) -> Claim:
    data = dict(data)
    data["quantities"] = [Quantity(**q) for q in data.get("quantities", [])]
    return Claim(**data)


@dataclass
class Story:
    """A group of articles about one event, the unit the cross-article stages work on."""

    id: str
    articles: list[Article]
    title: str = ""
    # article id -> id of the syndication group it belongs to (copies of one wire text share a group)
    syndication: dict[str, str] = field(default_factory=dict)

    def group_of(self, article_id: str) -> str:
        """The syndication group of an article: the id of the first copy, or its own id."""
        return self.syndication.get(article_id, article_id)

    def independent_count(self, article_ids: list[str] | set[str]) -> int:
        """How many independent sources among these articles: syndicated copies count once."""
        return len({self.group_of(a) for a in article_ids})
