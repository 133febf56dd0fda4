"""The editor on this computer: the admin page and decap-server's local git backend.

One address on 127.0.0.1 serves the repository's admin/ page, Decap CMS and the YAML parser
from the pinned npm packages (``/admin/vendor/...``), and passes ``/api/v1`` to decap-server,
started as a child in ``git`` mode over the working tree. The admin page points Decap's
``local_backend`` at the same address, so nothing but this one port is opened. The same
address answers the case number widget (``/putright/next-id``): the next free id of a year,
counted as ``complaints new`` counts it.

decap-server in git mode checks out the editor's branches (``cms/...``) in the working tree
and commits with ``git add .``: anything uncommitted would go into the case's branch, so the
tree must be clean when the editor starts.
"""

from __future__ import annotations

import http.server
import json
import mimetypes
import os
import re
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from ..editing.commit import require_git
from ..editing.ids import next_id
from ..errors import GitError, PutrightError
from .packages import EditorError, Installed, require_node
from .page import ADMIN_DIR, VENDOR

HOST = "127.0.0.1"
API = "/api/v1"
NEXT_ID = (
    "/putright/next-id"  # asked by the case number widget (cms/assets/putright-case-number.js)
)
_YEAR_QUERY = re.compile(r"^year=([0-9]{4})$")
_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".yml": "text/yaml"}


def _git(root: str, *args: str) -> str:
    done = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise EditorError(f"git {' '.join(args)} failed in {root}: {done.stderr.strip()}")
    return done.stdout


def check_repository(root: str, branch: str = "main") -> None:
    """EditorError unless decap-server can work here: a Git repository, clean, with admin/."""
    try:
        require_git(root)
    except GitError as exc:
        raise EditorError(str(exc)) from None
    if not os.path.isfile(os.path.join(root, ADMIN_DIR, "config.yml")):
        raise EditorError("no admin/config.yml here: run `complaints cms config --write` first")
    if _git(root, "branch", "--list", branch).strip() == "":
        raise EditorError(f"the editor saves to the branch {branch!r}, and there is none here")
    dirty = _git(root, "status", "--porcelain").splitlines()
    if dirty:
        raise EditorError(
            "the working tree has uncommitted changes ("
            + ", ".join(d[3:] for d in dirty[:3])
            + (", ..." if len(dirty) > 3 else "")
            + "): commit or stash them first, "
            "as the editor's local server commits everything in the tree with each save"
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _inside(base: str, rel: str) -> str | None:
    """The file ``rel`` under ``base``, or None if it is not a file there (no ``..`` escapes)."""
    base = os.path.realpath(base)
    path = os.path.realpath(os.path.join(base, rel))
    if os.path.commonpath([base, path]) != base or not os.path.isfile(path):
        return None
    return path


class _Handler(http.server.BaseHTTPRequestHandler):
    editor: Editor  # set on the subclass made per server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _file(self, path: str | None) -> None:
        if path is None:
            self._send(404, b"not found\n", "text/plain; charset=utf-8")
            return
        ext = os.path.splitext(path)[1]
        kind = _TYPES.get(ext) or mimetypes.guess_type(path)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind == "application/json":
            kind += "; charset=utf-8"
        with open(path, "rb") as handle:
            self._send(200, handle.read(), kind)

    def _next_id(self, query: str) -> None:
        # Counted afresh for every new form, as `complaints new` counts: the cases on the editor's
        # own cms/... branches (saved, not yet published) hold their numbers.
        year = _YEAR_QUERY.match(query)
        if year is None:
            self._send(400, b'{"error": "year=YYYY expected"}', "application/json")
            return
        try:
            case_id = next_id(self.editor.root, int(year.group(1)))
        except PutrightError as exc:
            self._send(500, json.dumps({"error": str(exc)}).encode(), "application/json")
            return
        self._send(200, json.dumps({"id": case_id}).encode(), "application/json")

    def do_GET(self) -> None:
        route, _, query = self.path.partition("?")
        if route == NEXT_ID:
            self._next_id(query)
            return
        if route in ("/", f"/{ADMIN_DIR}"):
            self.send_response(302)
            self.send_header("Location", f"/{ADMIN_DIR}/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        prefix = f"/{ADMIN_DIR}/"
        if not route.startswith(prefix):
            self._file(None)
            return
        rel = route[len(prefix) :] or "index.html"
        if rel.startswith("vendor/"):
            name, _, rest = rel[len("vendor/") :].partition("/")
            if name not in VENDOR:
                self._file(None)
                return
            self._file(_inside(self.editor.installed.module(*VENDOR[name]), rest))
            return
        self._file(_inside(os.path.join(self.editor.root, ADMIN_DIR), rel))

    def do_POST(self) -> None:
        if self.path != API:
            self._send(404, b"not found\n", "text/plain; charset=utf-8")
            return
        # Only the admin page on this address: a JSON body (a cross-site form cannot send one
        # without asking first, and this server never says yes) and no foreign Origin.
        origin = self.headers.get("Origin")
        own = self.editor.url.rsplit(f"/{ADMIN_DIR}/", 1)[0]
        kind = self.headers.get("Content-Type", "").split(";")[0].strip()
        if kind != "application/json" or (origin is not None and origin != own):
            self._send(403, b'{"error": "refused"}', "application/json")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        request = urllib.request.Request(
            self.editor.backend_url, data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                self._send(answer.status, answer.read(), "application/json")
        except urllib.error.HTTPError as exc:
            self._send(exc.code, exc.read(), "application/json")


@dataclass
class Editor:
    root: str
    installed: Installed
    backend_url: str
    child: subprocess.Popen[bytes]
    server: http.server.ThreadingHTTPServer | None = None
    thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://{HOST}:{self.server.server_address[1]}/{ADMIN_DIR}/"

    def stop(self) -> None:
        """Stop serving and end decap-server (terminate, then kill if it lingers)."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if self.child.poll() is None:
            self.child.terminate()
            try:
                self.child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait()


def _wait_for_backend(child: subprocess.Popen[bytes], url: str, timeout: float = 60) -> None:
    request = json.dumps({"action": "info"}).encode()
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if child.poll() is not None:
            err = child.stderr.read().decode(errors="replace") if child.stderr else ""
            raise EditorError(f"decap-server stopped at start: {err.strip()[-500:]}")
        try:
            req = urllib.request.Request(
                url, data=request, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(req, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise EditorError(f"decap-server did not answer at {url} within {timeout:.0f} s")


def start(root: str, installed: Installed, port: int = 0) -> Editor:
    """Start decap-server and the page server; the caller must call ``stop()``."""
    node, _ = require_node()
    root = os.path.abspath(root)
    backend_port = free_port()
    env = {
        **os.environ,
        "MODE": "git",
        "GIT_REPO_DIRECTORY": root,
        "PORT": str(backend_port),
        "BIND_HOST": HOST,
        "LOG_LEVEL": "warn",
    }
    child = subprocess.Popen(
        [node, installed.module("decap-server", "dist", "index.js")],
        cwd=installed.folder,  # not the repository: decap-server reads a .env from its folder
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    editor = Editor(root, installed, f"http://{HOST}:{backend_port}{API}", child)
    try:
        _wait_for_backend(child, editor.backend_url)
        handler = type("Handler", (_Handler,), {"editor": editor})
        try:
            editor.server = http.server.ThreadingHTTPServer((HOST, port), handler)
        except OSError as exc:
            raise EditorError(f"cannot listen on {HOST}:{port}: {exc.strerror}") from None
        editor.server.daemon_threads = True
        editor.thread = threading.Thread(target=editor.server.serve_forever, daemon=True)
        editor.thread.start()
    except BaseException:
        editor.stop()
        raise
    return editor
