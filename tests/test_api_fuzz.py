"""Property-based fuzzing of the REST API from its own OpenAPI spec (schemathesis), bounded in examples.

Whatever the generated input, the server must never answer with a 5xx, and every error is JSON.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from corroborate.cli import main
from corroborate.web.app import create_app

from .conftest import EXAMPLE

DB = str(Path(tempfile.mkdtemp(prefix="corroborate-fuzz-")) / "fuzz.db")
schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(DB))


@pytest.fixture(scope="module", autouse=True)
def stored_example():
    assert main(["ingest", str(EXAMPLE), "--db", DB, "--quiet"]) == 0


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_never_answers_5xx(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.path} answered {response.status_code}: {response.text[:300]}"
    if response.status_code >= 400:
        assert "error" in response.json(), response.text[:300]
