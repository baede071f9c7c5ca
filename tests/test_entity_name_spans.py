"""Session-7 resolve-mentions fixes on made-up text: "and" inside a body's name, and capitalised
common words in running text kept as names."""

from __future__ import annotations

from corroborate.entity_casing import demote_capitalised_common_nouns
from corroborate.resolve_cmd import MentionRow, _name_text

from .test_entities_rules import _entities


def test_and_stays_inside_a_body_name_but_not_between_two_people():
    assert _name_text("Central Election and Referendum Commission") == "Central Election and Referendum Commission"
    assert _name_text("the Fish and Wildlife Service") == "Fish and Wildlife Service"
    assert _name_text("Department of Health and Human Services") == "Department of Health and Human Services"
    assert _name_text("Barack and Michelle Obama") == "Michelle Obama"  # two people: the old cut stays
    assert _name_text("the Gulf of Aden between Somalia and Yemen") == "Gulf of Aden"


def test_a_body_name_with_and_joins_its_shorter_spelling():
    ent = _entities({
        "d1": [("The Central Election and Referendum Commission counted the votes .",
                ["Central Election and Referendum Commission"])],
        "d2": [("The Central Elections Commission said turnout was high .", ["Central Elections Commission"])],
        "d3": [("The Human Rights Commission sent observers .", ["Human Rights Commission"])],
    })
    full, short = ent["d1:Central Election and Referendum Commission#0"], ent["d2:Central Elections Commission#0"]
    assert full == short  # cut at "and", the name was "Referendum Commission" and split from its spelling
    assert full != ent["d3:Human Rights Commission#0"]  # another commission


def _row(i: int, text: str, sentence: str) -> MentionRow:
    start = sentence.index(text)
    return MentionRow(i, str(i), "d", text, sentence, start, start + len(text), kind="NAME")


def test_a_capitalised_common_word_in_running_text_stays_a_name():
    texts = ["The team fired its coach on Saturday .", "Coach fired after loss",
             "Fans said the former Portland Coach would return ."]
    rows = [_row(0, "Coach", "Coach fired after loss"),  # sentence start: a headline word
            _row(1, "Coach", "Sixers Fire Head Coach After Loss"),  # Title Case headline
            _row(2, "Coach", "Fans said the former Portland Coach would return .")]  # capitalised in prose
    demote_capitalised_common_nouns(rows, texts)
    assert [r.kind for r in rows] == ["NOMINAL", "NOMINAL", "NAME"]
    assert rows[0].headline_noun and rows[1].headline_noun and not rows[2].headline_noun


def test_a_title_word_opening_a_body_name_is_kept_and_two_departments_stay_apart():
    assert _name_text("the Justice Department") == "Justice Department"
    assert _name_text("National Football League") == "National Football League"
    assert _name_text("Surgeon General") == "Surgeon General"
    assert _name_text("President Barack Obama") == "Barack Obama"  # a title before its bearer still goes
    ent = _entities({
        "d1": [("The Justice Department opened an inquiry .", ["Justice Department"])],
        "d2": [("The Interior Department denied it .", ["Interior Department"])],
    })
    assert ent["d1:Justice Department#0"] != ent["d2:Interior Department#0"]
