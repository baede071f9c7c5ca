"""A group's nickname joins the name that parallel sentences of other reports put in its place."""

from __future__ import annotations

from corroborate.entities import UnionFind
from corroborate.entity_short_names import join_shared_leads
from corroborate.name_parallels import link_group_nicknames
from corroborate.resolve_cmd import MentionRow


def _rows(spec: list[tuple[str, str, str]]) -> list[MentionRow]:
    rows = []
    for i, (doc, text, sentence) in enumerate(spec):
        start = sentence.index(text)
        rows.append(MentionRow(i, str(i), doc, text, sentence, start, start + len(text), kind="NAME", etype="MISC"))
    return rows


def _link(rows: list[MentionRow]) -> UnionFind:
    """Same-text names are one cluster first, as the name rules leave them."""
    uf = UnionFind(len(rows))
    first: dict[str, int] = {}
    for k, r in enumerate(rows):
        uf.union(first.setdefault(r.text, k), k)
    link_group_nicknames(rows, uf, lambda t: t)
    return uf


def test_nickname_joins_the_name_in_its_place_in_other_reports():
    rows = _rows([
        ("d1", "Bluejays", "The top-seeded Bluejays defeated Drake 65 - 53 ."),
        ("d1", "Drake", "The top-seeded Bluejays defeated Drake 65 - 53 ."),
        ("d2", "Creighton", "Creighton defeats Drake 65 - 53 in the tournament ."),
        ("d2", "Drake", "Creighton defeats Drake 65 - 53 in the tournament ."),
        ("d3", "Bluejays", "Then the Bluejays will play Indiana State ."),
        ("d4", "Creighton", "Then Creighton will play Indiana State ."),
    ])
    uf = _link(rows)
    assert uf.find(0) == uf.find(2)  # Bluejays = Creighton
    assert uf.find(0) != uf.find(1)  # the opponent fills another place


def test_one_parallel_is_not_enough_and_a_tie_joins_nothing():
    one = _rows([("d1", "Tar Heels", "Later the Tar Heels beat Evansville ."),
                 ("d2", "North Carolina", "Later North Carolina beat Evansville .")])
    uf = _link(one)
    assert uf.find(0) != uf.find(1)  # one pair of reports only
    tie = _rows([("d1", "Saints", "On Sunday the Saints beat Detroit ."), ("d2", "Saints", "Then the Saints lost badly ."),
                 ("d3", "Detroit", "On Sunday Detroit beat the Bears ."), ("d4", "Detroit", "Then Detroit lost badly ."),
                 ("d5", "New Orleans", "On Sunday New Orleans beat Detroit ."),
                 ("d6", "New Orleans", "Then New Orleans lost badly .")])
    uf = _link(tie)
    assert uf.find(0) != uf.find(2) and uf.find(0) != uf.find(4)  # two names fit as well: neither joins


def test_no_group_nickname_no_link():
    rows = _rows([("d1", "Hansbrough", "Then Hansbrough broke the record ."),
                  ("d2", "Ford", "Then Ford broke the record ."),
                  ("d3", "Hansbrough", "Fans saw Hansbrough score ."), ("d4", "Ford", "Fans saw Ford score .")])
    uf = _link(rows)
    assert uf.find(0) != uf.find(1)  # neither is a plural written after "the"


def test_names_with_one_distinctive_lead_and_generic_tails_join():
    tokens = {0: ("betty", "ford", "center"), 1: ("betty", "ford", "clinic"), 2: ("kansas", "city", "chiefs"),
              3: ("supreme", "court"), 4: ("supreme", "leader"), 5: ("us", "surgeon", "general"),
              6: ("us", "president-elect")}
    uf = UnionFind(7)
    common = {"center", "clinic", "court", "leader", "supreme", "surgeon", "general", "president-elect", "city"}
    join_shared_leads(tokens, uf, common)
    assert uf.find(0) == uf.find(1)
    assert uf.find(3) != uf.find(4)  # nothing distinctive is left
    assert uf.find(5) != uf.find(6)  # "us" is too short to tell one body from another
    assert uf.find(2) not in {uf.find(k) for k in (0, 3, 5)}


def test_a_singular_name_ending_in_s_is_no_group():
    from corroborate.names import plural_ending

    assert plural_ending("heels") and plural_ending("bluejays") and plural_ending("colts")
    assert not plural_ending("texas") and not plural_ending("grigoropoulos") and not plural_ending("congress")
