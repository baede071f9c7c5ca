"""A throwaway PostgreSQL server for tests: initdb + pg_ctl on a loopback port (Debian's packages).

In CI (CI=true) a missing server or driver is a failure, not a skip: `.ci/run` installs both.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile

import pytest


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL test cannot run in CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason} (install Debian's postgresql package and psycopg)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self) -> None:
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            _missing("no initdb found under /usr/lib/postgresql")
        try:
            import psycopg  # noqa: F401
        except ImportError:
            _missing("the psycopg driver is not installed")
        self.bindir = os.path.dirname(bins[-1])
        self.root = tempfile.mkdtemp(prefix="corroborate-pg-")
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.root, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        data = os.path.join(self.root, "data")
        self._run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync")
        self._run("pg_ctl", "-D", data, "-w", "-l", os.path.join(self.root, "log"), "-o",
                  f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        self.data = data
        self.count = 0

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, os.path.join(self.bindir, tool), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def new_database(self) -> str:
        import psycopg

        self.count += 1
        name = f"test_{self.count}"
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
