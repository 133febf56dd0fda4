"""The TSM's verdict beside a case's own clock, where the two must differ, and why.

CH02 and the case page share one start rule (the engine's). They can still differ: CH02
measures every complaint against the Code, whatever procedure it followed; it counts an
extension only up to the Code's cap and only when agreed before the deadline then in force; and
it may leave extensions out (``tsm: extensions_within_code: false``). The staff case page shows
these notes under its deadlines so a case on time there but late in the TSM says why.
"""

from __future__ import annotations

import datetime as dt

from ..config import TsmOptions
from ..engine import CaseResult, evaluate
from ..policy.model import CODE_POLICY_ID
from ..records import Case
from ..repository import Repository
from .collect import code_policy
from .facts import STAGES, CaseFacts, StageFacts, as_code_case, facts_of
from .tsm import within_code


def code_facts(repo: Repository, case: Case, result: CaseResult, today: dt.date) -> CaseFacts:
    """The case's facts as the TSMs see it (the Code's view, informal stages included)."""
    code = code_policy(repo)
    seen = as_code_case(case, repo.policies.get(result.policy))
    under = evaluate(seen, code, repo.calendar, today)
    return facts_of(seen, under, code, repo.calendar, today, 0, result.policy)


def _due(stage: StageFacts, options: TsmOptions) -> dt.date | None:
    return stage.respond_due_extended if options.extensions_within_code else stage.respond_due


def tsm_notes(facts: CaseFacts, result: CaseResult, options: TsmOptions) -> tuple[str, ...]:
    """One sentence per Code stage whose CH02 verdict may differ from the case's own clock."""
    out = []
    for number in STAGES:
        stage = facts.stage(number)
        due = _due(stage, options) if stage is not None else None
        if stage is None or due is None:
            continue
        clock = next((c for c in result.clocks if c.stage == number and c.clock == "respond"), None)
        why = []
        if result.policy != CODE_POLICY_ID:
            why.append(f"CH02 measures against the Code's timescales, not {result.policy}'s")
        elif clock is None or clock.due != due:
            if options.extensions_within_code and stage.extension_beyond_cap:
                why.append("the Code counts an extension only up to its cap (6.4 / 6.15)")
            if options.extensions_within_code and stage.extension_days_counted < (
                stage.extension_days
            ):
                why.append("an extension recorded after the deadline then in force does not count")
            if not options.extensions_within_code and stage.extensions:
                why.append("extensions are left out (tsm: extensions_within_code: false)")
        if not why:
            continue
        if stage.responded is None:
            verdict = "not answered yet"
        else:
            on_time = within_code(stage, options)
            verdict = f"answered {stage.responded.isoformat()}: {'within' if on_time else 'late'}"
        out.append(
            f"TSM CH02, stage {number}: due {due.isoformat()} by the Code; {verdict} "
            f"({'; '.join(why)})."
        )
    return tuple(out)
