"""A brief does not depend on Python's per-process string hashing (set and dict order)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "seeds"


def _brief(seed: str) -> str:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    env = {**os.environ, "PYTHONHASHSEED": seed, "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-m", "corroborate", "summarize", "-q", "--format", "json", *files],
                          capture_output=True, text=True, env=env, check=True)
    return done.stdout


def test_the_same_articles_give_the_same_brief_under_any_hash_seed():
    if not SEEDS.exists():
        pytest.skip(f"seed reports not found at {SEEDS}")
    assert _brief("1") == _brief("2") == _brief("3")
