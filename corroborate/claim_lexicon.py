"""Closed word lists that claim extraction needs without a POS tagger.

No tagger model can be downloaded here, so a sentence's verbs are found with a
list of common English verbs (with their irregular forms) plus regular
inflection; news prose draws on a small verb vocabulary, which makes this
enough to tell statements from headlines and captions and to name a predicate.
"""

from __future__ import annotations

from .claim_text import fold

AUXILIARIES = frozenset("""
be is are was were been being am 's 're have has had having do does did will would shall should can could
may might must ca wo
""".split())
MODALS = frozenset({"may", "might", "could", "would", "should", "must", "can", "will", "shall"})

REPORTING_VERBS = frozenset("""
say said says saying tell told tells telling state stated states announce announced announces announcing
add added adds note noted notes claim claimed claims insist insisted insists stress stressed stresses
explain explained explains warn warned warns confirm confirmed confirms deny denied denies report reported
reports tweet tweeted tweets write wrote writes written argue argued argues acknowledge acknowledged
admit admitted admits assert asserted asserts declare declared declares emphasize emphasized emphasised
indicate indicated indicates reveal revealed reveals suggest suggested suggests allege alleged alleges
maintain maintained maintains testify testified testifies describe described describes
""".split())

_VERB_BASES = """
accept accuse achieve act add address admit adopt affect agree aim allow announce appear apply appoint
approve argue arrest arrive ask assert assist attack attempt attend avoid back ban base become begin
believe block boost break bring build buy call campaign cancel capture carry cause change charge choose
claim close collapse combat come comment commit condemn confirm consider continue control cost count
cover create criticise criticize cut deal decide declare decline defeat defend delay deliver demand deny
deploy describe destroy detain die disclose discuss dismiss drop ease elect emerge employ end ensure
enter escape establish estimate evacuate expand expect explain explode express face fail fall fear fight file
find fire flee focus follow force form gain give go grow guarantee halt happen head hear help hit hold
hope host hurt identify ignore impose improve include increase indicate injure insist intend introduce invade
investigate invite involve issue join keep kill know launch lead leave limit list live lose maintain make
mark meet move name need negotiate note offer open oppose order overthrow own pass pay plan play pledge
point praise prepare present press prevent promise propose protect protest prove provide publish pull
push put raise reach receive recognize recognise record reduce refuse reject release remain remove repeat
replace report request require rescue respond restore result resume return reveal rise rule run sanction
save say see seek seize sell send serve set shift shoot show shut sign spend stand start state stay stop
strike struggle submit suffer suggest support surge suspend take talk target tell terminate threaten
train transfer travel try turn urge use visit vote vow wait want warn win withdraw work worry wound write
""".split()
_IRREGULAR = """
began begun became broke broken brought built bought came chose chosen cut dealt died did done drew drawn
ate fell fallen felt fought found fled flew flown forgot forgave froze gave given went gone grew grown hung
had heard hid hit held hurt kept knew known laid led left lent let lay lost made meant met paid put quit
read ran rang rose risen said saw seen sought sold sent set shook shot shut sang sank sat slept spoke
spoken spent stood stole struck swore swept swam took taken taught tore told thought threw thrown
understood woke won withdrew withdrawn wrote written
""".split()
VERB_FORMS = frozenset(_VERB_BASES) | frozenset(_IRREGULAR) | AUXILIARIES | REPORTING_VERBS

NEGATION_CUES = frozenset({"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor",
                           "cannot", "deny", "denies", "denied", "denying"})
HEDGE_CUES = frozenset("""
may might could reportedly allegedly possibly probably likely unlikely apparently perhaps seemingly
appears appeared appear seems seemed seem rumored rumoured unconfirmed purportedly supposedly
""".split())
HEDGE_PHRASES = ("believed to", "thought to", "expected to", "said to be", "is said to", "are said to",
                 "it is possible", "it is unclear", "not clear", "unverified")

_BASES = frozenset(_VERB_BASES)


def verb_base(word: str) -> str | None:
    """The base form of word when it looks like a verb from the list, else None."""
    low = fold(word)
    if low in _BASES or low in AUXILIARIES or low in REPORTING_VERBS or low in _IRREGULAR:
        return low
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""),
                         ("ed", "e"), ("s", ""), ("d", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            base = low[: -len(suffix)] + repl
            if base in _BASES:
                return base
            if len(base) > 3 and base[-1] == base[-2] and base[:-1] in _BASES:  # "stopped" -> "stop"
                return base[:-1]
    return None


def looks_like_verb(word: str, first_in_sentence: bool = False) -> bool:
    """True for listed verbs and for lower-case regular past forms ("deployed")."""
    if verb_base(word):
        return True
    low = fold(word)
    if word[:1].isupper() and not first_in_sentence:
        return False
    return low.endswith("ed") and len(low) > 4 and not low.endswith(("hundred", "eed"))
