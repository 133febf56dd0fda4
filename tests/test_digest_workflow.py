"""The Digests workflow: its schedule and permissions, and its steps run for real here.

Only `gh` is faked (tests/test_workflows.py's recorder); `complaints` runs as installed, as of
the real today, as on GitHub. Email goes to a real SMTP server on localhost that offers no
STARTTLS: the digest must then not be sent at all (it is never sent in clear).
"""

from __future__ import annotations

import json
import socketserver
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from putright.digest.mail import digest_message, recipients
from workflow_support import (
    FAKE_GH,
    FAKE_PYTHON,
    ROOT,
    SECRETS,
    TEMPLATES,
    add_cases,
    case_repository,
    expression_values,
    fake_bin,
    gh_calls,
    load_workflow,
    run_step,
    step,
)

DIGEST = load_workflow(TEMPLATES / "digest.yml")


def test_runs_every_weekday_morning_and_may_write_issues_only() -> None:
    assert DIGEST["on"]["schedule"] == [{"cron": "30 6 * * 1-5"}]
    assert "period" in DIGEST["on"]["workflow_dispatch"]["inputs"]
    assert DIGEST["permissions"] == {"contents": "read", "issues": "write"}
    # The email step runs only where the trust has set its own SMTP server.
    assert step(DIGEST, "Email the digests")["if"] == "${{ env.SEND_EMAIL == 'true' }}"


def test_install_step_uses_the_pin_in_a_trust_repository_and_the_source_here(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    fake = fake_bin(tmp_path, "python", FAKE_PYTHON)
    log = tmp_path / "python.log"
    for cwd in (repo, ROOT):
        done = run_step(
            step(DIGEST, "Install Putright"),
            cwd,
            tmp_path,
            path_prefix=fake,
            env={"FAKE_PYTHON_LOG": str(log)},
        )
        assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        "-m pip install -r requirements.txt",
        "-m pip install -e .",
    ]


def _write_step(tmp: Path, repo: Path, asked: str, open_issue: str) -> list[dict[str, Any]]:
    fake = fake_bin(tmp, "gh", FAKE_GH)
    done = run_step(
        step(DIGEST, "Write the digests due today"),
        repo,
        tmp,
        path_prefix=fake,
        env={"FAKE_GH_LOG": str(tmp / "gh.log"), "FAKE_GH_OPEN_ISSUE": open_issue},
        expressions=expression_values(**{"${{ inputs.period }}": asked}),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    calls = gh_calls(tmp)
    for call in calls:
        text = json.dumps(call)
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} reached gh: {call['args']}"
    return calls


def test_an_asked_digest_opens_its_issue_and_fills_the_summary(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    calls = _write_step(tmp_path, repo, "quarter", open_issue="")
    quarter = [c for c in calls if "putright-digest-quarter" in c["args"]]
    assert quarter[0]["args"][:3] == ["label", "create", "putright-digest-quarter"]
    created = next(
        c
        for c in calls
        if c["args"][:2] == ["issue", "create"] and "putright-digest-quarter" in c["args"]
    )
    title = created["args"][created["args"].index("--title") + 1]
    assert title.startswith("Quarterly complaints report: ")
    assert (
        "putright-digest-quarter" in created["body"]
        and "Quarterly complaints report" in created["body"]
    )
    summary = (tmp_path / "step-summary.md").read_text(encoding="utf-8")
    assert "Quarterly complaints report" in summary
    sent = (tmp_path / "runner-temp" / "digests-sent").read_text(encoding="utf-8").split()
    assert "quarter" in sent


def test_an_open_digest_issue_is_rewritten(tmp_path: Path, run: Callable[..., Any]) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    calls = _write_step(tmp_path, repo, "week", open_issue="23")
    edits = [c for c in calls if c["args"][:3] == ["issue", "edit", "23"]]
    assert edits and any("Weekly complaints digest" in c["body"] for c in edits)
    assert not any(c["args"][:2] == ["issue", "create"] for c in calls)


class _NoTlsSmtp(socketserver.StreamRequestHandler):
    """A real SMTP server's first words, without STARTTLS; it records any DATA it is sent."""

    received: ClassVar[list[bytes]] = []

    def handle(self) -> None:
        self.wfile.write(b"220 localhost test\r\n")
        while line := self.rfile.readline():
            verb = line.strip().split(b" ")[0].upper()
            if verb == b"EHLO":
                self.wfile.write(b"250-localhost\r\n250 SIZE 1000000\r\n")
            elif verb == b"DATA":
                self.received.append(line)
                self.wfile.write(b"354 go on\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def smtp_port() -> Iterator[int]:
    _NoTlsSmtp.received = []
    server = socketserver.TCPServer(("127.0.0.1", 0), _NoTlsSmtp)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def test_email_is_never_sent_in_clear(
    tmp_path: Path, run: Callable[..., Any], smtp_port: int
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    (tmp_path / "runner-temp").mkdir()
    (tmp_path / "runner-temp" / "digests-sent").write_text("week\n", encoding="utf-8")
    secrets = {
        "${{ secrets.DIGEST_SMTP_HOST }}": "127.0.0.1",
        "${{ secrets.DIGEST_SMTP_PORT }}": str(smtp_port),
        "${{ secrets.DIGEST_SMTP_USERNAME }}": "",
        "${{ secrets.DIGEST_SMTP_PASSWORD }}": "",
        "${{ secrets.DIGEST_FROM }}": "complaints@trust.example",
        "${{ secrets.DIGEST_TO }}": "manager@trust.example",
    }
    done = run_step(
        step(DIGEST, "Email the digests"), repo, tmp_path, expressions=expression_values(**secrets)
    )
    assert done.returncode != 0
    assert "could not send the week digest through 127.0.0.1" in done.stderr
    assert "Traceback" not in done.stderr
    assert _NoTlsSmtp.received == []


def test_the_email_holds_the_digest_as_text_and_html(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    import datetime as dt

    from putright import digest
    from putright.repository import Repository

    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    built = digest.build("week", Repository.open(str(repo)), dt.date.today())
    message = digest_message(
        built, "complaints@trust.example", recipients("a@trust.example, b@trust.example")
    )
    assert message["To"] == "a@trust.example, b@trust.example"
    assert message["Subject"].startswith("Weekly complaints digest: week of ")
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and "jsmith" in text.get_content()
    assert html is not None and "<table>" in html.get_content()
    with pytest.raises(Exception, match="DIGEST_TO must list"):
        recipients("not an address")
