"""Shared fixtures: paths to the bundled example and the shared dev corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# One OpenMP thread for the gradient-boosted trees the stance tests train: on a busy 2-core machine,
# OpenMP threads spinning against other processes made a 20 s test take over ten minutes.
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harbour-fire"
SHARED = ROOT.parent / "shared" / "data"
SCHEMA = ROOT / "docs" / "brief.schema.json"


def shared_corpus(*parts: str) -> Path:
    """A folder of ../shared/data, or a clear skip when the shared data is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus {path} is absent (clone with ../shared beside the repo to run this test)")
    return path


@pytest.fixture
def seeds() -> Path:
    return shared_corpus("seeds")


@pytest.fixture
def example() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL server for the whole run; each test takes a fresh database on it."""
    from .pg import PostgresServer

    server = PostgresServer()
    yield server
    server.stop()
