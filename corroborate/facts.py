"""Facts: the same statement made by several sources, and conflicts between sources.

Claims of all articles of a story are aligned by TF-IDF similarity over stems,
canonical numbers and name sound keys (so paraphrases and machine translations
that mangle names still meet), with candidates found by an inverted-index
neighbour search.  Aligned claims are clustered greedily, merging two clusters
only when their members agree on average, which stops chains of loosely related
sentences.  Each cluster is then split into value-consistent groups: a group is
a fact; two groups of one cluster whose numbers, dates or polarity cannot both
be true form a conflict.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .claim_conflicts import claim_slot_keys, conflict_kind, conflict_value, slot_description
from .claim_rivals import rival_pairs
from .claim_similarity import ClaimSpace, candidate_pairs
from .claims import claims_stage
from .model import Article, Claim, Story

# Pair score (claim_similarity.ClaimSpace.scores) above which two claims state the same thing.
ALIGN_THRESHOLD = 0.45
# Two clusters merge only when their members' average pair score is at least this.
LINK_THRESHOLD = 0.36
# Claims sharing fewer lower-case content words than this (names aside) are penalised (see ClaimSpace).
MIN_COMMON_WORDS = 2


@dataclass
class AlignedClaim:
    """A claim with the article it came from and its row in the story's claim matrix."""

    row: int
    article: Article
    article_index: int
    claim: Claim


def story_claims(story: Story) -> list[AlignedClaim]:
    """All claims of the story's articles, running the claims stage where it has not run."""
    items: list[AlignedClaim] = []
    for index, article in enumerate(story.articles):
        if "claims" not in article.stages and not article.claims:
            claims_stage(article)
        for claim in article.claims:
            items.append(AlignedClaim(len(items), article, index, claim))
    return items


class _Clusters:
    """Union-find whose merges are vetoed when the two clusters do not agree on average.

    Average link over (at most LINK_SAMPLE members of) each side: one strong
    pair between two multi-statement sentences must not chain unrelated facts.
    """

    LINK_SAMPLE = 24

    def __init__(self, space: ClaimSpace, count: int) -> None:
        self.space = space
        self.parent = list(range(count))
        self.members: dict[int, list[int]] = {i: [i] for i in range(count)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def average_link(self, ra: int, rb: int) -> float:
        side_a = self.members[ra][: self.LINK_SAMPLE]
        side_b = self.members[rb][: self.LINK_SAMPLE]
        rows = np.repeat(side_a, len(side_b))
        cols = np.tile(side_b, len(side_a))
        return float(self.space.scores(rows, cols).mean())

    def try_merge(self, a: int, b: int, threshold: float) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if len(self.members[ra]) + len(self.members[rb]) > 2 and self.average_link(ra, rb) < threshold:
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return True

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values()]


def cluster_claims(items: list[AlignedClaim], space: ClaimSpace) -> tuple[list[list[int]], dict]:
    """Clusters of claim rows that state the same thing, and the scored candidate pairs."""
    pairs = candidate_pairs(space, [it.article_index for it in items], min_score=ALIGN_THRESHOLD)
    clusters = _Clusters(space, len(items))
    for (i, j), _score in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        clusters.try_merge(i, j, LINK_THRESHOLD)
    return clusters.groups(), pairs


def _completeness(item: AlignedClaim) -> tuple[int, int]:
    c = item.claim
    return len(c.entities) + 2 * len(c.quantities) + len(c.dates) + (1 if c.attribution else 0), len(c.text)


def _value_groups(members: list[AlignedClaim], pairs: dict) -> list[list[AlignedClaim]]:
    """Split a cluster into groups whose members can all be true together."""
    groups: list[list[AlignedClaim]] = []
    for item in sorted(members, key=lambda it: (-_completeness(it)[0], -_completeness(it)[1], it.row)):
        for group in groups:
            if all(conflict_kind(item.claim, other.claim, _pair_score(pairs, item, other)) is None
                   for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def _pair_score(pairs: dict, a: AlignedClaim, b: AlignedClaim) -> float:
    key = (a.row, b.row) if a.row < b.row else (b.row, a.row)
    return pairs.get(key, 0.0)


def _representative(group: list[AlignedClaim], matrix: sparse.csr_matrix) -> AlignedClaim:
    """The member that states the group most completely: closest to the others, richest in slots."""
    if len(group) == 1:
        return group[0]
    rows = [it.row for it in group]
    sub = matrix[rows]
    centrality = ((sub @ sub.T).toarray().sum(axis=1) - 1.0) / (len(group) - 1)
    return max(zip(group, centrality, strict=True),
               key=lambda pair: (pair[1] + 0.1 * _completeness(pair[0])[0], -pair[0].row))[0]


def _sources(group: list[AlignedClaim]) -> list[str]:
    seen: dict[str, None] = {}
    for it in sorted(group, key=lambda it: it.row):
        seen.setdefault(it.article.id, None)
    return list(seen)


def _fact(group: list[AlignedClaim], story: Story, matrix: sparse.csr_matrix) -> dict:
    rep = _representative(group, matrix)
    sources = _sources(group)
    independent = story.independent_count(sources)
    evidence = [{"article": it.article.id, "sentence": it.claim.sentence, "text": it.claim.text}
                for it in sorted(group, key=lambda it: it.row)]
    key = "|".join(f"{e['article']}:{e['sentence']}" for e in evidence)
    return {
        "id": "fact-" + hashlib.sha1(f"{story.id}|{key}".encode()).hexdigest()[:12],
        "text": rep.claim.text,
        "sources": sources,
        "independent_sources": independent,
        "single_source": independent <= 1,
        "evidence": evidence,
    }


def _conflict(groups: list[list[AlignedClaim]], story: Story, matrix: sparse.csr_matrix,
              pairs: dict) -> dict | None:
    """A conflict entry for a cluster split into incompatible groups, or None when it is not one."""
    reps = [_representative(g, matrix) for g in groups]
    base = reps[0]
    kinds = [conflict_kind(base.claim, r.claim, _pair_score(pairs, base, r)) for r in reps[1:]]
    kind = next((k for k in kinds if k), None)
    if kind is None:
        return None
    all_sources = {s for g in groups for s in _sources(g)}
    if story.independent_count(all_sources) < 2:
        return None
    return {
        "about": slot_description(kind, base.claim, [r.claim for r in reps]),
        "claims": [{"text": r.claim.text, "value": conflict_value(kind, r.claim, [x.claim for x in reps]),
                    "sources": _sources(g)} for g, r in zip(groups, reps, strict=True)],
    }


def _rival_conflicts(items: list[AlignedClaim], space: ClaimSpace, story: Story,
                     group_of_row: dict[int, list[AlignedClaim]],
                     cluster_of_row: dict[int, int]) -> list[tuple[tuple, dict]]:
    """Conflicts between differently worded claims giving incompatible counts of one thing (claim_rivals).

    Pairs inside one aligned cluster are left out: its split into value groups already reported them.
    """
    found = rival_pairs([it.claim for it in items], [it.article.id for it in items], space,
                        lambda x, y: story.group_of(x) == story.group_of(y))
    out: list[tuple[tuple, dict]] = []
    seen: set[tuple[int, int]] = set()
    for a, b, _unit in found:
        ga, gb = group_of_row[a], group_of_row[b]
        key = (min(id(ga), id(gb)), max(id(ga), id(gb)))
        if cluster_of_row[a] == cluster_of_row[b] or key in seen:
            continue
        seen.add(key)
        ca, cb = items[a].claim, items[b].claim
        out.append(((min((items[a].article_index, ca.sentence), (items[b].article_index, cb.sentence))), {
            "about": slot_description("quantity", ca, [ca, cb]),
            "claims": [{"text": c.text, "value": conflict_value("quantity", c, [ca, cb]), "sources": _sources(g)}
                       for c, g in ((ca, ga), (cb, gb))],
        }))
    return out


def align_facts(story: Story) -> tuple[list[dict], list[dict]]:
    """Facts (claims aligned across the story's articles) and conflicts, in the brief's JSON shape."""
    items = story_claims(story)
    if not items:
        return [], []
    space = ClaimSpace([it.claim.text for it in items], slot_keys=[claim_slot_keys(it.claim) for it in items],
                       min_common_words=MIN_COMMON_WORDS, predicates=[it.claim.predicate for it in items])
    matrix = space.centroid_vectors()
    clusters, pairs = cluster_claims(items, space)
    facts: list[tuple[tuple, dict]] = []
    conflicts: list[tuple[tuple, dict]] = []
    group_of_row: dict[int, list[AlignedClaim]] = {}
    cluster_of_row: dict[int, int] = {}
    for number, rows in enumerate(clusters):
        cluster_of_row.update(dict.fromkeys(rows, number))
        members = [items[r] for r in rows]
        groups = _value_groups(members, pairs)
        for group in groups:
            for it in group:
                group_of_row[it.row] = group
            fact = _fact(group, story, matrix)
            first = min((it.article_index, it.claim.sentence) for it in group)
            facts.append(((-fact["independent_sources"], first), fact))
        if len(groups) > 1:
            conflict = _conflict(groups, story, matrix, pairs)
            if conflict:
                first = min((it.article_index, it.claim.sentence) for it in members)
                conflicts.append((first, conflict))
    conflicts += _rival_conflicts(items, space, story, group_of_row, cluster_of_row)
    facts.sort(key=lambda kv: kv[0])
    conflicts.sort(key=lambda kv: kv[0])
    return [f for _, f in facts], [c for _, c in conflicts]


def facts_stage(story: Story) -> dict:
    """Cross-article stage: {"facts": [...], "conflicts": [...]} for the brief."""
    facts, conflicts = align_facts(story)
    return {"facts": facts, "conflicts": conflicts}
