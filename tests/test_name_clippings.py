"""Blends and clippings: nicknames made of a name's own letters join the one name they come from."""

from __future__ import annotations

from corroborate.entities import build_forms, cluster_forms
from corroborate.model import Article, Mention
from corroborate.name_clippings import blend_pieces, is_blend_of, is_clipping_of


def _clusters(names: list[tuple[str, str]]) -> dict[str, int]:
    art = Article(id="a", source="a", raw_text="")
    for text, typ in names:
        art.mentions.append(Mention(start=0, end=1, text=text, type=typ))
    forms = build_forms([art])
    return {forms[i].key: n for n, c in enumerate(cluster_forms(forms)) for i in c}


def test_blend_pieces_read_camel_case_and_hyphens():
    assert blend_pieces("LiLo") == ["li", "lo"]
    assert blend_pieces("A-Rod") == ["a", "rod"]
    assert blend_pieces("Lohan") == []  # one word
    assert blend_pieces("ISIS") == []  # an acronym
    assert blend_pieces("Al-Kadhimi") == ["al", "kadhimi"]  # a shape, matched only against a name's words
    assert is_blend_of(["li", "lo"], ["lindsay", "lohan"])
    assert not is_blend_of(["li", "lo"], ["lindsay", "dee", "lohan"])  # one piece per word
    assert not is_blend_of(["de", "generes"], ["ellen", "degeneres"])


def test_clippings_keep_the_opening_and_add_a_pet_or_plural_ending():
    assert is_clipping_of("indy", "indianapolis")
    assert is_clipping_of("philly", "philadelphia")  # doubled consonant
    assert is_clipping_of("jags", "jaguars")  # plural clipping of a plural
    assert not is_clipping_of("jags", "jaguar")  # plural ending needs a plural name
    assert not is_clipping_of("germany", "germantown")  # the stem is most of the word: derived, not clipped
    assert not is_clipping_of("indiana", "indianapolis")  # no pet or plural ending


def test_blend_joins_its_person_and_clipping_its_place():
    cl = _clusters([("Lindsay Lohan", "PERSON"), ("LiLo", "MISC"), ("Lisa Marie", "PERSON"),
                    ("Indianapolis", "PLACE"), ("Indy", "MISC"), ("Philadelphia 76ers", "ORG"), ("Philly", "MISC")])
    assert cl["lilo"] == cl["lindsay lohan"]
    assert cl["lisa marie"] != cl["lindsay lohan"]
    two = _clusters([("Lindsay Lohan", "PERSON"), ("LiLo", "MISC"), ("Lisa Long", "PERSON")])
    assert two["lilo"] != two["lindsay lohan"] and two["lilo"] != two["lisa long"]  # two people fit
    assert cl["indy"] == cl["indianapolis"]
    assert cl["philly"] == cl["philadelphia 76ers"]  # no one-word name fits: the longer name it opens


def test_clipping_needs_one_candidate_and_no_person():
    cl = _clusters([("Indianapolis", "PLACE"), ("Indiana State University Indianola", "ORG"), ("Indiola", "PLACE"),
                    ("Indy", "MISC")])
    assert cl["indy"] != cl["indianapolis"] and cl["indy"] != cl["indiola"]  # two fit: join neither
    cl = _clusters([("Andrew", "PERSON"), ("Andy", "PERSON")])
    assert cl["andy"] != cl["andrew"]  # given names clip too freely
