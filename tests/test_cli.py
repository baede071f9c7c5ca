"""End-to-end: the CLI on the bundled example and on the seeds; every brief validates against the schema."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from corroborate.cli import main

from .conftest import SCHEMA

VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_valid_brief(brief: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(brief), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    ids = {a["id"] for a in brief["story"]["articles"]}
    cited = [s for part in ("summary", "facts", "timeline", "entities") for item in brief[part] for s in item["sources"]]
    assert set(cited) <= ids, "a citation points outside the story"


def test_run_on_example_writes_reports(tmp_path, capsys, example):
    db, out = tmp_path / "ex.db", tmp_path / "out"
    code, stdout, _ = run_cli(capsys, "run", str(example), "--db", str(db), "--out", str(out), "--quiet")
    assert code == 0
    assert (out / "index.html").exists()
    briefs = sorted(out.glob("story-*.json"))
    assert len(briefs) == 2, "the example holds two events"
    for path in briefs:
        brief = json.loads(path.read_text())
        assert_valid_brief(brief)
        assert path.with_suffix(".md").exists() and path.with_suffix(".html").exists()
    fire = max((json.loads(p.read_text()) for p in briefs), key=lambda b: len(b["story"]["articles"]))
    assert len(fire["story"]["articles"]) == 4
    assert any(f["single_source"] for f in fire["facts"])
    assert any(f["independent_sources"] >= 3 for f in fire["facts"])
    code, stdout, _ = run_cli(capsys, "stories", "--db", str(db), "--json")
    listed = json.loads(stdout)
    assert sorted(len(s["articles"]) for s in listed) == [2, 4]
    assert set(listed[0]["articles"][0]) == {"id", "source", "outlet", "title", "published", "label"}


def test_brief_formats_and_unknown_story(tmp_path, capsys, example):
    db = str(tmp_path / "b.db")
    assert run_cli(capsys, "ingest", str(example), "--db", db, "--quiet")[0] == 0
    story_id = json.loads(run_cli(capsys, "stories", "--db", db, "--json")[1])[0]["id"]
    code, out, _ = run_cli(capsys, "brief", story_id, "--db", db, "--format", "json", "--words", "60")
    brief = json.loads(out)
    assert_valid_brief(brief)
    assert sum(len(s["text"].split()) for s in brief["summary"]) <= 60 + 40
    code, out, _ = run_cli(capsys, "brief", story_id, "--db", db, "--format", "md")
    assert code == 0 and out.startswith("# ") and "## Facts" in out and "## Sources" in out
    code, out, _ = run_cli(capsys, "brief", story_id, "--db", db, "--format", "html")
    assert "Content-Security-Policy" in out and "<script" not in out
    code, _, err = run_cli(capsys, "brief", "no-such-story", "--db", db)
    assert code == 3 and "no story" in err


def test_summarize_given_articles(capsys, example):
    files = [str(p) for p in sorted(example.iterdir()) if p.suffix in (".txt", ".html", ".json")]
    code, out, _ = run_cli(capsys, "summarize", *files, "--format", "json", "--words", "80")
    assert code == 0
    brief = json.loads(out)
    assert_valid_brief(brief)
    assert len(brief["story"]["articles"]) == 3


def test_bad_inputs_keep_what_is_stored(tmp_path, capsys, example):
    db = str(tmp_path / "bad.db")
    assert run_cli(capsys, "ingest", str(example), "--db", db, "--quiet")[0] == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (bad / "latin.txt").write_bytes("caf\xe9 au lait, a story".encode("latin-1"))
    (bad / "broken.json").write_text('{"title": "x", "text": ')
    (bad / "broken.jsonl").write_text('{"title": "ok", "text": "A fine made-up line about a town fair."}\n{oops\n')
    (bad / "page.html").write_text("<html><body><div></div></body></html>")
    (bad / "trunc.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (bad / "notes.xyz").write_text("what is this")
    code, out, err = run_cli(capsys, "ingest", str(bad), str(tmp_path / "missing-path"), "--db", db, "--json")
    report = json.loads(out)
    assert code == 1
    failed = {e["source"].rsplit("/", 1)[-1] for e in report["errors"]}
    for name in ("empty.txt", "binary.txt", "latin.txt", "broken.json", "page.html", "notes.xyz", "missing-path"):
        assert any(name in f for f in failed), f"{name} not reported: {failed}"
    assert any("broken.jsonl" in f for f in failed)
    assert all(e["reason"] for e in report["errors"])
    assert report["stored_articles"] == 7  # the 6 example articles + the good JSONL line
    assert "error:" in err


def test_fifty_megabyte_file_is_refused_fast(tmp_path, capsys):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    code, out, _ = run_cli(capsys, "ingest", str(big), "--db", str(tmp_path / "big.db"), "--json")
    assert code == 1
    assert re.search(r"MB|limit|large", json.loads(out)["errors"][0]["reason"])


def test_seeds_make_one_story_without_furniture(tmp_path, capsys, seeds):
    db, out = tmp_path / "s.db", tmp_path / "out"
    code, _, _ = run_cli(capsys, "run", str(seeds), "--db", str(db), "--out", str(out), "--quiet")
    assert code == 0
    listed = json.loads(run_cli(capsys, "stories", "--db", str(db), "--json")[1])
    assert len(listed) == 1 and len(listed[0]["articles"]) == 4
    brief = json.loads(next(out.glob("story-*.json")).read_text())
    assert_valid_brief(brief)
    from corroborate.storage import open_store

    with open_store(str(db)) as store:
        bodies = [a.body for a in store.iter_articles()]
    furniture = ["Most Popular", "Recent Comments", "Post a Comment", "RELATED:", "google plus", "| Photo:",
                 "se / ack", "0 Comments", "Post with no comments"]
    for body in bodies:
        for junk in furniture:
            assert junk not in body, f"furniture {junk!r} left in a clean body"


@pytest.mark.parametrize("argv", [["--help"], ["ingest", "--help"], ["stories", "--help"], ["brief", "--help"],
                                  ["summarize", "--help"], ["run", "--help"]])
def test_help(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_evaluation_commands_wiring(tmp_path, capsys, example):
    text = tmp_path / "note.txt"
    text.write_text("The council met on Monday and will vote again next week, a year after the 2024 election.")
    code, out, _ = run_cli(capsys, "timex", str(text), "--anchor", "2025-03-10", "--json")
    values = {t["text"]: t["value"] for t in json.loads(out)}
    assert code == 0 and values.get("Monday") == "2025-03-10" and "2024" in values.values()
    mentions = tmp_path / "m.jsonl"
    rows = [{"id": "m1", "doc": "d1", "text": "Alma Teodor", "sentence": "Mayor Alma Teodor opened the fair.",
             "start": 6, "end": 17},
            {"id": "m2", "doc": "d2", "text": "Teodor", "sentence": "Teodor said the fair was a success.",
             "start": 0, "end": 6}]
    mentions.write_text("\n".join(json.dumps(r) for r in rows))
    code, out, _ = run_cli(capsys, "resolve-mentions", str(mentions))
    result = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in result] == ["m1", "m2"] and result[0]["entity"] == result[1]["entity"]
    pairs = tmp_path / "s.jsonl"
    pairs.write_text(json.dumps({"id": "p1", "claim": "The mayor opened the fair",
                                 "body": "Mayor Alma Teodor opened the town fair on Saturday."}) + "\n")
    code, out, _ = run_cli(capsys, "stance", str(pairs))
    assert code == 0 and json.loads(out)["stance"] in {"agree", "disagree", "discuss", "unrelated"}
    db = str(tmp_path / "c.db")
    run_cli(capsys, "ingest", str(example), "--db", db, "--quiet")
    code, out, _ = run_cli(capsys, "check", "About 140 firefighters fought the fire", "--db", db, "--json")
    assert code == 0 and json.loads(out)["verdict"] in {"supported", "contradicted", "disputed", "not found"}


def test_embeddings_without_the_extra_fail_before_any_work(tmp_path, capsys, example, monkeypatch):
    import corroborate.cluster_embed as cluster_embed

    monkeypatch.setattr(cluster_embed, "available", lambda: False)
    db = tmp_path / "e.db"
    assert main(["ingest", str(example), "--db", str(db), "--embeddings", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "embeddings extra" in err and "pip install" in err
    assert not db.exists()  # nothing was started
