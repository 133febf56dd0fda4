"""complaints.yml: the organisation's settings, with the contract's defaults."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from . import validation, yamlfile
from .errors import ConfigError

CONFIG_FILE = "complaints.yml"


@dataclass(frozen=True, slots=True)
class TsmOptions:
    """The choices the Regulator's technical requirements leave open (docs/reference/tsm.md)."""

    count_refused: bool = False  # a refused complaint was never a complaint handled at stage 1
    count_withdrawn: bool = True  # it was received; if it was answered, the answer counts
    extensions_within_code: bool = True  # a response within a Code-compliant extension is on time
    lcho_apart: bool = True  # low-cost home ownership cases reported separately


@dataclass(frozen=True, slots=True)
class Settings:
    organisation: str
    homes: int | None = None
    homes_lcho: int | None = None
    default_policy: str = "hoc-2024"
    nation: str = "ENG"
    closures: tuple[dt.date, ...] = ()
    year_start: tuple[int, int] = (4, 1)  # month, day
    min_cell: int = 5
    cutoffs: tuple[tuple[int, int], ...] = ()  # public.cutoffs (month, day); () = quarter ends
    categories: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    retention_years: int = 6
    close_ended_after_days: int = 60  # check reminds to close a refused / withdrawn case
    late_event_working_days: int = 5
    late_logging_working_days: int = 5
    tsm: TsmOptions = field(default_factory=TsmOptions)
    site_url: str | None = None
    public_title: str | None = None
    reports_dir: str = "reports"

    def year_of(self, day: dt.date) -> int:
        """The reporting year a date falls in, named by the calendar year it starts in."""
        month, dom = self.year_start
        return day.year if (day.month, day.day) >= (month, dom) else day.year - 1

    def year_period(self, year: int) -> tuple[dt.date, dt.date]:
        month, dom = self.year_start
        start = dt.date(year, month, dom)
        end = dt.date(year + 1, month, dom) - dt.timedelta(days=1)
        return start, end

    @staticmethod
    def year_label(year: int) -> str:
        return f"{year}-{(year + 1) % 100:02d}"


def _from_data(data: dict[str, Any]) -> Settings:
    calendar = data.get("calendar") or {}
    public = data.get("public") or {}
    audit = data.get("audit") or {}
    tsm = data.get("tsm") or {}
    month, day = (int(x) for x in str(data.get("reporting_year_start", "04-01")).split("-"))
    return Settings(
        organisation=data["organisation"],
        homes=data.get("homes"),
        homes_lcho=data.get("homes_lcho"),
        default_policy=data.get("default_policy", "hoc-2024"),
        nation=calendar.get("nation", "ENG"),
        closures=tuple(sorted(dt.date.fromisoformat(d) for d in calendar.get("closures", ()))),
        year_start=(month, day),
        min_cell=public.get("min_cell", 5),
        cutoffs=tuple(
            (int(c.split("-")[0]), int(c.split("-")[1])) for c in public.get("cutoffs", ())
        ),
        categories=tuple(data.get("categories", ())),
        officers=tuple(data.get("officers", ())),
        retention_years=(data.get("retention") or {}).get("years_after_closure", 6),
        close_ended_after_days=(data.get("retention") or {}).get("close_ended_after_days", 60),
        late_event_working_days=audit.get("late_event_working_days", 5),
        late_logging_working_days=audit.get("late_logging_working_days", 5),
        tsm=TsmOptions(**tsm),
        site_url=public.get("site_url"),
        public_title=public.get("title"),
        reports_dir=data.get("reports_dir", "reports"),
    )


def load_settings(repo: str) -> Settings:
    """Read and check complaints.yml; raise ConfigError with file and line when it is wrong."""
    path = os.path.join(repo, CONFIG_FILE)
    if not os.path.isfile(path):
        raise ConfigError(
            f"no {CONFIG_FILE} here: is {os.path.abspath(repo)!r} a case repository? "
            "(run from its root, pass --repo PATH, or create one with `complaints init`)"
        )
    loaded = yamlfile.load_file(path, CONFIG_FILE)
    if loaded.problems:
        first = loaded.problems[0]
        raise ConfigError(first.message, file=CONFIG_FILE, line=first.line)
    if not isinstance(loaded.data, dict):
        raise ConfigError(
            "must be a mapping with at least `organisation:`", file=CONFIG_FILE, line=1
        )
    assert loaded.text is not None
    problems = validation.problems("complaints", loaded.data, loaded.text, CONFIG_FILE)
    for closure_index, value in enumerate(
        (loaded.data.get("calendar") or {}).get("closures") or []
    ):
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            where = yamlfile.locate(
                yamlfile.compose(loaded.text), ["calendar", "closures", closure_index]
            )
            raise ConfigError(
                f"{value!r} is not a real date", file=CONFIG_FILE, line=where[0] if where else None
            ) from None
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ConfigError(first.message + more, file=CONFIG_FILE, line=first.line)
    return _from_data(loaded.data)
