"""ROUGE-N recall against hand-computed values."""

import pytest

from corroborate.rouge import ngram_counts, rouge_n_recall, rouge_scores, tokenize, truncate_words


def test_tokenize_lowercases_splits_on_punctuation_and_stems_long_words_only():
    assert tokenize("The cats' U.S. re-runs, 2,500!", stem=False) == ["the", "cats", "u", "s", "re", "runs", "2", "500"]
    assert tokenize("running cats ran", stem=True) == ["run", "cat", "ran"]
    assert tokenize("was has", stem=True) == ["was", "has"]  # three letters or fewer: never stemmed


def test_unigram_and_bigram_recall_by_hand():
    reference = "the cat sat on the mat"
    summary = "the cat lay on a mat"
    # unigrams: reference {the:2, cat, sat, on, mat} = 6; hits: the 1 (clipped by the summary's count), cat, on, mat = 4
    assert rouge_n_recall(summary, [reference], 1, stem=False) == pytest.approx(4 / 6)
    # bigrams: reference has 5 (the cat, cat sat, sat on, on the, the mat); only "the cat" is in the summary
    assert rouge_n_recall(summary, [reference], 2, stem=False) == pytest.approx(1 / 5)


def test_counts_are_clipped():
    assert rouge_n_recall("police police police", ["police said police"], 1, stem=False) == pytest.approx(2 / 3)


def test_multiple_references_pool_hits_and_totals():
    refs = ["a b c d", "a x"]  # unigram totals 4 + 2 = 6
    # without jackknifing: hits a,b (ref 1) + a (ref 2) = 3 of 6
    assert rouge_n_recall("a b", refs, 1, stem=False, jackknife=False) == pytest.approx(3 / 6)
    # jackknifed: leave-one-out sets {ref 2}: 1/2 and {ref 1}: 2/4, averaged
    assert rouge_n_recall("a b", refs, 1, stem=False, jackknife=True) == pytest.approx((1 / 2 + 2 / 4) / 2)


def test_stemming_matches_inflections():
    assert rouge_n_recall("officials warned", ["official warns"], 1, stem=False) == 0.0
    assert rouge_n_recall("officials warned", ["official warns"], 1, stem=True) == pytest.approx(1.0)


def test_summary_is_cut_to_the_budget_before_scoring():
    assert truncate_words("one two three four", 2) == "one two"
    assert rouge_n_recall("x y the cat", ["the cat"], 1, stem=False, words=2) == 0.0
    assert rouge_n_recall("x y the cat", ["the cat"], 1, stem=False) == pytest.approx(1.0)


def test_rouge_scores_and_edge_cases():
    scores = rouge_scores("the cat", ["the cat sat"], orders=(1, 2), stem=False)
    assert scores == {"rouge-1": pytest.approx(2 / 3), "rouge-2": pytest.approx(1 / 2)}
    assert ngram_counts(["a"], 2) == {}
    assert rouge_n_recall("", ["the cat"], 1) == 0.0
    with pytest.raises(ValueError):
        rouge_n_recall("the cat", [], 1)
