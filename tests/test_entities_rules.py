"""The resolve-mentions rules one by one (pronouns, times, headline nouns, role descriptions), the
cross-story linker's guards and blocking, and the "X of Y" short form, on made-up text."""

from __future__ import annotations

import random
import re

from corroborate.entities import Form, UnionFind, _same_initial_pairs, link_across_stories, resolve_entities
from corroborate.entity_roles import described_names
from corroborate.mentions import mentions_stage
from corroborate.model import Article
from corroborate.resolve_cmd import resolve_mentions_command

from .test_entities import _articles, _entity_with


def _lines(docs: dict[str, list[tuple[str, list[str]]]]) -> list[dict]:
    """Input lines from {doc: [(sentence, [mention texts in order])]}; ids are "doc:text#n"."""
    out: list[dict] = []
    for doc, sentences in docs.items():
        doc_text = "\n".join(s for s, _ in sentences)
        for sentence, texts in sentences:
            pos = 0
            for text in texts:
                start = sentence.index(text, pos)
                pos = start + len(text)
                n = sum(1 for o in out if o["doc"] == doc and o["text"] == text)
                out.append({"id": f"{doc}:{text}#{n}", "doc": doc, "text": text, "sentence": sentence,
                            "start": start, "end": start + len(text), "doc_text": doc_text})
    return out


def _entities(docs: dict[str, list[tuple[str, list[str]]]]) -> dict[str, str]:
    """One story (threshold above any distance) so that only the rules under test decide."""
    return {o["id"]: o["entity"] for o in resolve_mentions_command(_lines(docs), threshold=2.0)}


def test_each_pronoun_joins_one_person_so_two_men_stay_apart():
    ent = _entities({
        "d1": [("Omar Haddad met the envoy on Monday .", ["Omar Haddad"]),
               ("He said the talks would resume .", ["He"])],
        "d2": [("Karim Nasser left the capital .", ["Karim Nasser"]),
               ("He did not comment .", ["He"])],
    })
    assert ent["d1:He#0"] == ent["d1:Omar Haddad#0"]
    assert ent["d2:He#0"] == ent["d2:Karim Nasser#0"]
    assert ent["d1:Omar Haddad#0"] != ent["d2:Karim Nasser#0"]  # the old "all he are one man" rule joined them


def test_he_skips_the_chain_that_she_stands_for():
    # no lexicon says who is a woman: "She" takes the subject, so "He" must skip her chain
    ent = _entities({
        "d1": [("Lena Moreno thanked Omar Haddad .", ["Lena Moreno", "Omar Haddad"]),
               ("She said the bridge would open .", ["She"]),
               ("He smiled .", ["He"])],
    })
    assert ent["d1:She#0"] == ent["d1:Lena Moreno#0"]
    assert ent["d1:He#0"] == ent["d1:Omar Haddad#0"]


def test_pronoun_prefers_the_subject_to_a_name_after_a_preposition():
    ent = _entities({
        "d1": [("Omar Haddad met an aide of Karim Nasser on Monday .", ["Omar Haddad", "an aide", "Karim Nasser"]),
               ("He said the talks would resume .", ["He"])],
    })
    assert ent["d1:He#0"] == ent["d1:Omar Haddad#0"]  # the nearest rule took Karim Nasser


def test_nearest_rule_still_available_without_a_ranker():
    from corroborate.entity_antecedents import AntecedentRanker

    nearest = AntecedentRanker({"personal": {"mention_gap_log": -1.0}, "other": {"mention_gap_log": -1.0}})
    docs = {"d1": [("Lena Moreno thanked Omar Haddad .", ["Lena Moreno", "Omar Haddad"]), ("He smiled .", ["He"])]}
    ent = {o["id"]: o["entity"] for o in resolve_mentions_command(_lines(docs), threshold=2.0, pronoun_ranker=nearest)}
    assert ent["d1:He#0"] == ent["d1:Omar Haddad#0"]


def test_unresolved_he_goes_to_the_documents_leading_person():
    ent = _entities({
        "d1": [("Omar Haddad arrived .", ["Omar Haddad"]),
               ("Haddad met Lena Moreno .", ["Haddad", "Lena Moreno"]),
               ("The port closed .", ["The port"]), ("The ships waited .", ["The ships"]),
               ("The cranes stopped .", ["The cranes"]),
               ("He left early .", ["He"])],  # no person within two sentences before it
    })
    assert ent["d1:He#0"] == ent["d1:Omar Haddad#0"]
    assert ent["d1:He#0"] != ent["d1:Lena Moreno#0"]


def test_times_keyed_by_day_and_told_apart_by_ordinals():
    ent = _entities({
        "d1": [("The ship sank early Friday morning for the first time .", ["early Friday morning", "the first time"])],
        "d2": [("On Friday it sank a second time .", ["On Friday", "a second time"])],
    })
    assert ent["d1:early Friday morning#0"] == ent["d2:On Friday#0"]
    assert ent["d1:the first time#0"] != ent["d2:a second time#0"]


def test_headline_capitalised_noun_is_resolved_as_the_noun():
    ent = _entities({
        "d1": [("Driver Held After Crash", ["Driver"]),
               ("The driver was arrested .", ["driver"])],
        "d2": [("Kimani Gray was buried .", ["Kimani Gray"]), ("Gray was 16 .", ["Gray"]),
               ("The sky was gray .", [])],
    })
    assert ent["d1:Driver#0"] == ent["d1:driver#0"]
    assert ent["d2:Gray#0"] == ent["d2:Kimani Gray#0"]  # a token of a longer name stays a name


def test_described_names_patterns_and_guards():
    pairs = {(n, name) for n, name, _ in described_names(
        "Police said driver Vishwanand Subryan fled . Jamal Williams , the defensive tackle , was hurt .\n"
        "The church Sarah Palin attends burned . Fire hits rehab\nLindsay Lohan spoke .")}
    assert ("driver", "Vishwanand Subryan") in pairs
    assert ("tackle", "Jamal Williams") in pairs
    assert not any(n == "church" for n, _ in pairs)  # "the church Sarah Palin attends": a relative clause
    assert not any(n == "rehab" for n, _ in pairs)  # a headline's line end is no description


def test_a_counted_noun_before_a_name_is_no_description():
    pairs = {(n, name) for n, name, _ in described_names(
        "Luck led a comeback in the fourth quarter Sunday . He scored in the fourth quarter Indianapolis fans saw .\n"
        "They had 20 points Bailey said . First lady Michelle Obama and first lady Laura Bush spoke .")}
    assert not any(n in ("quarter", "points") for n, _ in pairs)  # counted or ordered: a phrase of its own
    assert ("lady", "Laura Bush") in pairs  # "first" also opens titles


def test_a_noun_given_to_two_names_joins_each_reports_own():
    ent = _entities({
        "d1": [("The team fired coach Jim Obrien on Monday .", ["coach Jim Obrien"]),
               ("The coach had one season .", ["coach"])],
        "d2": [("The team hired coach Maurice Cheeks .", ["coach Maurice Cheeks"]),
               ("The coach is popular .", ["coach"])],
    })
    assert ent["d1:coach#0"] == ent["d1:coach Jim Obrien#0"]
    assert ent["d2:coach#0"] == ent["d2:coach Maurice Cheeks#0"]
    assert ent["d1:coach#0"] != ent["d2:coach#0"]


def test_full_person_name_links_documents_grouped_into_different_stories():
    lines = _lines({
        "d1": [("Phil Ford scored twenty points for the team .", ["Phil Ford"])],
        "d2": [("The central bank raised interest rates , Phil Ford said .", ["Phil Ford"])],
    })
    ent = {o["id"]: o["entity"] for o in resolve_mentions_command(lines, threshold=0.01)}
    assert ent["d1:Phil Ford#0"] == ent["d2:Phil Ford#0"]




def test_name_before_of_joins_the_one_longer_name_it_opens():
    ents = resolve_entities(_articles(
        "The United States of America sent aid. The United States said more would follow.",
        "The Central Bank of Sylvania cut rates on Monday. The Central Bank of Freedonia held rates. "
        "The Central Bank said little.",
    ))
    assert _entity_with(ents, "United States")["id"] == _entity_with(ents, "United States of America")["id"]
    central = _entity_with(ents, "Central Bank")["id"]
    assert central not in {_entity_with(ents, "Central Bank of Sylvania")["id"], _entity_with(ents, "Central Bank of Freedonia")["id"]}


def test_link_across_stories_does_not_glue_people_through_a_shared_surname():
    def story(prefix: str, body: str) -> list[dict]:
        return resolve_entities([mentions_stage(Article(id=f"{prefix}0", source="", raw_text=body, body=body))])

    s1 = story("a", "Foreign Minister Omar Haddad met the envoy. Haddad said the talks would resume.")
    s2 = story("b", "Mayor Leila Haddad opened the bridge. Haddad thanked the crews.")
    s3 = story("c", "Foreign Minister Omar Haddad flew home on Friday.")
    ids = link_across_stories({"s1": s1, "s2": s2, "s3": s3})
    by_name = {(sid, e["name"]): ids[(sid, e["id"])] for sid, ents in (("s1", s1), ("s2", s2), ("s3", s3)) for e in ents}
    assert by_name[("s1", "Omar Haddad")] == by_name[("s3", "Omar Haddad")]
    assert by_name[("s1", "Omar Haddad")] != by_name[("s2", "Leila Haddad")]


def test_first_letter_sub_blocking_finds_every_pair_that_can_match():
    """The sub-blocked pairs give the same clusters as comparing every pair of the block."""
    from corroborate.entities import _full_names_match

    rng = random.Random(5)
    firsts = ["Jen", "Jane", "Karim", "Kareem", "Chaim", "Haim", "J.", "Mustafa", "Moustafa", "Omar", "Umar"]
    forms = []
    for n in range(60):
        text = f"{rng.choice(firsts)} Haddad"
        f = Form(key=f"{text.lower()}{n}", type="PERSON")
        f.texts[text] += 1
        forms.append(f)
    idxs = list(range(len(forms)))

    def clusters(pairs) -> set[frozenset]:
        uf = UnionFind(len(forms))
        for a, b in pairs:
            if _full_names_match(forms[a], forms[b]):
                uf.union(a, b)
        groups: dict[int, set] = {}
        for i in idxs:
            groups.setdefault(uf.find(i), set()).add(i)
        return {frozenset(g) for g in groups.values()}

    every = [(a, b) for a in idxs for b in idxs if a < b]
    assert clusters(_same_initial_pairs(forms, idxs)) == clusters(every)
    assert len(_same_initial_pairs(forms, idxs)) < len(every)
    assert all(re.match(r"\w", forms[a].text) for a, _ in every[:1])


def test_given_name_gender_learnt_from_other_reports_keeps_she_off_a_man():
    ent = _entities({
        "d1": [("Omar Haddad thanked Lena Moreno .", ["Omar Haddad", "Lena Moreno"]),
               ("She said the bridge would open .", ["She"])],
        "d2": [("Omar Haddad arrived on Monday .", ["Omar Haddad"]), ("He met the envoy .", ["He"])],
        "d3": [("Omar Haddad left the port .", ["Omar Haddad"]), ("He did not comment .", ["He"])],
    })
    assert ent["d1:She#0"] == ent["d1:Lena Moreno#0"]  # the subject, but the texts call Omar "he"


def test_given_name_genders_need_agreeing_votes():
    from corroborate.entity_genders import learn_given_name_genders
    from corroborate.resolve_cmd import MentionRow

    def row(i: int, doc: str, text: str, kind: str, sentence_no: int) -> MentionRow:
        r = MentionRow(i, str(i), doc, text, text, 0, len(text), kind=kind, sentence_no=sentence_no,
                       etype="PERSON" if kind == "NAME" else "MISC")
        r.order = (sentence_no, 0)
        return r

    rows = [row(0, "a", "Lena Moreno", "NAME", 0), row(1, "a", "she", "PRON", 1),
            row(2, "b", "Lena Moreno", "NAME", 0), row(3, "b", "she", "PRON", 0),
            row(4, "c", "Sam Ortiz", "NAME", 0), row(5, "c", "he", "PRON", 1),
            row(6, "d", "Sam Ortiz", "NAME", 0), row(7, "d", "she", "PRON", 1),
            row(8, "e", "Sam Ortiz", "NAME", 0), row(9, "e", "Lena Moreno", "NAME", 0), row(10, "e", "he", "PRON", 1)]
    keys = {0: ("lena", "moreno"), 2: ("lena", "moreno"), 4: ("sam", "ortiz"), 6: ("sam", "ortiz"),
            8: ("sam", "ortiz"), 9: ("lena", "moreno")}
    # Lena: two "she"; Sam: one "he", one "she" (no agreement); the "he" after both names votes for neither
    assert learn_given_name_genders(rows, keys) == {"lena": "f"}


def test_shipped_antecedent_model_covers_every_feature():
    import json

    from corroborate.entity_antecedents import FEATURES, MODEL_PATH, default_ranker

    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    for group in ("personal", "other"):
        assert set(data["weights"][group]) == set(FEATURES)
    assert default_ranker() is not None


def test_where_and_when_take_the_place_and_time_of_their_sentence():
    ent = _entities({
        "d1": [("He shot three people at an accounting firm where he had worked .",
                ["He", "three people", "at an accounting firm", "where", "he"]),
               ("It happened on Monday when the office was full .", ["It", "on Monday", "when", "the office"])],
    })
    assert ent["d1:where#0"] == ent["d1:at an accounting firm#0"]
    assert ent["d1:when#0"] == ent["d1:on Monday#0"]


def test_leading_words_of_a_facility_name_stand_for_it():
    ent = _entities({
        "d1": [("She checked into Promises Treatment Center on Tuesday .", ["Promises Treatment Center"]),
               ("The treatment center is in Malibu .", ["The treatment center", "Malibu"])],
        "d2": [("She is staying at Promises for a month .", ["at Promises"])],
    })
    assert ent["d2:at Promises#0"] == ent["d1:Promises Treatment Center#0"]


def test_leading_words_need_a_common_tail_no_person_and_no_place_to_org_jump():
    from corroborate.entities import UnionFind
    from corroborate.entity_short_names import link_leading_parts
    from corroborate.resolve_cmd import MentionRow

    def name(i: int, text: str, sentence: str, etype: str = "ORG") -> MentionRow:
        return MentionRow(i, str(i), "d", text, sentence, sentence.index(text), sentence.index(text) + len(text),
                          kind="NAME", etype=etype)

    rows = [name(0, "Access Hollywood", "She told Access Hollywood ."), name(1, "Access", "Access reported it ."),
            name(2, "Washington", "He flew to Washington ."), name(3, "Washington Post", "The Washington Post said ."),
            name(4, "Betty Ford", "Betty Ford founded it .", "PERSON"), name(5, "Betty Ford Center", "The Betty Ford Center ."),
            name(6, "Morningside", "She left Morningside ."), name(7, "Morningside Recovery", "Morningside Recovery said .")]
    uf = UnionFind(len(rows))
    link_leading_parts(rows, uf, {"post", "center", "recovery", "she", "told"}, lambda t: t)
    assert uf.find(6) == uf.find(7)  # "recovery" is a common word of the texts
    assert uf.find(0) != uf.find(1)  # "hollywood" is not
    assert uf.find(2) != uf.find(3)  # "to Washington" is a place, the newspaper never is
    assert uf.find(4) != uf.find(5)  # a person is not the clinic named after her


def test_a_shared_role_noun_goes_to_the_one_bearer_its_report_names():
    ent = _entities({
        "d1": [("The team fired coach Jim Brady on Monday .", ["coach Jim Brady"])],
        "d2": [("The team hired coach Mo Vance on Friday .", ["coach Mo Vance"])],
        "d3": [("Mo Vance arrived in town .", ["Mo Vance"]), ("The coach said he was happy .", ["The coach", "he"])],
    })
    assert ent["d3:The coach#0"] == ent["d2:coach Mo Vance#0"]
    assert ent["d3:The coach#0"] != ent["d1:coach Jim Brady#0"]


def test_apposition_after_an_age_is_a_description():
    assert ("actress", "Lindsay Lohan", True) in list(described_names("Lindsay Lohan , 25 , an actress , said ."))
