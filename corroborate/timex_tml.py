"""Reading TimeML (.tml) files: the plain text, the document creation time and the gold TIMEX3 spans.

Used by `timex_command` (a .tml file is tagged on its TEXT with its DCT as
anchor) and by the TempEval-3 benchmark and tests (gold spans by offset).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .model import TimeExpr


@dataclass
class TimeMLDocument:
    """One TimeML document: TEXT as plain text, its DCT value, and its gold TIMEX3s as offsets into text."""

    doc_id: str
    text: str
    dct: str | None
    gold: list[TimeExpr] = field(default_factory=list)


def read_timeml(path: str) -> TimeMLDocument:
    """Parse a .tml file; the text is the itertext() of <TEXT>, gold offsets are computed while walking it."""
    root = ET.parse(path).getroot()
    doc_id = (root.findtext("DOCID") or "").strip()
    dct = None
    dct_node = root.find("DCT")
    if dct_node is not None:
        timex = dct_node.find("TIMEX3")
        if timex is not None:
            dct = timex.get("value")
    text_node = root.find("TEXT")
    parts: list[str] = []
    gold: list[TimeExpr] = []
    if text_node is not None:
        _walk(text_node, parts, gold, is_root=True)
    return TimeMLDocument(doc_id=doc_id, text="".join(parts), dct=dct, gold=gold)


def _walk(node: ET.Element, parts: list[str], gold: list[TimeExpr], is_root: bool = False) -> None:
    start = sum(len(p) for p in parts)
    if node.text:
        parts.append(node.text)
    for child in node:
        _walk(child, parts, gold)
    if node.tag == "TIMEX3" and not is_root:
        end = sum(len(p) for p in parts)
        text = "".join(parts)[start:end]
        gold.append(TimeExpr(start=start, end=end, text=text, value=node.get("value", ""),
                             type=node.get("type", "DATE")))
    if node.tail and not is_root:
        parts.append(node.tail)
