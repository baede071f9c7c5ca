"""Session 6: a team's plural name mostly written after "the" is no surname, so a team named like a
person ("Jacksonville Jaguars") is not typed PERSON, and a lone first-name rule cannot take the city."""

from __future__ import annotations

from corroborate.entity_types import surname_words
from corroborate.resolve_cmd import MentionRow, _order_rows

_TEXTS = ["The Colts won 31-24 over the Jaguars on Thursday night .\nIt was the Jaguars in Jacksonville .",
          "Game slips away late as Jaguars fall to Indy .\nThe Jacksonville Jaguars lost again .",
          "Officials said that Obama has picked a nominee .\nThe Obama administration agreed .\nAides said Obama will speak ."]


def test_a_plural_name_mostly_after_the_is_a_group_not_a_surname():
    words = surname_words(_TEXTS)
    assert "jaguars" not in words  # after "the" twice, bare once: a team
    assert "obama" in words  # "the Obama administration" once, but no plural and mostly bare


def test_a_team_named_like_a_person_is_not_typed_person():
    sentence = "The Jacksonville Jaguars lost again ."
    start = sentence.index("Jacksonville Jaguars")
    row = MentionRow(0, "0", "d", "Jacksonville Jaguars", sentence, start, start + len("Jacksonville Jaguars"))
    _order_rows("\n".join(_TEXTS), [row], surname_words(_TEXTS))
    assert row.kind == "NAME" and row.etype != "PERSON"
