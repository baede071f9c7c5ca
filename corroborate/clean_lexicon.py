"""Small word lists the cleaner and the language guesser share.

Stopwords tell prose from labels: a body paragraph is full of "the", "of",
"und", "que"; a menu or a headline list is not.  The furniture words are one
feature among several (see clean_lines): generic page-chrome vocabulary in a
few languages, never phrases of a particular site.
"""

from __future__ import annotations

import re

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to a in that is was for on with as by at from it he she his her they their "
        "be been has have had are were not but or an this which who will would said says its "
        "after about than into more also there we our you i".split()
    ),
    "de": frozenset(
        "der die das und in zu den von mit ist nicht sich des auf für im dem ein eine einer "
        "auch es an als wie bei werden wird wurde sind hat haben nach aus um sie er über "
        "noch vor seit zum zur dass oder aber".split()
    ),
    "fr": frozenset(
        "le la les de des et un une du en est que qui dans pour pas sur au aux par avec ce "
        "il elle ont sont été a se ne plus son sa ses leur cette mais ou lors selon".split()
    ),
    "es": frozenset(
        "el la los las de del y en que un una por con para es no se su sus al lo como más "
        "pero fue ha han sido este esta entre sobre también según".split()
    ),
    "it": frozenset(
        "il lo la i gli le di del della dei delle e in che un una per con non si è sono al "
        "alla nel nella da dal ha hanno come anche ma più questo questa".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te met voor zijn niet die er aan ook als bij door "
        "om naar heeft hebben werd wordt maar nog dit deze".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e em no na nos nas um uma que para com por não se é foi "
        "ao aos mais como mas seu sua também pelo pela".split()
    ),
}
ALL_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())

# Whole-line page-chrome phrases (matched after lower-casing and dropping digits and punctuation).
def _phrases(text: str) -> frozenset[str]:
    """A "|"-separated list written over several lines, whitespace normalised."""
    return frozenset(" ".join(p.split()) for p in text.split("|") if p.strip())


FURNITURE_PHRASES: frozenset[str] = _phrases(
    """
    share|share this|share this article|share this story|share on facebook|share on twitter|tweet|
    email|e mail|print|facebook|twitter|google plus|google|linkedin|whatsapp|pinterest|reddit|telegram|
    instagram|youtube|flipboard|messenger|copy link|copy url|rss|live|audio only|watch live|listen|
    menu|search|home|skip to content|skip to main content|sign in|log in|login|logout|register|
    subscribe|subscribe now|newsletter|sign up|advertisement|advertising|ad|sponsored|
    sponsored content|most popular|most read|most viewed|trending|trending now|popular|
    recent comments|recent posts|latest news|latest|comments|comment|post a comment|add a comment|
    leave a comment|leave a reply|no comments|show comments|view comments|related|related articles|
    related stories|related news|related content|related topics|read more|read also|also read|
    see also|more stories|more news|you may also like|you might also like|recommended|
    recommended for you|follow us|follow|cookie policy|privacy policy|terms of use|terms of service|
    terms and conditions|contact us|about us|all rights reserved|back to top|next article|
    previous article|next|previous|tags|topics|photo|photos|video|videos|gallery|image|close|
    loading|load more|show more|continue reading|click here|
    teilen|drucken|kommentare|kommentar schreiben|anzeige|werbung|mehr zum thema|lesen sie auch|
    startseite|partager|imprimer|commentaires|publicité|lire aussi|à lire aussi|accueil|
    compartir|imprimir|comentarios|publicidad|leer más|lea también|inicio|
    condividi|stampa|commenti|pubblicità|leggi anche|
    delen|reacties|advertentie|lees ook|lees meer|
    compartilhar|comentários|publicidade|leia também|leia mais
    """
)

# Words that, alone on a short line, make it chrome whatever surrounds them.
FURNITURE_TOKENS: frozenset[str] = frozenset(
    """comments kommentare commentaires comentarios commenti reacties comentários
    facebook twitter linkedin whatsapp pinterest reddit instagram youtube telegram
    newsletter advertisement anzeige werbung publicité publicidad pubblicità""".split()
)

# Headings that announce a list of other articles or the comment section.
SECTION_HEADINGS: frozenset[str] = _phrases(
    """related|related articles|related stories|related news|related content|read more|read also|
    also read|see also|more stories|more news|you may also like|you might also like|recommended|
    recommended for you|most popular|most read|most viewed|trending|trending now|recent posts|
    recent comments|latest news|comments|leave a comment|leave a reply|post a comment|
    mehr zum thema|lesen sie auch|lire aussi|à lire aussi|leer más|lea también|leggi anche|
    lees ook|leia também|leia mais|you may like|you might like|you may also be interested in|
    more from|more in|more on this story|das könnte sie auch interessieren|vous aimerez aussi|
    te puede interesar|potrebbe interessarti|você pode gostar|você também pode gostar"""
)

CREDIT_RE = re.compile(
    r"(?:\b(?:photo|photos|photograph|image|picture|foto|fotos|bild|credit|crédit|imagen|immagine|"
    r"fotografía|illustration)s?\s*(?:by\b|:|/|©)|©|\(photo\b|\|\s*(?:photo|image|foto|bild)\b|"
    r"\bgetty images\b|\bshutterstock\b|\bap photo\b|\bvia getty\b|\bfile photo\b)",
    re.I,
)
# "(L)", "(R)", "(2nd L)", "(left)": who-is-where markers of a photo caption.
POSITION_RE = re.compile(
    r"\((?:[LRC]|\d(?:st|nd|rd|th)?\s?[LR]|(?:far |second from |2nd from )?(?:left|right|centre|center))\)"
)
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|co\.uk|de|fr|html?)\b(?:/\S*)?", re.I)
HANDLE_RE = re.compile(r"(?<!\w)[@#][A-Za-z_]\w+")
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# Editor initials plus agencies, as German outlets sign: "se / ack (afp, ap, dpa)", "(jf/rs)".
INITIALS_RE = re.compile(
    r"^\(?[a-zäöü]{1,4}(?:\s*/\s*[a-zäöü]{1,4})+\)?(?:\s*\([a-z ,./-]{2,40}\))?$|^\((?:[a-z]{2,5}(?:,\s*|/))*[a-z]{2,5}\)$",
    re.I,
)
BYLINE_START = re.compile(r"^(?i:by|von|par|por|di|door|de)\s+[A-ZÀ-Ý]")
BYLINE_RE = re.compile(r"^(?i:by|von|par|por|di|door|de)\s+[A-ZÀ-Ý][\w.'’-]+(?:[\s,]+[\w.'’&|-]+){0,8}$")
# "Monday November 18, 2019 7:45 am PST by Joe Rossignol": a dated byline.
DATED_BYLINE_RE = re.compile(r"\b(?i:by)\s+[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}\s*$")

# "jane_doe says:" / "Max schreibt:": the author line of a reader comment (see is_comment_author).
COMMENT_AUTHOR_RE = re.compile(
    r"^(?P<author>\S+(?:\s+\S+){0,3})\s+(?:says|said|wrote|writes|replied|schreibt|sagt|dit|a écrit|dice|escribió|"
    r"escreveu|disse|scrive|ha scritto|schreef|zegt)\s*:$",
    re.I,
)
# "34 responses to ...", "12 Comments": the heading of a comment section.
COUNT_HEADING_RE = re.compile(
    r"^\W*\d+\s+(?:responses?|comments?|replies|reactions?|kommentare|commentaires|comentarios|"
    r"commenti|reacties|comentários)\b",
    re.I,
)
# Share-button and accessibility texts: "Click to print (Opens in new window)".
WIDGET_RE = re.compile(r"\(opens in (?:a )?new (?:window|tab)\)|^click to (?:share|email|print|tweet)\b", re.I)
# Text about the page itself plus legal/consent vocabulary: cookie banners, terms, copyright footers.
SELF_SITE_RE = re.compile(
    r"\b(?:this|our) (?:web ?)?(?:site|page)\b|\bdiese[rn]? (?:web)?seite\b|\bce site\b|\bnotre site\b|"
    r"\beste sitio\b|\bnuestro sitio\b|\bquesto sito\b|\bnostro sito\b|\bdeze (?:web)?site\b|"
    r"\b(?:este|nosso) site\b",
    re.I,
)
LEGAL_RE = re.compile(
    r"cookie|privacy|terms of|user agreement|all rights reserved|reproduc|consent|policy|datenschutz|"
    r"nutzungsbedingungen|confidentialité|privacidad|condiciones|informativa",
    re.I,
)
# Tokens that make a short line a comment-section heading ("Top Rated Comments", "View Comments").
COMMENT_TOKENS: frozenset[str] = frozenset(
    "comments kommentare commentaires comentarios commenti reacties comentários".split()
)

PRONOUNS: frozenset[str] = frozenset("he she they we i you it er sie il elle ella lei hij zij ele".split())


def is_comment_author(line: str) -> bool:
    """ "jane_doe says:" is a comment header; "The minister said:" or "She writes:" is prose."""
    match = COMMENT_AUTHOR_RE.match(line.strip())
    if not match:
        return False
    words = match.group("author").lower().split()
    return not any(w in ALL_STOPWORDS or w in PRONOUNS for w in words)

# Words of buttons and widgets; a headline candidate using them is probably chrome ("Back to Gallery").
CHROME_WORDS: frozenset[str] = frozenset(
    """share sharing sign subscribe copy copied search gallery newsletter newsletters alerts login log
    register contributor staff editor reporter correspondent menu skip click print email teilen partager
    compartir condividi""".split()
)
