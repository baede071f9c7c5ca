"""PostgreSQL backend for shared deployments (driver: psycopg 3, `pip install 'corroborate[postgres]'`)."""

from __future__ import annotations

from .base import StoreError
from .sql import SQLStore


class PostgresStore(SQLStore):
    placeholder = "%s"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL needs the psycopg driver: pip install 'corroborate[postgres]'") from exc
        self.url = _redact(url)
        try:
            self.db = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.url}: {str(exc).strip()}. Is the server running?") from exc
        self._exec("SELECT pg_advisory_lock(727274)")  # one migrator at a time across processes
        try:
            self._migrate()
        finally:
            self._exec("SELECT pg_advisory_unlock(727274)")

    def _begin(self) -> None:
        self.db.cursor().execute("BEGIN")


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url
