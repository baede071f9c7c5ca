"""Executors run the per-article stages; the stages never know which one runs them.

`local` (a process pool, the default), `serial` (in this process, for tests and
tiny inputs) and `ray` (a Ray cluster, for when one machine is not enough).
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any


class Executor(ABC):
    name: str

    @abstractmethod
    def map(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        """Apply fn to every item, yielding results in the order of items."""

    def close(self) -> None:  # noqa: B027 - most executors hold nothing to release
        """Release workers."""


class SerialExecutor(Executor):
    name = "serial"

    def map(self, fn, items):
        return (fn(x) for x in items)


class LocalExecutor(Executor):
    """A process pool; started lazily so short runs never pay for it."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or max(1, min(4, os.cpu_count() or 1))
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn, items):
        if len(items) < 8 or self.workers == 1:
            return (fn(x) for x in items)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        chunk = max(1, len(items) // (self.workers * 4))
        return self._pool.map(fn, items, chunksize=chunk)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class RayExecutor(Executor):
    """Runs batches as Ray tasks; `address` joins an existing cluster, None starts a local one."""

    name = "ray"

    def __init__(self, address: str | None = None, batch: int = 64) -> None:
        try:
            import ray
        except ImportError as exc:
            raise RuntimeError("the ray executor needs Ray: pip install 'corroborate[ray]'") from exc
        self.ray = ray
        self.batch = batch
        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, log_to_driver=False)

    def map(self, fn, items):
        ray = self.ray
        remote = ray.remote(_apply_batch)
        batches = [list(items[i:i + self.batch]) for i in range(0, len(items), self.batch)]
        refs = [remote.remote(fn, b) for b in batches]
        for ref in refs:
            yield from ray.get(ref)


def _apply_batch(fn: Callable[[Any], Any], batch: list[Any]) -> list[Any]:
    return [fn(x) for x in batch]


def make_executor(name: str = "local", workers: int | None = None, address: str | None = None) -> Executor:
    if name == "serial":
        return SerialExecutor()
    if name == "local":
        return LocalExecutor(workers)
    if name == "ray":
        return RayExecutor(address)
    raise ValueError(f"unknown executor '{name}'; choose local, serial or ray")
