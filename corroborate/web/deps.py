"""Per-thread store handles for the server: SQLite connections are not shared across threads."""

from __future__ import annotations

import threading

from fastapi import Request

from ..storage import Store, open_store

_local = threading.local()


def get_store(request: Request) -> Store:
    """The calling thread's store for the app's database, opened on first use."""
    url = request.app.state.db
    stores = getattr(_local, "stores", None)
    if stores is None:
        stores = _local.stores = {}
    store = stores.get(url)
    if store is None:
        store = stores[url] = open_store(url)
    return store
