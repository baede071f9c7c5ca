"""Session-4 resolve-mentions rules on made-up text: generation suffixes, surname evidence for
PERSON, numbered names and acronyms, a place name standing for its team, written-out names across
stories, and deictic days and years joining the story's day and year."""

from __future__ import annotations

from corroborate.entities import UnionFind, build_forms, cluster_forms
from corroborate.entity_short_names import link_city_prefixes
from corroborate.entity_types import surname_words
from corroborate.model import Article, Mention
from corroborate.names import core_tokens
from corroborate.resolve_cmd import MentionRow, _name_text, resolve_mentions_command

from .test_entities_rules import _entities, _lines


def test_generation_suffix_is_not_the_surname():
    assert core_tokens("Arcade Joseph Comeaux Jr") == ["arcade", "joseph", "comeaux"]
    assert core_tokens("Comeaux Jr") == ["comeaux", "jr"]  # too short to tell a suffix from a name
    assert _name_text("Arcade Joseph Comeaux Jr") == "Arcade Joseph Comeaux"
    ent = _entities({
        "d1": [("Arcade Joseph Comeaux Jr . escaped on Monday .", ["Arcade Joseph Comeaux Jr"])],
        "d2": [("Officers said Comeaux had a gun .", ["Comeaux"])],
    })
    assert ent["d1:Arcade Joseph Comeaux Jr#0"] == ent["d2:Comeaux#0"]


def test_surname_words_are_capitalised_words_used_alone():
    texts = ["A patch for Internet Explorer came out .\nOfficials said that Hansbrough scored 20 .",
             "Manning threw for 300 yards .\nFans saw Peyton Manning pass .\nPolice said the car was stolen .\nthe police came .",
             "Fans cheered as the Colts won over the Jaguars .\nHe joined the Colts .\nColts fans were happy ."]
    words = surname_words(texts)
    assert "hansbrough" in words  # alone inside a sentence
    assert "manning" in words  # first in its sentence, written capitalised inside one, never in lower case
    assert "explorer" not in words and "internet" not in words  # never alone
    assert "police" not in words  # first in its sentence, but a common word of the texts
    assert "colts" not in words  # "the Colts ." is a group, not a surname


def test_a_numbered_name_takes_no_acronym():
    art = Article(id="a", source="a", raw_text="")
    for text, typ in [("Internet Explorer", "MISC"), ("IE", "ORG"), ("Internet Explorer 8", "MISC")]:
        art.mentions.append(Mention(start=0, end=1, text=text, type=typ))
    forms = build_forms([art])
    cluster_of = {forms[i].key: n for n, c in enumerate(cluster_forms(forms)) for i in c}
    assert cluster_of["ie"] == cluster_of["internet explorer"]
    assert cluster_of["ie"] != cluster_of["internet explorer 8"]


def test_a_place_name_stands_for_the_team_named_after_it():
    def name(i: int, text: str, sentence: str) -> MentionRow:
        start = sentence.index(text)
        return MentionRow(i, str(i), "d", text, sentence, start, start + len(text), kind="NAME", etype="MISC")

    rows = [name(0, "Indianapolis Colts", "The Indianapolis Colts won ."), name(1, "Colts", "The Colts won ."),
            name(2, "Indianapolis", "Indianapolis made the playoffs ."),
            name(3, "Indianapolis", "The game was in Indianapolis ."),
            name(4, "Windows 8", "Windows 8 shipped ."), name(5, "Windows", "Millions of Windows users .")]
    uf = UnionFind(len(rows))
    link_city_prefixes(rows, uf, lambda t: t)
    assert uf.find(2) == uf.find(0)  # the team, since "Colts" is used alone
    assert uf.find(3) != uf.find(0)  # "in Indianapolis" is the city
    assert uf.find(5) != uf.find(4)  # "8" is never used alone: no team


def test_written_out_names_of_any_type_are_one_entity_across_stories():
    lines = _lines({"d1": [("Shares of Tallgrass Energy rose in Denver trading .", ["Tallgrass Energy"])],
                    "d2": [("Tallgrass Energy opened a storm shelter in Maine .", ["Tallgrass Energy"])]})
    out = {o["id"]: o["entity"] for o in resolve_mentions_command(lines, threshold=0.01)}  # two stories
    assert out["d1:Tallgrass Energy#0"] == out["d2:Tallgrass Energy#0"]

