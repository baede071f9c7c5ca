"""Every REST endpoint, with good and bad input. Bad input must get a 4xx JSON error, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from corroborate.cli import main
from corroborate.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("api") / "api.db")
    from .conftest import EXAMPLE

    assert main(["ingest", str(EXAMPLE), "--db", db, "--quiet"]) == 0
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def first_story(client) -> dict:
    return client.get("/api/stories").json()["stories"][0]


def test_list_filters_and_paging(client):
    data = client.get("/api/stories").json()
    assert data["total"] == 2 and len(data["stories"]) == 2
    row = data["stories"][0]
    assert {"id", "title", "articles", "independent_sources", "outlets", "first_published", "last_published"} <= set(row)
    assert client.get("/api/stories", params={"q": "kestrel"}).json()["total"] == 1
    assert client.get("/api/stories", params={"q": "no such words"}).json()["total"] == 0
    assert client.get("/api/stories", params={"min_sources": 4}).json()["total"] == 1
    assert client.get("/api/stories", params={"outlet": "nordic wire"}).json()["total"] == 1
    assert client.get("/api/stories", params={"since": "2025-03-10"}).json()["total"] == 1
    assert client.get("/api/stories", params={"until": "2025-03-09"}).json()["total"] == 1
    paged = client.get("/api/stories", params={"per_page": 1, "page": 2}).json()
    assert len(paged["stories"]) == 1 and paged["page"] == 2


@pytest.mark.parametrize("params", [{"page": 0}, {"per_page": 10_000}, {"since": "yesterday"}, {"min_sources": "x"},
                                    {"until": "2021-13"}, {"q": "x" * 500}])
def test_list_rejects_bad_params(client, params):
    r = client.get("/api/stories", params=params)
    assert r.status_code == 422 and "error" in r.json()


def test_story_brief_and_article(client):
    story = first_story(client)
    one = client.get(f"/api/stories/{story['id']}").json()
    assert one["id"] == story["id"] and len(one["articles"]) == story["articles"]
    brief = client.get(f"/api/stories/{story['id']}/brief", params={"words": 80}).json()
    assert brief["story"]["id"] == story["id"] and brief["summary"]
    from .test_cli import assert_valid_brief

    assert_valid_brief(brief)
    assert client.get(f"/api/stories/{story['id']}/brief", params={"words": 5}).status_code == 422
    art_id = one["articles"][0]["id"]
    art = client.get(f"/api/articles/{art_id}").json()
    assert art["id"] == art_id and art["body"] and "raw_text" in art and "claims" in art and "removed" in art


@pytest.mark.parametrize("path", ["/api/stories/nope", "/api/stories/nope/brief", "/api/articles/nope",
                                  "/api/entities/nope"])
def test_unknown_ids_are_404_json(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "no " in r.json()["error"]


def test_entity_search(client):
    found = client.get("/api/entities", params={"q": "oyelaran"}).json()["entities"]
    assert found and all("oyelaran" in e["text"].lower() for e in found)
    assert client.get("/api/entities").status_code == 422


def test_entities_across_stories(client):
    stories = client.get("/api/stories").json()["stories"]
    briefs = [client.get(f"/api/stories/{s['id']}/brief").json() for s in stories]
    linked = {}
    for brief in briefs:
        for e in brief["entities"]:
            assert e["entity_id"]
            linked.setdefault(e["entity_id"], set()).add(brief["story"]["id"])
    entity_id = briefs[0]["entities"][0]["entity_id"]
    entity = client.get(f"/api/entities/{entity_id}").json()
    assert entity["id"] == entity_id and entity["name"] and entity["variants"]
    assert {s["story"] for s in entity["in_stories"]} == linked[entity_id]
    page = client.get(f"/entities/{entity_id}")
    assert page.status_code == 200 and "Stories that mention it" in page.text
    story_page = client.get(f"/stories/{stories[0]['id']}").text
    assert f'href="/entities/{entity_id}"' in story_page


def test_check(client):
    r = client.post("/api/check", json={"claim": "About 140 firefighters fought the warehouse fire"})
    assert r.status_code == 200
    data = r.json()
    assert data["verdict"] in {"supported", "contradicted", "disputed", "not found"}
    assert any(a["stance"] != "unrelated" for a in data["articles"])
    story = first_story(client)
    assert client.post("/api/check", json={"claim": "The library reopened", "story": story["id"]}).status_code == 200
    assert client.post("/api/check", json={"claim": "x", "story": "nope"}).status_code == 422
    assert client.post("/api/check", json={"claim": "A real claim", "story": "nope"}).status_code == 404
    assert client.post("/api/check", json={"claim": 42}).status_code == 422
    assert client.post("/api/check", content=b"{oops", headers={"content-type": "application/json"}).status_code == 422


def test_post_article_json_html_idempotent(client):
    payload = {"title": "Tram line to Norvale opens", "outlet": "Test Daily", "published": "2025-03-12",
               "text": "The new tram line to Norvale opened on Tuesday after four years of work.\n\n"
                       "The city said 12,000 passengers used it on the first day."}
    r = client.post("/api/articles", json=payload)
    assert r.status_code == 201, r.text
    first = r.json()
    assert first["created"] is True and first["id"]
    again = client.post("/api/articles", json=payload).json()
    assert again["created"] is False and again["id"] == first["id"]
    html = ("<html><head><title>Ferry service resumes</title></head><body><article><h1>Ferry service resumes</h1>"
            "<p>The ferry between Norvale and the islands resumed service on Wednesday after storm repairs.</p>"
            "<p>Operators said crossings would run every two hours until the summer timetable starts.</p>"
            "</article></body></html>")
    r = client.post("/api/articles", content=html, headers={"content-type": "text/html"})
    assert r.status_code == 201 and r.json()["created"] is True
    assert client.get(f"/api/articles/{first['id']}").status_code == 200


@pytest.mark.parametrize("body,ctype,status", [
    (b"{not json", "application/json", 400),
    (b"[1, 2]", "application/json", 422),
    (b'{"title": "no text"}', "application/json", 422),
    (b'{"text": 12}', "application/json", 422),
    (b"\xff\xfe\x00bad", "text/html", 400),
    (b"<html><body></body></html>", "text/html", 422),
    (b"plain", "application/x-whatever", 415),
])
def test_post_article_bad_input(client, body, ctype, status):
    before = client.get("/api/stories", params={"min_articles": 1}).json()["total"]
    r = client.post("/api/articles", content=body, headers={"content-type": ctype})
    assert r.status_code == status, r.text
    assert r.json()["error"]
    assert client.get("/api/stories", params={"min_articles": 1}).json()["total"] == before


def test_post_article_too_large(client):
    big = b'{"text": "' + b"a" * 6_000_000 + b'"}'
    r = client.post("/api/articles", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"]


def test_openapi_and_security_headers(client):
    spec = client.get("/api/openapi.json").json()
    assert "/api/stories" in spec["paths"] and "/api/check" in spec["paths"]
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in r.headers["content-security-policy"].split("script-src")[1].split(";")[0]


def test_pages_render_and_escape(client):
    story = first_story(client)
    assert client.get("/").status_code == 200
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200 and "Facts by source" in page.text
    assert client.get("/stories/nope").status_code == 404
    evil = {"title": "<script>alert(1)</script> headline", "outlet": "Evil <b>Times</b>",
            "text": "A council vote <img src=x onerror=alert(2)> happened in Norvale on Monday afternoon.\n\n"
                    "Officials said <script>document.title='pwned'</script> the vote passed by 30 to 12."}
    art_id = client.post("/api/articles", json=evil).json()["id"]
    html = client.get(f"/articles/{art_id}").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
