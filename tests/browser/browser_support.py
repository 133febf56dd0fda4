"""What the browser tests share: how Chromium is started, a local server, page URLs.

The `browser` fixture itself is in tests/conftest.py, so every test file sees it.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# No background networking: this machine's network is closed, and Chromium would keep trying.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}"),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) for the block; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def page_url(url: str, root: Path, name: str) -> str:
    """A page's URL, with directory URLs (name/) or plain files (name.html), as built."""
    if name == "index":
        return f"{url}/"
    if (root / name / "index.html").is_file():
        return f"{url}/{name}/"
    return f"{url}/{name}.html"


@dataclass(frozen=True)
class Site:
    """A built site being served: its URL and the folder it was built into."""

    url: str
    root: Path
    case_id: str = ""  # an ordinary case to search for (the staff site)
    builder: str = "mkdocs"  # or zensical: the same pages, a different search box

    def page(self, name: str) -> str:
        return f"{self.url}/404.html" if name == "404" else page_url(self.url, self.root, name)
