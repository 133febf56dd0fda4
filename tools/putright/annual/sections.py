"""A self-assessment's rows, section by section of the Code: the staff one
(``selfassess.SelfAssessment``, evidence unsuppressed) and the public one
(``public_assessment.PublicAssessment``, sentences suppressed) have this one shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from .provisions import Provision, Section
from .yearfile import Answer


class AssessedRow(Protocol):
    @property
    def provision(self) -> Provision: ...

    @property
    def answer(self) -> Answer | None: ...

    @property
    def contradiction(self) -> str: ...  # '' when the records do not contradict the answer


R = TypeVar("R", bound=AssessedRow)


@dataclass(frozen=True, slots=True)
class SectionRows(Generic[R]):
    section: Section
    rows: tuple[R, ...]

    def stage_rows(self, stage: str | None) -> tuple[R, ...]:
        return tuple(r for r in self.rows if r.provision.stage == stage)


class Assessed(Generic[R]):
    """Every row of an assessment, how many are answered, which the records contradict."""

    __slots__ = ()
    label: str
    written: bool
    approved: str
    sections: tuple[SectionRows[R], ...]

    @property
    def rows(self) -> tuple[R, ...]:
        return tuple(r for s in self.sections for r in s.rows)

    @property
    def answered(self) -> int:
        return sum(1 for r in self.rows if r.answer is not None)

    @property
    def contradictions(self) -> tuple[R, ...]:
        return tuple(r for r in self.rows if r.contradiction)

    def summary_json(self, rows: list[dict[str, object]]) -> dict[str, object]:
        """The assessment as JSON around its rows (each already rendered as the audience may see it)."""
        return {
            "year": self.label,
            "written": self.written,
            "approved": self.approved,
            "answered": self.answered,
            "provisions": len(self.rows),
            "rows": rows,
        }
