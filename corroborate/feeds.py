"""RSS 2.0, RSS 1.0 (RDF) and Atom feed parsing.

Feeds are how newsrooms announce new stories, so a feed URL is the natural way
to follow an event.  The three dialects name the same things differently;
reading elements by local name (ignoring namespaces) covers all of them with
one small walker.  The XML parser never resolves entities or loads DTDs
(no XXE, no network) and never runs anything in the feed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

_FEED_ROOTS = {"rss", "feed", "RDF"}
_SNIFF = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)\b")
_BLOCK_BREAK = re.compile(r"(?i)<\s*(?:/p|br\s*/?|/div|/li|/h[1-6]|/blockquote)\s*>")


@dataclass
class FeedItem:
    """One entry of a feed: where the article is, and the little the feed says about it."""

    title: str = ""
    link: str = ""
    summary: str = ""  # plain text of description / summary
    content: str = ""  # plain text of content:encoded / Atom content (full-text feeds)
    published: str = ""
    author: str = ""


@dataclass
class Feed:
    title: str = ""
    items: list[FeedItem] = field(default_factory=list)


def looks_like_feed(data: bytes) -> bool:
    """True when the first kilobytes of an XML document open an RSS, RDF or Atom root element."""
    head = data[:4096]
    match = _SNIFF.search(head)
    return bool(match) and b"<html" not in head[: match.start()].lower()


def parse_feed(data: bytes) -> Feed | str:
    """The feed in `data`, or the reason it is not a readable feed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             recover=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f"malformed XML ({exc})"
    if root is None:
        return "malformed XML (no root element)"
    if _local(root) not in _FEED_ROOTS:
        return f"XML root element is <{_local(root)}>, not an RSS or Atom feed"
    channel = next((el for el in root.iter() if _local(el) == "channel"), root)
    feed = Feed(title=_child_text(channel, "title"))
    for element in root.iter():
        if _local(element) in ("item", "entry"):
            feed.items.append(_item(element))
    return feed


def _item(element: etree._Element) -> FeedItem:
    return FeedItem(
        title=_child_text(element, "title"),
        link=_link(element),
        summary=html_fragment_text(_child_text(element, "description", "summary", raw=True)),
        content=html_fragment_text(_child_text(element, "encoded", "content", raw=True)),
        published=_child_text(element, "pubDate", "published", "date", "issued", "updated", "modified"),
        author=_author(element),
    )


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(element: etree._Element, *names: str, raw: bool = False) -> str:
    """Text of the first direct child with one of these local names (in the order given)."""
    children = [child for child in element if isinstance(child.tag, str)]
    for name in names:
        for child in children:
            if _local(child) == name:
                if raw and len(child):  # Atom type="xhtml": the content is child elements
                    return "".join(etree.tostring(node, encoding="unicode") for node in child)
                text = child.text or ""
                return text.strip() if raw else " ".join(text.split())
    return ""


def _link(element: etree._Element) -> str:
    """RSS <link>text</link>, Atom <link rel="alternate" href>, or a permalink <guid>."""
    fallback = ""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = _local(child)
        if name == "link":
            href = child.get("href")
            if href is None:
                if (child.text or "").strip():
                    return child.text.strip()
                continue
            if child.get("rel", "alternate") == "alternate":
                return href.strip()
            fallback = fallback or href.strip()
        elif name == "guid" and child.get("isPermaLink", "true") == "true":
            text = (child.text or "").strip()
            if text.startswith(("http://", "https://")):
                fallback = fallback or text
    return fallback


def _author(element: etree._Element) -> str:
    for child in element:
        if isinstance(child.tag, str) and _local(child) in ("author", "creator"):
            name = _child_text(child, "name") if len(child) else " ".join((child.text or "").split())
            if name:
                return name
    return ""


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed description), paragraphs as blank lines."""
    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", fragment) if part.strip())
    marked = _BLOCK_BREAK.sub("\n\n", fragment)
    try:
        root = lxml_html.fragment_fromstring(marked, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    text = root.text_content()
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(part for part in paragraphs if part)
