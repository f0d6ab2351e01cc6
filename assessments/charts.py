"""Geometry for the result charts. Templates draw; this module only measures."""

from dataclasses import dataclass

MAX_LEVEL = 4
LABEL_W, AREA_W, ROW_H = 250, 320, 44


def x_of(level: float) -> float:
    return LABEL_W + AREA_W * level / MAX_LEVEL


@dataclass(frozen=True)
class ComparisonRow:
    name: str
    y: int
    own: float | None
    own_width: float
    required: int | None
    required_width: float


def comparison_chart(rows) -> dict:
    """Two bars per competency: your level and the level the role asks."""
    bars = [
        ComparisonRow(
            name=row.name,
            y=i * ROW_H,
            own=row.level,
            own_width=AREA_W * (row.level or 0) / MAX_LEVEL,
            required=row.required,
            required_width=AREA_W * (row.required or 0) / MAX_LEVEL,
        )
        for i, row in enumerate(rows)
    ]
    return {
        "bars": bars,
        "x0": LABEL_W,
        "width": LABEL_W + AREA_W + 20,
        "height": len(bars) * ROW_H + 30,
        "ticks": [(level, x_of(level)) for level in range(MAX_LEVEL + 1)],
    }


def history_chart(history: dict) -> dict:
    """A row per competency with a dot per attempt (oldest lightest) joined by a line."""
    attempts = history["attempts"]
    rows = []
    for i, (cid, name) in enumerate(history["competencies"]):
        points = [
            (n, x_of(history["levels"][a.pk][cid]), history["levels"][a.pk][cid])
            for n, a in enumerate(attempts, start=1)
            if cid in history["levels"][a.pk]
        ]
        y = i * 34 + 20
        rows.append({"name": name, "y": y, "points": points, "line": " ".join(f"{x:.1f},{y}" for _, x, _ in points)})
    return {
        "rows": rows,
        "x0": LABEL_W,
        "width": LABEL_W + AREA_W + 20,
        "height": len(rows) * 34 + 40,
        "ticks": [(level, x_of(level)) for level in range(MAX_LEVEL + 1)],
        "count": len(attempts),
    }
