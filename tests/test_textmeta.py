"""Tests for page metadata (publication date, label) and language detection."""

from __future__ import annotations

import pytest

from corroborate.language import detect_language
from corroborate.textmeta import date_in, find_label, find_published, is_date_line, is_meta_line

PROSE = "The council met on Tuesday and agreed the plan after a long debate about costs.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\nPublished 26 July 2021\n" + PROSE, "2021-07-26"),
        ("Headline\nUpdated: July 26, 2021 3:45 PM\n" + PROSE, "2021-07-26"),
        ("Headline\n2021-07-26\n" + PROSE, "2021-07-26"),
        ("Headline\nVeröffentlicht am 26.07.2021\n" + PROSE, "2021-07-26"),
        ("Headline\nPublié le 3 mars 2020\n" + PROSE, "2020-03-03"),
        ("WASHINGTON, July 26, 2021 (Reuters) - The president said.", "2021-07-26"),
        ("Headline\nMonday 26 July 2021 10:45 BST\n" + PROSE, "2021-07-26"),
        ("Headline\nStand: 26.07.2021 10:45 Uhr\n" + PROSE, "2021-07-26"),
        ("Headline\nPublié le 26/07/2021 à 10h45\n" + PROSE, "2021-07-26"),
        ("Headline\nPosted 07/26/2021\n" + PROSE, "2021-07-26"),
    ],
)
def test_find_published(text: str, expected: str) -> None:
    assert find_published(text) == expected


def test_published_line_beats_updated_line() -> None:
    text = "Updated 27 July 2021\nPublished 26 July 2021\n" + PROSE
    assert find_published(text) == "2021-07-26"


def test_dateline_needs_a_year() -> None:
    text = "WASHINGTON, July 26 (Reuters) - The president said on Monday that troops would stay."
    assert find_published(text) is None
    assert find_published(text, year=2021) == "2021-07-26"
    assert find_published("BERLIN, 3 March (dpa) – Die Regierung hat beschlossen.", year=2020) == "2020-03-03"


def test_dates_in_prose_are_not_publication_dates() -> None:
    text = "Headline\nThe treaty was signed on July 4, 1976 in a small ceremony attended by both leaders.\n"
    assert find_published(text) is None
    assert find_published("no date here at all") is None


def test_ambiguous_slash_date_is_not_guessed() -> None:
    assert date_in("Published 03/04/2021") is None


def test_impossible_dates_are_rejected() -> None:
    assert date_in("Published 31 February 2021") is None
    assert date_in("on 2021-13-40") is None


def test_date_and_meta_line_shapes() -> None:
    assert is_date_line("July 26, 2021")
    assert is_date_line("26.07.2021 10:45")
    assert not is_date_line("On July 26, 2021 the council met again.")
    assert is_meta_line("Published 26 July 2021")
    assert is_meta_line("3 hours ago")
    assert not is_meta_line("Published reports said the council met.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\nOpinion\n" + PROSE, "opinion"),
        ("OPINION: Why the bridge matters\n" + PROSE, "opinion"),
        ("Analysis | What the vote means\n" + PROSE, "analysis"),
        ("Op-Ed\nHeadline\n" + PROSE, "opinion"),
        ("Commentary\n" + PROSE, "opinion"),
        ("Editorial\n" + PROSE, "opinion"),
        ("Headline\n" + PROSE, None),
    ],
)
def test_find_label(text: str, expected: str | None) -> None:
    assert find_label(text) == expected


def test_label_word_in_a_menu_is_navigation() -> None:
    assert find_label("News\nOpinion\nSport\nCulture\nHeadline\n" + PROSE) is None


def test_label_word_far_down_in_the_body_is_ignored() -> None:
    body = "\n".join([PROSE] * 30)
    assert find_label(body + "\nOpinion\n") is None


# --- language (tests for corroborate/language.py live here too) ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council met on Tuesday and agreed the plan after a long debate about the costs.", "en"),
        ("Der Stadtrat hat am Dienstag den Plan nach einer langen Debatte über die Kosten gebilligt.", "de"),
        ("Le conseil municipal a approuvé mardi le projet après un long débat sur les coûts.", "fr"),
        ("El consejo aprobó el martes el plan después de un largo debate sobre los costes.", "es"),
        ("Il consiglio ha approvato martedì il piano dopo un lungo dibattito sui costi.", "it"),
        ("De gemeenteraad heeft dinsdag het plan goedgekeurd na een lang debat over de kosten.", "nl"),
        ("O conselho aprovou na terça-feira o plano depois de um longo debate sobre os custos.", "pt"),
        ("وافق المجلس يوم الثلاثاء على الخطة بعد نقاش طويل حول التكاليف", "ar"),
        ("Совет во вторник одобрил план после долгих споров о расходах.", "ru"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detect_language_unsure_on_short_or_empty_text() -> None:
    assert detect_language("") == ""
    assert detect_language("Biden Iraq") == ""


def test_stopword_fallback_without_langid(monkeypatch: pytest.MonkeyPatch) -> None:
    import corroborate.language as language

    monkeypatch.setattr(language, "_langid", lambda text: None)
    assert detect_language("Der Stadtrat hat am Dienstag den Plan nach einer langen Debatte gebilligt.") == "de"
    assert detect_language("The council met on Tuesday and agreed the plan after a long debate.") == "en"
