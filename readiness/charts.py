"""Geometry for the career ladder picture. Templates draw; this module only measures.

One column per role family, highest rung on top, as on the career map (careers.charts). The
learner's current role and the roles they look at are marked in words as well as in shape,
and an arrow runs from the current role to each of them. Arrows go round the rungs, never
through them: within a column along its left side; to the next column through the gap
between the two; to a column further on along the lane above the rungs.
"""

from dataclasses import dataclass

from careers.models import CareerPath, Family, RoleProfilePage
from careers.selectors import FAMILY_ORDER, ladder_sorted

RUNG_W, RUNG_H, RUNG_GAP = 240, 48, 12
COL_GAP = 80
LEFT = 56  # room for the arrows within a column
TOP = 56  # the family headings and, under them, the lane for arrows that pass a column
LANE_Y = 42
ARROW_STEP = 8  # between arrows that would otherwise run over each other

CURRENT, TARGET = "current", "target"
# The look of a rung, as CSS classes (static/css/spil.css; no style attributes, which the
# content security policy refuses). The theme's soft bar colour marks the current role, a
# thick outline the role looked at; the words inside the rung say the same.
LOOKS = {
    CURRENT: "spil-chart__bar spil-chart__bar--second",
    TARGET: "spil-chart__rung spil-chart__rung--target",
    "": "spil-chart__rung",
}


@dataclass(frozen=True)
class Rung:
    profile: RoleProfilePage
    x: int
    y: int
    mark: str  # CURRENT, TARGET or ""
    kind: str | None = None  # for a target: the kind of step (CareerPath.Kind), if one is described

    @property
    def cx(self) -> int:
        return self.x + RUNG_W // 2

    @property
    def cy(self) -> int:
        return self.y + RUNG_H // 2

    @property
    def css_class(self) -> str:
        return LOOKS[self.mark]

    @property
    def title_y(self) -> int:
        """The title on the middle line, or on the upper one above the mark's words."""
        return self.y + (20 if self.mark else 29)

    @property
    def mark_y(self) -> int:
        return self.y + 38


@dataclass(frozen=True)
class Arrow:
    points: list[tuple[float, float]]
    lateral: bool

    @property
    def svg_points(self) -> str:
        return " ".join(f"{x:g},{y:g}" for x, y in self.points)


def _families(current: RoleProfilePage | None, targets: list[RoleProfilePage]) -> list[str]:
    """The current role's family first, then the other families of the targets."""
    first = current.family if current is not None else targets[0].family
    others = {t.family for t in targets} - {first}
    return [first, *(f for f in FAMILY_ORDER if f in others)]


def _column_x(column: int) -> int:
    return LEFT + column * (RUNG_W + COL_GAP)


def _arrow(source: Rung, target: Rung, *, source_column: int, target_column: int, n: int, lateral: bool) -> Arrow:
    if source_column == target_column:
        side = source.x - 16 - n * ARROW_STEP
        points = [(source.x, source.cy), (side, source.cy), (side, target.cy), (target.x, target.cy)]
    else:
        leave = source.x + RUNG_W + COL_GAP / 2 - 12 + n * ARROW_STEP
        points = [(source.x + RUNG_W, source.cy), (leave, source.cy)]
        if target_column > source_column + 1:
            enter = target.x - COL_GAP / 2 - 12 + n * ARROW_STEP
            points += [(leave, LANE_Y), (enter, LANE_Y), (enter, target.cy)]
        else:
            points.append((leave, target.cy))
        points.append((target.x, target.cy))
    return Arrow(points=points, lateral=lateral)


def ladder_chart(
    *,
    profiles: list[RoleProfilePage],
    current: RoleProfilePage | None,
    targets: list[tuple[RoleProfilePage, str | None]],
) -> dict:
    """The ladders of the families of ``current`` and of the ``targets`` (each with the
    kind of step to it, or None), drawn from ``profiles`` (the live role profiles of those
    families; the current role and the targets show even when they are not live)."""
    target_profiles = [t for t, _kind in targets]
    if current is None and not target_profiles:
        return {"columns": [], "arrows": [], "rungs": [], "width": 0, "height": 0}
    families = _families(current, target_profiles)
    by_pk = {p.pk: p for p in [*profiles, *target_profiles, *([current] if current else [])] if p.family in families}
    kinds = {t.pk: kind for t, kind in targets}
    columns, rungs, where = [], {}, {}
    for column, family in enumerate(families):
        ladder = list(reversed(ladder_sorted(p for p in by_pk.values() if p.family == family)))
        x = _column_x(column)
        column_rungs = []
        for row, profile in enumerate(ladder):
            mark = ""
            if profile.pk in kinds:
                mark = TARGET
            if current is not None and profile.pk == current.pk:
                mark = CURRENT
            rung = Rung(profile=profile, x=x, y=TOP + row * (RUNG_H + RUNG_GAP), mark=mark, kind=kinds.get(profile.pk))
            column_rungs.append(rung)
            rungs[profile.pk], where[profile.pk] = rung, column
        columns.append({"label": Family(family).label, "x": x + RUNG_W // 2, "rungs": column_rungs})
    arrows = []
    if current is not None:
        sent: dict[int, int] = {}
        for target in target_profiles:
            if target.pk == current.pk:
                continue
            column = where[target.pk]
            n = sent.get(column, 0)
            sent[column] = n + 1
            arrows.append(
                _arrow(
                    rungs[current.pk],
                    rungs[target.pk],
                    source_column=0,
                    target_column=column,
                    n=n,
                    lateral=kinds[target.pk] == CareerPath.Kind.LATERAL,
                )
            )
    rows = max(len(c["rungs"]) for c in columns)
    return {
        "columns": columns,
        "arrows": arrows,
        "rungs": list(rungs.values()),
        "rung_w": RUNG_W,
        "rung_h": RUNG_H,
        "width": _column_x(len(columns)) - COL_GAP + 16,
        "height": TOP + rows * (RUNG_H + RUNG_GAP),
    }
