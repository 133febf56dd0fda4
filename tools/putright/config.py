"""complaints.yml: the organisation's settings, with the contract's defaults."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from . import validation, yamlfile
from .errors import ConfigError

CONFIG_FILE = "complaints.yml"

# The Housing Ombudsman's contact details as a landlord's published procedure prints them
# (saha, Complaints and Compliments Procedure, "Role of the Housing Ombudsman"). Letters give
# them where the Code asks (6.5/6.16 extensions, 2.4 refusals, 6.19 stage 2 responses);
# complaints.yml `letters.ombudsman` replaces them.
OMBUDSMAN_CONTACT = (
    "Housing Ombudsman Service, PO Box 152, Liverpool L33 7WQ. "
    "Telephone: 0300 111 3000. Email: info@housing-ombudsman.org.uk"
)


@dataclass(frozen=True, slots=True)
class LetterSettings:
    """What letters say about the organisation and the Ombudsman (complaints.yml `letters:`)."""

    contents_required_from: dt.date | None = None  # check warns on responses from this day
    contact: str | None = None
    ombudsman: str = OMBUDSMAN_CONTACT


@dataclass(frozen=True, slots=True)
class TsmOptions:
    """The choices the Regulator's technical requirements leave open (docs/reference/tsm.md)."""

    count_refused: bool = False  # a refused complaint was never a complaint handled at stage 1
    count_withdrawn: bool = True  # it was received; if it was answered, the answer counts
    extensions_within_code: bool = True  # a response within a Code-compliant extension is on time
    lcho_apart: bool = True  # low-cost home ownership cases reported separately


@dataclass(frozen=True, slots=True)
class Team:
    """An area or section: its officers and categories, and who manages it."""

    name: str
    line_manager: str | None = None
    head_of_service: str | None = None
    officers: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


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
    # History dated before this day is not audited (records moved in by hand): audit.not_before.
    audit_not_before: dt.date | None = None
    tsm: TsmOptions = field(default_factory=TsmOptions)
    site_url: str | None = None
    public_title: str | None = None
    reports_dir: str = "reports"
    teams: tuple[Team, ...] = ()
    letters: LetterSettings = field(default_factory=LetterSettings)

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
        audit_not_before=(
            dt.date.fromisoformat(str(audit["not_before"])) if "not_before" in audit else None
        ),
        tsm=TsmOptions(**tsm),
        site_url=public.get("site_url"),
        public_title=public.get("title"),
        reports_dir=data.get("reports_dir", "reports"),
        teams=tuple(
            Team(
                name=str(team["name"]),
                line_manager=team.get("line_manager"),
                head_of_service=team.get("head_of_service"),
                officers=tuple(team.get("officers", ())),
                categories=tuple(team.get("categories", ())),
            )
            for team in data.get("teams", ())
        ),
        letters=_letters(data.get("letters") or {}),
    )


def _letters(raw: dict[str, Any]) -> LetterSettings:
    since = raw.get("contents_required_from")
    return LetterSettings(
        contents_required_from=dt.date.fromisoformat(since) if since else None,
        contact=raw.get("contact"),
        ombudsman=raw.get("ombudsman") or OMBUDSMAN_CONTACT,
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
    for keys in (("audit", "not_before"), ("letters", "contents_required_from")):
        _check_date(loaded.data, loaded.text, keys)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ConfigError(first.message + more, file=CONFIG_FILE, line=first.line)
    _check_teams(loaded.data.get("teams") or [], loaded.text)
    return _from_data(loaded.data)


def _check_teams(teams: list[dict[str, Any]], text: str) -> None:
    """Each team named once, each officer in one team: a case must belong to one team."""
    names: set[str] = set()
    officers: dict[str, str] = {}
    for index, team in enumerate(teams):
        name = str(team["name"])
        if name in names:
            where = yamlfile.locate(yamlfile.compose(text), ["teams", index, "name"])
            raise ConfigError(
                f"team {name!r} is named twice", file=CONFIG_FILE, line=where[0] if where else None
            )
        names.add(name)
        for officer_index, officer in enumerate(team.get("officers") or []):
            if officer in officers and officers[officer] != name:
                where = yamlfile.locate(
                    yamlfile.compose(text), ["teams", index, "officers", officer_index]
                )
                raise ConfigError(
                    f"officer {officer!r} is in team {officers[officer]!r} and team {name!r}: "
                    "each officer belongs to one team",
                    file=CONFIG_FILE,
                    line=where[0] if where else None,
                )
            officers[officer] = name


def _check_date(data: dict[str, Any], text: str, keys: tuple[str, str]) -> None:
    """A setting that must be a real date (YYYY-MM-DD): ConfigError with its line when not."""
    value = (data.get(keys[0]) or {}).get(keys[1])
    if value is None:
        return
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        where = yamlfile.locate(yamlfile.compose(text), list(keys))
        raise ConfigError(
            f"{'.'.join(keys)}: {value!r} is not a real date (YYYY-MM-DD)",
            file=CONFIG_FILE,
            line=where[0] if where else None,
        ) from None
