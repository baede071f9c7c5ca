"""A real server on a loopback port and a real headless Chromium (Debian's), for browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str:
    path = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    try:
        import playwright  # noqa: F401
    except ImportError:
        path = None
    if not path:
        if os.environ.get("CI"):
            pytest.fail("browser tests need Debian's chromium and Playwright for Python; .ci/run installs them")
        pytest.skip("browser tests skipped: Debian's chromium (apt-get install chromium chromium-driver) "
                    "or playwright is missing")
    return path


class LiveServer:
    """uvicorn serving the app in a thread, stopped at the end."""

    def __init__(self, db: str) -> None:
        import uvicorn

        from corroborate.web.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 60
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("the test server did not start within 60 s")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
