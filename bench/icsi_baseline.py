"""ICSISumm re-implemented as a baseline (Gillick & Favre 2009; Gillick et al., TAC 2008/2009).

The published ICSISumm anchor (DUC 2004, 100 words, R-2 9.8) cannot be re-run here: DUC 2004
is not in the dev data.  This re-implementation lets the same-run tables carry the method:
concepts are stemmed content bigrams, a concept's weight is the number of documents containing
it (kept from 3 documents up, 2 in clusters under 10 documents), and the summary is the *exact*
optimum of the budgeted concept-coverage integer program, solved with HiGHS (scipy's `milp`).
As in the original, sentences are pre-filtered to a pool (here the 150 best by concept weight
per word) so the program stays small, and there is no lead bonus, query or redundancy cap:
coverage alone removes repetition.  Sentence splitting and bigram features are corroborate's,
so the comparison isolates the selection method.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from corroborate.model import Story
from corroborate.summarize import ConceptSummarizer
from corroborate.summarize_concepts import ConceptWeights, GreedyConceptSelector, _Unit

POOL = 150
TIME_LIMIT_S = 10.0


class IlpConceptSelector(GreedyConceptSelector):
    """Exact budgeted maximum coverage over a pool of the densest sentences."""

    def __init__(self, pool: int = POOL) -> None:
        super().__init__(length_exponent=1.0, max_overlap=1.01)
        self.pool = pool

    def run(self, story: Story, words_budget: int, weights: ConceptWeights,
            restates: object = None) -> list[tuple[_Unit, float]]:
        """Exact optimum; `restates` is ignored: ICSISumm relies on concept coverage alone."""
        w = weights.weights
        units = [u for u in self._units(story) if u.length <= words_budget]
        gains = [sum(w.get(c, 0.0) for c in u.concepts) for u in units]
        ranked = sorted((i for i in range(len(units)) if gains[i] > 0), key=lambda i: -gains[i] / units[i].length)
        units = [units[i] for i in ranked[: self.pool]]
        if not units:
            return []
        concepts = sorted({c for u in units for c in u.concepts if c in w})
        column = {c: len(units) + j for j, c in enumerate(concepts)}
        n_vars = len(units) + len(concepts)
        objective = np.zeros(n_vars)
        for c, j in column.items():
            objective[j] = -w[c]
        # row 0: the word budget; row 1+k: concept k counts only if a picked sentence has it
        rows = lil_matrix((1 + len(concepts), n_vars))
        for i, unit in enumerate(units):
            rows[0, i] = unit.length
            for c in unit.concepts:
                if c in column:
                    rows[column[c] - len(units) + 1, i] = -1
        for j in column.values():
            rows[j - len(units) + 1, j] = 1
        upper = np.zeros(1 + len(concepts))
        upper[0] = words_budget
        result = milp(objective, constraints=[LinearConstraint(rows.tocsr(), -np.inf, upper)],
                      integrality=np.ones(n_vars), bounds=Bounds(0, 1), options={"time_limit": TIME_LIMIT_S})
        if result.x is None:
            return []
        picked = [units[i] for i in range(len(units)) if result.x[i] > 0.5]
        picked.sort(key=lambda u: -sum(w.get(c, 0.0) for c in u.concepts))
        return [(u, sum(w.get(c, 0.0) for c in u.concepts)) for u in picked]


def icsi_summarizer() -> ConceptSummarizer:
    """ConceptSummarizer's plumbing with ICSISumm's weights (document frequency only) and exact ILP."""
    summarizer = ConceptSummarizer(lead_bonus=0.0, max_overlap=1.01)
    summarizer.selector = IlpConceptSelector()
    return summarizer
