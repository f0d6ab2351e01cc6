"""Geometry for the SVG charts of the HR insights dashboard. Templates draw; this module only
measures (as careers/charts.py and circles/charts.py do).

Two shapes: horizontal bars per label (completion per track or path, the competency levels),
with the number written at the end of each bar so the chart reads without colour; and a
chart over the months (columns for completions, a line for overdue assignments). Each chart
stands above a table with the same numbers (templates/insights/)."""

import datetime
import math
from dataclasses import dataclass

from django.utils.translation import gettext

LABEL_W, AREA_W, VALUE_W = 240, 320, 64
BAR_H, BAR_GAP, ROW_GAP, AXIS_H, LEGEND_H = 14, 3, 14, 26, 28
MAX_LABEL = 32
SERIES_CLASSES = ("spil-chart__bar", "spil-chart__bar spil-chart__bar--second")


def nice_step(maximum: float) -> int:
    """A round step for at most five grid lines (1, 2, 5, 10, 20, 50, ...)."""
    raw = max(maximum / 5, 1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)


def shorten(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


@dataclass(frozen=True)
class Bar:
    series: str
    css_class: str
    value: float | None
    y: int
    width: float

    @property
    def text_x(self) -> float:
        return LABEL_W + self.width + 6

    @property
    def text_y(self) -> int:
        return self.y + BAR_H - 3


@dataclass(frozen=True)
class Row:
    label: str
    short_label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Legend:
    series: str
    css_class: str
    x: int


def bar_chart(
    *, rows: list[tuple[str, list[float | None]]], series: list[str], maximum: float | None = None, step: int = 0
) -> dict:
    """``rows``: (label, one value per series; None for no value). The scale runs to
    ``maximum`` (100 for percentages) or to a round number above the largest value."""
    largest = max((value for _label, values in rows for value in values if value is not None), default=0)
    step = step or nice_step(maximum or largest)
    top = maximum or (math.ceil(largest / step) * step if largest else step)
    legend_h = LEGEND_H if len(series) > 1 else 0
    row_h = len(series) * (BAR_H + BAR_GAP) - BAR_GAP + ROW_GAP
    chart_rows = []
    for index, (label, values) in enumerate(rows):
        y = legend_h + index * row_h
        bars = [
            Bar(
                series=name,
                css_class=SERIES_CLASSES[n % len(SERIES_CLASSES)],
                value=value,
                y=y + n * (BAR_H + BAR_GAP),
                width=AREA_W * min(value or 0, top) / top,
            )
            for n, (name, value) in enumerate(zip(series, values, strict=True))
        ]
        chart_rows.append(
            Row(label=label, short_label=shorten(label), label_y=y + (row_h - ROW_GAP) // 2 + 5, bars=bars)
        )
    bottom = legend_h + len(rows) * row_h
    legend = [Legend(name, SERIES_CLASSES[n % len(SERIES_CLASSES)], LABEL_W + n * 150) for n, name in enumerate(series)]
    return {
        "rows": chart_rows,
        "legend": legend if legend_h else [],
        "x0": LABEL_W,
        "top": legend_h,
        "bottom": bottom,
        "bar_h": BAR_H,
        "width": LABEL_W + AREA_W + VALUE_W,
        "height": bottom + AXIS_H,
        "ticks": [(value, LABEL_W + AREA_W * value / top) for value in range(0, int(top) + 1, step)],
    }


X0, COLUMN_W, COLUMN_GAP, PLOT_TOP, PLOT_H, MONTH_H = 44, 34, 14, 22, 160, 40


@dataclass(frozen=True)
class Point:
    month: datetime.date
    value: int
    x: float  # left edge of the month's slot
    y: float  # top of the column, or the point of the line
    show_year: bool  # January, or the first month shown: its label gets the year too

    @property
    def centre(self) -> float:
        return self.x + COLUMN_W / 2

    @property
    def height(self) -> float:
        return PLOT_TOP + PLOT_H - self.y

    @property
    def value_y(self) -> float:
        return self.y - 6


def month_chart(*, points: list[tuple[datetime.date, int]], kind: str = "columns") -> dict:
    """A value per month, oldest left: ``kind`` "columns" or "line"."""
    largest = max((value for _month, value in points), default=0)
    step = nice_step(largest)
    top = math.ceil(largest / step) * step if largest else step
    bottom = PLOT_TOP + PLOT_H
    chart_points = [
        Point(
            month=month,
            value=value,
            x=X0 + index * (COLUMN_W + COLUMN_GAP),
            y=bottom - PLOT_H * value / top,
            show_year=index == 0 or month.month == 1,
        )
        for index, (month, value) in enumerate(points)
    ]
    return {
        "kind": kind,
        "points": chart_points,
        "line": " ".join(f"{point.centre:.1f},{point.y:.1f}" for point in chart_points),
        "x0": X0,
        "top": PLOT_TOP,
        "bottom": bottom,
        "column_w": COLUMN_W,
        "width": X0 + len(points) * (COLUMN_W + COLUMN_GAP),
        "height": bottom + MONTH_H,
        "month_y": bottom + 16,
        "year_y": bottom + 32,
        # (value, y of the grid line, y of its label)
        "ticks": [
            (value, bottom - PLOT_H * value / top, bottom - PLOT_H * value / top + 4)
            for value in range(0, top + 1, step)
        ],
    }


MOST = 15  # bars in a chart per track or path: the ones with the most people; the table has all


def most(rows, *, size) -> list:
    """The MOST rows with the largest ``size``, in their own order."""
    if len(rows) <= MOST:
        return list(rows)
    kept = set(sorted(range(len(rows)), key=lambda index: -size(rows[index]))[:MOST])
    return [row for index, row in enumerate(rows) if index in kept]


def dashboard_charts(dashboard) -> dict:
    """The charts of an ``insights.selectors.Dashboard``. The charts per track and per path
    show the MOST with the most people (``"tracks_all"``, ``"paths_all"``: whether that is all)."""
    labels = {
        "percent": gettext("Afgerond (%)"),
        "average": gettext("Gemiddeld niveau"),
        "required": gettext("Gevraagd niveau"),
    }
    return {
        "tracks": bar_chart(
            rows=[(row.track, [row.percent]) for row in most(dashboard.tracks, size=lambda row: row.enrolled)],
            series=[labels["percent"]],
            maximum=100,
            step=25,
        ),
        "tracks_all": len(dashboard.tracks) <= MOST,
        "paths": bar_chart(
            rows=[(row.path, [row.percent]) for row in most(dashboard.paths, size=lambda row: row.assigned)],
            series=[labels["percent"]],
            maximum=100,
            step=25,
        ),
        "paths_all": len(dashboard.paths) <= MOST,
        "completions": month_chart(points=[(row.month, row.completions) for row in dashboard.months]),
        "overdue": month_chart(points=[(row.month, row.overdue) for row in dashboard.months], kind="line"),
        "heatmaps": [(heatmap, level_chart(heatmap.rows, labels=labels)) for heatmap in dashboard.heatmaps],
    }


def level_chart(rows, *, labels: dict[str, str]) -> dict:
    """The average level per competency, beside the level the role profile asks (when one
    was chosen to compare with)."""
    if any(row.required is not None for row in rows):
        return bar_chart(
            rows=[(row.competency, [row.average, row.required]) for row in rows],
            series=[labels["average"], labels["required"]],
            maximum=4,
            step=1,
        )
    return bar_chart(
        rows=[(row.competency, [row.average]) for row in rows], series=[labels["average"]], maximum=4, step=1
    )
