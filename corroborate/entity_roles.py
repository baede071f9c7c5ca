"""Descriptions that a text attaches to a name ("coach Maurice Cheeks", "Jamal Williams, the
defensive tackle,", "Lohan, 25, an actress,", "the woman, Raj Chohan,"), and the common-noun
mentions they resolve.

Pre-modifying nouns and appositions are how news says who someone is.  They are read
here with surface patterns (no parser is available offline), and only nouns that the
story also uses as mentions on their own matter, so a pattern that catches a stray
word ("said Robert Buckley") does no harm.  A noun the story gives to one name only
joins that name everywhere; a noun given to several names ("coach" of the fired and
of the hired coach) joins, in each report, the one name that report gives it, or else
the one of those names that the report mentions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .entity_times import NUMBER_WORDS
from .mention_cues import CALENDAR
from .mention_heads import head_word, lemma
from .mentions import find_mentions
from .names import fold
from .split import split_sentences

if TYPE_CHECKING:
    from .entities import UnionFind
    from .resolve_cmd import MentionRow

Descriptions = dict[str, dict[str, set[str]]]  # document -> noun -> head keys of the names it describes

_NAME = r"[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,3}"  # spaces only: a headline's line end is no link
_DETERMINERS = ("the", "a", "an", "this", "that", "its", "his", "her", "their")
# not after a determiner: "the church Sarah Palin attends" is a relative clause, not a description
_PREMODIFIER = re.compile("".join(rf"(?<!\b{d}[ ])(?<!\b{d.title()}[ ])" for d in _DETERMINERS)
                          + rf"\b([a-z][a-z-]+)[ ]({_NAME})")
_NAME_THEN_NOUN = re.compile(rf"({_NAME})[ ]?,[ ](?:\d{{1,3}}[ ]?,[ ])?(?:a|an|the)[ ](?:[\w'’-]+[ ]){{0,3}}?([a-z][a-z-]+)[ ]?[,.;]")
_NOUN_THEN_NAME = re.compile(rf"\b(?:a|an|the)[ ](?:[\w'’-]+[ ]){{0,3}}?([a-z][a-z-]+)[ ]?,[ ]({_NAME})[ ]?[,.;]")


def _counted_noun(before: str) -> bool:
    """The word before the noun counts or orders it ("the fourth quarter Sunday", "20 points Friday"):
    the noun heads a phrase of its own and is no title.  "first", "last" and "next" also open titles
    ("first lady Michelle Obama"), so they do not count."""
    words = before.split()
    if not words:
        return False
    word = fold(words[-1])
    return word[:1].isdigit() or (word in NUMBER_WORDS and word not in ("first", "last", "next"))


def described_names(text: str) -> Iterator[tuple[str, str, bool]]:
    """(noun, name, appositive) triples: a lower-case noun written as the description of a capitalised
    name, and whether commas set it off (an apposition) rather than it standing just before the name.
    A noun just before a name is often no description at all ("the church Sarah Palin attends"), so
    callers trust it less."""
    for m in _PREMODIFIER.finditer(text):
        if not _counted_noun(text[:m.start()]) and fold(m.group(2).split()[0]).rstrip(".") not in CALENDAR:
            yield m.group(1), m.group(2), False
    for m in _NAME_THEN_NOUN.finditer(text):
        yield m.group(2), m.group(1), True
    for m in _NOUN_THEN_NAME.finditer(text):
        yield m.group(1), m.group(2), True


def descriptions(rows: list[MentionRow], doc_texts: dict[str, str], name_key: Callable[[str], str]) -> Descriptions:
    """Per document, the names each of the story's common nouns describes there.

    Titles found by the mention finder count, as do the patterns above; a bare noun before a name
    must be singular ("titles Wladimir Klitschko will defend" describes no one) and the name a
    person's or an unknown one."""
    nouns = {fold(head_word(r.text)) for r in rows if r.kind == "NOMINAL"}
    person_keys = {name_key(r.text) for r in rows if r.kind == "NAME" and r.etype in ("PERSON", "MISC")}
    all_keys = {name_key(r.text) for r in rows if r.kind == "NAME"}
    out: Descriptions = {}
    for doc in dict.fromkeys(r.doc for r in rows):
        text = doc_texts.get(doc, "")
        if not text:
            continue
        found = [(m.role.split()[-1], m.text, True) for m in find_mentions(text, split_sentences(text)) if m.role]
        found += list(described_names(text))
        per_noun: dict[str, set[str]] = defaultdict(set)
        for role, name, appositive in found:
            noun, key = fold(role), lemma(head_word(name))
            if noun not in nouns or key not in (all_keys if appositive else person_keys):
                continue
            if appositive or lemma(noun) == noun:
                per_noun[noun].add(key)
        if per_noun:
            out[doc] = dict(per_noun)
    return out


def anchor_ambiguous_roles(rows: list[MentionRow], described: Descriptions,
                           name_key: Callable[[str], str] | None = None) -> dict[int, str]:
    """Row -> name key, for common nouns that the story gives to several names but their own report
    to one: that report's "the coach" is that report's coach.  With `name_key`, a report that
    describes no one with the noun but names only one of its bearers means that one."""
    story: dict[str, set[str]] = defaultdict(set)
    for per_noun in described.values():
        for noun, keys in per_noun.items():
            story[noun] |= keys
    named: dict[str, set[str]] = defaultdict(set)
    if name_key is not None:
        for r in rows:
            if r.kind == "NAME":
                named[r.doc].add(name_key(r.text))
    out: dict[int, str] = {}
    for k, r in enumerate(rows):
        if r.kind != "NOMINAL":
            continue
        noun = fold(head_word(r.text))
        bearers = story.get(noun, set())
        if len(bearers) < 2:
            continue
        here = described.get(r.doc, {}).get(noun, set()) or (bearers & named.get(r.doc, set()))
        if len(here) == 1:
            out[k] = next(iter(here))
    return out


def link_roles(rows: list[MentionRow], uf: UnionFind, described: Descriptions, anchors: dict[int, str],
               name_key: Callable[[str], str]) -> None:
    """Join each anchored noun to its report's name, and a noun that the story gives to one name
    only (however many reports do) to that name; a noun given to several names joins none."""
    names: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        if r.kind == "NAME":
            names[name_key(r.text)].append(k)
    for k, key in anchors.items():
        same_doc = [j for j in names.get(key, []) if rows[j].doc == rows[k].doc]
        if same_doc or names.get(key):
            uf.union(k, (same_doc or names[key])[0])
    story: dict[str, set[int]] = defaultdict(set)
    for per_noun in described.values():
        for noun, keys in per_noun.items():
            story[noun] |= {uf.find(j) for key in keys for j in names.get(key, [])}
    first_noun: dict[str, int] = {}
    for k, r in enumerate(rows):
        if r.kind == "NOMINAL" and k not in anchors:
            first_noun.setdefault(fold(head_word(r.text)), k)
    for noun, roots in story.items():
        if len(roots) == 1 and noun in first_noun:
            uf.union(first_noun[noun], next(iter(roots)))
