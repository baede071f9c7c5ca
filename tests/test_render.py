"""Markdown and HTML renderings of a brief: citations and escaping."""

from corroborate.render import to_html, to_markdown


def _brief() -> dict:
    articles = [{"id": aid, "title": f"T{aid}", "outlet": "o", "published": None, "source": f"{aid}.txt"}
                for aid in ("a", "b", "c")]
    return {
        "story": {"id": "s1", "title": "<script>x</script>", "articles": articles},
        "headline": "", "summary": [{"text": "S", "sources": ["c", "a"], "single_source": False}],
        "facts": [{"text": "F", "sources": ["b", "a"], "independent_sources": 2, "single_source": False}],
        "conflicts": [], "entities": [], "timeline": [{"date": "2021", "text": "T", "sources": ["c", "b"]}],
        "coverage": [],
    }


def test_citations_are_listed_in_ascending_order():
    md = to_markdown(_brief())
    assert "S [1][3]" in md and "| F | [1][2] |" in md and "T [2][3]" in md


def test_html_escapes_article_text():
    html = to_html(_brief())
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html
    assert 'href="#src-1">[1]</a><a class="cite" href="#src-3">[3]</a>' in html
