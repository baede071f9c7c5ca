"""Declared aliases, roles after a name, and the type of each mention.

The type comes from the mention's own words (organisation and place heads, an
adjective first word), then its sentence (a title or agent noun before it, a
group noun or a speech verb next to it, a place preposition), then the rest of
the document: a demonym the text uses makes its base a place, a surname alone
is a person when the full name is, and a text typed once is typed everywhere.
"""

from __future__ import annotations

import re

from .mention_cues import (
    ALIAS_PHRASES,
    FUNCTION_WORDS,
    GROUP_CUES,
    HONORIFICS,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    SPEECH_VERBS,
)
from .model import Mention, Sentence
from .names import fold, is_acronym

# agent nouns right before a name are roles ("predecessor Donald Trump", "ruler Saddam Hussein")
_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "man", "woman", "person")
_ADJECTIVE_ENDINGS = ("ic", "ern", "ish", "ese", "ean")
_ALIAS_AFTER = re.compile(r"^\s*(?:\(|,\s*(?:" + "|".join(re.escape(p) for p in ALIAS_PHRASES) + r")\s+)")


def declare_aliases(text: str, mentions: list[Mention]) -> None:
    """"X (Y)" and "X, known as Y": Y is declared an alias of X."""
    for prev, cur in zip(mentions, mentions[1:], strict=False):
        between = text[prev.end:cur.start]
        if len(between) > 25 or not _ALIAS_AFTER.match(between):
            continue
        if between.strip().startswith("(") and not text[cur.end:cur.end + 2].lstrip().startswith(")"):
            continue
        if len(cur.text.split()) > 4 or len(cur.text) < 2:
            continue
        if re.match(r"\)?\s*[-–—]", text[cur.end:cur.end + 4]):
            continue  # a dateline: "Washington (AP) –"
        cur.alias_of = prev.text


_APPOSITIVE = re.compile(r"\s*,\s+(?:the|a|an)\s+((?:[\w'’.-]+\s+){0,5}?([a-z][\w-]+))\s*[,.;]")


def appositive_roles(text: str, mentions: list[Mention]) -> None:
    """"Maurice Cheeks, the team's coach," : a role after the name, when none precedes it."""
    for m in mentions:
        if m.role:
            continue
        found = _APPOSITIVE.match(text, m.end)
        if found and fold(found.group(2)) not in FUNCTION_WORDS:
            m.role = found.group(1)


def type_mentions(text: str, sentences: list[Sentence], mentions: list[Mention], places: set[str]) -> None:
    """Type each mention from its words and context, then share types within the document."""
    lone_words = {fold(m.text) for m in mentions if " " not in m.text}
    for m in mentions:
        sent = sentences[m.sentence] if 0 <= m.sentence < len(sentences) else Sentence(0, len(text), text)
        m.type = local_type(text[sent.start:m.start], text[m.end:sent.end], m, places, lone_words)
    by_text = {m.text: m for m in mentions if m.alias_of is None}
    for m in mentions:
        if m.alias_of and m.type == "MISC" and m.alias_of in by_text:
            m.type = by_text[m.alias_of].type
    for m in mentions:  # an alias takes its target's type if it has none
        if m.alias_of is None:
            continue
        target = by_text.get(m.alias_of)
        if target and target.type == "MISC" and m.type != "MISC":
            target.type = m.type
    # a surname alone is a person when the full name is
    surnames = {m.text.split()[-1]: m.type for m in mentions if m.type == "PERSON" and " " in m.text}
    for m in mentions:
        if m.type in ("MISC", "PLACE") and " " not in m.text and m.text in surnames and m.text not in places:
            m.type = "PERSON"
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        if m.type != "MISC":
            votes.setdefault(m.text, {}).setdefault(m.type, 0)
            votes[m.text][m.type] += 1
    for m in mentions:
        if m.type == "MISC" and m.text in votes:
            m.type = max(votes[m.text].items(), key=lambda kv: kv[1])[0]


def local_type(before: str, after: str, m: Mention, places: set[str], lone_words: set[str] | None = None) -> str:
    """Type from the mention's own words, then from its sentence context."""
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", m.text)]
    if not words:
        return "MISC"
    before, after = fold(before[-40:]), fold(after[:40])
    before_words = re.findall(r"[a-z]+", before)[-3:]
    after_words = re.findall(r"[a-z]+", after)[:3]
    if m.text in places:
        return "PLACE"
    if after_words and after_words[0] in PERSON_TITLES and re.match(r"\s*[a-z]", after):
        return "ORG"  # the employer in "Grand Palace spokeswoman"
    if any(w in GROUP_CUES for w in before_words[-1:] + after_words[:1]):
        return "GROUP"
    if any(w in ORG_HEADS for w in words[1:]) or (len(words) > 1 and words[-1] in ORG_HEADS):
        return "ORG"
    if len(words) > 1 and (words[-1] in PLACE_HEADS or words[0] in ("mount", "lake", "mt")):
        return "PLACE"
    if m.role and any(w in PERSON_TITLES for w in re.findall(r"[a-z]+", fold(m.role))):
        return "PERSON"
    if before_words and before_words[-1] in HONORIFICS:
        return "PERSON"
    if is_acronym(m.text.replace(" ", "")):
        return "ORG"
    if after_words and after_words[0] in SPEECH_VERBS and len(words) > 1 and all(w[:1].isupper() for w in m.text.split()):
        return "PERSON"
    if before_words and before_words[-1] in PLACE_PREPOSITIONS and len(words) <= 2:
        return "PLACE"
    name_shaped = (2 <= len(words) <= 3 and all(w not in ORG_HEADS | PLACE_HEADS for w in words) and "of" not in words
                   and not words[0].endswith(_ADJECTIVE_ENDINGS) and not any(w.endswith("ern") for w in words))
    # a person is usually named again by surname alone; without that, two capitalised words could be anything
    agent_before = bool(before_words) and before_words[-1].endswith(_AGENT_SUFFIXES) and re.search(r"[a-z]\s*$", before)
    if name_shaped and (lone_words is None or words[-1] in lone_words or agent_before):
        return "PERSON"
    return "MISC"
