"""`complaints policy`: show a procedure as a table, and hold it against the Code."""

from __future__ import annotations

import os

import click

from .. import yamlfile
from ..errors import PolicyError
from ..policy.code_check import Breach, CodeCheckReport, check_against_code
from ..policy.loading import load_policy
from ..policy.model import Policy
from ..present import formats, present
from ..present.messages import policy_list_text
from . import cli
from .options import format_option, repo_of

CODE_POLICY = "hoc-2024"


def _policy_files(repo: str) -> dict[str, str]:
    """Policy id (the file name, which the loader holds the id to) -> file name."""
    directory = os.path.join(repo, "policies")
    if not os.path.isdir(directory):
        return {}
    return {
        os.path.splitext(name)[0]: name
        for name in sorted(os.listdir(directory))
        if name.endswith((".yaml", ".yml"))
    }


def _load(repo: str, policy_id: str) -> Policy:
    """One procedure by id; a missing or invalid file is a PolicyError naming file and line."""
    files = _policy_files(repo)
    if policy_id not in files:
        known = ", ".join(files) or "none (there is no policies/ folder)"
        raise PolicyError(f"no policy {policy_id!r} in {repo}/policies; known ids: {known}")
    rel = f"policies/{files[policy_id]}"
    policy, problems = load_policy(os.path.join(repo, rel), rel)
    if problems:
        # The edge prints the first as file:line: message; the rest follow it in full.
        first, rest = problems[0], problems[1:]
        more = "".join(f"\n{p.file}:{p.line}: {p.message}" for p in rest)
        raise PolicyError(first.message + more, file=first.file, line=first.line)
    if policy is None:  # pragma: no cover - the loader always says why
        raise PolicyError("cannot be loaded", file=rel)
    return policy


def _lines(repo: str, policy: Policy, breaches: list[Breach]) -> list[int | None]:
    """The line of each breach in the policy file (the file was just read, so it exists)."""
    with open(os.path.join(repo, policy.file), encoding="utf-8-sig") as handle:
        root = yamlfile.compose(handle.read())
    out: list[int | None] = []
    for breach in breaches:
        where = yamlfile.locate(root, breach.path)
        out.append(where[0] if where else None)
    return out


@cli.group("policy")
def policy_group() -> None:
    """Complaint procedures in policies/: show one, or hold it against the Code."""


@policy_group.command("list")
@click.pass_context
def list_policies(ctx: click.Context) -> None:
    """The ids of the procedures in policies/."""
    click.echo(policy_list_text(_policy_files(repo_of(ctx))), nl=False)


@policy_group.command("show")
@click.argument("policy_id", metavar="ID")
@format_option(*formats(Policy))
@click.pass_context
def show(ctx: click.Context, policy_id: str, fmt: str) -> None:
    """Show procedure ID's clocks, stages, rules and notes."""
    click.echo(present(_load(repo_of(ctx), policy_id), fmt), nl=False)


@policy_group.command("check")
@click.argument("policy_id", metavar="ID")
@format_option(*formats(CodeCheckReport))
@click.option(
    "--code",
    "code_id",
    default=CODE_POLICY,
    show_default=True,
    help="The procedure that stands for the Code (normally the Code itself).",
)
@click.pass_context
def check(ctx: click.Context, policy_id: str, fmt: str, code_id: str) -> None:
    """Hold procedure ID against the Complaint Handling Code.

    Prints each breach as FILE:LINE: Code PROVISION: message. Exit status: 0 when there is
    none, 1 when there is any (or the procedure cannot be loaded).
    """
    repo = repo_of(ctx)
    policy = _load(repo, policy_id)
    code = _load(repo, code_id)
    breaches = check_against_code(policy, code)
    lines = _lines(repo, policy, breaches)
    # Sorted by line, so the output reads down the file; the sort is stable for equal lines.
    ordered = sorted(zip(lines, breaches, strict=True), key=lambda pair: pair[0] or 0)
    click.echo(present(CodeCheckReport(policy, code, ordered), fmt), nl=False)
    if breaches:
        ctx.exit(1)
