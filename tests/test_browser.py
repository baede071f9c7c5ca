"""The web UI in real headless Chromium: browse, follow a citation, and hostile article content stays inert.

Set CORROBORATE_SCREENSHOT_DIR to also save the screenshots there (docs/screenshots is how they were made).
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from corroborate.cli import main

from .browser import CHROMIUM_FLAGS, LiveServer, chromium_path
from .conftest import EXAMPLE, SHARED


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    chromium = chromium_path()
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    seeds = SHARED / "seeds"
    corpus = seeds if seeds.exists() else EXAMPLE  # the seeds when ../shared is there, else the bundled example
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    server = LiveServer(db)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield server, browser
        browser.close()
    server.stop()


def shots_dir(tmp_path) -> Path:
    target = os.environ.get("CORROBORATE_SCREENSHOT_DIR")
    return Path(target) if target else tmp_path


def test_browse_story_and_follow_citation(live, tmp_path):
    server, browser = live
    shots = shots_dir(tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server.url + "/")
    assert page.locator("h1").inner_text() == "Stories"
    page.screenshot(path=str(shots / "stories-list.png"), full_page=True)
    page.locator("table.stories tbody tr a").first.click()
    page.wait_for_load_state()
    assert "/stories/" in page.url
    assert page.locator("ol.summary li").count() >= 1
    assert page.locator("table.matrix tbody tr").count() >= 1
    page.screenshot(path=str(shots / "story-page.png"))
    page.locator("#h-matrix").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('h-matrix').scrollIntoView()")
    page.screenshot(path=str(shots / "story-facts-matrix.png"))
    page.evaluate("window.scrollTo(0, 0)")
    cite = page.locator("ol.summary li a.cite").first
    cited_text = page.locator("ol.summary li").first.inner_text()
    cite.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.url.endswith("#hl")
    mark = page.locator("mark#hl")
    assert mark.count() == 1 and mark.is_visible()
    words = {w.strip(".,\"'“”").lower() for w in mark.inner_text().split()}
    assert len(words & {w.strip(".,\"'“”").lower() for w in cited_text.split()}) >= 3
    assert page.evaluate("document.activeElement && document.activeElement.id") == "hl"
    page.screenshot(path=str(shots / "article-page.png"), full_page=False)
    assert not errors


def test_keyboard_reaches_stories_and_phone_width(live):
    server, browser = live
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server.url + "/")
    reached = set()
    for _ in range(25):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.getAttribute('href') || document.activeElement.id"))
    assert any(r and r.startswith("/stories/") for r in reached), reached
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page overflows a phone screen: {width}px"


def test_hostile_article_is_shown_as_text_and_runs_nothing(live):
    server, browser = live
    evil = {"title": "<script>window.__pwned=1</script>Harbour <img src=x onerror=\"window.__pwned=2\">",
            "outlet": "<b>Evil</b> Times",
            "text": "The council met on Monday <img src=x onerror=\"window.__pwned=3\"> to discuss the port.\n\n"
                    "Members voted <script>window.__pwned=4</script> 30 to 12 to reopen the berths next week."}
    r = httpx.post(server.url + "/api/articles", json=evil, timeout=60)
    assert r.status_code == 201, r.text
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server.url}/articles/{r.json()['id']}")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned=1</script>" in page.locator("h1").inner_text()
    body = page.locator("div.body").inner_text()
    assert "<img src=x onerror=" in body and "<script>window.__pwned=4</script>" in body
    assert page.locator("div.body img, div.body script, h1 img, h1 script").count() == 0
    assert not dialogs
