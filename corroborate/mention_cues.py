"""Word lists that type a proper-noun mention from its own words and its context.

These are general English function and head words (titles, organisation and
place heads, group nouns, calendar names), not names: no name lexicon is used,
and the names themselves are learnt from the text in `mentions.py`.
"""

from __future__ import annotations

# Words that only qualify a title ("Press Secretary", "Surgeon General", "Foreign Minister"): part of
# a role when a title word follows them, never a title on their own.
TITLE_MODIFIERS = frozenset("""
vice deputy press foreign defense defence interior finance surgeon health home trade executive assistant
senior acting interim head former managing first associate principal special national
""".split())
# Title words strong enough to make what follows a person ("Foreign" alone is not).
PERSON_TITLES = frozenset("""
president prime minister secretary spokesman spokeswoman spokesperson senator sen rep representative
governor gov gen general chancellor king queen prince princess sheikh emir sultan mayor chief director
ambassador envoy leader commander judge justice pope bishop archbishop cardinal ceo chairman chairwoman
premier lt col colonel maj major capt captain sgt sergeant adm admiral mr mrs ms dr prof professor sir
lord lady dame mp congressman congresswoman deputy lawmaker attorney advisor adviser coach manager
actor actress singer host anchor correspondent reporter editor founder duke duchess earl countess baron
baroness emperor empress tsar commissioner inspector superintendent detective sheriff constable
""".split())
# Role words: a title, or the role nouns news puts before a name ("official", "star").
ROLE_WORDS = PERSON_TITLES | frozenset("official officer counsel star chair".split())
TITLES = ROLE_WORDS | TITLE_MODIFIERS
HONORIFICS = frozenset("mr mrs ms dr prof sir dame".split())

ORG_HEADS = frozenset("""
ministry department party council agency university college company corporation corp inc ltd llc plc
bank committee commission court service office association union institute foundation organization
organisation parliament congress senate administration army navy force forces police guard guards
journal times news post press network federation league club team airlines airline hospital school
church center centre museum board authority bureau embassy government house cabinet assembly fund
group studios records media television radio agency tribunal academy brigade battalion corps
patrol conference church mosque
logistics mutual holdings partners insurance insurers motors systems energy capital industries enterprises
airways shipping telecom pharmaceuticals technologies trust bancorp
""".split())
PLACE_HEADS = frozenset("""
city county province river mountain mountains mount mt lake island islands valley street road avenue
square bay sea ocean gulf region district republic kingdom east west north south coast peninsula
desert strait canyon park bridge airport station harbor harbour beach village town state states land lands
glacier theatre theater arena stadium hall tower hotel plaza canal falls
""".split())
GROUP_CUES = frozenset("""
militia militias militant militants group groups rebels rebel insurgents insurgent terrorist terrorists
jihadist jihadists extremist extremists movement faction tribe tribes gang cartel fighters network
""".split())
PLACE_PREPOSITIONS = frozenset("in at from to near into across throughout toward towards via inside outside".split())
SPEECH_VERBS = frozenset("""
said says told added stressed announced explained noted wrote asked replied argued insisted warned
claimed denied confirmed declared urged vowed pledged tweeted spoke says
""".split())
CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Capitalised only because they start a sentence or a quote.
FUNCTION_WORDS = frozenset("""
a an the this that these those it its he she they we i you his her their our my your him them us me
in on at by for with from to of and or but if so as when while after before since until because
under over during against between among without within despite about above below through
although though however meanwhile also then there here what who whom whose which where why how
not no yes all some many most more few both each every other another such one two three
is are was were be been has have had do does did will would can could should may might must
mr mrs ms dr according earlier later today yesterday tomorrow last next
""".split())
CONNECTOR_WORDS = frozenset("al el bin ibn bint ben abu abd de da di du del della der den van von la le dos das y of".split())
DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "an", "i", "ic", "n")
ALIAS_PHRASES = ("also known as", "known as", "also called", "called", "dubbed", "aka", "a.k.a.")
