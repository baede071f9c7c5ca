"""`corroborate resolve-mentions`: cluster given mentions (names, nouns, pronouns, times) into entities.

Documents are first grouped into stories by their words (`doc_groups.py`), as
the product does, so that "the host" or "Friday" only meet mentions about the
same event.  In a story, mentions sharing a head lemma are one referent unless
full names tell them apart ("Saddam Hussein" / "Fuad Hussein") or numbers do
("two men" / "three men"); names are also joined by the name-variant rules of
`entities.py`, and a place name stands for the team named after it
("Indianapolis" / "Indianapolis Colts", `entity_short_names.py`); two capitalised
words are typed PERSON only when the texts use the last one alone as a surname
(`entity_types.py`); a common noun that the texts give as the description of one name
joins it ("actress Lindsay Lohan", `entity_roles.py`); headline-capitalised
common nouns are nouns (`entity_casing.py`); times are keyed by their day
(`entity_times.py`); each pronoun joins one chain (`entity_pronouns.py`), picked
among the agreeing mentions before it by a small learnt ranking model
(`entity_antecedents.py`), with given names' genders learnt from the texts' he/she
(`entity_genders.py`).  Last, one written-out name is one entity across stories.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .doc_groups import group_documents
from .entities import UnionFind, build_forms, cluster_forms
from .entity_antecedents import AntecedentRanker, default_ranker
from .entity_casing import demote_capitalised_common_nouns
from .entity_genders import learn_given_name_genders, name_keys
from .entity_pronouns import link_pronouns, person_nouns
from .entity_roles import anchor_ambiguous_roles, descriptions, link_roles
from .entity_short_names import link_city_prefixes, link_leading_parts, lower_case_words
from .entity_times import link_times, numbered_head
from .entity_types import surname_words
from .mention_cues import CONNECTOR_WORDS, ORG_HEADS, PLACE_HEADS, TITLES
from .mention_heads import head_word, lemma, mention_kind, words_of
from .mention_types import local_type
from .model import Article, Mention
from .names import GENERATION_SUFFIXES, core_tokens, fold, tokens_match

_LEADING = frozenset("the a an this that these those his her their its our my your on in at of by for from to".split())


@dataclass
class MentionRow:
    index: int
    id: str
    doc: str
    text: str
    sentence: str
    start: int
    end: int
    kind: str = ""
    order: tuple[int, int] = (0, 0)
    sentence_no: int = 0
    etype: str = "MISC"  # PERSON, ORG, PLACE, GROUP or MISC, for names
    headline_noun: bool = False  # written capitalised ("Navy", "Driver") but a common noun of the texts
    human: bool = False  # a common noun the texts use for people ("the judge said", "the actress who")
    gender: str = ""  # "m" or "f" for a person's name whose given name the texts treat as a man's / woman's


def resolve_mentions_command(lines: Iterable[dict], threshold: float = 0.9,
                             pronoun_ranker: AntecedentRanker | None = None) -> list[dict]:
    """One `{"id", "entity"}` per input mention `{"id", "doc", "text", "sentence", "start", "end"[, "doc_text"]}`.

    `pronoun_ranker` picks pronoun antecedents (default: the shipped model)."""
    pronoun_ranker = pronoun_ranker or default_ranker()
    raw = list(lines)
    rows = [MentionRow(i, str(r["id"]), str(r.get("doc", "")), r["text"], r.get("sentence", r["text"]),
                 int(r.get("start", 0)), int(r.get("end", len(r["text"])))) for i, r in enumerate(raw)]
    doc_texts: dict[str, str] = {}
    for row, src in zip(rows, raw, strict=False):
        if src.get("doc_text"):
            doc_texts.setdefault(row.doc, src["doc_text"])
    by_doc: dict[str, list[MentionRow]] = defaultdict(list)
    for row in rows:
        by_doc[row.doc].append(row)
    for doc, doc_rows in by_doc.items():
        if doc not in doc_texts:
            doc_texts[doc] = "\n".join(dict.fromkeys(r.sentence for r in doc_rows))
    common = lower_case_words(doc_texts.values())
    surnames = surname_words(doc_texts.values())
    for doc, doc_rows in by_doc.items():
        _order_rows(doc_texts[doc], doc_rows, surnames)
    demote_capitalised_common_nouns(rows, doc_texts.values())
    _assign_genders(rows)
    human = person_nouns(doc_texts.values())
    for r in rows:
        r.human = r.kind == "NOMINAL" and fold(head_word(r.text)) in human
    labels: dict[int, str] = {}
    for story_no, docs in enumerate(group_documents(doc_texts, threshold)):
        story_rows = [r for d in docs for r in by_doc[d]]
        for row_index, cluster in resolve_story(story_rows, doc_texts, pronoun_ranker, common).items():
            labels[row_index] = f"s{story_no}_e{cluster}"
    _link_full_names_across_stories(rows, labels)
    return [{"id": r.id, "entity": labels[r.index]} for r in rows]


def _assign_genders(rows: list[MentionRow]) -> None:
    """Each person's name gets the gender that the texts' he/she give its given name, if any."""
    keys = {r.index: name_keys(r, _name_text(r.text)) for r in rows}
    keys = {i: k for i, k in keys.items() if k[1]}
    genders = learn_given_name_genders(rows, keys)
    for r in rows:
        given = keys.get(r.index, ("", ""))[0]
        r.gender = genders.get(given, "") if given else ""


def _order_rows(doc_text: str, rows: list[MentionRow], surnames: set[str] | None = None) -> None:
    """Position of each mention in its document (sentence rank, offset), for pronoun antecedents.

    Sentences are found in the document text; one that cannot be found keeps its input order."""
    where: dict[str, int] = {}
    for n, r in enumerate(rows):
        if r.sentence not in where:
            pos = doc_text.find(r.sentence) if r.sentence else -1
            where[r.sentence] = pos if pos >= 0 else len(doc_text) + n
    rank = {sent: i for i, sent in enumerate(sorted(where, key=where.get))}
    for r in rows:
        r.sentence_no = rank[r.sentence]
        r.order = (r.sentence_no, r.start)
        r.kind = mention_kind(r.text, r.sentence, r.start)
        if r.kind == "NAME":
            m = Mention(start=r.start, end=r.end, text=_name_text(r.text), type="MISC")
            r.etype = local_type(r.sentence[:r.start], r.sentence[r.end:], m, set(), surnames)


_BODY_HEADS = ORG_HEADS | PLACE_HEADS


def _name_text(text: str) -> str:
    """The name inside a mention: the capitalised run ending at its head, titles dropped.

    "in the notorious Gulf of Aden, between ..." -> "Gulf of Aden";
    "Former AMA trustee Dr. Benjamin" -> "Benjamin"; an "and" between capitalised words stays inside a
    body's name ("Central Election and Referendum Commission", "Department of Health and Human Services").
    """
    text = re.split(r"\s[,(]\s|,\s|\(", text)[0]
    words = [w for w in words_of(text) if w[:1].isalnum()]
    if not words:
        return text
    head = head_word(text)
    end = max((i for i, w in enumerate(words) if w == head), default=len(words) - 1)
    start = end
    # "and" joins the words of a body's or a place's name ("Fish and Wildlife Service"), but two people
    # ("Barack and Michelle Obama") or two bodies of a phrase are not one name
    inner_and = lemma(words[end]) in _BODY_HEADS
    while start > 0:
        prev = words[start - 1]
        if prev[:1].isupper() or prev[:1].isdigit() or (fold(prev) in CONNECTOR_WORDS and start - 1 > 0) or (
                inner_and and fold(prev) == "and" and start - 1 > 0 and words[start - 2][:1].isupper()):
            start -= 1
        else:
            break
    run = words[start:end + 1]
    while len(run) > 1 and ((fold(run[0]) in TITLES and _names_bearer(run)) or fold(run[0]) in CONNECTOR_WORDS):
        run = run[1:]
    if len(run) > 2 and fold(run[-1]).rstrip(".") in GENERATION_SUFFIXES:  # "Arcade Joseph Comeaux Jr" is Comeaux
        run = run[:-1]
    # "Gulf of Aden": a connector after the head keeps the rest of the name
    tail = words[end + 1:]
    if tail and fold(tail[0]) in ("of", "de", "del", "du") and len(tail) > 1 and tail[1][:1].isupper():
        k = 1
        while k < len(tail) and (tail[k][:1].isupper() or fold(tail[k]) in CONNECTOR_WORDS or (
                inner_and and fold(tail[k]) == "and" and k + 1 < len(tail) and tail[k + 1][:1].isupper())):
            k += 1
        run += tail[:k]
    return " ".join(run)


def _names_bearer(run: list[str]) -> bool:
    """Does a run that opens with a title word name the title's bearer ("President Barack Obama")?  Not
    when it ends in a body's or place's head word or in a title: "Justice Department", "National Football
    League" and "Surgeon General" keep their first word (else "Justice Department" and "Interior Department"
    would both be "Department", two bodies taken for one)."""
    last = fold(run[-1]).rstrip(".")
    return lemma(last) not in _BODY_HEADS and last not in TITLES


def resolve_story(rows: list[MentionRow], doc_texts: dict[str, str] | None = None,
                  pronoun_ranker: AntecedentRanker | None = None, common_words: set[str] | None = None
                  ) -> dict[int, int]:
    """Cluster the mentions of one story; returns row index -> cluster number.

    `common_words` (words the texts write in lower case) lets a name's leading words stand for it."""
    uf = UnionFind(len(rows))
    described = descriptions(rows, doc_texts, _name_head) if doc_texts else {}
    anchors = anchor_ambiguous_roles(rows, described, _name_head)
    _link_heads(rows, uf, skip=set(anchors))
    link_times(rows, uf)
    _link_names(rows, uf)
    if common_words is not None:
        link_leading_parts(rows, uf, common_words, _name_text)
    link_city_prefixes(rows, uf, _name_text)
    link_roles(rows, uf, described, anchors, _name_head)
    link_pronouns(rows, uf, pronoun_ranker)
    return {r.index: uf.find(k) for k, r in enumerate(rows)}


def _link_names(rows: list[MentionRow], uf: UnionFind) -> None:
    """Names: the cross-document name-variant rules, on pseudo-articles holding the story's names."""
    articles: dict[str, Article] = {}
    row_of: dict[tuple[str, int], int] = {}
    for k, r in enumerate(rows):
        if r.kind != "NAME":
            continue
        art = articles.setdefault(r.doc, Article(id=r.doc, source=r.doc, raw_text=""))
        m = Mention(start=r.start, end=r.end, text=_name_text(r.text), type=r.etype)
        row_of[(r.doc, len(art.mentions))] = k
        art.mentions.append(m)
    forms = build_forms(list(articles.values()))
    for cluster in cluster_forms(forms):
        members = [row_of[m] for i in cluster for m in forms[i].mentions]
        for k in members[1:]:
            uf.union(members[0], k)


def _head_key(row: MentionRow) -> str:
    """Names by head lemma ("Chargers'" / "Charger"); common nouns by head word, so number must agree."""
    if row.kind == "NAME":
        return lemma(head_word(_name_text(row.text)))
    return numbered_head(row.text)


def _name_head(text: str) -> str:
    """Head lemma of the name in a mention: the key that role descriptions are matched on."""
    return lemma(head_word(_name_text(text)))


def _link_heads(rows: list[MentionRow], uf: UnionFind, skip: set[int] = frozenset()) -> None:
    """Mentions with one head lemma in one story are one referent, unless full names tell them apart.

    "Saddam Hussein" and "Fuad Hussein" share a head but not a first name: each keeps its
    own cluster, and a head-only mention ("Hussein", "the minister") follows the full name
    of its own document, else the most frequent one.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        if r.kind in ("PRON", "TIME") or k in skip:
            continue
        groups[_head_key(r)].append(k)
    for ks in groups.values():
        firsts: list[tuple[list[str], list[int]]] = []  # full-name tokens -> rows naming that bearer
        rest: list[int] = []
        for k in ks:
            toks = core_tokens(_name_text(rows[k].text)) if rows[k].kind == "NAME" else []
            if len(toks) >= 2 and len(toks[0]) >= 2 and toks[0].isalpha():
                for n, (rep, members) in enumerate(firsts):
                    if _full_names_agree(rep, toks):
                        members.append(k)
                        if len(toks) > len(rep):
                            firsts[n] = (toks, members)
                        break
                else:
                    firsts.append((toks, [k]))
            else:
                rest.append(k)
        for _, members in firsts:
            for k in members[1:]:
                uf.union(members[0], k)
        if not firsts:
            for k in rest[1:]:
                uf.union(rest[0], k)
            continue
        biggest = max(firsts, key=lambda fm: len(fm[1]))[1]
        in_doc: dict[str, set[int]] = defaultdict(set)  # document -> full names (their first row) it uses
        for _, members in firsts:
            for x in members:
                in_doc[rows[x].doc].add(members[0])
        for k in rest:
            local = in_doc.get(rows[k].doc, set())
            uf.union(k, next(iter(local)) if len(local) == 1 else biggest[0])


def _full_names_agree(a: list[str], b: list[str]) -> bool:
    """The shorter name's tokens are, in order, spellings or abbreviations of the longer's ("Mt Cook" /
    "Aoraki Mount Cook"), so two different given names never agree ("Saddam Hussein" / "Fuad Hussein")."""
    short, long_ = sorted((a, b), key=len)
    j = 0
    for tok in short:
        while j < len(long_) and not _token_agrees(tok, long_[j]):
            j += 1
        if j == len(long_):
            return False
        j += 1
    return True


def _token_agrees(a: str, b: str) -> bool:
    """Same word, a spelling of it, an initial, an abbreviation ("Mt" / "Mount") or a short form
    ("Alexis" / "Alexandros")."""
    if tokens_match(a, b):
        return True
    if len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]:
        return True
    short, long_ = sorted((a, b), key=len)
    if short[0] != long_[0]:
        return False
    it = iter(long_)
    return all(ch in it for ch in short)


def _link_full_names_across_stories(rows: list[MentionRow], labels: dict[int, str]) -> None:
    """One written-out name (two or more core words) in two stories is one entity (documents split
    from their story); a one-word name ("Police", "India") does not travel."""
    uf_index: dict[str, int] = {}
    for lab in labels.values():
        uf_index.setdefault(lab, len(uf_index))
    uf = UnionFind(len(uf_index))
    first: dict[str, str] = {}
    for r in rows:
        if r.kind != "NAME":
            continue
        toks = core_tokens(_name_text(r.text))
        if len(toks) < 2:
            continue
        key = " ".join(toks)
        lab = labels[r.index]
        if key in first:
            uf.union(uf_index[first[key]], uf_index[lab])
        else:
            first[key] = lab
    names = list(uf_index)
    for i, lab in labels.items():
        labels[i] = names[uf.find(uf_index[lab])]
