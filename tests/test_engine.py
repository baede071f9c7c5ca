"""Ingest idempotence and crash-resume, through the engine and a real killed process."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from corroborate.engine import build_stories, ingest
from corroborate.options import Options
from corroborate.storage import open_store

TOPICS = ["harbour", "library", "election", "flood", "festival", "bridge", "airport", "school"]


def write_corpus(folder, n: int) -> None:
    """n small distinct made-up articles, a few topics so stories form."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        text = (f"Report {i} on the {topic} in Norvale\n\n"
                f"Officials in Norvale said on Monday that the {topic} project number {i} would go ahead. "
                f"The council approved {100 + i} thousand euros for the {topic} works.\n\n"
                f"Residents of Norvale welcomed the {topic} decision, the mayor Alma Teodor said.")
        (folder / f"article-{i:04d}.txt").write_text(text, encoding="utf-8")


def article_ids(db_path) -> list[str]:
    return [r[0] for r in sqlite3.connect(db_path).execute("SELECT id FROM articles")]


def test_ingest_twice_adds_nothing(tmp_path, example):
    db = str(tmp_path / "x.db")
    opts = Options(db=db, executor="serial")
    with open_store(db) as store:
        first = ingest([str(example)], store, opts)
        build_stories(store, opts)
        stories_before = [(r.id, r.article_ids) for r in store.list_stories()]
        second = ingest([str(example)], store, opts)
        build_stories(store, opts)
        assert first.added == 6 and not first.errors
        assert second.added == 0 and second.duplicates == 6
        assert store.count_articles() == 6
        assert [(r.id, r.article_ids) for r in store.list_stories()] == stories_before


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "kill.db"
    write_corpus(corpus, 240)
    cmd = [sys.executable, "-m", "corroborate", "ingest", str(corpus), "--db", str(db), "--quiet",
           "--executor", "serial", "--batch-size", "8"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                if len(article_ids(db)) >= 16:
                    break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_after_kill = len(article_ids(db))
    assert 0 < stored_after_kill < 240
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    ids = article_ids(db)
    assert len(ids) == 240 and len(set(ids)) == 240
    assigned = sqlite3.connect(db).execute("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM story_articles").fetchone()
    assert assigned == (240, 240)
