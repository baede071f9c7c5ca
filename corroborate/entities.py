"""Cross-document entity resolution: one entity per person, group or place, however spelt.

Mentions are first pooled into surface forms (same folded text and type), then
forms are merged by evidence, strongest first: aliases the text declares
("Islamic State (IS)"), acronyms that spell a name's initials, full names whose
tokens match by transliteration key ("Mustafa al-Kazmi" / "Mustafa Al-Kadhimi",
"Jen Psaki" / "Jane Sackie"), and last a lone surname or shortened form, which
joins a full name only when that is the one it can mean (in its own article
first), so "Hussein" never glues Saddam Hussein to Fawad Hussein.  Candidates
are blocked by skeleton key and acronym letters, never compared all-pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Article
from .name_clippings import link_blends_and_clippings
from .names import (
    acronym_matches,
    core_tokens,
    edit_distance,
    fold,
    initials,
    is_acronym,
    name_key,
    names_compatible,
    particle_surnames,
    skeleton,
    tokens_match,
    unglue_particle,
)

# Type pairs that may be one entity: mistyping between these is common.
_COMPATIBLE = {frozenset({"ORG", "GROUP"}), frozenset({"ORG", "PLACE"})}


@dataclass
class Form:
    """One surface form: mentions with the same folded text and type."""

    key: str
    type: str
    texts: Counter = field(default_factory=Counter)
    mentions: list[tuple[str, int]] = field(default_factory=list)
    roles: Counter = field(default_factory=Counter)
    alias_of: set[str] = field(default_factory=set)
    # the text as names are compared: a glued particle split off ("Alrahimi" -> "al-Rahimi") when the story licenses it
    match: str = ""
    _tokens: tuple[str, list[str]] = field(default=("", []), repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.texts.most_common(1)[0][0]

    @property
    def name_text(self) -> str:
        return self.match or self.text

    @property
    def tokens(self) -> list[str]:
        """Core tokens of the name as compared, computed once per spelling (clustering asks often)."""
        text = self.name_text
        if self._tokens[0] != text or not text:
            self._tokens = (text, core_tokens(text))
        return self._tokens[1]

    @property
    def sources(self) -> set[str]:
        return {a for a, _ in self.mentions}


class UnionFind:
    """Disjoint sets over 0..n-1: merging is transitive, and each merge is near O(1)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def types_compatible(a: str, b: str) -> bool:
    """Same type, one unknown (MISC), or a commonly confused pair (ORG/GROUP, ORG/PLACE)."""
    return a == b or "MISC" in (a, b) or frozenset({a, b}) in _COMPATIBLE


def build_forms(articles: list[Article], skip: set[tuple[str, int]] | None = None) -> list[Form]:
    """Pool mentions by folded text; a text typed two ways keeps both only when both are well supported.

    `skip` holds (article id, mention index) pairs that are no entity."""
    skip = skip or set()
    type_votes: dict[str, Counter] = defaultdict(Counter)
    for art in articles:
        for idx, m in enumerate(art.mentions):
            if (art.id, idx) not in skip:
                type_votes[fold(m.text)][m.type] += 1
    forms: dict[tuple[str, str], Form] = {}
    for art in articles:
        for idx, m in enumerate(art.mentions):
            if (art.id, idx) in skip:
                continue
            key = fold(m.text)
            typ = _settled_type(m.type, type_votes[key])
            form = forms.setdefault((key, typ), Form(key=key, type=typ))
            form.texts[m.text] += 1
            form.mentions.append((art.id, idx))
            if m.role:
                form.roles[m.role] += 1
            if m.alias_of:
                form.alias_of.add(fold(m.alias_of))
    return list(forms.values())


def _settled_type(typ: str, votes: Counter) -> str:
    """The majority type, unless this mention's type is itself well supported (Jordan the person / the place)."""
    known = Counter({t: c for t, c in votes.items() if t != "MISC"})
    if not known:
        return "MISC"
    best, best_count = known.most_common(1)[0]
    if typ != "MISC" and typ != best and known[typ] * 3 > best_count and known[typ] >= 2:
        return typ
    return best


def cluster_forms(forms: list[Form]) -> list[list[int]]:
    """Merge forms into entities; returns lists of form indices."""
    uf = UnionFind(len(forms))
    separated = particle_surnames(f.text for f in forms)
    for f in forms:
        f.match = unglue_particle(f.text, separated) if f.type in ("PERSON", "MISC") else ""
    by_key: dict[str, list[int]] = defaultdict(list)
    by_text: dict[str, list[int]] = defaultdict(list)
    by_letters: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        by_text[f.key].append(i)
        if is_acronym(f.text.replace(" ", "")):
            by_letters[f.text.replace(".", "").replace(" ", "").upper()].append(i)
        else:
            by_key[name_key(f.name_text)].append(i)
            if len(f.tokens) >= 2:
                by_letters.setdefault(initials(f.text), [])
    # 1. same text, types compatible (MISC joins the typed form)
    for group in by_text.values():
        for a in group:
            for b in group:
                if a < b and types_compatible(forms[a].type, forms[b].type) and "MISC" in (forms[a].type, forms[b].type):
                    uf.union(a, b)
    # 1b. one name written with and without particles or a company designator ("Microsoft Corp." / "Microsoft")
    by_core: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        if f.tokens:
            by_core[tuple(f.tokens)].append(i)
    for group in by_core.values():
        for b in group[1:]:
            if types_compatible(forms[group[0]].type, forms[b].type):
                uf.union(group[0], b)
    # 2. declared aliases
    for i, f in enumerate(forms):
        for target in f.alias_of:
            for j in by_text.get(target, []):
                if types_compatible(f.type, forms[j].type) or is_acronym(f.text):
                    uf.union(i, j)
    # 3. acronyms spelling a name's initials, and acronyms extending another ("IS" / "ISIS")
    _merge_acronyms(forms, by_letters, uf)
    # 4. multi-token names matching token by token
    for block in by_key.values():
        for a, b in _same_initial_pairs(forms, [i for i in block if len(forms[i].tokens) >= 2]):
            if _full_names_match(forms[a], forms[b]):
                uf.union(a, b)
    # 5. short forms join the one full name they can mean
    _attach_short_forms(forms, by_key, uf)
    # 6. a lone first name joins the one person the story calls by it, if it is nobody's surname
    _attach_first_names(forms, by_key, uf)
    # 7. "United States" joins "United States of America" when that is the only longer name it opens
    _attach_of_phrase_heads(forms, by_text, uf)
    # 8. nicknames made of the name's own letters: "LiLo" (Lindsay Lohan), "Indy" (Indianapolis)
    link_blends_and_clippings(forms, uf)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(forms)):
        clusters[uf.find(i)].append(i)
    return list(clusters.values())


def _same_initial_pairs(forms: list[Form], idxs: list[int]) -> list[tuple[int, int]]:
    """Pairs of names in one surname block whose first tokens share an initial, as written or as
    sounded (skeleton): two full names never match otherwise, so this sub-blocking loses no match
    and keeps large blocks ("Smith" across thousands of stories) from being compared all-pairs."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for i in idxs:
        first = forms[i].tokens[0]
        for letter in {first[:1], skeleton(first)[:1]}:
            buckets[letter].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


def _full_names_match(a: Form, b: Form) -> bool:
    if not types_compatible(a.type, b.type):
        return False
    ta, tb = a.tokens, b.tokens
    if names_compatible(a.name_text, b.name_text) and (len(ta) == len(tb) or _shared_first(ta, tb)):
        return True
    # a looser spelling match needs a shared role word ("White House spokeswoman" / "White House Press Secretary")
    if len(ta) >= 2 and len(tb) >= 2 and tokens_match(ta[0], tb[0]):
        sa, sb = skeleton(ta[-1]), skeleton(tb[-1])
        if edit_distance(sa, sb, 1) <= 1 and _roles_overlap(a, b):
            return True
    return False


def _shared_first(ta: list[str], tb: list[str]) -> bool:
    return tokens_match(ta[0], tb[0])


_ROLE_STOP = {"the", "a", "of", "and", "former", "new", "us", "u.s"}


def _roles_overlap(a: Form, b: Form) -> bool:
    wa = {w for r in a.roles for w in re.findall(r"[a-z]+", fold(r))} - _ROLE_STOP
    wb = {w for r in b.roles for w in re.findall(r"[a-z]+", fold(r))} - _ROLE_STOP
    return bool(wa & wb)


def _merge_acronyms(forms: list[Form], by_letters: dict[str, list[int]], uf: UnionFind) -> None:
    acronyms = {letters: idx for letters, idx in by_letters.items() if idx}
    multi_by_initials: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        # a numbered name is one of a series ("Internet Explorer 8"): the acronym names the series
        if len(f.tokens) >= 2 and not is_acronym(f.text.replace(" ", "")) and not any(t.isdigit() for t in f.tokens):
            multi_by_initials[initials(f.text)].append(i)
    for letters, idxs in acronyms.items():
        for j in multi_by_initials.get(letters, []):
            for i in idxs:
                if acronym_matches(letters, forms[j].text) and forms[i].type != "PERSON" and forms[j].type != "PERSON":
                    uf.union(i, j)
    # an acronym that extends another by at most two letters, with no expansion of its own
    for letters, idxs in acronyms.items():
        if letters in multi_by_initials:
            continue
        for cut in (1, 2):
            shorter = letters[:-cut]
            if len(shorter) >= 2 and shorter in acronyms and shorter in multi_by_initials:
                for i in idxs:
                    for j in acronyms[shorter]:
                        if forms[i].type != "PERSON" and forms[j].type != "PERSON":
                            uf.union(i, j)
                break


def _attach_short_forms(forms: list[Form], by_key: dict[str, list[int]], uf: UnionFind) -> None:
    """A surname or shortened name joins the full name it must mean: in its own article, else the unique one."""
    for block in by_key.values():
        fulls = [i for i in block if len(forms[i].tokens) >= 2]
        shorts = [i for i in block if len(forms[i].tokens) == 1]
        if not fulls or not shorts:
            continue
        for s in shorts:
            cands = [f for f in fulls
                     if names_compatible(forms[s].name_text, forms[f].name_text) and types_compatible(forms[s].type, forms[f].type)
                     and (forms[s].type != "MISC" or forms[f].type != "PLACE")]
            roots = {uf.find(f) for f in cands}
            if len(roots) == 1:
                uf.union(s, cands[0])
            elif len(roots) > 1:
                _attach_by_article(forms, s, cands, uf)


def _attach_first_names(forms: list[Form], by_key: dict[str, list[int]], uf: UnionFind) -> None:
    by_first: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        toks = f.tokens
        if len(toks) >= 2 and f.type in ("PERSON", "MISC") and len(toks[0]) > 1:
            by_first[toks[0]].append(i)
    for i, f in enumerate(forms):
        toks = f.tokens
        if len(toks) != 1 or f.type not in ("PERSON", "MISC") or len(toks[0]) < 3:
            continue
        if any(uf.find(j) != uf.find(i) for j in by_key.get(name_key(f.name_text), []) if len(forms[j].tokens) >= 2):
            continue  # also a surname, or already joined to a full name
        people = {uf.find(j) for j in by_first.get(toks[0], [])}
        if len(people) == 1 and any(forms[j].type == "PERSON" for j in by_first[toks[0]]):
            uf.union(i, by_first[toks[0]][0])


def _attach_of_phrase_heads(forms: list[Form], by_text: dict[str, list[int]], uf: UnionFind) -> None:
    """A name of two or more words that the texts also write as the part before "of" of a longer
    name ("United States" / "United States of America") is that name's short form, when it opens
    one longer name only ("Central Bank" opening both "Central Bank of Iraq" and "... of Iran" joins
    neither).  Blocked by the folded text before "of", so never all-pairs."""
    longer: dict[str, set[int]] = defaultdict(set)
    for i, f in enumerate(forms):
        head, sep, _ = f.key.partition(" of ")
        if sep and len(head.split()) >= 2 and f.type != "PERSON":
            longer[head].add(i)
    for head, idxs in longer.items():
        roots = {uf.find(i) for i in idxs}
        if len(roots) != 1:
            continue
        target = next(iter(idxs))
        for j in by_text.get(head, []):
            if types_compatible(forms[j].type, forms[target].type) and forms[j].type != "PERSON":
                uf.union(j, target)


def _attach_by_article(forms: list[Form], s: int, cands: list[int], uf: UnionFind) -> None:
    """Several full names fit: follow the one that shares the short form's articles, if only one does."""
    mine = forms[s].sources
    sharing = {uf.find(f) for f in cands if forms[f].sources & mine}
    if len(sharing) == 1:
        uf.union(s, next(f for f in cands if uf.find(f) in sharing))


def _cluster_type(members: list[Form]) -> str:
    """Majority type of the written-out forms; an acronym's type (a default guess) counts only when
    the cluster has no typed written-out form."""
    votes: Counter = Counter()
    acronym_votes: Counter = Counter()
    for f in members:
        if f.type == "MISC":
            continue
        target = acronym_votes if is_acronym(f.text.replace(" ", "")) else votes
        target[f.type] += len(f.mentions)
    best = (votes or acronym_votes).most_common(1)
    return best[0][0] if best else "MISC"


def _canonical(forms: list[Form]) -> str:
    """The fullest well-attested form: a name over an acronym, most name tokens, then the spelling
    whose tokens most outlets and mentions share ("Kadhimi" over a one-outlet "Kasimi")."""
    by_folded: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        by_folded[re.sub(r"[-\s]+", " ", f.key)].append(f)

    token_support: Counter = Counter()
    token_sources: dict[str, set[str]] = defaultdict(set)
    for f in forms:
        for tok in set(core_tokens(f.text)):
            token_support[tok] += len(f.mentions)
            token_sources[tok] |= f.sources

    def score(group: list[Form]) -> tuple:
        sources = set().union(*(f.sources for f in group))
        count = sum(len(f.mentions) for f in group)
        text = group[0].text
        acronym = is_acronym(text.replace(" ", ""))
        tokens = core_tokens(text)
        outlets = sum(len(token_sources[t]) for t in set(tokens))
        support = sum(token_support[t] for t in set(tokens))
        return (not acronym, len(tokens), outlets, support, len(sources), count)

    best = max(by_folded.values(), key=score)
    texts = Counter()
    for f in best:
        texts.update(f.texts)
    return texts.most_common(1)[0][0]


def entity_id(name: str, typ: str) -> str:
    """Stable id from canonical name and type."""
    return "ent_" + hashlib.sha1(f"{fold(name)}|{typ}".encode()).hexdigest()[:12]


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’]+(?![\w'’-])")
_OPENERS = "\"“‘'(«-–—• "


def sentence_start_common_words(articles: list[Article]) -> set[tuple[str, int]]:
    """(article id, mention index) of one-word untyped or organisation mentions that open a sentence and that
    another report of the story writes in lower case ("Ships will ..." / "incoming ships"): common words."""
    lower_by_article = {art.id: {fold(w) for w in _LOWER_WORD.findall(art.body or "")} for art in articles}
    articles_using: Counter[str] = Counter(w for words in lower_by_article.values() for w in words)
    out: set[tuple[str, int]] = set()
    for art in articles:
        own = lower_by_article[art.id]
        for idx, m in enumerate(art.mentions):
            if m.type not in ("MISC", "ORG") or " " in m.text or "-" in m.text or is_acronym(m.text):
                continue
            word = fold(m.text)
            if articles_using[word] - (word in own) <= 0:  # no other report writes it in lower case
                continue
            if 0 <= m.sentence < len(art.sentences):
                opening = (art.body or "")[art.sentences[m.sentence].start:m.start]
                if not opening.strip(_OPENERS):
                    out.add((art.id, idx))
    return out


def resolve_entities(articles: list[Article]) -> list[dict]:
    """The brief's `entities`: one record per resolved entity, most widely reported first."""
    forms = build_forms(articles, skip=sentence_start_common_words(articles))
    text_of = {(a.id, i): m.text for a in articles for i, m in enumerate(a.mentions)}
    out = []
    for cluster in cluster_forms(forms):
        members = [forms[i] for i in cluster]
        typ = _cluster_type(members)
        name = _canonical(members)
        variants: dict[str, dict] = {}
        mentions: list[list] = []
        for f in members:
            for art_id, idx in f.mentions:
                mentions.append([art_id, idx])
        for art_id, idx in mentions:
            text = text_of[(art_id, idx)]
            v = variants.setdefault(text, {"text": text, "count": 0, "sources": []})
            v["count"] += 1
            if art_id not in v["sources"]:
                v["sources"].append(art_id)
        sources = sorted({a for a, _ in mentions})
        mentions.sort()
        out.append({
            "id": entity_id(name, typ),
            "name": name,
            "type": typ,
            "variants": sorted(variants.values(), key=lambda v: (-len(v["sources"]), -v["count"], v["text"])),
            "sources": sources,
            "mentions": mentions,
        })
    out.sort(key=lambda e: (-len(e["sources"]), -len(e["mentions"]), e["name"]))
    return out


def resolve_mentions_command(lines: Iterable[dict]) -> list[dict]:
    """`corroborate resolve-mentions`: one `{"id", "entity"}` per input mention (see resolve_cmd)."""
    from .resolve_cmd import resolve_mentions_command as run

    return run(lines)


def link_across_stories(stories: dict[str, list[dict]]) -> dict[tuple[str, str], str]:
    """Second stage of resolution: the same entity in different stories gets one id.

    Takes each story's `resolve_entities` output by story id and returns (story id, entity id)
    -> cross-story id.  Each story entity enters as one form per variant, so the same rules
    apply (transliteration keys, acronyms, a surname joining the one full name it can mean),
    with stories in the place of articles; blocking keeps it linear in entities.  A person's bare
    surname or first name does not travel: "Haddad" of Omar Haddad in one story would otherwise
    meet "Haddad" of Leila Haddad in another, and one pooled form would glue the two.
    """
    forms: list[Form] = []
    owner: list[tuple[str, str]] = []
    for story_id, entities in stories.items():
        for ent in entities:
            for v in _travelling_variants(ent):
                form = Form(key=fold(v["text"]), type=ent["type"])
                form.texts[v["text"]] = v["count"]
                form.mentions = [(story_id, 0)] * max(1, v["count"])
                forms.append(form)
                owner.append((story_id, ent["id"]))
    uf = UnionFind(len(forms))
    first_of: dict[tuple[str, str], int] = {}
    for i, key in enumerate(owner):  # the variants of one story entity are already one entity
        if key in first_of:
            uf.union(first_of[key], i)
        else:
            first_of[key] = i
    merged = _merge_forms_by_text(forms)
    for cluster in cluster_forms(merged.forms):
        members = [i for f in cluster for i in merged.members[f]]
        for i in members[1:]:
            uf.union(members[0], i)
    names = {key: ent for sid, ents in stories.items() for ent in ents for key in [(sid, ent["id"])]}
    groups: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for key, i in first_of.items():
        groups[uf.find(i)].append(key)
    out: dict[tuple[str, str], str] = {}
    for keys in groups.values():
        best = max(keys, key=lambda k: (len(names[k]["sources"]), len(names[k]["mentions"]), names[k]["name"]))
        for k in keys:
            out[k] = entity_id(names[best]["name"], names[best]["type"])
    return out


def _travelling_variants(entity: dict) -> list[dict]:
    """The variants that may link a story entity to other stories: all of them, less a person's
    one-word names when the story also has the full name."""
    variants = entity["variants"]
    if entity["type"] not in ("PERSON", "MISC"):
        return variants
    longer = [v for v in variants if len(core_tokens(v["text"])) >= 2]
    if not longer:
        return variants
    return [v for v in variants if len(core_tokens(v["text"])) >= 2 or is_acronym(v["text"].replace(" ", ""))]


@dataclass
class _MergedForms:
    forms: list[Form]
    members: list[list[int]]


def _merge_forms_by_text(forms: list[Form]) -> _MergedForms:
    """Pool per-story forms with one folded text and type into one form, remembering where they came from."""
    index: dict[tuple[str, str], int] = {}
    out = _MergedForms([], [])
    for i, f in enumerate(forms):
        key = (f.key, f.type)
        if key not in index:
            index[key] = len(out.forms)
            out.forms.append(Form(key=f.key, type=f.type))
            out.members.append([])
        j = index[key]
        out.forms[j].texts.update(f.texts)
        out.forms[j].mentions.extend(f.mentions)
        out.members[j].append(i)
    return out
