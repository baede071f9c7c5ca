"""Briefs as Markdown and as standalone HTML. Article text is hostile: HTML output escapes everything."""

from __future__ import annotations

import json
from html import escape
from typing import Any


def to_json(brief: dict[str, Any]) -> str:
    return json.dumps(brief, ensure_ascii=False, indent=2)


def _citation_numbers(brief: dict[str, Any]) -> dict[str, int]:
    return {a["id"]: i for i, a in enumerate(brief["story"]["articles"], 1)}


def _outlet_name(article: dict[str, Any]) -> str:
    return article.get("outlet") or article.get("source", "").rsplit("/", 1)[-1] or article["id"]


def _counts(articles: list[dict[str, Any]]) -> str:
    """'4 articles from 3 outlets (1 with no outlet named)': unknown outlets are not guessed."""
    known = {a["outlet"] for a in articles if a.get("outlet")}
    unnamed = sum(1 for a in articles if not a.get("outlet"))
    text = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
    if known:
        text += f" from {len(known)} outlet{'s' if len(known) != 1 else ''}"
    if unnamed:
        text += f" ({unnamed} with no outlet named)" if known else " (no outlet named)"
    return text


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _numbers(ids: list[str], num: dict[str, int]) -> list[int]:
    """Citation numbers of the cited articles in ascending order ("[1][2][4]"), so readers scan them like
    footnotes whatever order the stage listed its sources in."""
    return sorted({num[i] for i in ids if i in num})


def to_markdown(brief: dict[str, Any]) -> str:
    num = _citation_numbers(brief)
    def cite(ids: list[str]) -> str:
        return "".join(f"[{n}]" for n in _numbers(ids, num))
    story = brief["story"]
    out = [f"# {story['title'] or 'Untitled story'}", "", f"*Story `{story['id']}`: {_counts(story['articles'])}.*", ""]
    if brief.get("headline"):
        out += [f"**{brief['headline']}**", ""]
    out += ["## Summary", ""]
    for s in brief["summary"]:
        flag = " *(single source)*" if s.get("single_source") else ""
        out.append(f"- {s['text']} {cite(s['sources'])}{flag}")
    out += ["", "## Facts", "", "| Fact | Sources | Independent |", "|---|---|---|"]
    for f in brief["facts"]:
        flag = " (single source)" if f["single_source"] else ""
        out.append(f"| {_md_escape(f['text'])} | {cite(f['sources'])} | {f['independent_sources']}{flag} |")
    out += ["", "## Conflicts", ""]
    if not brief["conflicts"]:
        out.append("No conflicting values found.")
    for c in brief["conflicts"]:
        out.append(f"- **{c['about']}**")
        for claim in c["claims"]:
            out.append(f"  - {claim['value']}: \"{_md_escape(claim['text'])}\" {cite(claim['sources'])}")
    out += ["", "## Entities", "", "| Name | Type | Variants | Sources |", "|---|---|---|---|"]
    for e in brief["entities"]:
        variants = ", ".join(f"{v['text']} ({v['count']})" for v in e["variants"])
        out.append(f"| {_md_escape(e['name'])} | {e['type']} | {_md_escape(variants)} | {cite(e['sources'])} |")
    out += ["", "## Timeline", ""]
    for t in brief["timeline"]:
        out.append(f"- **{t['date']}**: {t['text']} {cite(t['sources'])}")
    out += ["", "## Coverage", "", "| # | Outlet | Only this source | Left out |", "|---|---|---|---|"]
    by_id = {a["id"]: a for a in brief["story"]["articles"]}
    for c in brief["coverage"]:
        out.append(f"| [{num[c['article']]}] | {_md_escape(_outlet_name(by_id[c['article']]))} | {len(c['unique_facts'])} facts | "
                   f"{len(c['missing_facts'])} corroborated facts |")
    out += ["", "## Sources", ""]
    for a in story["articles"]:
        date = a.get("published") or "date unknown"
        label = "" if a.get("label", "news") == "news" else f" ({a['label']})"
        out.append(f"{num[a['id']]}. {_outlet_name(a)}: *{_md_escape(a['title'] or '(untitled)')}*{label}, {date}. "
                   f"`{a['source']}` (id `{a['id']}`)")
    return "\n".join(out) + "\n"


CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"
STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
.single{color:#8a5300;font-size:.85em}.cite{font-size:.8em;vertical-align:super}.muted{color:#555}
h1{line-height:1.2}"""


def html_page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>\n")


def to_html(brief: dict[str, Any]) -> str:
    num = _citation_numbers(brief)
    def cite(ids: list[str]) -> str:
        return "".join(f'<a class="cite" href="#src-{n}">[{n}]</a>' for n in _numbers(ids, num))
    story = brief["story"]
    title = story["title"] or "Untitled story"
    parts = [f"<h1>{escape(title)}</h1>",
             f'<p class="muted">Story <code>{escape(story["id"])}</code>: {escape(_counts(story["articles"]))}</p>']
    if brief.get("headline"):
        parts.append(f"<p><strong>{escape(brief['headline'])}</strong></p>")
    parts.append("<h2>Summary</h2><ul>")
    for s in brief["summary"]:
        flag = ' <span class="single">single source</span>' if s.get("single_source") else ""
        parts.append(f"<li>{escape(s['text'])} {cite(s['sources'])}{flag}</li>")
    parts.append("</ul><h2>Facts</h2><table><tr><th>Fact</th><th>Sources</th><th>Independent</th></tr>")
    for f in brief["facts"]:
        flag = ' <span class="single">single source</span>' if f["single_source"] else ""
        parts.append(f"<tr><td>{escape(f['text'])}</td><td>{cite(f['sources'])}</td>"
                     f"<td>{f['independent_sources']}{flag}</td></tr>")
    parts.append("</table><h2>Conflicts</h2>")
    if not brief["conflicts"]:
        parts.append("<p>No conflicting values found.</p>")
    for c in brief["conflicts"]:
        items = "".join(f"<li><strong>{escape(str(cl['value']))}</strong>: {escape(cl['text'])} {cite(cl['sources'])}</li>"
                        for cl in c["claims"])
        parts.append(f"<h3>{escape(c['about'])}</h3><ul>{items}</ul>")
    parts.append("<h2>Entities</h2><table><tr><th>Name</th><th>Type</th><th>Variants</th><th>Sources</th></tr>")
    for e in brief["entities"]:
        variants = ", ".join(f"{v['text']} ({v['count']})" for v in e["variants"])
        parts.append(f"<tr><td>{escape(e['name'])}</td><td>{escape(e['type'])}</td><td>{escape(variants)}</td>"
                     f"<td>{cite(e['sources'])}</td></tr>")
    parts.append("</table><h2>Timeline</h2><ul>")
    for t in brief["timeline"]:
        parts.append(f"<li><strong>{escape(t['date'])}</strong>: {escape(t['text'])} {cite(t['sources'])}</li>")
    parts.append("</ul><h2>Coverage</h2><table><tr><th>#</th><th>Outlet</th><th>Only this source</th><th>Left out</th></tr>")
    by_id = {a["id"]: a for a in story["articles"]}
    for c in brief["coverage"]:
        parts.append(f"<tr><td>[{num[c['article']]}]</td><td>{escape(_outlet_name(by_id[c['article']]))}</td>"
                     f"<td>{len(c['unique_facts'])} facts</td><td>{len(c['missing_facts'])} corroborated facts</td></tr>")
    parts.append("</table><h2>Sources</h2><ol>")
    for a in story["articles"]:
        parts.append(f'<li id="src-{num[a["id"]]}">{escape(_outlet_name(a))}: <em>{escape(a["title"] or "(untitled)")}</em>'
                     f' ({escape(a.get("label") or "news")}), {escape(a.get("published") or "date unknown")}. '
                     f'<code>{escape(a["source"])}</code></li>')
    parts.append("</ol>")
    return html_page(title, "".join(parts))


def index_html(entries: list[dict[str, Any]]) -> str:
    """The `run --out` index: one row per story, linking its HTML and Markdown reports."""
    rows = "".join(
        f'<tr><td><a href="{escape(e["html"])}">{escape(e["title"] or e["id"])}</a></td><td>{e["articles"]}</td>'
        f'<td>{e["independent"]}</td><td>{escape(", ".join(e["outlets"]))}</td>'
        f'<td><a href="{escape(e["md"])}">Markdown</a></td></tr>' for e in entries)
    body = ("<h1>Stories</h1><table><tr><th>Story</th><th>Articles</th><th>Independent sources</th>"
            f"<th>Outlets</th><th>Report</th></tr>{rows}</table>")
    return html_page("corroborate: stories", body)
