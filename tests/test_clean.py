"""Tests for the plain-text cleaner on constructed pages, plus the seed reports when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.clean import CleanResult, clean_stage, clean_text, explain_text
from corroborate.model import Article, content_id
from corroborate.textmeta import find_published

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seeds"

P1 = (
    "The river bridge in Northvale reopened to traffic on Tuesday after eight months of repairs, "
    "the regional transport office said in a statement."
)
P2 = (
    "Engineers replaced two of the four steel supports and resurfaced the deck, a job that cost "
    "about 14 million euros and ran six weeks over schedule because of flooding in the spring."
)
P3 = (
    "Local businesses had complained that the closure cut their trade by a third, and the town "
    "council voted last month to waive parking fees in the centre until the end of the year."
)
P4 = (
    "The transport office said heavy lorries would still be barred from the bridge until a final "
    "load test is carried out, which is expected to take place in the first week of December."
)
TITLE = "Northvale bridge reopens after eight months of repairs"


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def assert_body_kept(result: CleanResult, *paragraphs: str) -> None:
    for paragraph in paragraphs:
        assert paragraph in result.body.split("\n\n"), f"body paragraph lost: {paragraph[:50]}"


def test_plain_prose_is_untouched() -> None:
    result = clean_text(page(P1, P2, P3, P4))
    assert result.body == page(P1, P2, P3, P4)
    assert result.removed == []


def test_repeated_headline_with_outlet_suffix_and_glued_crumb() -> None:
    text = page(f"HomeRegion{TITLE} | Valley Post", f"{TITLE} | Valley Post", P1, P2, P3)
    result = clean_text(text)
    assert result.title == TITLE
    assert TITLE not in result.body
    assert len(result.removed) == 2
    assert_body_kept(result, P1, P2, P3)


def test_given_title_copies_are_removed() -> None:
    result = clean_text(page(f"{TITLE} - Valley Post", P1, P2, P3), title=TITLE)
    assert result.title == TITLE
    assert result.body == page(P1, P2, P3)


def test_navigation_and_share_buttons() -> None:
    text = "\n".join(["• Live", "  • Audio Only", "• google plus", "• facebook", "• twitter", "News > Europe", ""])
    result = clean_text(text + page(TITLE, P1, P2, P3))
    assert result.body == page(P1, P2, P3)
    for line in ("• Live", "• google plus", "• twitter", "News > Europe"):
        assert line in result.removed


def test_footer_widgets_and_comment_counters() -> None:
    footer = ["Most Popular", "Recent Comments", "Post a Comment", "0 Comments", "Comment\n0\nComments",
              "Post with no comments."]
    result = clean_text(page(P1, P2, P3, *footer))
    assert result.body == page(P1, P2, P3)
    assert "Post with no comments." in result.removed
    assert "Recent Comments" in result.removed


def test_related_headline_inside_body() -> None:
    text = page(P1, "RELATED:", "Flooding Closes Three Roads in Eastern Valley Region", P2, P3)
    result = clean_text(text)
    assert result.body == page(P1, P2, P3)
    assert "RELATED:" in result.removed


def test_photo_caption_credit_and_its_repeat() -> None:
    caption = "Workers on the new deck of the bridge in Northvale on Monday."
    text = page(TITLE, f"• {caption}", f"{caption} | Photo: Twitter @valleypost", P1, P2, P3)
    result = clean_text(text)
    assert result.body == page(P1, P2, P3)
    assert caption not in result.body


def test_who_is_where_caption_without_sentence() -> None:
    caption = "Transport minister Anna Berg (L) with mayor Tomas Ek at the Northvale bridge on Tuesday"
    result = clean_text(page(P1, P2, caption, P3, P4))
    assert result.body == page(P1, P2, P3, P4)
    assert caption in result.removed


def test_agency_initials_and_metadata_lines() -> None:
    text = page(TITLE, "Published 3 March 2020", "Opinion", P1, P2, P3, "ab / cde (afp, dpa)")
    result = clean_text(text)
    assert result.body == page(P1, P2, P3)
    assert {"Published 3 March 2020", "Opinion", "ab / cde (afp, dpa)"} <= set(result.removed)


def test_short_quotes_subheadings_and_numbered_lists_survive() -> None:
    quote = "“We are back in business,” she said."
    heading = "Traffic returns"
    items = ["1. Lorries over 7.5 tonnes stay banned.", "2. The speed limit is 30 km/h.",
             "3. Cyclists get a separate lane."]
    text = page(P1, quote, heading, P2, "The new rules:", *items, P3)
    result = clean_text(text)
    assert_body_kept(result, P1, quote, heading, P2, "The new rules:", *items, P3)
    assert result.removed == []


def test_single_newline_lines_and_hard_wrapped_paragraphs() -> None:
    wrapped = "\n\n".join(_wrap(p, 72) for p in (P1, P2, P3, P4))
    result = clean_text(wrapped)
    assert result.body == page(P1, P2, P3, P4)
    single = "\n".join(["Menu", "Home", "Region", "Sport", P1, P2, P3])
    assert clean_text(single).body == page(P1, P2, P3)


def test_empty_and_furniture_only_text() -> None:
    assert clean_text("").body == ""
    result = clean_text("Share\nTweet\n0 Comments")
    assert result.body == ""
    assert len(result.removed) == 3


def test_clean_stage_fills_fields() -> None:
    raw = page(f"{TITLE} | Valley Post", "Published 3 March 2020", "Analysis", P1, P2, P3)
    article = Article(id=content_id(raw), source="x.txt", raw_text=raw)
    out = clean_stage(article)
    assert out is article
    assert article.body == page(P1, P2, P3)
    assert article.title == TITLE
    assert article.published == "2020-03-03"
    assert article.label == "analysis"
    assert article.stages == ["clean"]
    assert f"{TITLE} | Valley Post" in article.removed


def test_clean_stage_keeps_existing_metadata() -> None:
    raw = page(TITLE, "Published 3 March 2020", "Opinion", P1, P2)
    article = Article(id="a", source="x", raw_text=raw, title="Given", published="2020-01-01", label="analysis")
    clean_stage(article)
    assert (article.title, article.published, article.label) == ("Given", "2020-01-01", "analysis")


def test_comment_thread_after_the_article_is_cut() -> None:
    comments = []
    for name, day, view in (("riverfan", 3, "much better"), ("m_olsen", 4, "no different"),
                            ("kb77", 5, "far too slippery"), ("lotta", 6, "already cracking")):
        comments += [f"{name} on March {day}, 2020 at 4:1{day} pm said:",
                     f"I drove over it this morning and the new surface is {view} compared with the old one, "
                     "and the queues at the lights on the north side are still just as long as before."]
    text = page(P1, P2, P3, "4 Comments", *comments)
    result = clean_text(text)
    assert result.body == page(P1, P2, P3)


def test_inline_related_links_inside_the_body_are_cut_and_body_continues() -> None:
    text = page(P1, P2, "Related", "Flooding closes three roads in the eastern valley",
                "Council approves new budget for road repairs", P3, P4,
                "READ MORE: Ferry service to resume in spring")
    result = clean_text(text)
    assert result.body == page(P1, P2, P3, P4)


def test_cookie_notice_and_legal_footer_are_cut() -> None:
    cookie = ("We use cookies on this website to improve your experience and to show you relevant "
              "advertising; by continuing to browse you accept our cookie policy.")
    legal = "The material on this site may not be reproduced without the prior written permission of the publisher."
    result = clean_text(page(cookie, P1, P2, P3, legal))
    assert result.body == page(P1, P2, P3)


def test_line_broken_mid_sentence_is_joined() -> None:
    broken = "\n".join(["The river bridge in Northvale reopened to traffic on Tuesday after",
                        "eight months of repairs, the regional transport office said in a statement."])
    result = clean_text(page(broken, P2, P3))
    assert result.body == page(P1, P2, P3)


def test_explain_text_gives_a_reason_per_cut_line() -> None:
    lines, title = explain_text(page(f"{TITLE} | Valley Post", "Share", P1, P2, P3, "0 Comments"))
    reasons = dict(lines)
    assert title == TITLE
    assert reasons[P1] is None
    assert reasons[f"{TITLE} | Valley Post"] == "title"
    assert reasons["Share"] == "chrome"
    assert reasons["0 Comments"] is not None


def test_list_introduced_at_the_end_of_the_body_is_kept_up_to_the_footer() -> None:
    items = ["Monday -- 7:00 to 19:00, cars only", "Tuesday -- 7:00 to 22:00, cars and buses",
             "Saturday -- 9:00 to 18:00, all vehicles"]
    text = page(P1, P2, P3, "The opening hours for the first week:", *items,
                "Northvale Daily", "About us", "Privacy policy")
    result = clean_text(text)
    assert result.body == page(P1, P2, P3, "The opening hours for the first week:", *items)


def test_already_clean_text_with_lists_tables_and_subheadings_is_kept_whole() -> None:
    table = ["| Day | Open | Vehicles |", "| Monday | 7:00 | cars |", "| Tuesday | 7:00 | cars, buses |"]
    qa = ["Q: When will lorries be allowed back?", "A: After the load test in December.",
          "Q: Who paid for the repairs?", "A: The region and the national road fund."]
    text = page("Opening hours", *table, P1, P2, "What happens next", P3, *qa, "Timeline of the works", P4,
                "Repairs began in March", "Flooding stopped work in May")
    result = clean_text(text)
    assert result.body == text
    assert result.title == ""


def test_prose_that_looks_like_furniture_is_kept() -> None:
    party = "Senator Jane Holt (R) said on Monday that she would vote against the repair budget."
    said = "The minister said:"
    quote = "“This bridge will carry the valley for another fifty years, and we built it to last.”"
    comments = "Watch their comments below:"
    text = page(P1, party, P2, said, quote, comments, P3)
    result = clean_text(text)
    assert result.body == text
    assert clean_text("She writes:").body == "She writes:"


def test_a_lone_headline_shaped_line_is_the_text_not_a_title() -> None:
    line = "Officials say the bridge will reopen to lorries in December"
    result = clean_text(line)
    assert result.body == line
    assert result.title == ""


DE = [
    "Die Brücke in Nordtal ist nach acht Monaten Bauzeit am Dienstag wieder für den Verkehr freigegeben worden, "
    "teilte das Verkehrsamt mit.",
    "Die Arbeiten kosteten rund 14 Millionen Euro und dauerten wegen des Hochwassers im Frühjahr sechs Wochen "
    "länger als geplant.",
    "Lastwagen dürfen die Brücke erst nach einer abschließenden Belastungsprobe im Dezember wieder benutzen, "
    "sagte ein Sprecher der Stadt.",
]
FR = [
    "Le pont de Valnord a rouvert mardi à la circulation après huit mois de travaux, a indiqué le service "
    "régional des transports dans un communiqué.",
    "Les travaux ont coûté environ 14 millions d'euros et ont duré six semaines de plus que prévu à cause "
    "des inondations du printemps.",
    "Les poids lourds resteront interdits sur le pont jusqu'à un dernier test de charge prévu début décembre, "
    "selon la mairie.",
]


def test_german_page_furniture() -> None:
    text = "\n".join(["Startseite > Region > Verkehr", "Teilen", "Brücke in Nordtal wieder offen",
                     "Stand: 03.03.2020 10:45 Uhr", DE[0], "Bild: dpa", DE[1], "Lesen Sie auch:",
                     "Neue Radwege Für Die Innenstadt Geplant", DE[2], "Mehr zum Thema", "Kommentare"])
    result = clean_text(text)
    assert result.body == page(*DE)
    assert result.title == "Brücke in Nordtal wieder offen"


def test_french_page_furniture() -> None:
    text = "\n".join(["Accueil › Régions", "Partager", "Le pont de Valnord rouvert après huit mois",
                     "Publié le 03/03/2020 à 10h45 Mis à jour le 03/03/2020 à 12h00", FR[0], "© AFP", FR[1],
                     "Lire aussi : Les pistes cyclables du centre-ville bientôt élargies", FR[2]])
    result = clean_text(text)
    assert result.body == page(*FR)
    assert result.title == "Le pont de Valnord rouvert après huit mois"
    assert find_published(text) == "2020-03-03"


def _wrap(text: str, width: int) -> str:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return "\n".join(lines)


# --- the seed reports: real pages with real furniture -------------------------------------------

FURNITURE_MARKERS = ["Most Popular", "Recent Comments", "Post a Comment", "Comments", "google plus",
                     "facebook", "twitter", "RELATED:", "Photo:", "Published ", " > ", " | ", "(afp"]


def _seed_texts() -> list[tuple[str, str]]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (shared data absent)")
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def _real_paragraphs(text: str) -> list[str]:
    """Paragraphs of a seed that are body prose by a strict test: long and ending a sentence."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return [p for p in paragraphs if len(p.split()) >= 12 and p.rstrip("”\"’").endswith((".", "!", "?"))
            and "|" not in p and not p.startswith("•")]


def test_seeds_lose_furniture_and_keep_body() -> None:
    for name, text in _seed_texts():
        result = clean_text(text)
        assert result.title, f"{name}: no headline found"
        for marker in FURNITURE_MARKERS:
            assert marker not in result.body, f"{name}: furniture {marker!r} left in body"
        assert result.title not in result.body, f"{name}: headline left in body"
        body_paragraphs = result.body.split("\n\n")
        for paragraph in _real_paragraphs(text):
            assert paragraph in body_paragraphs, f"{name}: body paragraph lost: {paragraph[:60]}"
        for line in result.body.split("\n\n"):
            assert line.strip() in text


def test_punctuated_title_case_first_line_is_the_headline():
    lead = ("The mayor of Riverton has checked into the city hospital after a fall at the town hall on "
            "Monday, officials said, and is expected to stay there for several days.")
    result = clean_text(f"Riverton Mayor Checks Into Hospital After Fall.\n\n{lead}\n\nA second paragraph follows here.")
    assert result.title == "Riverton Mayor Checks Into Hospital After Fall."
    assert result.body.startswith("The mayor of Riverton")
    # a short sentence-case lead above a longer paragraph is body text, not a headline
    result = clean_text(f"The mayor fell at the town hall.\n\n{lead}")
    assert result.body.startswith("The mayor fell")
