"""Scoring and gaps, as pure functions over plain values, so the edge cases are easy to test.

A competency's level is the mean of the levels given to its statements. A competency with
no answers has no level: it is 'not assessed', never a gap. A role profile without a
requirement for a competency gives no gap either. Gaps are sorted largest first; ties go
to the higher requirement, then to the competency name, so the order is stable.
"""

from collections import defaultdict
from dataclasses import dataclass
from statistics import mean


def competency_levels(answers) -> dict[int, float]:
    """{competency_id: mean level} from (competency_id, level) pairs."""
    levels: dict[int, list[int]] = defaultdict(list)
    for competency_id, level in answers:
        if level is not None:
            levels[competency_id].append(level)
    return {competency_id: round(mean(values), 1) for competency_id, values in levels.items() if values}


@dataclass(frozen=True)
class Gap:
    competency_id: int
    name: str
    level: float | None
    required: int | None

    @property
    def size(self) -> float:
        if self.level is None or self.required is None:
            return 0.0
        return max(0.0, round(self.required - self.level, 1))

    @property
    def assessed(self) -> bool:
        return self.level is not None


def compare(*, names: dict[int, str], levels: dict[int, float], requirements: dict[int, int]) -> list[Gap]:
    """One row per competency that was asked or is required, gaps first (largest first)."""
    rows = [
        Gap(competency_id=cid, name=names[cid], level=levels.get(cid), required=requirements.get(cid))
        for cid in set(levels) | set(requirements)
        if cid in names
    ]
    return sorted(rows, key=lambda g: (-g.size, -(g.required or 0), g.name))


def gaps_only(rows: list[Gap]) -> list[Gap]:
    return [row for row in rows if row.size > 0]
